package preview

import (
	"github.com/parallax-reader/parallax/ui/internal/fixture"

	"os"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/parallax-reader/parallax/ui/component"
	"github.com/parallax-reader/parallax/ui/theme"
)

// press builds the key press a terminal sends for a key name.
func press(s string) tea.KeyPressMsg {
	named := map[string]tea.KeyPressMsg{
		"ctrl+d":    {Code: 'd', Mod: tea.ModCtrl},
		"ctrl+u":    {Code: 'u', Mod: tea.ModCtrl},
		"space":     {Code: tea.KeySpace, Text: " "},
		"pgdown":    {Code: tea.KeyPgDown},
		"pgup":      {Code: tea.KeyPgUp},
		"home":      {Code: tea.KeyHome},
		"end":       {Code: tea.KeyEnd},
		"down":      {Code: tea.KeyDown},
		"up":        {Code: tea.KeyUp},
		"enter":     {Code: tea.KeyEnter},
		"esc":       {Code: tea.KeyEscape},
		"backspace": {Code: tea.KeyBackspace},
	}
	if k, ok := named[s]; ok {
		return k
	}
	r := []rune(s)[0]
	return tea.KeyPressMsg{Code: r, Text: s}
}

// run delivers msgs to the preview and returns the messages its commands
// produce at once (ClosedMsg, WroteMsg); commands that wait are dropped.
func run(m *Model, msgs ...tea.Msg) []tea.Msg {
	var out []tea.Msg
	for _, msg := range msgs {
		out = append(out, immediate(m.Update(msg))...)
	}
	return out
}

func immediate(cmd tea.Cmd) []tea.Msg { return fixture.Immediate(cmd) }

// typeKeys presses each named key and returns what the preview sent out.
func typeKeys(m *Model, names ...string) []tea.Msg {
	var out []tea.Msg
	for _, k := range names {
		out = append(out, run(m, press(k))...)
	}
	return out
}

// typeText types text a rune at a time.
func typeText(m *Model, text string) {
	for _, r := range text {
		run(m, tea.KeyPressMsg{Code: r, Text: string(r)})
	}
}

// clearInput empties the open prompt.
func clearInput(m *Model) {
	for range 200 {
		run(m, press("backspace"))
	}
}

func fixedNote(t testing.TB) []byte {
	t.Helper()
	md, err := os.ReadFile("testdata/note.md")
	if err != nil {
		t.Fatal(err)
	}
	return md
}

// longNote is a note long enough to scroll at any size, with "needle" in
// sections 3, 17 and 41.
func longNote() []byte {
	var b strings.Builder
	b.WriteString("---\ntitle: long\n---\n\n# A long note\n\n")
	for i := range 60 {
		b.WriteString("## Section ")
		b.WriteString(itoa(i))
		b.WriteString("\n\nPlain words to fill the section so that it wraps onto more than one line at most widths.\n\n")
		if i == 3 || i == 17 || i == 41 {
			b.WriteString("The needle is here.\n\n")
		}
	}
	return []byte(b.String())
}

func itoa(i int) string {
	if i < 10 {
		return string(rune('0' + i))
	}
	return itoa(i/10) + string(rune('0'+i%10))
}

func newPreview(t testing.TB, st *theme.Styles, md []byte, path string, w, h int) *Model {
	t.Helper()
	c := component.NewCommon(st)
	c.Width, c.Height = w, h
	m := New(c, md, path)
	m.SetSize(w, h)
	return m
}

// screen is the view without styling.
func screen(m *Model) string { return ansi.Strip(m.View()) }

func rows(m *Model) []string { return strings.Split(screen(m), "\n") }

// statusRow is the last row of the view.
func statusRow(m *Model) string {
	r := rows(m)
	return r[len(r)-1]
}

// checkFrame asserts the view is exactly w×h cells.
func checkFrame(t *testing.T, frame string, w, h int) {
	t.Helper()
	rs := strings.Split(frame, "\n")
	if len(rs) != h {
		t.Fatalf("view has %d rows, want %d:\n%s", len(rs), h, ansi.Strip(frame))
	}
	for i, r := range rs {
		if got := ansi.StringWidth(r); got != w {
			t.Fatalf("row %d is %d columns, want %d: %q", i, got, w, ansi.Strip(r))
		}
	}
}

// lastRows is the bottom border and the status line: while the path input
// is open, its messages show in the border.
func lastRows(m *Model) string {
	r := rows(m)
	return r[len(r)-2] + "\n" + r[len(r)-1]
}

// checkSafe fails when the view holds anything that drives the terminal
// beyond colours and text attributes (SGR) and hyperlinks (OSC 8): no
// window title, no screen clearing, no stray control characters.
func checkSafe(t *testing.T, view string) {
	t.Helper()
	var state byte
	for s := view; len(s) > 0; {
		seq, _, n, next := ansi.GraphemeWidth.DecodeSequenceInString(s, state, nil)
		state = next
		s = s[n:]
		switch {
		case seq == "\n":
		case ansi.HasCsiPrefix(seq):
			if !strings.HasSuffix(seq, "m") {
				t.Fatalf("view holds a control sequence other than a style: %q", seq)
			}
		case ansi.HasOscPrefix(seq):
			if !strings.HasPrefix(seq, "\x1b]8;") {
				t.Fatalf("view holds an OSC sequence other than a hyperlink: %q", seq)
			}
		case seq != "" && (seq[0] < 0x20 || seq[0] == 0x7f):
			t.Fatalf("view holds a control character: %q", seq)
		default:
			if r := []rune(seq); len(r) > 0 && r[0] >= 0x80 && r[0] < 0xa0 {
				t.Fatalf("view holds a C1 control: %q", seq)
			}
		}
	}
}
