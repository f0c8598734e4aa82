package ui

import (
	"context"
	"errors"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/ansi"

	"github.com/parallax-reader/parallax/model"
	"github.com/parallax-reader/parallax/ui/internal/fixture"
	"github.com/parallax-reader/parallax/ui/theme"
)

func TestMouseWheelScrollsPaneUnderPointer(t *testing.T) {
	m := newModel(t, twoArticles(), 100, 30) // panes at x 0–49 and 50–99
	left, right := m.Panes()[0], m.Panes()[1]
	run(m, tea.MouseWheelMsg{X: 70, Y: 10, Button: tea.MouseWheelDown})
	if right.Top() != 3 || left.Top() != 0 {
		t.Fatalf("wheel over the right pane: tops %d, %d", left.Top(), right.Top())
	}
	if m.Focus() != 0 {
		t.Error("the wheel moved the focus")
	}
	run(m, tea.MouseWheelMsg{X: 70, Y: 10, Button: tea.MouseWheelUp})
	run(m, tea.MouseWheelMsg{X: 10, Y: 5, Button: tea.MouseWheelDown})
	if right.Top() != 0 || left.Top() != 3 {
		t.Fatalf("tops %d, %d", left.Top(), right.Top())
	}
	// Over the status bar nothing scrolls.
	run(m, tea.MouseWheelMsg{X: 10, Y: 29, Button: tea.MouseWheelDown})
	if left.Top() != 3 {
		t.Error("wheel over the status bar scrolled")
	}
}

func TestMouseClickFocusesAndPlacesCursor(t *testing.T) {
	m := newModel(t, twoArticles(), 100, 30)
	right := m.Panes()[1]
	tx, ty := right.TextArea()
	x, y := 50+tx+3, ty+4 // a few cells into the fifth text line of the right pane
	run(m, tea.MouseClickMsg{X: x, Y: y, Button: tea.MouseLeft})
	if m.Focus() != 1 || !right.Focused() {
		t.Fatal("click did not focus the right pane")
	}
	off, ok := right.OffsetAt(x-50, y)
	if !ok {
		t.Fatal("no text under the click")
	}
	i, _ := right.Cursor()
	s, _ := right.CursorSpan()
	if i < 0 || !(s.Start <= off && off <= s.End) {
		t.Fatalf("cursor sentence %d %v does not hold the clicked offset %d", i, s, off)
	}
	// A click on a border focuses without moving the cursor.
	run(m, tea.MouseClickMsg{X: 0, Y: 0, Button: tea.MouseLeft})
	if m.Focus() != 0 {
		t.Fatal("click on the left pane's border did not focus it")
	}
	if c, _ := m.Panes()[0].Cursor(); c != -1 {
		t.Error("click on a border placed the cursor")
	}
	// A right click does nothing.
	run(m, tea.MouseClickMsg{X: x, Y: y, Button: tea.MouseRight})
	if m.Focus() != 0 {
		t.Error("right click focused")
	}
}

// Shrinking to 40×10 and below and growing back never breaks the frame.
func TestResize(t *testing.T) {
	m := newModel(t, threeArticles(), 160, 45)
	sizes := [][2]int{{160, 45}, {120, 40}, {80, 24}, {59, 20}, {40, 10}, {30, 8}, {14, 5}, {10, 3}, {1, 1}, {0, 0}, {40, 10}, {80, 24}, {160, 45}}
	for _, sz := range sizes {
		run(m, tea.WindowSizeMsg{Width: sz[0], Height: sz[1]})
		checkFrame(t, m.Render(), sz[0], sz[1])
		typeKeys(m, "j", "]", "tab", "ctrl+d", "G")
		checkFrame(t, m.Render(), sz[0], sz[1])
		typeKeys(m, "?")
		checkFrame(t, m.Render(), sz[0], sz[1])
		typeKeys(m, "?", "/")
		typeText(m, "the")
		checkFrame(t, m.Render(), sz[0], sz[1])
		typeKeys(m, "enter")
		checkFrame(t, m.Render(), sz[0], sz[1])
	}
	run(m, tea.WindowSizeMsg{Width: 30, Height: 5})
	if !strings.Contains(screen(m), "terminal too small") {
		t.Errorf("30×5 frame:\n%s", screen(m))
	}
	run(m, tea.WindowSizeMsg{Width: 12, Height: 3})
	if !strings.Contains(screen(m), "too small") {
		t.Errorf("12×3 frame:\n%s", screen(m))
	}
	run(m, tea.WindowSizeMsg{Width: 40, Height: 10})
	if strings.Contains(screen(m), "too small") {
		t.Error("40×10 should show a pane")
	}
	if _, n := m.Shown(); n != 1 {
		t.Errorf("%d panes at 40 columns", n)
	}
	run(m, tea.WindowSizeMsg{Width: 160, Height: 45})
	if _, n := m.Shown(); n != 3 {
		t.Errorf("%d of 3 panes shown at 160 columns", n)
	}
}

// Wide characters keep every row of every pane at the exact width.
func TestWideCharactersKeepColumns(t *testing.T) {
	cjk := strings.Repeat("東京で首脳会談が行われた。両国政府は共同声明を発表した。", 30)
	emoji := strings.Repeat("Talks 👍🏽 ended 🇮🇶 with a 👨‍👩‍👧 photo, café\u0301 and naïve\ttabs. ", 30)
	arts := []model.Article{
		fixture.Article("a1", "東京新聞", "首脳会談", cjk),
		fixture.Article("a2", "emoji.example", "Emoji 🎉 title", emoji),
		fixture.Article("a3", "mixed.example", "Mixed", "English 日本語 mixed text. "+strings.Repeat("한국어 문장입니다. ", 40)),
	}
	for _, sz := range [][2]int{{80, 24}, {81, 24}, {121, 30}, {160, 45}, {40, 10}, {43, 12}} {
		m := newModel(t, arts, sz[0], sz[1])
		for _, step := range [][]string{{}, {"]"}, {"ctrl+d"}, {"tab", "]", "]"}, {"tab", "G"}, {"?"}} {
			typeKeys(m, step...)
			checkFrame(t, m.Render(), sz[0], sz[1])
		}
		typeKeys(m, "?", "/")
		typeText(m, "会談")
		typeKeys(m, "enter")
		checkFrame(t, m.Render(), sz[0], sz[1])
	}
}

// Article text, titles and outlets never reach the terminal as control
// sequences: the frame holds only the reader's own style sequences.
func TestHostileArticleEmitsNoEscapes(t *testing.T) {
	evil := "Start \x1b]0;pwned\x07 title, \x1b]52;c;ZXZpbA==\x07 clipboard, \x1b[2J\x1b[H clear, \x9b6n query, \u009d0;x\u009c osc, \x07 bell. " +
		strings.Repeat("More words follow here. ", 30)
	art := fixture.Article("a1", "evil\x1b[31m.example", "Evil \x1b]2;t\x07 title", evil)
	art.Warnings = []string{"warn \x1b[5m blink"}
	m := newModel(t, []model.Article{art, twoArticles()[0]}, 120, 30)
	typeKeys(m, "]", "/")
	typeText(m, "clear")
	typeKeys(m, "enter")
	for _, frame := range []string{m.Render(), func() string { typeKeys(m, "?"); return m.Render() }()} {
		for i := 0; i < len(frame); i++ {
			c := frame[i]
			if c == 0x1b {
				j := i + 1
				if j >= len(frame) || frame[j] != '[' {
					t.Fatalf("escape other than CSI at %d: %q", i, frame[i:min(i+10, len(frame))])
				}
				for j++; j < len(frame) && strings.IndexByte("0123456789;:", frame[j]) >= 0; j++ {
				}
				if j >= len(frame) || frame[j] != 'm' {
					t.Fatalf("control sequence other than a style at %d: %q", i, frame[i:min(j+1, len(frame))])
				}
				i = j
				continue
			}
			if (c < 0x20 && c != '\n') || c == 0x7f {
				t.Fatalf("control byte %#x in the frame", c)
			}
		}
		if strings.ContainsAny(frame, "\u009b\u009c\u009d") {
			t.Fatal("C1 control in the frame")
		}
	}
	plain := screen(m)
	for _, want := range []string{"evil�[31m.example"} {
		if !strings.Contains(plain, want) {
			t.Errorf("%q not shown neutralised", want)
		}
	}
}

func TestThemeSelection(t *testing.T) {
	t.Setenv("NO_COLOR", "")
	auto := New(Options{Articles: twoArticles()})
	if auto.Styles().Name != theme.DarkName {
		t.Fatalf("auto starts %s", auto.Styles().Name)
	}
	if msgs := immediate(auto.Init()); len(msgs) == 0 {
		t.Fatal("auto theme does not ask for the background colour")
	}
	run(auto, tea.BackgroundColorMsg{Color: ansi.White})
	if auto.Styles().Name != theme.LightName {
		t.Errorf("light background gave %s", auto.Styles().Name)
	}
	run(auto, tea.BackgroundColorMsg{Color: ansi.Black})
	if auto.Styles().Name != theme.DarkName {
		t.Errorf("dark background gave %s", auto.Styles().Name)
	}
	run(auto, tea.ColorProfileMsg{Profile: colorprofile.ASCII})
	if auto.Styles().Name != theme.MonoName {
		t.Errorf("colourless terminal gave %s", auto.Styles().Name)
	}

	light := New(Options{Articles: twoArticles(), Theme: "light"})
	if light.Init() != nil {
		t.Error("a fixed theme should not query the terminal")
	}
	run(light, tea.BackgroundColorMsg{Color: ansi.Black})
	if light.Styles().Name != theme.LightName {
		t.Error("--theme light was overridden by detection")
	}
	run(light, tea.ColorProfileMsg{Profile: colorprofile.ANSI256})
	if light.Styles().Name != theme.LightName {
		t.Error("a colour terminal changed the theme")
	}

	t.Setenv("NO_COLOR", "1")
	for _, name := range []string{"", "dark", "light"} {
		if st := New(Options{Articles: twoArticles(), Theme: name}).Styles(); st.Name != theme.MonoName {
			t.Errorf("NO_COLOR with theme %q gave %s", name, st.Name)
		}
	}
}

func TestAnalysisRunsInBackground(t *testing.T) {
	t.Setenv("NO_COLOR", "")
	want := &model.Analysis{Clusters: []model.Cluster{{ID: "c1", Name: "Ryan Crocker"}}}
	release := make(chan struct{})
	m := New(Options{Articles: twoArticles(), Theme: "dark", Analyze: func(ctx context.Context, arts []model.Article) (*model.Analysis, error) {
		<-release
		return want, nil
	}})
	run(m, tea.WindowSizeMsg{Width: 100, Height: 30})
	if !strings.Contains(screen(m), "Talks resume") {
		t.Fatal("text not shown before the analysis")
	}
	var pending tea.Cmd
	for _, c := range m.Init()().(tea.BatchMsg) {
		pending = c
	}
	run(m, AnalysisStartedMsg{})
	if !strings.Contains(statusLine(m), "analysing") {
		t.Fatalf("no spinner while analysing: %q", statusLine(m))
	}
	typeKeys(m, "j")
	close(release)
	run(m, pending())
	if m.Analysis() != want || strings.Contains(statusLine(m), "analysing") {
		t.Fatalf("analysis not taken: %v, %q", m.Analysis(), statusLine(m))
	}
	run(m, AnalysisMsg{Err: errors.New("model file missing\nsecond line")})
	if !strings.Contains(statusLine(m), "analysis failed: model file missing") || strings.Contains(statusLine(m), "second") {
		t.Errorf("failure status: %q", statusLine(m))
	}
}

func TestStatusShowsAnnotationFile(t *testing.T) {
	m := newModel(t, twoArticles(), 120, 24)
	if strings.Contains(statusLine(m), ".jsonld") {
		t.Fatal("file shown before one was set")
	}
	m.SetAnnotationFile("/home/reader/notes/very/deep/folder/baghdad-talks.annotations.jsonld")
	line := statusLine(m)
	if !strings.Contains(line, "baghdad-talks.annotations.jsonld") || !strings.Contains(line, "…") {
		t.Errorf("status: %q", line)
	}
	checkFrame(t, m.Render(), 120, 24)
	if got := shortenLeft("abcdef", 4); got != "…def" {
		t.Errorf("shortenLeft = %q", got)
	}
}
