package pane

import (
	"github.com/parallax-reader/parallax/model"
	"github.com/parallax-reader/parallax/ui/theme"
)

// SearchResult says what a search or a move between matches did.
type SearchResult struct {
	Query   string
	Current int // 1-based index of the current match; 0 when none
	Total   int
	Wrapped bool // the move went past the last (or first) match and around
}

// Search finds every case-insensitive occurrence of query, highlights them,
// and moves to the first match at or after the reading position (the cursor
// sentence, or the top of the view), wrapping to the first match when none
// follows. The view scrolls to it and the sentence cursor follows.
func (p *Pane) Search(query string) SearchResult {
	p.search = search{query: query, matches: Find(p.art.Text, query), current: -1}
	p.SetSpans(LayerSearch, p.search.matches, theme.Match)
	p.SetDecorations(LayerSearchActive, nil)
	if len(p.search.matches) == 0 {
		return p.SearchInfo()
	}
	from := p.readingPosition()
	i := model.SpanIndex(p.search.matches, from-1) + 1
	wrapped := false
	if i >= len(p.search.matches) {
		i, wrapped = 0, true
	}
	p.goToMatch(i)
	r := p.SearchInfo()
	r.Wrapped = wrapped
	return r
}

// readingPosition is where a new search starts looking: the cursor sentence
// when it is on screen, else the top of the view.
func (p *Pane) readingPosition() int {
	if s, ok := p.CursorSpan(); ok && p.cursorVisible() {
		return s.Start
	}
	vs, _ := p.visibleSpan()
	return vs
}

// NextMatch moves to the next match (dir > 0) or the previous one, wrapping
// around the ends.
func (p *Pane) NextMatch(dir int) SearchResult {
	n := len(p.search.matches)
	if n == 0 {
		return p.SearchInfo()
	}
	i := p.search.current
	wrapped := false
	switch {
	case i < 0 && dir > 0:
		i = 0
	case i < 0:
		i = n - 1
	default:
		i += dir
	}
	if i >= n {
		i, wrapped = 0, true
	} else if i < 0 {
		i, wrapped = n-1, true
	}
	p.goToMatch(i)
	r := p.SearchInfo()
	r.Wrapped = wrapped
	return r
}

func (p *Pane) goToMatch(i int) {
	p.search.current = i
	m := p.search.matches[i]
	p.SetDecorations(LayerSearchActive, []Decoration{{Span: m, Class: theme.CurrentMatch}})
	p.centre(m)
	if si := model.SpanIndex(p.sentences, m.Start); si >= 0 {
		p.cursor = si
		p.keepMarkIn(p.sentences[si])
		p.SetDecorations(LayerCursor, []Decoration{{Span: p.sentences[si], Class: theme.Cursor}})
	}
}

// SearchInfo reports the pane's search without changing it.
func (p *Pane) SearchInfo() SearchResult {
	return SearchResult{Query: p.search.query, Current: p.search.current + 1, Total: len(p.search.matches)}
}

// ClearSearch removes the search and its highlights.
func (p *Pane) ClearSearch() {
	p.search = search{current: -1}
	p.SetDecorations(LayerSearch, nil)
	p.SetDecorations(LayerSearchActive, nil)
}
