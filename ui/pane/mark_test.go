package pane

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/parallax-reader/parallax/model"
	"github.com/parallax-reader/parallax/ui/theme"
)

func TestMark(t *testing.T) {
	text := strings.Repeat("Filler words fill this sentence. ", 60) + "Crocker spoke at length. " +
		strings.Repeat("More filler follows here. ", 60)
	p := newPane(t, article(text), 40, 12)
	at := strings.Index(text, "Crocker")
	name := model.Span{Start: at, End: at + len("Crocker")}

	p.Mark(name)
	if !p.Shows(name) {
		t.Fatal("the marked span is not on screen")
	}
	if got, ok := p.MarkSpan(); !ok || got != name {
		t.Fatalf("MarkSpan = %v, %v", got, ok)
	}
	if s, ok := p.CursorSpan(); !ok || !s.Contains(at) {
		t.Fatalf("cursor sentence %v does not hold the mark at %d", s, at)
	}
	if d := p.Decorations(LayerMark); len(d) != 1 || d[0].Class != theme.Current || d[0].Span != name {
		t.Fatalf("mark layer %v", d)
	}
	// The mark is drawn differently from the words around it (mono theme:
	// attributes only).
	var row string
	for _, r := range strings.Split(p.View(), "\n") {
		if strings.Contains(ansi.Strip(r), "Crocker") {
			row = r
		}
	}
	if !strings.Contains(row, theme.Mono().Highlight[theme.Current].Render("Crocker")) {
		t.Errorf("mark not drawn in the current style: %q", row)
	}

	// Scrolling keeps the mark; moving the cursor to another sentence drops it.
	p.ScrollBy(1)
	if _, ok := p.MarkSpan(); !ok {
		t.Fatal("scrolling dropped the mark")
	}
	p.MoveCursor(1)
	if _, ok := p.MarkSpan(); ok || len(p.Decorations(LayerMark)) != 0 {
		t.Fatal("moving the cursor off the marked sentence kept the mark")
	}

	// A search that lands on the marked sentence keeps it; one elsewhere drops it.
	p.Mark(name)
	p.Search("spoke")
	if _, ok := p.MarkSpan(); !ok {
		t.Error("a match in the marked sentence dropped the mark")
	}
	p.Search("follows")
	if _, ok := p.MarkSpan(); ok {
		t.Error("a match in another sentence kept the mark")
	}
	p.Mark(name)
	p.ClearCursor()
	if _, ok := p.MarkSpan(); ok {
		t.Error("clearing the cursor kept the mark")
	}
}

// A mark far below the view is brought a third of the way down, so the
// jump lands with context above it.
func TestMarkCentres(t *testing.T) {
	text := strings.Repeat("Filler words fill this sentence. ", 200) + "Target here. " +
		strings.Repeat("More filler follows. ", 200)
	p := newPane(t, article(text), 40, 20)
	at := strings.Index(text, "Target")
	p.Mark(model.Span{Start: at, End: at + 6})
	line := lineAt(p.lines, at)
	if off := line - p.Top(); off < 1 || off > p.BodyRows()/2 {
		t.Errorf("mark on line %d, view top %d: want it in the upper half, below the top", line, p.Top())
	}
}
