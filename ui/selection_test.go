package ui

import (
	"strings"
	"testing"

	"github.com/parallax-reader/parallax/ui/keys"
	"github.com/parallax-reader/parallax/ui/theme"
)

func TestWords(t *testing.T) {
	text := "“We will return,” said Dr. Ana of the U.S. on 5% — ok.  $40 (sic)"
	var got []string
	for off := 0; ; {
		w, ok := nextWord(text, off)
		if !ok {
			break
		}
		got = append(got, text[w.Start:w.End])
		off = w.End
	}
	want := []string{"We", "will", "return", "said", "Dr", "Ana", "of", "the", "U.S.", "on", "5%", "ok", "$40", "sic"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Fatalf("words forward:\n got %q\nwant %q", got, want)
	}
	var back []string
	for off := len(text); ; {
		w, ok := prevWord(text, off)
		if !ok {
			break
		}
		back = append([]string{text[w.Start:w.End]}, back...)
		off = w.Start
	}
	if strings.Join(back, "|") != strings.Join(want, "|") {
		t.Fatalf("words backward:\n got %q\nwant %q", back, want)
	}
	if n := countWordsIn(text); n != len(want) {
		t.Errorf("countWordsIn = %d, want %d", n, len(want))
	}
	if _, ok := nextWord("  — … ", 0); ok {
		t.Error("punctuation alone made a word")
	}
}

func TestSelectionKeys(t *testing.T) {
	arts := tagArticles()
	st, _ := openTestStore(t, arts, false)
	m := newTagModel(t, arts, st, 100, 30)
	p := m.Panes()[0]

	// No cursor yet: v starts on the first word of the first sentence in view.
	typeKeys(m, "v")
	if m.State() != keys.Selecting || selected(m) != "We" {
		t.Fatalf("after v: state %d, selection %q; want selecting \"We\"", m.State(), selected(m))
	}
	if !strings.Contains(statusLine(m), "selection: 1 word — t to tag, esc to cancel") {
		t.Fatalf("status: %q", statusLine(m))
	}
	decs := p.Decorations(LayerSelection)
	if len(decs) != 1 || decs[0].Class != theme.Selection || p.Article().Slice(decs[0].Span) != "We" {
		t.Fatalf("selection layer: %+v", decs)
	}

	steps := []struct{ key, want string }{
		{"w", "We will"},
		{"w", "We will return"},
		{"b", "We will"},
		{"]", "“We will return,” said Ana Ruiz of the US delegation on Tuesday"},
		{"]", "“We will return,” said Ana Ruiz of the US delegation on Tuesday. Officials said 40 people were hurt"},
		{"[", "“We will return,” said Ana Ruiz of the US delegation on Tuesday. Officials"},
		{"[", "We"},
	}
	for i, s := range steps {
		top := p.Top()
		typeKeys(m, s.key)
		if got := selected(m); got != strings.TrimPrefix(s.want, "“") {
			t.Fatalf("step %d %q: selection %q, want %q", i, s.key, got, s.want)
		}
		if s.key == "b" && p.Top() != top {
			t.Fatal("b scrolled a page while selecting")
		}
	}
	if !strings.Contains(statusLine(m), "selection: 1 word") {
		t.Fatalf("status after shrinking: %q", statusLine(m))
	}
	typeKeys(m, "j")
	if m.State() != keys.Selecting || selected(m) != "We" || !strings.Contains(statusLine(m), "selection: 1 word") {
		t.Fatalf("scrolling lost the selection: %q", statusLine(m))
	}

	// b before the anchor grows the selection backwards.
	typeKeys(m, "]", "]", "]", "w") // into the second sentence
	typeKeys(m, "esc")
	if m.State() != keys.Reading || m.tags.sel != nil || len(p.Decorations(LayerSelection)) != 0 {
		t.Fatal("esc did not cancel the selection")
	}
	typeKeys(m, "]", "v") // cursor on sentence 2
	typeKeys(m, "b")
	if got := selected(m); got != "Tuesday. Officials" {
		t.Fatalf("b from the anchor: %q", got)
	}
	if !strings.Contains(statusLine(m), "selection: 2 words") {
		t.Fatalf("status: %q", statusLine(m))
	}

	// Help while selecting lists the selection keys and returns to it.
	typeKeys(m, "?")
	if !strings.Contains(screen(m), "shrink a word") || strings.Contains(screen(m), "b/pgup") {
		t.Fatalf("help while selecting:\n%s", screen(m))
	}
	typeKeys(m, "esc")
	if m.State() != keys.Selecting || selected(m) != "Tuesday. Officials" {
		t.Fatalf("closing help: state %d, selection %q", m.State(), selected(m))
	}
}

// A selection never runs past the text, however far w and ] go.
func TestSelectionStopsAtEnds(t *testing.T) {
	arts := tagArticles()
	st, _ := openTestStore(t, arts, false)
	m := newTagModel(t, arts, st, 100, 30)
	typeKeys(m, "tab", "G", "]", "v")
	for range 40 {
		typeKeys(m, "w", "]")
	}
	if got := selected(m); !strings.HasSuffix(got, "The meeting ran long") {
		t.Fatalf("selection at the end: %q", got)
	}
	for range 60 {
		typeKeys(m, "b", "[")
	}
	if got := selected(m); got != "Ruiz" {
		t.Fatalf("selection at the start: %q", got)
	}
	sp := m.tags.sel.span()
	if sp.Start < 0 || sp.End > len(m.panes[1].Article().Text) || sp.Empty() {
		t.Fatalf("span out of range: %+v", sp)
	}
}
