package tagform

import (
	"github.com/parallax-reader/parallax/ui/internal/fixture"

	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/parallax-reader/parallax/model"
	"github.com/parallax-reader/parallax/ui/component"
	"github.com/parallax-reader/parallax/ui/theme"
)

// press builds the key press a terminal sends for a key name.
func press(s string) tea.KeyPressMsg {
	named := map[string]tea.KeyPressMsg{
		"ctrl+s":    {Code: 's', Mod: tea.ModCtrl},
		"left":      {Code: tea.KeyLeft},
		"right":     {Code: tea.KeyRight},
		"down":      {Code: tea.KeyDown},
		"up":        {Code: tea.KeyUp},
		"tab":       {Code: tea.KeyTab},
		"shift+tab": {Code: tea.KeyTab, Mod: tea.ModShift},
		"enter":     {Code: tea.KeyEnter},
		"esc":       {Code: tea.KeyEscape},
		"backspace": {Code: tea.KeyBackspace},
		"delete":    {Code: tea.KeyDelete},
		"space":     {Code: tea.KeySpace, Text: " "},
		"ctrl+end":  {Code: tea.KeyEnd, Mod: tea.ModCtrl},
	}
	if k, ok := named[s]; ok {
		return k
	}
	r := []rune(s)[0]
	return tea.KeyPressMsg{Code: r, Text: s}
}

// messages runs cmd and returns what it produces at once, batches
// flattened; commands that wait (timers) are dropped.
func messages(cmd tea.Cmd) []tea.Msg { return fixture.Immediate(cmd) }

// keys presses each named key and returns the form's messages to the
// root (the text area's own cursor messages left out).
func keys(m *Model, names ...string) []tea.Msg {
	var out []tea.Msg
	for _, k := range names {
		out = append(out, ours(messages(m.Update(press(k))))...)
	}
	return out
}

// typeText types each character of text as a key press.
func typeText(m *Model, text string) []tea.Msg {
	var out []tea.Msg
	for _, r := range text {
		msg := tea.KeyPressMsg{Code: r, Text: string(r)}
		if r == '\n' {
			msg = press("enter")
		}
		out = append(out, ours(messages(m.Update(msg)))...)
	}
	return out
}

// ours keeps the messages the form sends to the root.
func ours(msgs []tea.Msg) []tea.Msg {
	var out []tea.Msg
	for _, msg := range msgs {
		switch msg.(type) {
		case SubmitMsg, CancelMsg, CounterpartPaneMsg, CounterpartSentenceMsg, CounterpartClearedMsg:
			out = append(out, msg)
		}
	}
	return out
}

var (
	claim = Passage{ArticleID: "a1", Label: "wire-one.example", Span: model.Span{Start: 120, End: 181},
		Text: "The ministry said 12 people were hurt in the blast on Tuesday."}
	other = Passage{ArticleID: "a2", Label: "wire-two.example", Span: model.Span{Start: 40, End: 115},
		Text: "Officials said 15 people were injured when the building collapsed."}
)

// newForm opens a form on the claim with the other passage as counterpart,
// in the no-colour theme at 80×24.
func newForm(t testing.TB) *Model {
	t.Helper()
	cp := other
	return open(t, Params{Claim: claim, Counterpart: &cp}, 80, 24)
}

func open(t testing.TB, p Params, w, h int) *Model {
	t.Helper()
	m := New(component.NewCommon(theme.Mono()), p)
	m.SetSize(w, h)
	return m
}

// screen is the form's view as text.
func screen(m *Model) string { return ansi.Strip(m.View()) }

// only asserts msgs is exactly one message and returns it.
func only(t *testing.T, msgs []tea.Msg) tea.Msg {
	t.Helper()
	if len(msgs) != 1 {
		t.Fatalf("got %d messages %#v, want one", len(msgs), msgs)
	}
	return msgs[0]
}

// submitted asserts msgs is one SubmitMsg and returns its annotation.
func submitted(t *testing.T, msgs []tea.Msg) model.Annotation {
	t.Helper()
	s, ok := only(t, msgs).(SubmitMsg)
	if !ok {
		t.Fatalf("got %#v, want a SubmitMsg", msgs[0])
	}
	return s.Annotation
}

// focusedLine is the view's line with the focus mark.
func focusedLine(t *testing.T, m *Model) string {
	t.Helper()
	var found []string
	for _, l := range strings.Split(screen(m), "\n") {
		if strings.Contains(l, "›") {
			found = append(found, l)
		}
	}
	if len(found) != 1 {
		t.Fatalf("%d lines carry the focus mark, want 1:\n%s", len(found), screen(m))
	}
	return found[0]
}
