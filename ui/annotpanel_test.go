package ui

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/parallax-reader/parallax/annotations"
	"github.com/parallax-reader/parallax/model"
	"github.com/parallax-reader/parallax/ui/keys"
	"github.com/parallax-reader/parallax/ui/pane"
	"github.com/parallax-reader/parallax/ui/tagform"
)

// addTestTags saves two tags: a number discrepancy across both articles
// and an omission in the first.
func addTestTags(t *testing.T, st *annotations.Store, arts []model.Article) (number, omission model.Annotation) {
	t.Helper()
	find := func(a model.Article, s string) model.Span {
		i := strings.Index(a.Text, s)
		if i < 0 {
			t.Fatalf("%q not in %s", s, a.ID)
		}
		return model.Span{Start: i, End: i + len(s)}
	}
	number, err := st.Add(model.Annotation{Kind: model.Number, Severity: model.High, Note: "40 or 14?\nsecond line",
		Targets: []model.Target{
			{Article: "a1", Span: find(arts[0], "40 people were hurt"), Role: tagform.RoleClaim},
			{Article: "a2", Span: find(arts[1], "14 people were hurt"), Role: tagform.RoleCounterpart},
		}})
	if err != nil {
		t.Fatal(err)
	}
	omission, err = st.Add(model.Annotation{Kind: model.Omission, Severity: model.Low,
		Targets: []model.Target{{Article: "a1", Span: find(arts[0], "as expected"), Role: tagform.RoleClaim}}})
	if err != nil {
		t.Fatal(err)
	}
	return number, omission
}

// panelText is the open panel as drawn, without styling.
func annotationRows(m *Model) []string {
	var rows []string
	for _, s := range m.annotationsPanel().Sections() {
		for _, it := range s.Items {
			var cells []string
			for _, c := range it.Cells {
				cells = append(cells, c.Text)
			}
			rows = append(rows, strings.Join(cells, " | "))
		}
	}
	return rows
}

func TestAnnotationsPanelLists(t *testing.T) {
	arts := tagArticles()
	st, _ := openTestStore(t, arts, false)
	addTestTags(t, st, arts)
	m := newTagModel(t, arts, st, 240, 30) // the panel at its widest
	typeKeys(m, "a")
	if m.State() != keys.PanelOpen || m.openedPanel() != m.annotationsPanel() {
		t.Fatalf("a did not open the annotations panel (state %d)", m.State())
	}
	rows := annotationRows(m)
	// At its widest the panel has room for both passages, shortened alike.
	if len(rows) != 2 || !strings.HasPrefix(rows[0], "number | high | [1] “40 people w") ||
		!strings.Contains(rows[0], "” ↔ [2] “14 people w") || !strings.HasSuffix(rows[0], "” · 40 or 14?") ||
		rows[1] != "omission | low | [1] “as expected” ↔ (missing elsewhere)" {
		t.Fatalf("rows:\n%s", strings.Join(rows, "\n"))
	}
	scr := screen(m)
	if !strings.Contains(scr, "Annotations · 2") || !strings.Contains(scr, "high  [1] “40 people w") {
		t.Fatalf("panel not drawn:\n%s", scr)
	}
	// Help lists the panel's own keys.
	typeKeys(m, "?")
	for _, w := range []string{"edit tag", "delete tag", "next kind", "undo"} {
		if !strings.Contains(screen(m), w) {
			t.Fatalf("help lacks %q:\n%s", w, screen(m))
		}
	}
	typeKeys(m, "?", "a")
	if m.State() != keys.Reading || m.openedPanel() != nil {
		t.Fatal("a again did not close the panel")
	}
}

// Passages share the row: a short one takes what it needs, the longer
// ones split the rest evenly, none below the minimum.
func TestPassageRooms(t *testing.T) {
	ts := func(lens ...int) []model.Target {
		var out []model.Target
		for _, n := range lens {
			out = append(out, model.Target{Exact: strings.Repeat("x", n)})
		}
		return out
	}
	cases := []struct {
		lens  []int
		width int
		want  []int
	}{
		{[]int{10, 10}, 100, []int{10, 10}},  // both fit
		{[]int{10, 100}, 60, []int{10, 35}},  // 60-2*6-3 = 45: 10, then the rest
		{[]int{100, 100}, 60, []int{22, 23}}, // split evenly
		{[]int{100, 100}, 20, []int{12, 12}}, // never below the minimum
		{[]int{100}, 40, []int{34}},
	}
	for _, c := range cases {
		got := passageRooms(ts(c.lens...), c.width)
		for i := range got {
			if got[i] != c.want[i] {
				t.Errorf("passageRooms(%v, %d) = %v, want %v", c.lens, c.width, got, c.want)
				break
			}
		}
	}
}

// enter scrolls every pane holding a passage of the tag to it and marks it.
func TestAnnotationsPanelJump(t *testing.T) {
	arts := threeLongArticles(t)
	st, _ := openTestStore(t, arts, false)
	addTestTags(t, st, arts)
	m := newTagModel(t, arts, st, 140, 20)
	typeKeys(m, "a", "enter")
	for i, want := range []string{"40 people were hurt", "14 people were hurt"} {
		p := m.Panes()[i]
		sp, ok := p.MarkSpan()
		if !ok || p.Article().Slice(sp) != want || !p.Shows(sp) {
			t.Fatalf("pane %d: mark %v %v (%q), shown %v", i+1, sp, ok, p.Article().Slice(sp), p.Shows(sp))
		}
		if len(p.Decorations(pane.LayerMark)) != 1 {
			t.Fatalf("pane %d not marked", i+1)
		}
	}
	if m.Focus() != 0 || !strings.Contains(m.Status(), "high number tag: 40 or 14?") {
		t.Fatalf("focus %d, status %q", m.Focus(), m.Status())
	}
	// Narrow: the panel takes the screen, and a jump closes it to show the
	// panes.
	run(m, tea.WindowSizeMsg{Width: 80, Height: 24})
	if m.openedPanel() == nil {
		t.Fatal("the panel closed on a jump beside the panes")
	}
	typeKeys(m, "j", "enter")
	if m.openedPanel() != nil {
		t.Fatal("panel still hides the panes after a jump at 80 columns")
	}
	if sp, ok := m.Panes()[0].MarkSpan(); !ok || m.Panes()[0].Article().Slice(sp) != "as expected" {
		t.Fatalf("omission not marked: %v %v", sp, ok)
	}
}

// threeLongArticles pads the test articles so their passages start off
// screen, and adds a third article with no tags.
func threeLongArticles(t *testing.T) []model.Article {
	arts := tagArticles()
	pad := strings.Repeat("Filler sentence about nothing much at all. ", 80)
	for i := range arts {
		arts[i].Text = pad + arts[i].Text
		arts[i].Sentences = nil
	}
	out := make([]model.Article, 0, 3)
	for _, a := range arts {
		out = append(out, fixtureArticle(a))
	}
	c := fixtureArticle(model.Article{ID: "a3", URI: "urn:test:a3", Outlet: "wire-three.example", Title: "Third", Text: pad})
	return append(out, c)
}

func TestAnnotationsPanelEditDeleteUndo(t *testing.T) {
	arts := tagArticles()
	st, path := openTestStore(t, arts, false)
	number, _ := addTestTags(t, st, arts)
	m := newTagModel(t, arts, st, 140, 30)
	typeKeys(m, "a", "e")
	if m.State() != keys.Tagging || !m.tags.form.form.Editing() {
		t.Fatalf("e did not open the form on the tag (state %d, status %q)", m.State(), m.Status())
	}
	f := m.tags.form.form
	if f.Kind() != model.Number || f.Severity() != model.High || f.Claim().Text != "40 people were hurt" ||
		f.Counterpart() == nil || f.Counterpart().Text != "14 people were hurt" {
		t.Fatalf("form on %v %v %+v %+v", f.Kind(), f.Severity(), f.Claim(), f.Counterpart())
	}
	typeKeys(m, "c", "m") // contradiction, medium
	run(m, ctrl('s'))
	if m.State() != keys.PanelOpen {
		t.Fatalf("after saving an edit: state %d, want the panel again", m.State())
	}
	got, _ := st.Get(number.ID)
	if got.Kind != model.Contradiction || got.Severity != model.Medium || got.Note != number.Note || len(got.Targets) != 2 {
		t.Fatalf("edited %+v", got)
	}
	if !strings.HasPrefix(annotationRows(m)[0], "contradiction | medium |") {
		t.Fatalf("panel not refreshed: %q", annotationRows(m)[0])
	}

	typeKeys(m, "d")
	if m.Status() != "deleted medium contradiction tag — u to undo" {
		t.Fatalf("status %q", m.Status())
	}
	if _, ok := st.Get(number.ID); ok || len(annotationRows(m)) != 1 || len(m.Panes()[1].Decorations(LayerTags)) != 0 {
		t.Fatal("tag not deleted from the store, the panel or the panes")
	}
	typeKeys(m, "u")
	if !strings.HasPrefix(m.Status(), "undid") || len(annotationRows(m)) != 2 {
		t.Fatalf("u: status %q, rows %d", m.Status(), len(annotationRows(m)))
	}
	run(m, ctrl('r'))
	if !strings.HasPrefix(m.Status(), "redid") || len(annotationRows(m)) != 1 {
		t.Fatalf("ctrl+r: status %q, rows %d", m.Status(), len(annotationRows(m)))
	}
	if n := len(reopenStore(t, path, arts, true).Annotations()); n != 1 {
		t.Fatalf("file holds %d tags", n)
	}
	// Undo outside the panel too.
	typeKeys(m, "a", "u")
	if m.State() != keys.Reading || len(st.Annotations()) != 2 {
		t.Fatalf("u while reading: state %d, %d tags", m.State(), len(st.Annotations()))
	}
}

// The kind filter steps through the kinds that have tags; the / filter
// matches kind names too.
func TestAnnotationsPanelFilters(t *testing.T) {
	arts := tagArticles()
	st, _ := openTestStore(t, arts, false)
	addTestTags(t, st, arts)
	m := newTagModel(t, arts, st, 140, 30)
	typeKeys(m, "a", "f")
	if rows := annotationRows(m); len(rows) != 1 || !strings.HasPrefix(rows[0], "number") || m.Status() != "showing number tags" {
		t.Fatalf("f once: %q, status %q", rows, m.Status())
	}
	if !strings.Contains(screen(m), "1 of 2 tags: number") {
		t.Fatalf("kind filter not shown:\n%s", screen(m))
	}
	typeKeys(m, "f")
	if rows := annotationRows(m); len(rows) != 1 || !strings.HasPrefix(rows[0], "omission") {
		t.Fatalf("f twice: %q", rows)
	}
	typeKeys(m, "f")
	if rows := annotationRows(m); len(rows) != 2 || m.Status() != "showing every kind" {
		t.Fatalf("f thrice: %q, %q", rows, m.Status())
	}
	typeKeys(m, "/")
	typeText(m, "omission")
	if shown, total := m.annotationsPanel().Count(); shown != 1 || total != 2 {
		t.Fatalf("/omission shows %d of %d", shown, total)
	}
	typeKeys(m, "enter")
	if sp, ok := m.Panes()[0].MarkSpan(); !ok || m.Panes()[0].Article().Slice(sp) != "as expected" {
		t.Fatal("enter from the filter did not jump to the omission")
	}
}

// A tag whose passage is gone from an edited article is listed as
// orphaned with its last known passage, and never dropped.
func TestAnnotationsPanelOrphans(t *testing.T) {
	arts := tagArticles()
	st, path := openTestStore(t, arts, false)
	addTestTags(t, st, arts)
	st.Close()
	edited := tagArticles()
	edited[0] = fixtureArticle(model.Article{ID: "a1", URI: "urn:test:a1", Outlet: "wire-one.example", Title: "Talks resume",
		Text: "A different story entirely now. Nothing about injuries or how long it took."})
	st2 := reopenStore(t, path, edited, false)
	m := newTagModel(t, edited, st2, 140, 30)
	typeKeys(m, "a")
	scr := screen(m)
	if !strings.Contains(scr, "orphaned: passages not found") || !strings.Contains(scr, "orphaned: [1] “as expected”") {
		t.Fatalf("orphans not listed:\n%s", scr)
	}
	typeKeys(m, "G", "enter")
	if !strings.Contains(m.Status(), "orphaned: not found in the open articles: last known passage “as expected”") {
		t.Fatalf("status %q", m.Status())
	}
	typeKeys(m, "e")
	if m.State() == keys.Tagging || !strings.Contains(m.Status(), "cannot be edited here") {
		t.Fatalf("e on an orphan: state %d, status %q", m.State(), m.Status())
	}
	if n := len(st2.Annotations()); n != 2 {
		t.Fatalf("%d tags kept, want 2", n)
	}
}

// Editing a tag with more passages than the form shows (an accepted
// suggestion across three articles) keeps the others.
func TestEditKeepsExtraPassages(t *testing.T) {
	arts := tagArticles()
	c := arts[1]
	c.ID, c.URI, c.Outlet = "a3", "urn:test:a3", "wire-three.example"
	arts = append(arts, c)
	st, _ := openTestStore(t, arts, false)
	sp := func(a model.Article, s string) model.Span {
		i := strings.Index(a.Text, s)
		return model.Span{Start: i, End: i + len(s)}
	}
	tag, err := st.Add(model.Annotation{Kind: model.Number, Targets: []model.Target{
		{Article: "a1", Span: sp(arts[0], "40 people"), Role: tagform.RoleClaim},
		{Article: "a2", Span: sp(arts[1], "14 people"), Role: tagform.RoleCounterpart},
		{Article: "a3", Span: sp(arts[2], "14 people"), Role: tagform.RoleCounterpart},
	}})
	if err != nil {
		t.Fatal(err)
	}
	m := newTagModel(t, arts, st, 200, 30)
	typeKeys(m, "a", "e", "tab", "h") // severity: high
	run(m, ctrl('s'))
	got, _ := st.Get(tag.ID)
	if got.Kind != model.Number || got.Severity != model.High || len(got.Targets) != 3 || got.Targets[2].Article != "a3" {
		t.Fatalf("edited %+v", got)
	}
}
