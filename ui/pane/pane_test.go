package pane

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/parallax-reader/parallax/model"
	"github.com/parallax-reader/parallax/ui/component"
	"github.com/parallax-reader/parallax/ui/internal/fixture"
	"github.com/parallax-reader/parallax/ui/theme"
)

func article(text string) *model.Article {
	return &model.Article{ID: "a1", Title: "Test article", Outlet: "example.org", Text: text, Sentences: fixture.Sentences(text)}
}

func newPane(t testing.TB, art *model.Article, w, h int) *Pane {
	t.Helper()
	p := New(component.NewCommon(theme.Mono()), art, 1)
	p.SetFocused(true)
	p.SetSize(w, h)
	return p
}

func press(s string) tea.KeyPressMsg {
	switch s {
	case "ctrl+d":
		return tea.KeyPressMsg{Code: 'd', Mod: tea.ModCtrl}
	case "ctrl+u":
		return tea.KeyPressMsg{Code: 'u', Mod: tea.ModCtrl}
	case "space":
		return tea.KeyPressMsg{Code: tea.KeySpace, Text: " "}
	case "pgdown":
		return tea.KeyPressMsg{Code: tea.KeyPgDown}
	case "pgup":
		return tea.KeyPressMsg{Code: tea.KeyPgUp}
	case "home":
		return tea.KeyPressMsg{Code: tea.KeyHome}
	case "end":
		return tea.KeyPressMsg{Code: tea.KeyEnd}
	case "down":
		return tea.KeyPressMsg{Code: tea.KeyDown}
	case "up":
		return tea.KeyPressMsg{Code: tea.KeyUp}
	}
	r := []rune(s)[0]
	return tea.KeyPressMsg{Code: r, Text: s}
}

// checkFrame asserts the view is exactly w×h cells.
func checkFrame(t *testing.T, view string, w, h int) {
	t.Helper()
	if w <= 0 || h <= 0 {
		if view != "" {
			t.Fatalf("a %dx%d view should be empty, got %q", w, h, view)
		}
		return
	}
	rows := strings.Split(view, "\n")
	if len(rows) != h {
		t.Fatalf("view has %d rows, want %d:\n%s", len(rows), h, ansi.Strip(view))
	}
	for i, r := range rows {
		if got := ansi.StringWidth(r); got != w {
			t.Fatalf("row %d is %d columns, want %d: %q", i, got, w, ansi.Strip(r))
		}
	}
}

func TestViewExactSize(t *testing.T) {
	texts := map[string]string{
		"prose": fixture.Generate(4000, 3).Text,
		"cjk":   strings.Repeat("東京で会談が行われた。政府は声明を発表した。", 20),
		"emoji": strings.Repeat("Talks 👍🏽 ended 🇮🇶 with a 👨‍👩‍👧 photo and café\u0301 tabs\there. ", 20),
		"mixed": "Short.\n\n" + strings.Repeat("supercalifragilistic", 10) + "\n\n\n日本語English混在テキスト😀😀😀",
	}
	for name, text := range texts {
		art := article(text)
		art.Warnings = []string{"3 invalid bytes replaced"}
		for _, size := range [][2]int{{MinWidth, MinHeight}, {16, 6}, {20, 9}, {37, 12}, {40, 10}, {41, 24}, {80, 24}, {161, 45}} {
			p := newPane(t, art, size[0], size[1])
			for _, k := range []string{"", "]", "ctrl+d", "]", "G", "[", "g"} {
				if k != "" {
					p.Update(press(k))
				}
				checkFrame(t, p.View(), size[0], size[1])
			}
			p.Search("a")
			checkFrame(t, p.View(), size[0], size[1])
		}
		_ = name
	}
}

func TestTooSmallIsBlankNotBroken(t *testing.T) {
	p := newPane(t, article("Some text here."), 5, 3)
	checkFrame(t, p.View(), 5, 3)
	p.SetSize(0, 0)
	if p.View() != "" {
		t.Error("zero size should draw nothing")
	}
}

// Nothing from the article may reach the terminal as a control sequence.
func TestHostileTextIsNeutralised(t *testing.T) {
	hostile := "Title\x1b]0;pwned\x07 here.\n" +
		"Clear \x1b[2J screen, \x1b]52;c;ZXZpbA==\x07 clipboard, \x9b31m C1 CSI, \u009d8;;x\u009c link, bell\x07, del\x7f, cr\r end." +
		" Invalid \xff\xfe bytes."
	art := article(hostile)
	art.Title = "Evil \x1b]0;title\x07 title"
	art.Outlet = "evil\x1b[31m.example"
	art.Warnings = []string{"bad \x1b[5m warning"}
	for _, st := range []*theme.Styles{theme.Mono(), theme.Dark()} {
		p := New(component.NewCommon(st), art, 1)
		p.SetSize(60, 20)
		p.Search("c")
		p.MoveCursor(1)
		view := p.View()
		// Every escape sequence in the frame is a style (SGR) the pane made.
		for i := 0; i < len(view); i++ {
			switch c := view[i]; {
			case c == 0x1b:
				j := i + 1
				if j >= len(view) || view[j] != '[' {
					t.Fatalf("non-CSI escape at %d: %q", i, view[i:min(i+12, len(view))])
				}
				for j++; j < len(view) && (view[j] >= '0' && view[j] <= '9' || view[j] == ';' || view[j] == ':'); j++ {
				}
				if j >= len(view) || view[j] != 'm' {
					t.Fatalf("escape other than SGR at %d: %q", i, view[i:min(j+1, len(view))])
				}
				i = j
			case c < 0x20 && c != '\n', c == 0x7f:
				t.Fatalf("control byte %#x at %d", c, i)
			}
		}
		if strings.Contains(view, "\u009b") || strings.Contains(view, "\u009d") || strings.Contains(view, "\u009c") {
			t.Fatal("C1 control reached the frame")
		}
		plain := ansi.Strip(view)
		for _, want := range []string{"Clear �[2J screen", "�]52;c;ZXZpbA==� clipboard", "Evil �]0;title� title", "evil�[31m.example", "bad �[5m warning"} {
			if !strings.Contains(plain, want) {
				t.Errorf("%s: %q not shown neutralised in:\n%s", st.Name, want, plain)
			}
		}
	}
}

func TestScrollKeys(t *testing.T) {
	art := fixture.Generate(20000, 4)
	p := newPane(t, &art, 60, 24)
	rows := p.BodyRows()
	if rows != 24-2-2 {
		t.Fatalf("body rows %d", rows)
	}
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
		{"pgdown", func(x int) int { return x + rows - 1 }},
		{"b", func(x int) int { return x - rows + 1 }},
		{"pgup", func(x int) int { return x - rows + 1 }},
		{"G", func(int) int { return p.Lines() - rows }},
		{"k", func(x int) int { return x - 1 }},
		{"end", func(int) int { return p.Lines() - rows }},
		{"j", func(x int) int { return x }}, // clamped at the bottom
		{"g", func(int) int { return 0 }},
		{"k", func(int) int { return 0 }}, // clamped at the top
		{"G", func(int) int { return p.Lines() - rows }},
		{"home", func(int) int { return 0 }},
	}
	for i, s := range steps {
		prev := p.Top()
		p.Update(press(s.key))
		if want := s.want(prev); p.Top() != want {
			t.Fatalf("step %d %q: top %d, want %d (from %d)", i, s.key, p.Top(), want, prev)
		}
	}
}

func TestShortArticleDoesNotScroll(t *testing.T) {
	p := newPane(t, article("One line only."), 40, 12)
	for _, k := range []string{"j", "ctrl+d", "space", "G"} {
		p.Update(press(k))
		if p.Top() != 0 {
			t.Fatalf("%s scrolled a text that fits", k)
		}
	}
	if p.ScrollPercent() != 100 {
		t.Errorf("percent %d for a text that fits", p.ScrollPercent())
	}
}

func TestSentenceCursor(t *testing.T) {
	art := fixture.Generate(20000, 5)
	p := newPane(t, &art, 50, 20)
	if i, n := p.Cursor(); i != -1 || n != len(art.Sentences) {
		t.Fatalf("cursor %d/%d before any move", i, n)
	}
	p.Update(press("]"))
	if i, _ := p.Cursor(); i != 0 {
		t.Fatalf("first ] placed the cursor on %d, want 0", i)
	}
	for want := 1; want < 40; want++ {
		p.Update(press("]"))
		i, _ := p.Cursor()
		if i != want {
			t.Fatalf("after %d moves cursor on %d", want, i)
		}
		s, _ := p.CursorSpan()
		first, last := p.linesOf(s)
		if !p.isVisible(first) && !p.isVisible(last) {
			t.Fatalf("cursor sentence %d (lines %d–%d) off screen, top %d", i, first, last, p.Top())
		}
		// Gutter marks every line of the cursor sentence.
		view := ansi.Strip(p.View())
		rows := strings.Split(view, "\n")
		_, ty := p.TextArea()
		for li := max(first, p.Top()); li <= min(last, p.Top()+p.BodyRows()-1); li++ {
			if r := []rune(rows[ty+li-p.Top()]); r[1] != '▌' {
				t.Fatalf("line %d of the cursor sentence lacks the gutter mark: %q", li, rows[ty+li-p.Top()])
			}
		}
	}
	p.Update(press("["))
	if i, _ := p.Cursor(); i != 38 {
		t.Fatalf("[ moved to %d, want 38", i)
	}
	// Scrolled away, ] lands on the first sentence in view.
	p.Update(press("G"))
	p.Update(press("]"))
	i, _ := p.Cursor()
	vs, _ := p.visibleSpan()
	if s := art.Sentences[i]; s.Start < vs || i == 39 {
		t.Fatalf("after G, ] picked sentence %d at %d; view starts at %d", i, s.Start, vs)
	}
	// The ends say so.
	p.SetCursor(len(art.Sentences) - 1)
	if msg := runCmd(p.MoveCursor(1)); msg != "last sentence" {
		t.Errorf("past the end: %q", msg)
	}
	p.SetCursor(0)
	if msg := runCmd(p.MoveCursor(-1)); msg != "first sentence" {
		t.Errorf("before the start: %q", msg)
	}
	if p.Top() != 0 {
		t.Errorf("cursor on the first sentence but top %d", p.Top())
	}
}

func runCmd(c tea.Cmd) string {
	if c == nil {
		return ""
	}
	if m, ok := c().(component.StatusMsg); ok {
		return m.Text
	}
	return ""
}

func TestCursorFallsBackToParagraphs(t *testing.T) {
	art := article("First para.\n\nSecond para.")
	art.Sentences = nil
	art.Paragraphs = []model.Span{{Start: 0, End: 11}, {Start: 13, End: 25}}
	p := newPane(t, art, 40, 10)
	p.MoveCursor(1)
	p.MoveCursor(1)
	if s, _ := p.CursorSpan(); s != art.Paragraphs[1] {
		t.Errorf("cursor on %v, want the second paragraph", s)
	}
	empty := article("no structure")
	empty.Sentences = nil
	q := newPane(t, empty, 40, 10)
	if msg := runCmd(q.MoveCursor(1)); !strings.Contains(msg, "no sentences") {
		t.Errorf("message %q", msg)
	}
}

func TestSearch(t *testing.T) {
	text := strings.Repeat("Filler sentence without it. ", 60) + "The Talks began. " +
		strings.Repeat("More filler here. ", 60) + "talks ended. " + strings.Repeat("Tail text. ", 40) + "TALKS again."
	art := article(text)
	p := newPane(t, art, 40, 12)
	r := p.Search("talks")
	if r.Total != 3 || r.Current != 1 || r.Wrapped {
		t.Fatalf("search: %+v", r)
	}
	first := Find(text, "talks")[0]
	if l := lineAt(p.lines, first.Start); !p.isVisible(l) {
		t.Fatalf("first match line %d not visible (top %d)", l, p.Top())
	}
	if s, _ := p.CursorSpan(); !s.Contains(first.Start) {
		t.Fatalf("cursor %v does not hold the match at %d", s, first.Start)
	}
	if got := p.Decorations(LayerSearch); len(got) != 3 {
		t.Fatalf("%d match decorations", len(got))
	}
	if p.NextMatch(1).Current != 2 || p.NextMatch(1).Current != 3 {
		t.Fatal("n did not step through matches")
	}
	if r := p.NextMatch(1); r.Current != 1 || !r.Wrapped {
		t.Fatalf("n past the last: %+v", r)
	}
	if r := p.NextMatch(-1); r.Current != 3 || !r.Wrapped {
		t.Fatalf("N before the first: %+v", r)
	}
	if cur := p.Decorations(LayerSearchActive); len(cur) != 1 || cur[0].Class != theme.CurrentMatch {
		t.Fatalf("current match layer %v", cur)
	}
	// A new search starts from the reading position and wraps when nothing follows.
	p.ScrollTo(p.Lines())
	p.ClearCursor()
	if r := p.Search("the talks"); r.Total != 1 || !r.Wrapped {
		t.Fatalf("search from the bottom: %+v", r)
	}
	if r := p.Search("absent words"); r.Total != 0 || r.Current != 0 {
		t.Fatalf("no match: %+v", r)
	}
	p.ClearSearch()
	if p.SearchInfo().Query != "" || p.Decorations(LayerSearch) != nil {
		t.Fatal("clear left the search behind")
	}
}

func TestDecorationsMergeByPriority(t *testing.T) {
	art := article("alpha beta gamma delta")
	p := newPane(t, art, 40, 8)
	p.SetDecorations("entities", []Decoration{{Span: model.Span{Start: 6, End: 16}, Class: theme.Person}})
	p.SetDecorations("search", []Decoration{{Span: model.Span{Start: 11, End: 16}, Class: theme.Match}})
	st := p.c.Styles
	line, _ := p.lr.render(art.Text, 0, len(art.Text), 30, p.layers, st)
	got := string(line)
	want := "alpha " + st.Highlight[theme.Person].Render("beta ") +
		st.Highlight[theme.Match].Inherit(st.Highlight[theme.Person]).Render("gamma") + " delta" + strings.Repeat(" ", 8)
	if got != want {
		t.Errorf("render\n got %q\nwant %q", got, want)
	}
	// A decoration starting lines above the view still styles its tail.
	long := fixture.Generate(3000, 6)
	q := newPane(t, &long, 40, 10)
	q.SetDecorations("quotes", []Decoration{{Span: model.Span{Start: 0, End: len(long.Text)}, Class: theme.Quote}})
	q.ScrollBy(20)
	s, e := q.lines[q.Top()].span()
	line, _ = q.lr.render(long.Text, s, e, 35, q.layers, st)
	if !strings.HasPrefix(string(line), st.Highlight[theme.Quote].Render(long.Text[s:e])) {
		t.Errorf("long decoration lost below its start: %q", line)
	}
	p.SetDecorations("entities", nil)
	if p.Decorations("entities") != nil {
		t.Error("empty list did not remove the layer")
	}
}

func TestClickAndOffsets(t *testing.T) {
	text := "日本語の記事です。Second sentence here. Third one."
	art := article(text)
	art.Sentences = []model.Span{{Start: 0, End: 27}, {Start: 27, End: 49}, {Start: 50, End: 60}}
	p := newPane(t, art, 30, 10) // text width 25
	tx, ty := p.TextArea()
	// Column 2 of the first line is the second half of 日: still 日.
	if off, ok := p.OffsetAt(tx+1, ty); !ok || off != 0 {
		t.Errorf("offset under 日's right half: %d %v", off, ok)
	}
	if off, ok := p.OffsetAt(tx+2, ty); !ok || off != 3 {
		t.Errorf("offset under 本: %d %v", off, ok)
	}
	if _, ok := p.OffsetAt(tx, 0); ok {
		t.Error("the border is not text")
	}
	line1 := p.LineText(1)
	if !p.ClickAt(tx+1, ty+1) {
		t.Fatal("click on text missed")
	}
	i, _ := p.Cursor()
	want := model.SpanIndex(art.Sentences, strings.Index(text, line1))
	if i != want {
		t.Errorf("click on line %q put the cursor on %d, want %d", line1, i, want)
	}
	if p.ClickAt(tx, ty+p.BodyRows()+1) {
		t.Error("click below the text moved the cursor")
	}
}

func TestResizeKeepsPlace(t *testing.T) {
	art := fixture.Generate(30000, 7)
	p := newPane(t, &art, 80, 24)
	p.ScrollBy(100)
	anchor := int(p.lines[p.Top()].Start)
	p.SetSize(45, 30)
	if s, e := p.lines[p.Top()].span(); anchor < s || anchor > e {
		t.Fatalf("after narrowing, top line [%d,%d) does not hold the old top %d", s, e, anchor)
	}
	for _, size := range [][2]int{{40, 10}, {10, 3}, {0, 0}, {120, 50}, {40, 10}, {80, 24}} {
		p.SetSize(size[0], size[1])
		checkFrame(t, p.View(), size[0], max(size[1], 0))
	}
}

func TestCountWordsMatchesArticle(t *testing.T) {
	for _, text := range []string{"", "one", " two  words ", "it's Iran’s 27-year gap; U.S. talks", "東京 会談 2007年", fixture.Generate(5000, 9).Text, "\xff bad \xfe bytes"} {
		a := model.Article{Text: text}
		if got, want := countWords(text), a.WordCount(); got != want {
			t.Errorf("countWords(%q) = %d, Article.WordCount = %d", text, got, want)
		}
	}
}
