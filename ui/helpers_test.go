package ui

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/parallax-reader/parallax/model"
	"github.com/parallax-reader/parallax/ui/internal/fixture"
)

// press builds the key press a terminal sends for a key name.
func press(s string) tea.KeyPressMsg {
	named := map[string]tea.KeyPressMsg{
		"ctrl+c":    {Code: 'c', Mod: tea.ModCtrl},
		"ctrl+d":    {Code: 'd', Mod: tea.ModCtrl},
		"ctrl+u":    {Code: 'u', Mod: tea.ModCtrl},
		"space":     {Code: tea.KeySpace, Text: " "},
		"pgdown":    {Code: tea.KeyPgDown},
		"pgup":      {Code: tea.KeyPgUp},
		"home":      {Code: tea.KeyHome},
		"end":       {Code: tea.KeyEnd},
		"down":      {Code: tea.KeyDown},
		"up":        {Code: tea.KeyUp},
		"tab":       {Code: tea.KeyTab},
		"shift+tab": {Code: tea.KeyTab, Mod: tea.ModShift},
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

// run delivers messages to the model and then, like the program would, the
// messages its commands produce at once (status messages, quit). Commands
// that wait (timers) are dropped. It reports whether the model quit.
func run(m *Model, msgs ...tea.Msg) (quit bool) {
	queue := append([]tea.Msg(nil), msgs...)
	for len(queue) > 0 {
		msg := queue[0]
		queue = queue[1:]
		if _, ok := msg.(tea.QuitMsg); ok {
			quit = true
			continue
		}
		_, cmd := m.Update(msg)
		queue = append(queue, immediate(cmd)...)
	}
	return quit
}

// immediate runs cmd and returns the messages it produces within a moment.
func immediate(cmd tea.Cmd) []tea.Msg { return fixture.Immediate(cmd) }

// keys presses each key in turn.
func typeKeys(m *Model, names ...string) bool {
	quit := false
	for _, k := range names {
		quit = run(m, press(k)) || quit
	}
	return quit
}

func typeText(m *Model, text string) {
	for _, r := range text {
		run(m, tea.KeyPressMsg{Code: r, Text: string(r)})
	}
}

func newModel(t testing.TB, arts []model.Article, w, h int) *Model {
	t.Helper()
	t.Setenv("NO_COLOR", "")
	m := New(Options{Articles: arts, Theme: "dark", Mouse: true})
	run(m, tea.WindowSizeMsg{Width: w, Height: h})
	return m
}

// twoArticles are long enough to scroll, with a word ("talks") in both.
func twoArticles() []model.Article {
	a := fixture.Generate(12000, 11)
	b := fixture.Generate(9000, 12)
	a.ID, a.Outlet, a.Title = "a1", "wire-one.example", "Talks resume in the capital"
	b.ID, b.Outlet, b.Title = "a2", "wire-two.example", "Capital talks begin again"
	return []model.Article{a, b}
}

// screen is the rendered frame without styling.
func screen(m *Model) string { return ansi.Strip(m.Render()) }

// statusLine is the last row of the frame.
func statusLine(m *Model) string {
	rows := strings.Split(screen(m), "\n")
	return rows[len(rows)-1]
}

// checkFrame asserts the frame is exactly w×h cells.
func checkFrame(t *testing.T, frame string, w, h int) {
	t.Helper()
	if w <= 0 || h <= 0 {
		if frame != "" {
			t.Fatalf("%dx%d frame not empty", w, h)
		}
		return
	}
	rows := strings.Split(frame, "\n")
	if len(rows) != h {
		t.Fatalf("frame has %d rows, want %d:\n%s", len(rows), h, ansi.Strip(frame))
	}
	for i, r := range rows {
		if got := ansi.StringWidth(r); got != w {
			t.Fatalf("row %d is %d columns, want %d: %q", i, got, w, ansi.Strip(r))
		}
	}
}
