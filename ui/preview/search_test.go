package preview

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/parallax-reader/parallax/ui/theme"
)

func searchFor(m *Model, q string) {
	typeKeys(m, "/")
	typeText(m, q)
	typeKeys(m, "enter")
}

// markedRows returns the screen rows whose gutter holds glyph, as indexes
// into the note's lines.
func markedRows(m *Model, glyph string) []int {
	var out []int
	for r, row := range rows(m)[1 : 1+m.BodyRows()] {
		if strings.HasPrefix(strings.TrimPrefix(row, m.c.Styles.FocusedBorder.Left), glyph) {
			out = append(out, m.Top()+r)
		}
	}
	return out
}

func TestSearchNextPreviousWrap(t *testing.T) {
	m := newPreview(t, theme.Dark(), longNote(), "notes.md", 80, 24)
	searchFor(m, "NEEDLE") // case does not matter
	type step struct {
		key     string
		current int
		wrapped bool
	}
	check := func(s step) {
		t.Helper()
		r := m.SearchInfo()
		if r.Current != s.current || r.Total != 3 {
			t.Fatalf("after %q: match %d/%d, want %d/3", s.key, r.Current, r.Total, s.current)
		}
		if got := statusRow(m); !strings.Contains(got, "“NEEDLE” "+itoa(s.current)+"/3") {
			t.Fatalf("after %q the status line lacks the count: %q", s.key, got)
		}
		if got := strings.Contains(statusRow(m), "search wrapped"); got != s.wrapped {
			t.Fatalf("after %q: 'search wrapped' shown = %v, want %v: %q", s.key, got, s.wrapped, statusRow(m))
		}
		cur := m.search.matches[m.search.current]
		if !strings.Contains(strings.ToLower(m.LineText(cur.line)), "needle") {
			t.Fatalf("current match on line %d %q has no needle", cur.line, m.LineText(cur.line))
		}
		if got := markedRows(m, currentMatchGlyph); len(got) != 1 || got[0] != cur.line {
			t.Fatalf("after %q the current-match mark is on lines %v, want [%d]", s.key, got, cur.line)
		}
	}
	check(step{"enter", 1, false})
	for _, s := range []step{{"n", 2, false}, {"n", 3, false}, {"n", 1, true}, {"N", 3, true}, {"N", 2, false}} {
		typeKeys(m, s.key)
		check(s)
	}

	// A new search starts at the view: from the bottom it wraps to the top.
	typeKeys(m, "G")
	searchFor(m, "needle")
	if r := m.SearchInfo(); r.Current != 1 || !strings.Contains(statusRow(m), "search wrapped") {
		t.Errorf("search from the end: match %d, status %q; want 1 and wrapped", r.Current, statusRow(m))
	}
	// An empty search repeats the last one.
	typeKeys(m, "n")
	typeKeys(m, "/", "enter")
	if r := m.SearchInfo(); r.Query != "needle" || r.Total != 3 {
		t.Errorf("empty search gave %+v, want the last query again", r)
	}
}

func TestSearchMarksWithoutColour(t *testing.T) {
	st := theme.Mono()
	m := newPreview(t, st, fixedNote(t), "notes.md", 80, 40)
	searchFor(m, "thirty years")
	r := m.SearchInfo()
	if r.Total != 4 {
		t.Fatalf("found %d, want 4 (two quotes, two quotations by speaker)", r.Total)
	}
	cur := m.search.matches[m.search.current]
	other := markedRows(m, matchGlyph)
	if len(other) == 0 {
		t.Fatalf("no other-match marks in the gutter:\n%s", screen(m))
	}
	for _, l := range other {
		if !strings.Contains(strings.ToLower(m.LineText(l)), "thirty years") {
			t.Errorf("line %d marked as a match has none: %q", l, m.LineText(l))
		}
	}
	if got := markedRows(m, currentMatchGlyph); len(got) != 1 || got[0] != cur.line {
		t.Errorf("current mark on %v, want [%d]", got, cur.line)
	}

	// The match itself: reverse video (and more for the current one), no
	// colour, with the text around it untouched.
	view := strings.Split(m.View(), "\n")
	row := view[1+cur.line-m.Top()]
	if !strings.Contains(row, st.Highlight[theme.CurrentMatch].Render("thirty years")) {
		t.Errorf("current match not drawn in the current-match style: %q", row)
	}
	if !strings.Contains(st.Highlight[theme.CurrentMatch].Render("x"), "7") || !strings.Contains(st.Highlight[theme.Match].Render("x"), "7") {
		t.Error("match styles are not reverse video without colour")
	}
	otherRow := view[1+other[0]-m.Top()]
	if !strings.Contains(otherRow, st.Highlight[theme.Match].Render("thirty years")) {
		t.Errorf("other match not drawn in the match style: %q", otherRow)
	}
	if ansi.Strip(row) != rows(m)[1+cur.line-m.Top()] {
		t.Error("highlighting changed the text of the line")
	}
}

func TestSearchNoMatch(t *testing.T) {
	m := newPreview(t, theme.Dark(), fixedNote(t), "notes.md", 80, 24)
	searchFor(m, "zebra")
	if got := statusRow(m); !strings.Contains(got, "no match for 'zebra'") {
		t.Errorf("status = %q, want no match", got)
	}
	if !m.StatusIsError() {
		t.Error("no match is not shown as an error")
	}
	top := m.Top()
	typeKeys(m, "n", "N")
	if m.Top() != top || len(markedRows(m, matchGlyph)) != 0 {
		t.Error("n/N moved or marked something with no match")
	}
	// The message goes with the next key.
	typeKeys(m, "j")
	if strings.Contains(statusRow(m), "no match") {
		t.Errorf("message outlived the next key: %q", statusRow(m))
	}
}

// The search runs over what glamour drew: Markdown marks and the front
// matter are not found, words across them are.
func TestSearchRenderedText(t *testing.T) {
	m := newPreview(t, theme.Dark(), fixedNote(t), "notes.md", 80, 24)
	searchFor(m, "**coast")
	if n := m.SearchInfo().Total; n != 0 {
		t.Errorf("found %d raw ** marks in the rendered note", n)
	}
	searchFor(m, "sha256")
	if n := m.SearchInfo().Total; n != 0 {
		t.Errorf("found the front matter %d times", n)
	}
	searchFor(m, "9 to 4")
	if n := m.SearchInfo().Total; n != 2 {
		t.Errorf("found '9 to 4' %d times, want 2 (the quote and the diff)", n)
	}
}

func TestFindAcrossLines(t *testing.T) {
	m := newPreview(t, theme.Dark(), []byte("alpha beta\n\nbeta gamma beta\n"), "notes.md", 40, 10)
	got := m.find("beta")
	if len(got) != 3 {
		t.Fatalf("find = %v, want 3 matches", got)
	}
	for _, g := range got {
		if s := m.plain[g.line][g.start:g.end]; s != "beta" {
			t.Errorf("match %+v covers %q", g, s)
		}
	}
	if got[1].line != got[2].line || got[0].line == got[1].line {
		t.Errorf("matches on lines %d, %d, %d; want the last two on one line", got[0].line, got[1].line, got[2].line)
	}
}
