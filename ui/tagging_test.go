package ui

import (
	"os"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/parallax-reader/parallax/model"
	"github.com/parallax-reader/parallax/ui/keys"
	"github.com/parallax-reader/parallax/ui/tagform"
	"github.com/parallax-reader/parallax/ui/theme"
)

// t on the cursor sentence, a kind and severity by letter, a note, ctrl+s:
// the tag is in the file when the status says so, and highlighted in both
// panes.
func TestTagFormSavesThroughStore(t *testing.T) {
	arts := tagArticles()
	st, path := openTestStore(t, arts, false)
	m := newTagModel(t, arts, st, 120, 30)

	typeKeys(m, "]", "]", "t") // cursor on the second sentence of article 1
	if m.State() != keys.Tagging || m.tags.form == nil {
		t.Fatalf("t did not open the form (state %d, status %q)", m.State(), m.Status())
	}
	f := m.tags.form.form
	claim := spanOf(t, m, 0, "Officials said 40 people were hurt.")
	if f.Claim().Span != claim || f.Claim().ArticleID != "a1" || f.Claim().Label != "wire-one.example" {
		t.Fatalf("claim %+v, want the cursor sentence %+v", f.Claim(), claim)
	}
	// The next pane has no cursor: its first sentence in view is preset.
	cp := f.Counterpart()
	if cp == nil || cp.ArticleID != "a2" || cp.Text != "Ruiz said the delegation would return." {
		t.Fatalf("counterpart %+v", cp)
	}
	if !strings.Contains(screen(m), "Officials said 40 people") || !strings.Contains(screen(m), "kind") {
		t.Fatalf("form not drawn over the panes:\n%s", screen(m))
	}

	// Kind, severity, then the counterpart one sentence on.
	typeKeys(m, "n", "h", "]")
	if cp := f.Counterpart(); cp == nil || cp.Text != "Officials said 14 people were hurt." {
		t.Fatalf("] on the counterpart field: %+v", cp)
	}
	if c, _ := m.Panes()[1].Cursor(); c != 1 {
		t.Fatalf("counterpart pane cursor %d, want 1", c)
	}
	typeKeys(m, "tab")
	typeText(m, "40 or 14 hurt: check the ministry count")
	if len(st.Annotations()) != 0 {
		t.Fatal("saved before ctrl+s")
	}
	run(m, ctrl('s'))

	if m.State() != keys.Reading || m.tags.form != nil {
		t.Fatalf("form still open after save: state %d, status %q", m.State(), m.Status())
	}
	if got := m.Status(); got != "tagged: high number tag" {
		t.Fatalf("status %q", got)
	}
	anns := reopenStore(t, path, arts, true).Annotations()
	if len(anns) != 1 {
		t.Fatalf("file holds %d tags, want 1", len(anns))
	}
	a := anns[0]
	if a.Kind != model.Number || a.Severity != model.High || a.Note != "40 or 14 hurt: check the ministry count" {
		t.Fatalf("saved %+v", a)
	}
	if len(a.Targets) != 2 || a.Targets[0].Exact != "Officials said 40 people were hurt." ||
		a.Targets[1].Exact != "Officials said 14 people were hurt." || a.Targets[1].Role != tagform.RoleCounterpart {
		t.Fatalf("targets %+v", a.Targets)
	}

	// Both passages are highlighted, with a gutter mark.
	for i, want := range []string{"Officials said 40 people were hurt.", "Officials said 14 people were hurt."} {
		decs := m.Panes()[i].Decorations(LayerTags)
		if len(decs) != 1 || decs[0].Class != theme.Tag || m.Panes()[i].Article().Slice(decs[0].Span) != want {
			t.Fatalf("pane %d tag layer %+v", i+1, decs)
		}
		if len(m.Panes()[i].Decorations(LayerSelection)) != 0 {
			t.Fatalf("pane %d still marks the form's passage", i+1)
		}
	}
	marked := false
	for _, row := range strings.Split(screen(m), "\n") {
		marked = marked || strings.HasPrefix(row, "┃┃ ") && strings.Contains(row, "40 people")
	}
	if !marked {
		t.Fatalf("no tag gutter mark:\n%s", screen(m))
	}
	// The cursor sits on the tag: the status bar says what it is.
	run(m, press("j")) // any key clears the message
	if !strings.Contains(statusLine(m), "high number tag: 40 or 14 hurt") {
		t.Fatalf("cursor on a tag: %q", statusLine(m))
	}
	typeKeys(m, "]")
	if strings.Contains(statusLine(m), "number tag") {
		t.Fatalf("cursor off the tag still shows it: %q", statusLine(m))
	}
}

// A selection is what gets tagged; an omission has no counterpart.
func TestTagSelectionAsOmission(t *testing.T) {
	arts := tagArticles()
	st, _ := openTestStore(t, arts, false)
	m := newTagModel(t, arts, st, 120, 30)
	typeKeys(m, "v", "w", "w", "t")
	if got := m.tags.form.form.Claim().Text; got != "We will return" {
		t.Fatalf("claim %q", got)
	}
	typeKeys(m, "o", "enter", "x") // omission, medium, no counterpart
	if m.tags.form.form.Counterpart() != nil {
		t.Fatal("x left a counterpart")
	}
	run(m, ctrl('s'))
	anns := st.Annotations()
	if len(anns) != 1 || anns[0].Kind != model.Omission || anns[0].Severity != model.Medium || len(anns[0].Targets) != 1 ||
		anns[0].Targets[0].Exact != "We will return" {
		t.Fatalf("saved %+v", anns)
	}
	if m.State() != keys.Reading || m.tags.sel != nil || len(m.Panes()[0].Decorations(LayerSelection)) != 0 {
		t.Fatal("selection kept after tagging it")
	}
	if got := m.Status(); got != "tagged: medium omission tag" {
		t.Fatalf("status %q", got)
	}
}

// esc closes the form without saving; from a selection it goes back to it.
func TestTagFormCancel(t *testing.T) {
	arts := tagArticles()
	st, _ := openTestStore(t, arts, false)
	m := newTagModel(t, arts, st, 120, 30)
	typeKeys(m, "v", "w", "t", "esc")
	if m.State() != keys.Selecting || selected(m) != "We will" {
		t.Fatalf("cancel from a selection: state %d, selection %q", m.State(), selected(m))
	}
	typeKeys(m, "esc", "t", "esc")
	if m.State() != keys.Reading || len(st.Annotations()) != 0 {
		t.Fatalf("cancel: state %d, %d tags", m.State(), len(st.Annotations()))
	}
}

// With three articles, ← and → move the counterpart between the others;
// the claim's own article is skipped.
func TestTagFormCounterpartPanes(t *testing.T) {
	arts := tagArticles()
	c := arts[1]
	c.ID, c.URI, c.Outlet = "a3", "urn:test:a3", "wire-three.example"
	arts = append(arts, c)
	st, _ := openTestStore(t, arts, false)
	m := newTagModel(t, arts, st, 160, 30)
	typeKeys(m, "t", "c", "l")
	f := m.tags.form.form
	if f.Field() != tagform.CounterpartField || f.Counterpart().ArticleID != "a2" {
		t.Fatalf("field %v, counterpart %+v", f.Field(), f.Counterpart())
	}
	want := []string{"a3", "a2", "a3"}
	for i, k := range []string{"right", "right", "left"} {
		run(m, tea.KeyPressMsg{Code: map[string]rune{"right": tea.KeyRight, "left": tea.KeyLeft}[k]})
		if got := f.Counterpart().ArticleID; got != want[i] {
			t.Fatalf("step %d: counterpart in %s, want %s", i, got, want[i])
		}
		if m.Focus() != map[string]int{"a2": 1, "a3": 2}[want[i]] {
			t.Fatalf("step %d: focus %d does not follow the counterpart", i, m.Focus())
		}
	}
	run(m, ctrl('s'))
	if m.Focus() != 0 {
		t.Fatalf("focus %d after saving, want the claim's pane", m.Focus())
	}
	if a := st.Annotations(); len(a) != 1 || a[0].Targets[1].Article != "a3" {
		t.Fatalf("saved %+v", a)
	}
}

// The counterpart prefers the analysis's aligned passage to the first
// sentence in view.
func TestTagFormCounterpartFromAlignment(t *testing.T) {
	arts := tagArticles()
	st, _ := openTestStore(t, arts, false)
	m := newTagModel(t, arts, st, 120, 30)
	claim := spanOf(t, m, 0, "Officials said 40 people were hurt.")
	aligned := spanOf(t, m, 1, "Officials said 14 people were hurt.")
	run(m, AnalysisMsg{Analysis: &model.Analysis{Alignments: []model.Alignment{
		{A: model.Passage{Article: "a2", Span: spanOf(t, m, 1, "The meeting ran long.")}, B: model.Passage{Article: "a1", Span: claim}, Score: 0.3},
		{A: model.Passage{Article: "a1", Span: claim}, B: model.Passage{Article: "a2", Span: aligned}, Score: 0.9},
	}}})
	typeKeys(m, "]", "]", "t")
	if cp := m.tags.form.form.Counterpart(); cp == nil || cp.Span != aligned {
		t.Fatalf("counterpart %+v, want the aligned sentence", cp)
	}
}

// A store that cannot save shows why, and the form stays open with what
// was typed.
func TestTagFormSaveErrorKeepsForm(t *testing.T) {
	arts := tagArticles()
	st, _ := openTestStore(t, arts, false)
	m := newTagModel(t, arts, st, 120, 30)
	typeKeys(m, "t", "f", "l", "tab")
	typeText(m, "tone differs")
	st.Close() // every change now fails
	run(m, ctrl('s'))
	if m.State() != keys.Tagging || m.tags.form == nil {
		t.Fatal("form closed although nothing was saved")
	}
	if !strings.Contains(m.Status(), "could not save the tag") || !m.statusErr {
		t.Fatalf("status %q", m.Status())
	}
	if got := m.tags.form.form.Note(); got != "tone differs" {
		t.Fatalf("note lost: %q", got)
	}
	if !strings.Contains(statusLine(m), "could not save") {
		t.Fatalf("error not on screen: %q", statusLine(m))
	}
}

// A read-only store refuses t and says why, in the status bar, and shows
// that it is read-only all along.
func TestReadOnlyRefusesTagging(t *testing.T) {
	arts := tagArticles()
	st, path := openTestStore(t, arts, false)
	if _, err := st.Add(model.Annotation{Kind: model.Role, Targets: []model.Target{{Article: "a1", Span: model.Span{Start: 3, End: 7}}}}); err != nil {
		t.Fatal(err)
	}
	st.Close()
	ro := reopenStore(t, path, arts, true)
	m := newTagModel(t, arts, ro, 120, 30)
	if !strings.Contains(statusLine(m), "read-only: opened read-only") {
		t.Fatalf("status bar: %q", statusLine(m))
	}
	for _, k := range []string{"t", "u", "ctrl+r"} {
		if k == "ctrl+r" {
			run(m, ctrl('r'))
		} else {
			typeKeys(m, k)
		}
		if m.State() != keys.Reading || m.Status() != "read-only: opened read-only; tags cannot be changed" {
			t.Fatalf("%s: state %d, status %q", k, m.State(), m.Status())
		}
	}
	// Its tags still show.
	if len(m.Panes()[0].Decorations(LayerTags)) != 1 {
		t.Fatal("read-only store's tags not shown")
	}
}

// Without a store, the tagging keys are off and help does not list them.
func TestNoStoreNoTagKeys(t *testing.T) {
	m := newModel(t, tagArticles(), 120, 30)
	typeKeys(m, "t", "v")
	if m.State() != keys.Reading {
		t.Fatal("tagging without a store")
	}
	typeKeys(m, "?")
	if strings.Contains(screen(m), "select a passage") {
		t.Fatal("help lists v without a store")
	}
}

// u and ctrl+r undo and redo additions and say so as the store words it.
func TestUndoRedo(t *testing.T) {
	arts := tagArticles()
	st, path := openTestStore(t, arts, false)
	m := newTagModel(t, arts, st, 120, 30)
	typeKeys(m, "u")
	if m.Status() != "nothing to undo" || m.statusErr {
		t.Fatalf("status %q", m.Status())
	}
	typeKeys(m, "t", "q", "h")
	run(m, ctrl('s'))
	typeKeys(m, "u")
	if len(st.Annotations()) != 0 || !strings.HasPrefix(m.Status(), "undid") {
		t.Fatalf("after u: %d tags, status %q", len(st.Annotations()), m.Status())
	}
	if len(m.Panes()[0].Decorations(LayerTags)) != 0 {
		t.Fatal("undone tag still highlighted")
	}
	run(m, ctrl('r'))
	if len(st.Annotations()) != 1 || !strings.HasPrefix(m.Status(), "redid") {
		t.Fatalf("after ctrl+r: %d tags, status %q", len(st.Annotations()), m.Status())
	}
	if len(m.Panes()[0].Decorations(LayerTags)) != 1 {
		t.Fatal("redone tag not highlighted")
	}
	if n := len(reopenStore(t, path, arts, true).Annotations()); n != 1 {
		t.Fatalf("file holds %d tags after redo", n)
	}
}

// Another program's edit is merged on the next refresh and re-placed; a
// file that stops parsing is warned about, never overwritten.
func TestRefreshAfterExternalEdit(t *testing.T) {
	arts := tagArticles()
	st, path := openTestStore(t, arts, false)
	m := newTagModel(t, arts, st, 120, 30)
	typeKeys(m, "]", "t", "c", "h", "tab")
	typeText(m, "first note")
	run(m, ctrl('s'))

	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	edited := strings.Replace(string(data), "first note", "note rewritten elsewhere", 1)
	if edited == string(data) {
		t.Fatal("note not found in the file")
	}
	writeFile(t, path, edited)
	run(m, refreshTickMsg{})
	if got := m.Status(); got != "annotation file changed on disk — merged" {
		t.Fatalf("status %q", got)
	}
	if a := st.Annotations(); len(a) != 1 || a[0].Note != "note rewritten elsewhere" {
		t.Fatalf("merged %+v", a)
	}
	run(m, press("j"))
	if !strings.Contains(statusLine(m), "note rewritten") {
		t.Fatalf("tag under the cursor not refreshed: %q", statusLine(m))
	}

	writeFile(t, path, "{ not json")
	run(m, refreshTickMsg{})
	if !strings.Contains(statusLine(m), "annotation file unreadable") {
		t.Fatalf("no warning for a broken file: %q", statusLine(m))
	}
	typeKeys(m, "t", "x")
	run(m, ctrl('s'))
	if m.State() != keys.Tagging || !m.statusErr {
		t.Fatalf("a save over a broken file: state %d, status %q", m.State(), m.Status())
	}
	if got, _ := os.ReadFile(path); string(got) != "{ not json" {
		t.Fatal("the broken file was overwritten")
	}
}

func writeFile(t *testing.T, path, data string) {
	t.Helper()
	tmp := path + ".tmp"
	if err := os.WriteFile(tmp, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(tmp, path); err != nil {
		t.Fatal(err)
	}
}

// A conflict the store resolved is shown as a warning; here another
// program removed the file and the store wrote the tags back.
func TestRefreshShowsConflict(t *testing.T) {
	arts := tagArticles()
	st, path := openTestStore(t, arts, false)
	m := newTagModel(t, arts, st, 120, 30)
	typeKeys(m, "t", "r")
	run(m, ctrl('s'))
	if err := os.Remove(path); err != nil {
		t.Fatal(err)
	}
	run(m, refreshTickMsg{})
	if !m.statusErr || !strings.Contains(m.Status(), "annotation file changed on disk: ") ||
		!strings.Contains(m.Status(), "removed") {
		t.Fatalf("status %q", m.Status())
	}
	if !strings.Contains(statusLine(m), "annotation file changed on disk") {
		t.Fatalf("not on screen: %q", statusLine(m))
	}
	if n := len(reopenStore(t, path, arts, true).Annotations()); n != 1 {
		t.Fatalf("file holds %d tags after the warning", n)
	}
	if len(m.Panes()[0].Decorations(LayerTags)) != 1 {
		t.Fatal("tag highlight lost")
	}
}
