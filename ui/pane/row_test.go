package pane

import (
	"strings"
	"testing"

	"github.com/parallax-reader/parallax/model"
)

func TestShowAtRow(t *testing.T) {
	text := strings.Repeat("Filler words fill this sentence. ", 80) + "The aligned sentence is here. " +
		strings.Repeat("More filler follows here. ", 80)
	p := newPane(t, article(text), 40, 14)
	at := strings.Index(text, "The aligned")
	s := model.Span{Start: at, End: at + len("The aligned sentence is here.")}

	p.ShowAtRow(s, 3)
	if got := p.RowOf(s); got != 3 {
		t.Fatalf("span drawn at row %d, want 3", got)
	}
	if !strings.Contains(p.LineText(p.Top()+3), "The aligned") {
		t.Fatalf("row 3 holds %q", p.LineText(p.Top()+3))
	}
	// A row below the view is taken as the last row; the span still shows.
	p.ShowAtRow(s, 99)
	if !p.Shows(s) || p.RowOf(s) >= p.BodyRows() {
		t.Fatalf("span off screen at row %d of %d", p.RowOf(s), p.BodyRows())
	}
	// Near the top of the text the view cannot scroll above line 0.
	first := model.Span{Start: 0, End: 10}
	p.ShowAtRow(first, 5)
	if p.Top() != 0 || p.RowOf(first) != 0 {
		t.Fatalf("top %d, row %d; want 0, 0", p.Top(), p.RowOf(first))
	}
	// At the end, the last line stays at the bottom.
	last := model.Span{Start: len(text) - 5, End: len(text)}
	p.ShowAtRow(last, 0)
	if p.Top() != p.Lines()-p.BodyRows() {
		t.Fatalf("top %d past the end (lines %d, rows %d)", p.Top(), p.Lines(), p.BodyRows())
	}
}
