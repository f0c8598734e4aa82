package pane

import "github.com/parallax-reader/parallax/model"

// RowOf is the body row where the span's first line is drawn, counted from
// the first line of text; negative above the view, BodyRows or more below.
// Linked scrolling uses it to put two passages at the same height.
func (p *Pane) RowOf(s model.Span) int {
	if len(p.lines) == 0 {
		return 0
	}
	return lineAt(p.lines, s.Start) - p.top
}

// ShowAtRow scrolls so the span's first line is drawn at body row row, as
// far as the ends of the text allow; a span that would then run off the
// bottom is moved up just enough to show it whole, when it fits.
func (p *Pane) ShowAtRow(s model.Span, row int) {
	if len(p.lines) == 0 {
		return
	}
	row = min(max(row, 0), max(p.BodyRows()-1, 0))
	first, _ := p.linesOf(s)
	p.top = first - row
	p.clampTop()
	p.reveal(s)
}
