package ui

import (
	"fmt"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/parallax-reader/parallax/model"
	"github.com/parallax-reader/parallax/ui/internal/fixture"
	"github.com/parallax-reader/parallax/ui/keys"
)

// Every scrolling key of the table moves the focused pane, and only it.
func TestScrollKeys(t *testing.T) {
	m := newModel(t, twoArticles(), 100, 30)
	p, other := m.Panes()[0], m.Panes()[1]
	rows := p.BodyRows()
	bottom := p.Lines() - rows
	steps := []struct {
		key  string
		want func(prev int) int
	}{
		{"j", func(x int) int { return x + 1 }},
		{"down", func(x int) int { return x + 1 }},
		{"k", func(x int) int { return x - 1 }},
		{"up", func(x int) int { return x - 1 }},
		{"ctrl+d", func(x int) int { return x + rows/2 }},
		{"ctrl+u", func(x int) int { return x - rows/2 }},
		{"space", func(x int) int { return x + rows - 1 }},
		{"b", func(x int) int { return x - rows + 1 }},
		{"pgdown", func(x int) int { return x + rows - 1 }},
		{"pgup", func(x int) int { return x - rows + 1 }},
		{"G", func(int) int { return bottom }},
		{"j", func(int) int { return bottom }},
		{"g", func(int) int { return 0 }},
		{"k", func(int) int { return 0 }},
		{"end", func(int) int { return bottom }},
		{"home", func(int) int { return 0 }},
	}
	for i, s := range steps {
		prev := p.Top()
		typeKeys(m, s.key)
		if want := s.want(prev); p.Top() != want {
			t.Fatalf("step %d %q: top %d, want %d", i, s.key, p.Top(), want)
		}
		if other.Top() != 0 {
			t.Fatalf("%q scrolled the unfocused pane", s.key)
		}
	}
	// The position shows in the focused pane's bottom border.
	typeKeys(m, "G")
	if !strings.Contains(screen(m), fmt.Sprintf(" %d/%d 100%% ", bottom+1, p.Lines())) {
		t.Errorf("bottom position not shown:\n%s", screen(m))
	}
}

func threeArticles() []model.Article {
	arts := twoArticles()
	c := fixture.Generate(5000, 13)
	c.ID, c.Outlet, c.Title = "a3", "wire-three.example", "Third account"
	return append(arts, c)
}

func TestFocusKeys(t *testing.T) {
	m := newModel(t, threeArticles(), 80, 24) // room for two panes
	if first, n := m.Shown(); first != 0 || n != 2 {
		t.Fatalf("shown %d+%d at 80 columns, want 0+2", first, n)
	}
	check := func(step string, focus, first int) {
		t.Helper()
		if m.Focus() != focus {
			t.Fatalf("%s: focus %d, want %d", step, m.Focus(), focus)
		}
		if f, _ := m.Shown(); f != first {
			t.Fatalf("%s: first shown %d, want %d", step, f, first)
		}
		for i, p := range m.Panes() {
			if p.Focused() != (i == focus) {
				t.Fatalf("%s: pane %d focused=%v", step, i, p.Focused())
			}
		}
		if !strings.Contains(statusLine(m), fmt.Sprintf(" %d/3 ", focus+1)) {
			t.Fatalf("%s: status does not name article %d: %q", step, focus+1, statusLine(m))
		}
	}
	typeKeys(m, "tab")
	check("tab", 1, 0)
	typeKeys(m, "tab")
	check("tab to the hidden third", 2, 1)
	typeKeys(m, "tab")
	check("tab wraps", 0, 0)
	typeKeys(m, "shift+tab")
	check("shift+tab wraps back", 2, 1)
	typeKeys(m, "1")
	check("1", 0, 0)
	typeKeys(m, "3")
	check("3", 2, 1)
	typeKeys(m, "2")
	check("2", 1, 1)
	typeKeys(m, "7")
	check("7 does nothing", 1, 1)
	if !strings.Contains(m.Status(), "no article 7") {
		t.Errorf("status %q", m.Status())
	}
	// Keys now go to the newly focused pane.
	typeKeys(m, "j", "j")
	if m.Panes()[1].Top() != 2 || m.Panes()[0].Top() != 0 {
		t.Error("scrolling went to the wrong pane")
	}
	// The focused pane has the heavy border.
	if rows := strings.Split(screen(m), "\n"); !strings.HasPrefix(rows[0], "┏━ 2") || !strings.Contains(rows[0], "╭─ 3") {
		t.Errorf("focused pane 2 (now on the left) should have the heavy border: %q", rows[0])
	}
}

func TestOneArticleHasNoFocusKeys(t *testing.T) {
	m := newModel(t, twoArticles()[:1], 80, 24)
	typeKeys(m, "tab", "2")
	if m.Focus() != 0 {
		t.Fatal("focus moved with one article")
	}
	typeKeys(m, "?")
	if s := screen(m); strings.Contains(s, "next article") || strings.Contains(s, "1–9") {
		t.Errorf("help lists focus keys with one article:\n%s", s)
	}
}

func TestSentenceCursorKeys(t *testing.T) {
	m := newModel(t, twoArticles(), 100, 30)
	_, n := m.Panes()[0].Cursor()
	if !strings.Contains(statusLine(m), fmt.Sprintf("%d sentences", n)) {
		t.Fatalf("status before the cursor: %q", statusLine(m))
	}
	typeKeys(m, "]")
	if !strings.Contains(statusLine(m), fmt.Sprintf("sentence 1/%d", n)) {
		t.Fatalf("status after ]: %q", statusLine(m))
	}
	typeKeys(m, "]", "]", "]")
	typeKeys(m, "[")
	if i, _ := m.Panes()[0].Cursor(); i != 2 {
		t.Fatalf("cursor %d after ] ] ] ] [", i)
	}
	if !strings.Contains(statusLine(m), fmt.Sprintf("sentence 3/%d", n)) {
		t.Fatalf("status: %q", statusLine(m))
	}
	// The cursor sentence is marked in the gutter, so it shows without colour.
	if !strings.Contains(screen(m), "┃▌ ") {
		t.Error("no gutter mark for the cursor sentence")
	}
	// Past the last sentence the status says so.
	for range n + 2 {
		typeKeys(m, "]")
	}
	if !strings.Contains(statusLine(m), "last sentence") {
		t.Errorf("status at the end: %q", statusLine(m))
	}
}

func TestSearch(t *testing.T) {
	text := strings.Repeat("Opening filler sentence. ", 50) + "Talks began early. " +
		strings.Repeat("Middle filler sentence here. ", 50) + "The talks went on. " +
		strings.Repeat("Closing filler. ", 50) + "TALKS ended."
	arts := []model.Article{fixture.Article("a1", "one.example", "One", text), twoArticles()[1]}
	m := newModel(t, arts, 100, 24)
	p := m.Panes()[0]

	typeKeys(m, "/")
	if m.State() != keys.Searching {
		t.Fatal("/ did not open the prompt")
	}
	typeText(m, "talks")
	if !strings.Contains(statusLine(m), "/talks") || !strings.Contains(statusLine(m), "enter search") {
		t.Fatalf("prompt line: %q", statusLine(m))
	}
	typeKeys(m, "enter")
	if m.State() != keys.Reading {
		t.Fatal("enter did not close the prompt")
	}
	if !strings.Contains(statusLine(m), "“talks” 1/3") {
		t.Fatalf("status after search: %q", statusLine(m))
	}
	match := func(i int) model.Span {
		at := []int{strings.Index(text, "Talks"), strings.Index(text, "talks"), strings.Index(text, "TALKS")}[i]
		return model.Span{Start: at, End: at + 5}
	}
	if s, _ := p.CursorSpan(); !s.Contains(match(0).Start) {
		t.Fatalf("cursor %v does not follow the match at %d", s, match(0).Start)
	}
	if !p.Shows(match(0)) {
		t.Fatal("view did not scroll to the match")
	}
	typeKeys(m, "n")
	if !strings.Contains(statusLine(m), "“talks” 2/3") || !p.Shows(match(1)) {
		t.Fatalf("n: %q", statusLine(m))
	}
	typeKeys(m, "n", "n")
	if !strings.Contains(statusLine(m), "“talks” 1/3") || !strings.Contains(statusLine(m), "search wrapped") {
		t.Fatalf("n past the last: %q", statusLine(m))
	}
	typeKeys(m, "N")
	if !strings.Contains(statusLine(m), "“talks” 3/3") || !strings.Contains(statusLine(m), "search wrapped") {
		t.Fatalf("N before the first: %q", statusLine(m))
	}
	typeKeys(m, "N")
	if !strings.Contains(statusLine(m), "“talks” 2/3") || strings.Contains(statusLine(m), "wrapped") {
		t.Fatalf("N: %q", statusLine(m))
	}

	// n in another pane searches it for the same words.
	typeKeys(m, "tab", "n")
	if r := m.Panes()[1].SearchInfo(); r.Query != "talks" || r.Total == 0 {
		t.Fatalf("n in the second pane: %+v", r)
	}
	// esc clears the search in every pane, wherever the focus is.
	typeKeys(m, "esc")
	if p.SearchInfo().Query != "" || m.Panes()[1].SearchInfo().Query != "" || strings.Contains(statusLine(m), "“talks”") {
		t.Fatalf("esc left the search: %q", statusLine(m))
	}
	typeKeys(m, "shift+tab")
	typeKeys(m, "n")
	if p.SearchInfo().Query != "" {
		t.Fatal("n after esc searched again")
	}

	// esc in the prompt cancels without searching.
	typeKeys(m, "/")
	typeText(m, "began")
	typeKeys(m, "esc")
	if m.State() != keys.Reading || p.SearchInfo().Query != "" {
		t.Fatal("esc in the prompt searched")
	}

	// No match says so.
	typeKeys(m, "/")
	typeText(m, "zebra")
	typeKeys(m, "enter")
	if !strings.Contains(statusLine(m), "no match for 'zebra'") {
		t.Fatalf("no match: %q", statusLine(m))
	}
	// An empty search repeats the last one.
	typeKeys(m, "/", "enter")
	if p.SearchInfo().Query != "zebra" {
		t.Fatalf("empty search: %+v", p.SearchInfo())
	}
	// q typed in the prompt is text, not quit.
	typeKeys(m, "/")
	if typeKeys(m, "q") {
		t.Fatal("q in the search prompt quit")
	}
	typeKeys(m, "esc")
}

// ? lists every binding that works in the current state, and only those.
func TestHelpListsWorkingKeys(t *testing.T) {
	m := newModel(t, twoArticles(), 120, 40)
	k := m.c.Keys
	typeKeys(m, "?")
	if m.State() != keys.HelpOpen {
		t.Fatal("? did not open help")
	}
	s := screen(m)
	for _, b := range k.FullHelp(keys.Reading)[0:2] {
		for _, x := range b {
			if !strings.Contains(s, x.Help().Key) || !strings.Contains(s, x.Help().Desc) {
				t.Errorf("help lacks %q %q", x.Help().Key, x.Help().Desc)
			}
		}
	}
	for _, want := range []string{"/ search", "? help", "q quit"} {
		if !strings.Contains(strings.Join(strings.Fields(s), " "), want) {
			t.Errorf("help lacks %q", want)
		}
	}
	if strings.Contains(s, "next match") || strings.Contains(s, "clear search") {
		t.Error("help lists n/N and esc before any search")
	}
	if !strings.Contains(statusLine(m), "close help") {
		t.Errorf("status in help: %q", statusLine(m))
	}
	// Keys that are not help keys do nothing while help is open.
	typeKeys(m, "G", "]")
	if m.Panes()[0].Top() != 0 {
		t.Error("G scrolled behind the help")
	}
	typeKeys(m, "?")
	if m.State() != keys.Reading {
		t.Fatal("? did not close help")
	}
	// After a search, n/N and esc work and help says so.
	typeKeys(m, "/")
	typeText(m, "the")
	typeKeys(m, "enter", "?")
	s = screen(m)
	for _, want := range []string{"next match", "previous match", "clear search"} {
		if !strings.Contains(s, want) {
			t.Errorf("help after a search lacks %q", want)
		}
	}
	typeKeys(m, "esc")
	if m.State() != keys.Reading {
		t.Fatal("esc did not close help")
	}
	if m.Panes()[0].SearchInfo().Query != "the" {
		t.Error("esc closing help also cleared the search")
	}
}

func TestHelpScrollsWhenShort(t *testing.T) {
	m := newModel(t, twoArticles(), 40, 12)
	typeKeys(m, "?")
	first := screen(m)
	checkFrame(t, m.Render(), 40, 12)
	typeKeys(m, "j", "j", "j", "j", "j", "j", "j", "j", "j", "j", "j", "j")
	if screen(m) == first {
		t.Error("j did not scroll a help taller than the screen")
	}
	checkFrame(t, m.Render(), 40, 12)
	if !strings.Contains(screen(m), "quit") {
		t.Errorf("scrolled to the end, the last key should show:\n%s", screen(m))
	}
}

func TestQuitKeys(t *testing.T) {
	for _, k := range []string{"q", "ctrl+c"} {
		m := newModel(t, twoArticles(), 80, 24)
		if !typeKeys(m, k) {
			t.Errorf("%s did not quit", k)
		}
	}
	m := newModel(t, twoArticles(), 80, 24)
	typeKeys(m, "?")
	if !typeKeys(m, "q") {
		t.Error("q in help did not quit")
	}
	m = newModel(t, twoArticles(), 80, 24)
	typeKeys(m, "/")
	if !typeKeys(m, "ctrl+c") {
		t.Error("ctrl+c in the search prompt did not quit")
	}
}

func TestViewSettings(t *testing.T) {
	m := newModel(t, twoArticles(), 80, 24)
	v := m.View()
	if !v.AltScreen || v.MouseMode != tea.MouseModeCellMotion {
		t.Errorf("view: alt %v mouse %v", v.AltScreen, v.MouseMode)
	}
	m.opt.Mouse = false
	if m.View().MouseMode != tea.MouseModeNone {
		t.Error("mouse not released with Mouse off")
	}
	if strings.ContainsAny(m.View().WindowTitle, "\x1b\x07") {
		t.Error("window title")
	}
}

func TestNoArticles(t *testing.T) {
	m := newModel(t, nil, 60, 10)
	checkFrame(t, m.Render(), 60, 10)
	if !strings.Contains(screen(m), "no articles") {
		t.Error("no message without articles")
	}
	typeKeys(m, "j", "]", "/", "x", "enter", "n", "tab", "?", "esc")
	checkFrame(t, m.Render(), 60, 10)
}
