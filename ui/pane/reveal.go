package pane

import "github.com/parallax-reader/parallax/model"

// Reveal scrolls as little as possible to bring the span into view (its
// first line when it is taller than the pane); a selection growing word by
// word stays where the eye is.
func (p *Pane) Reveal(s model.Span) { p.reveal(s) }

// Centre brings the span into view a third of the way down when it is off
// screen, so a jump to it lands with some context above.
func (p *Pane) Centre(s model.Span) { p.centre(s) }

// EnsureCursor places the sentence cursor on the first sentence in view
// when it is not placed or has been scrolled out of sight, and returns the
// cursor sentence; false when the article has no sentences.
func (p *Pane) EnsureCursor() (model.Span, bool) {
	if len(p.sentences) == 0 {
		return model.Span{}, false
	}
	if !p.cursorVisible() {
		p.setCursor(p.firstSentenceInView())
	}
	return p.CursorSpan()
}

// Sentences are the spans the cursor moves through: the article's
// sentences, or its paragraphs when it has no sentence spans.
func (p *Pane) Sentences() []model.Span { return p.sentences }

// SetCursorAt places the sentence cursor on the sentence holding byte
// offset off (or the nearest one before it) without scrolling; callers
// that jump scroll with Centre or Reveal.
func (p *Pane) SetCursorAt(off int) {
	if len(p.sentences) == 0 {
		return
	}
	i := max(model.SpanIndex(p.sentences, off), 0)
	top := p.top
	p.setCursor(i)
	p.top = top
}
