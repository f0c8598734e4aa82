package tagform

import (
	"reflect"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/parallax-reader/parallax/model"
)

func TestOpensOnKindWithMediumSeverity(t *testing.T) {
	m := newForm(t)
	if m.Field() != KindField || m.Kind() != "" || m.Severity() != model.Medium {
		t.Fatalf("opened on %s with kind %q severity %q; want kind field, no kind, medium", m.Field(), m.Kind(), m.Severity())
	}
	if !strings.Contains(screen(m), "m [medium]") {
		t.Errorf("medium not shown as chosen:\n%s", screen(m))
	}
	if !strings.Contains(focusedLine(t, m), "› Kind") {
		t.Errorf("focus mark not on Kind: %q", focusedLine(t, m))
	}
}

func TestKindLetterChoosesAndMovesOn(t *testing.T) {
	for _, k := range model.Kinds {
		m := newForm(t)
		if msgs := keys(m, string(k.Key())); len(msgs) != 0 {
			t.Fatalf("%c sent %#v", k.Key(), msgs)
		}
		if m.Kind() != k || m.Field() != SeverityField {
			t.Errorf("%c: kind %q on %s, want %q on severity", k.Key(), m.Kind(), m.Field(), k)
		}
		if !strings.Contains(screen(m), "["+string(k)+"]") {
			t.Errorf("%c: [%s] not shown:\n%s", k.Key(), k, screen(m))
		}
	}
}

func TestKindArrows(t *testing.T) {
	m := newForm(t)
	keys(m, "right")
	if m.Kind() != model.Kinds[0] || m.Field() != KindField {
		t.Fatalf("→ from none gave %q on %s, want the first kind, staying", m.Kind(), m.Field())
	}
	keys(m, "right", "right")
	if m.Kind() != model.Kinds[2] {
		t.Errorf("→→ gave %q, want %q", m.Kind(), model.Kinds[2])
	}
	keys(m, "left", "left", "left")
	if m.Kind() != model.Kinds[len(model.Kinds)-1] {
		t.Errorf("← past the first gave %q, want the last (wrapping)", m.Kind())
	}
	m = newForm(t)
	keys(m, "left")
	if m.Kind() != model.Kinds[len(model.Kinds)-1] {
		t.Errorf("← from none gave %q, want the last kind", m.Kind())
	}
}

func TestSeverityLettersAndArrows(t *testing.T) {
	for letter, want := range map[string]model.Severity{"l": model.Low, "m": model.Medium, "h": model.High} {
		m := newForm(t)
		keys(m, "n", letter)
		if m.Severity() != want || m.Field() != CounterpartField {
			t.Errorf("%s: %q on %s, want %q on counterpart", letter, m.Severity(), m.Field(), want)
		}
	}
	m := newForm(t)
	keys(m, "tab", "right")
	if m.Severity() != model.High || m.Field() != SeverityField {
		t.Fatalf("→ from medium gave %q on %s", m.Severity(), m.Field())
	}
	keys(m, "right")
	if m.Severity() != model.High {
		t.Errorf("→ past high gave %q, want it to stay high", m.Severity())
	}
	keys(m, "left", "left", "left")
	if m.Severity() != model.Low {
		t.Errorf("← past low gave %q, want low", m.Severity())
	}
	if !strings.Contains(screen(m), "l [low]") {
		t.Errorf("low not shown as chosen:\n%s", screen(m))
	}
}

func TestLettersOnlyWorkInTheirField(t *testing.T) {
	m := newForm(t)
	keys(m, "tab") // severity
	keys(m, "n")
	if m.Kind() != "" || m.Field() != SeverityField {
		t.Errorf("n on severity chose %q / moved to %s", m.Kind(), m.Field())
	}
	keys(m, "shift+tab", "h")
	if m.Severity() != model.Medium || m.Field() != KindField {
		t.Errorf("h on kind set severity %q / moved to %s", m.Severity(), m.Field())
	}
}

func TestMovingBetweenFields(t *testing.T) {
	m := newForm(t)
	order := []Field{SeverityField, CounterpartField, NoteField, KindField}
	for _, want := range order {
		keys(m, "tab")
		if m.Field() != want {
			t.Fatalf("tab went to %s, want %s", m.Field(), want)
		}
	}
	for _, want := range []Field{NoteField, CounterpartField, SeverityField, KindField} {
		keys(m, "shift+tab")
		if m.Field() != want {
			t.Fatalf("shift+tab went to %s, want %s", m.Field(), want)
		}
	}
	keys(m, "up")
	if m.Field() != KindField {
		t.Errorf("↑ on the first field went to %s", m.Field())
	}
	for _, want := range []Field{SeverityField, CounterpartField, NoteField} {
		keys(m, "down")
		if m.Field() != want {
			t.Fatalf("↓ went to %s, want %s", m.Field(), want)
		}
	}
	// In the note, ↓ and ↑ move in the text, not between fields.
	typeText(m, "one\ntwo")
	keys(m, "up", "up", "down")
	if m.Field() != NoteField {
		t.Fatalf("↑/↓ in the note left it for %s", m.Field())
	}
	keys(m, "shift+tab", "up")
	if m.Field() != SeverityField {
		t.Errorf("↑ on counterpart went to %s, want severity", m.Field())
	}
	keys(m, "enter", "enter")
	if m.Field() != NoteField {
		t.Errorf("enter twice from severity went to %s, want note", m.Field())
	}
	if !strings.Contains(focusedLine(t, m), "› Note") {
		t.Errorf("focus mark not on Note: %q", focusedLine(t, m))
	}
}

func TestCounterpartMessages(t *testing.T) {
	m := newForm(t)
	keys(m, "tab", "tab")
	cases := map[string]tea.Msg{
		"left":  CounterpartPaneMsg{Delta: -1},
		"right": CounterpartPaneMsg{Delta: 1},
		"[":     CounterpartSentenceMsg{Delta: -1},
		"]":     CounterpartSentenceMsg{Delta: 1},
	}
	for k, want := range cases {
		if got := only(t, keys(m, k)); got != want {
			t.Errorf("%s sent %#v, want %#v", k, got, want)
		}
		if m.Field() != CounterpartField || m.Counterpart() == nil {
			t.Errorf("%s moved focus or dropped the counterpart", k)
		}
	}

	// The root answers with the new passage.
	next := Passage{ArticleID: "a3", Label: "daily-three.example", Span: model.Span{Start: 5, End: 30},
		Text: "Nobody was hurt, the mayor said."}
	m.SetCounterpart(&next)
	if s := screen(m); !strings.Contains(s, "daily-three.example") || !strings.Contains(s, "Nobody was hurt") {
		t.Errorf("new counterpart not shown:\n%s", s)
	}

	// The same keys elsewhere ask nothing of the root.
	keys(m, "shift+tab")
	if msgs := keys(m, "[", "]", "left", "right"); len(msgs) != 0 {
		t.Errorf("keys on severity sent %#v", msgs)
	}
}

func TestClearingTheCounterpart(t *testing.T) {
	for _, k := range []string{"x", "backspace", "delete"} {
		m := newForm(t)
		keys(m, "tab", "tab")
		if _, ok := only(t, keys(m, k)).(CounterpartClearedMsg); !ok {
			t.Fatalf("%s did not tell the root", k)
		}
		if m.Counterpart() != nil || m.Kind() != "" {
			t.Errorf("%s: counterpart %v, kind %q; want none and no kind", k, m.Counterpart(), m.Kind())
		}
		if !strings.Contains(screen(m), "none — an omission") {
			t.Errorf("%s: none not shown:\n%s", k, screen(m))
		}
		if msgs := keys(m, k); len(msgs) != 0 {
			t.Errorf("%s again sent %#v", k, msgs)
		}
	}
}

func TestOmissionWithCounterpartIsExplained(t *testing.T) {
	m := newForm(t)
	keys(m, "o")
	if !strings.Contains(screen(m), "said in the claim, missing here") {
		t.Errorf("no hint for an omission with a counterpart:\n%s", screen(m))
	}
	keys(m, "m", "x")
	if strings.Contains(screen(m), "missing here") {
		t.Error("hint still shown without a counterpart")
	}
	a := m.Annotation()
	if a.Kind != model.Omission || len(a.Targets) != 1 {
		t.Errorf("omission without counterpart: %+v", a)
	}
}

// The letters that choose kinds and severities are text in the note.
func TestNoteTakesEveryLetter(t *testing.T) {
	m := newForm(t)
	keys(m, "n", "h", "enter")
	text := "c n r q a o f x l m h [] backspace?"
	if msgs := typeText(m, text); len(msgs) != 0 {
		t.Fatalf("typing sent %#v", msgs)
	}
	typeText(m, "\nsecond line")
	want := text + "\nsecond line"
	if m.Note() != want {
		t.Fatalf("note %q, want %q", m.Note(), want)
	}
	if m.Kind() != model.Number || m.Severity() != model.High || m.Counterpart() == nil {
		t.Errorf("typing changed the fields: %q %q %v", m.Kind(), m.Severity(), m.Counterpart())
	}
	keys(m, "backspace")
	if !strings.HasSuffix(m.Note(), "second lin") {
		t.Errorf("backspace in the note: %q", m.Note())
	}
}

// The fast path of the design: t n h enter <note> ctrl+s.
func TestFastPath(t *testing.T) {
	m := newForm(t)
	keys(m, "n", "h", "enter")
	typeText(m, "Twelve here, fifteen there.")
	a := submitted(t, keys(m, "ctrl+s"))
	want := model.Annotation{
		Kind: model.Number, Severity: model.High, Note: "Twelve here, fifteen there.",
		Targets: []model.Target{
			{Role: RoleClaim, Article: "a1", Span: claim.Span},
			{Role: RoleCounterpart, Article: "a2", Span: other.Span},
		},
	}
	if !reflect.DeepEqual(a, want) {
		t.Errorf("saved\n%+v\nwant\n%+v", a, want)
	}
}

func TestSaveFromEveryField(t *testing.T) {
	for f := KindField; f < numFields; f++ {
		m := newForm(t)
		keys(m, "r")
		for m.Field() != f {
			keys(m, "tab")
		}
		a := submitted(t, keys(m, "ctrl+s"))
		if a.Kind != model.Role || a.Severity != model.Medium || a.Note != "" || len(a.Targets) != 2 {
			t.Errorf("ctrl+s on %s saved %+v", f, a)
		}
	}
}

func TestSaveWithoutCounterpart(t *testing.T) {
	m := open(t, Params{Claim: claim}, 80, 24)
	keys(m, "o", "l")
	a := submitted(t, keys(m, "ctrl+s"))
	want := []model.Target{{Role: RoleClaim, Article: "a1", Span: claim.Span}}
	if !reflect.DeepEqual(a.Targets, want) || a.Severity != model.Low {
		t.Errorf("saved %+v", a)
	}
}

func TestNoteTrimmedOnSave(t *testing.T) {
	m := newForm(t)
	keys(m, "f", "enter", "enter")
	typeText(m, "\n\n    indented code\nend  \n\n")
	a := submitted(t, keys(m, "ctrl+s"))
	if a.Note != "    indented code\nend" {
		t.Errorf("note %q", a.Note)
	}
}

func TestCancel(t *testing.T) {
	m := newForm(t)
	keys(m, "n", "h") // choices alone are not typing worth a second esc
	if _, ok := only(t, keys(m, "esc")).(CancelMsg); !ok {
		t.Fatal("esc did not cancel")
	}

	m = newForm(t)
	keys(m, "tab", "tab", "tab")
	typeText(m, "half a thought")
	if msgs := keys(m, "esc"); len(msgs) != 0 {
		t.Fatalf("esc with a typed note sent %#v", msgs)
	}
	if !strings.Contains(screen(m), "esc again discards") {
		t.Errorf("no warning after the first esc:\n%s", screen(m))
	}
	// Any other key disarms the second esc.
	typeText(m, ".")
	if strings.Contains(screen(m), "esc again") {
		t.Error("warning still shown after typing")
	}
	if msgs := keys(m, "esc"); len(msgs) != 0 {
		t.Fatalf("esc after more typing sent %#v", msgs)
	}
	if _, ok := only(t, keys(m, "esc")).(CancelMsg); !ok {
		t.Fatal("second esc did not cancel")
	}

	// ctrl+s after the warning still saves.
	m = newForm(t)
	keys(m, "c", "tab", "tab")
	typeText(m, "keep")
	keys(m, "esc")
	if a := submitted(t, keys(m, "ctrl+s")); a.Note != "keep" {
		t.Errorf("saved note %q", a.Note)
	}
}

func TestEditingKeepsIdentity(t *testing.T) {
	created := time.Date(2024, 3, 1, 9, 30, 0, 0, time.UTC)
	orphan := model.Target{Source: "file:///old.txt", Exact: "gone", Role: RoleCounterpart, Anchoring: model.AnchorOrphan}
	ex := &model.Annotation{
		ID: "urn:uuid:1b4e28ba-2fa1-11d2-883f-0016d3cca427", Kind: model.Attribution, Severity: model.Low,
		Note: "first line\r\nsecond line", Created: created, Modified: created.Add(time.Hour),
		Targets: []model.Target{{Role: RoleClaim, Article: "a1", Span: claim.Span, Anchoring: model.AnchorPosition}, orphan},
	}
	m := open(t, Params{Claim: claim, Existing: ex}, 80, 24)
	if m.Kind() != model.Attribution || m.Severity() != model.Low || m.Note() != "first line\nsecond line" {
		t.Fatalf("prefilled %q %q %q", m.Kind(), m.Severity(), m.Note())
	}
	if s := screen(m); !strings.Contains(s, "Edit discrepancy") || !strings.Contains(s, "[attribution]") || !strings.Contains(s, "first line") {
		t.Errorf("edit view:\n%s", s)
	}
	// An untouched note needs no second esc.
	if _, ok := only(t, keys(m, "esc")).(CancelMsg); !ok {
		t.Error("esc on an unchanged note did not cancel")
	}

	keys(m, "q", "h", "enter")
	keys(m, "ctrl+end")
	typeText(m, " (edited)")
	a := submitted(t, keys(m, "ctrl+s"))
	if a.ID != ex.ID || !a.Created.Equal(created) {
		t.Errorf("id %q created %v; want them kept", a.ID, a.Created)
	}
	if a.Kind != model.QuoteWording || a.Severity != model.High || a.Note != "first line\nsecond line (edited)" {
		t.Errorf("saved %q %q %q", a.Kind, a.Severity, a.Note)
	}
	// The claim from the form, then the orphan the form cannot show.
	want := []model.Target{{Role: RoleClaim, Article: "a1", Span: claim.Span}, orphan}
	if !reflect.DeepEqual(a.Targets, want) {
		t.Errorf("targets %+v, want %+v", a.Targets, want)
	}
}

func TestValidation(t *testing.T) {
	m := newForm(t)
	keys(m, "tab", "tab", "tab")
	typeText(m, "no kind yet")
	if msgs := keys(m, "ctrl+s"); len(msgs) != 0 {
		t.Fatalf("saved without a kind: %#v", msgs)
	}
	if m.Err() == "" || !strings.Contains(screen(m), "choose a kind") {
		t.Errorf("no error shown:\n%s", screen(m))
	}
	if m.Field() != KindField {
		t.Errorf("focus on %s, want kind", m.Field())
	}
	keys(m, "a") // choosing clears the error
	if m.Err() != "" || strings.Contains(screen(m), "choose a kind") {
		t.Errorf("error stayed: %q", m.Err())
	}

	m = newForm(t)
	keys(m, "c", "tab", "tab")
	m.Update(tea.PasteMsg{Content: strings.Repeat("é", MaxNoteLen)})
	if len(ours(messages(m.Update(press("ctrl+s"))))) != 1 {
		t.Fatalf("a note of exactly %d characters was refused: %q", MaxNoteLen, m.Err())
	}
	typeText(m, "!")
	if msgs := keys(m, "ctrl+s"); len(msgs) != 0 {
		t.Fatal("saved a note over the limit")
	}
	if !strings.Contains(m.Err(), "10001 characters") || !strings.Contains(screen(m), "shorten it to 10000") {
		t.Errorf("error %q", m.Err())
	}
	if m.Field() != NoteField {
		t.Errorf("focus on %s, want note", m.Field())
	}
}

func TestPasteGoesToTheNote(t *testing.T) {
	m := newForm(t)
	m.Update(tea.PasteMsg{Content: "pasted\ntext"})
	if m.Field() != NoteField || m.Note() != "pasted\ntext" {
		t.Errorf("paste on kind: field %s, note %q", m.Field(), m.Note())
	}
}

func TestHelpFollowsTheField(t *testing.T) {
	m := newForm(t)
	want := map[Field]string{KindField: "c n r q a o f x", SeverityField: "l m h", CounterpartField: "[/]", NoteField: "new line"}
	for f := KindField; f < numFields; f++ {
		var text []string
		for _, b := range m.ShortHelp() {
			text = append(text, b.Help().Key+" "+b.Help().Desc)
		}
		line := strings.Join(text, " | ")
		if !strings.Contains(line, want[f]) || !strings.Contains(line, "ctrl+s save") || !strings.Contains(line, "esc cancel") {
			t.Errorf("%s help: %s", f, line)
		}
		if !strings.Contains(screen(m), want[f]) {
			t.Errorf("%s help not drawn:\n%s", f, screen(m))
		}
		inFull := map[string]bool{}
		for _, col := range m.FullHelp() {
			for _, b := range col {
				for _, k := range b.Keys() {
					inFull[k] = true
				}
			}
		}
		for _, b := range m.ShortHelp() {
			for _, k := range b.Keys() {
				if !inFull[k] {
					t.Errorf("%s: %q in the short help but not the full help", f, k)
				}
			}
		}
		keys(m, "tab")
	}
}
