package pane

import "github.com/parallax-reader/parallax/model"

// TextArea reports where the text body sits inside the pane, relative to
// its top-left corner: the column of the first text cell and the row of the
// first text line.
func (p *Pane) TextArea() (x, y int) { return 1 + gutterCols, 1 + p.headerRows() }

// ScrollWheel scrolls for one mouse wheel step (down when positive).
func (p *Pane) ScrollWheel(steps int) { p.ScrollBy(steps * wheelLines) }

// OffsetAt returns the byte offset of the text under the cell (x, y),
// relative to the pane's top-left corner; false when the cell is not on a
// line of text. A cell past a line's end maps to the line's last character.
func (p *Pane) OffsetAt(x, y int) (int, bool) {
	tx, ty := p.TextArea()
	row := y - ty
	if row < 0 || row >= p.BodyRows() || x < 1 || x >= p.width-1 {
		return 0, false
	}
	li := p.top + row
	if li >= len(p.lines) {
		return 0, false
	}
	s, e := p.lines[li].span()
	col := max(x-tx, 0)
	it := clusters{s: p.art.Text[:e], i: s}
	off, c := s, 0
	for {
		gs, _, w, ok := it.next()
		if !ok {
			return off, true
		}
		off = gs
		if col < c+w {
			return gs, true
		}
		c += w
	}
}

// ClickAt moves the sentence cursor to the sentence under the cell (x, y),
// relative to the pane; false when there is no text there.
func (p *Pane) ClickAt(x, y int) bool {
	off, ok := p.OffsetAt(x, y)
	if !ok {
		return false
	}
	i := model.SpanIndex(p.sentences, off)
	if i < 0 {
		return false
	}
	p.setCursor(i)
	return true
}
