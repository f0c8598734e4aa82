package pane

import (
	"github.com/parallax-reader/parallax/model"
	"github.com/parallax-reader/parallax/ui/theme"
)

// LayerMark is the layer of the marked item: the entity mention or
// quotation the reader last jumped to (e, E, ", a panel's enter).
const LayerMark = "mark"

// Mark marks s as the current item, drawn in the theme.Current class: the
// view scrolls to it (a third of the way down when it is off screen) and the
// sentence cursor moves to the sentence where it starts. The mark lasts
// while the cursor stays on that sentence: ], [, a click or a search that
// moves the cursor elsewhere clears it, so what the status bar says about
// the mark is never about a passage the reader has left.
func (p *Pane) Mark(s model.Span) {
	if len(p.sentences) > 0 {
		top := p.top
		p.setCursor(max(model.SpanIndex(p.sentences, s.Start), 0))
		p.top = top
	}
	p.mark, p.marked = s, true
	p.SetDecorations(LayerMark, []Decoration{{Span: s, Class: theme.Current}})
	p.centre(s)
}

// MarkSpan is the marked item; false when there is none.
func (p *Pane) MarkSpan() (model.Span, bool) { return p.mark, p.marked }

// ClearMark removes the mark.
func (p *Pane) ClearMark() {
	if p.marked {
		p.mark, p.marked = model.Span{}, false
		p.SetDecorations(LayerMark, nil)
	}
}

// keepMarkIn clears the mark unless it starts inside the cursor sentence s.
func (p *Pane) keepMarkIn(s model.Span) {
	if p.marked && !(s.Contains(p.mark.Start) || p.mark.Start == s.Start) {
		p.ClearMark()
	}
}

// ReadingPosition is where a move to the next item of some kind starts
// looking when nothing is marked: the cursor sentence when it is on screen,
// else the top of the view.
func (p *Pane) ReadingPosition() int { return p.readingPosition() }
