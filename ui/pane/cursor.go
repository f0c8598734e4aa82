package pane

import (
	tea "charm.land/bubbletea/v2"

	"github.com/parallax-reader/parallax/model"
	"github.com/parallax-reader/parallax/ui/component"
	"github.com/parallax-reader/parallax/ui/theme"
)

// Cursor returns the sentence cursor's index and the number of sentences;
// the index is -1 while the cursor is not placed.
func (p *Pane) Cursor() (i, n int) { return p.cursor, len(p.sentences) }

// CursorSpan is the span of the cursor sentence; false when not placed.
func (p *Pane) CursorSpan() (model.Span, bool) {
	if p.cursor < 0 || p.cursor >= len(p.sentences) {
		return model.Span{}, false
	}
	return p.sentences[p.cursor], true
}

// MoveCursor moves the sentence cursor by delta sentences and scrolls it into
// view. A cursor that is not placed, or has been scrolled out of sight, is
// first placed on the first sentence in view, so ] and [ always act where
// the reader is looking.
func (p *Pane) MoveCursor(delta int) tea.Cmd {
	n := len(p.sentences)
	if n == 0 {
		return component.Status("this article has no sentences to move through")
	}
	if !p.cursorVisible() {
		p.setCursor(p.firstSentenceInView())
		return nil
	}
	next := p.cursor + delta
	switch {
	case next >= n:
		p.setCursor(n - 1)
		return component.Status("last sentence")
	case next < 0:
		p.setCursor(0)
		return component.Status("first sentence")
	}
	p.setCursor(next)
	return nil
}

// SetCursor places the sentence cursor on sentence i and scrolls it into
// view; an index out of range is clamped.
func (p *Pane) SetCursor(i int) {
	if len(p.sentences) == 0 {
		return
	}
	p.setCursor(min(max(i, 0), len(p.sentences)-1))
}

func (p *Pane) setCursor(i int) {
	p.cursor = i
	s := p.sentences[i]
	p.keepMarkIn(s)
	p.SetDecorations(LayerCursor, []Decoration{{Span: s, Class: theme.Cursor}})
	p.reveal(s)
}

// ClearCursor removes the sentence cursor.
func (p *Pane) ClearCursor() {
	p.cursor = -1
	p.SetDecorations(LayerCursor, nil)
	p.ClearMark()
}

// cursorVisible reports whether any line of the cursor sentence is on screen.
func (p *Pane) cursorVisible() bool {
	s, ok := p.CursorSpan()
	return ok && p.Shows(s)
}

// firstSentenceInView is the first sentence that starts on screen, or the one
// running through the top line when none starts there.
func (p *Pane) firstSentenceInView() int {
	vs, ve := p.visibleSpan()
	i := model.SpanIndex(p.sentences, vs)
	switch {
	case i < 0:
		return 0
	case p.sentences[i].End > vs && p.sentences[i].Start >= vs:
		return i
	case p.sentences[i].End > vs:
		// Runs through the top line: prefer the next one if it starts in view.
		if i+1 < len(p.sentences) && p.sentences[i+1].Start < ve {
			return i + 1
		}
		return i
	case i+1 < len(p.sentences):
		return i + 1
	}
	return i
}
