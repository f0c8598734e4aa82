package preview

import (
	"fmt"
	"sort"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/parallax-reader/parallax/ui/pane"
)

// match is one occurrence of the search in the rendered note: a byte range
// of plain line `line`.
type match struct {
	line, start, end int
}

// search is the preview's last search.
type search struct {
	query   string
	matches []match
	current int // index into matches; -1 when none
}

// SearchResult says what a search or a move between matches did.
type SearchResult = pane.SearchResult

// find lists the case-insensitive occurrences of query in the rendered
// lines, with the reader's own matcher (pane.Find) over the lines joined by
// newlines, so the preview and the panes agree on what matches.
func (m *Model) find(query string) []match {
	if m.joined == nil {
		m.joined = &joinedText{starts: make([]int, len(m.plain))}
		var b strings.Builder
		for i, l := range m.plain {
			if i > 0 {
				b.WriteByte('\n')
			}
			m.joined.starts[i] = b.Len()
			b.WriteString(l)
		}
		m.joined.text = b.String()
	}
	starts := m.joined.starts
	var out []match
	for _, s := range pane.Find(m.joined.text, query) {
		i := sort.SearchInts(starts, s.Start+1) - 1
		if e := starts[i] + len(m.plain[i]); s.End > e {
			continue // a query with a newline in it; prompts cannot type one
		}
		out = append(out, match{line: i, start: s.Start - starts[i], end: s.End - starts[i]})
	}
	return out
}

// joinedText is the rendered note's plain lines joined by newlines, made
// on the first search after a render, with where each line starts.
type joinedText struct {
	text   string
	starts []int
}

// Search finds every occurrence of query and moves to the first at or
// below the top of the view, wrapping to the first of the note.
func (m *Model) Search(query string) SearchResult {
	m.search = search{query: query, matches: m.find(query), current: -1}
	if len(m.search.matches) == 0 {
		return m.SearchInfo()
	}
	i := sort.Search(len(m.search.matches), func(i int) bool { return m.search.matches[i].line >= m.top })
	wrapped := false
	if i == len(m.search.matches) {
		i, wrapped = 0, true
	}
	m.goToMatch(i)
	r := m.SearchInfo()
	r.Wrapped = wrapped
	return r
}

// NextMatch moves to the next match (dir > 0) or the previous one, wrapping
// around the ends of the note.
func (m *Model) NextMatch(dir int) SearchResult {
	n := len(m.search.matches)
	if n == 0 {
		return m.SearchInfo()
	}
	i := m.search.current + dir
	if m.search.current < 0 && dir < 0 {
		i = n - 1
	}
	wrapped := false
	switch {
	case i >= n:
		i, wrapped = 0, true
	case i < 0:
		i, wrapped = n-1, true
	}
	m.goToMatch(i)
	r := m.SearchInfo()
	r.Wrapped = wrapped
	return r
}

// SearchInfo reports the search without changing it.
func (m *Model) SearchInfo() SearchResult {
	return SearchResult{Query: m.search.query, Current: m.search.current + 1, Total: len(m.search.matches)}
}

// goToMatch makes match i current and brings it on screen a third of the
// way down when it is not already, so it lands with context above it.
func (m *Model) goToMatch(i int) {
	m.search.current = i
	line := m.search.matches[i].line
	if line < m.top || line >= m.top+m.BodyRows() {
		m.top = line - m.BodyRows()/3
		m.clampTop()
	}
}

// research runs the search again after the note was rendered anew (a new
// width, theme or note). The k-th match stays current: the text is the
// same, so it is the same occurrence unless the note itself changed.
func (m *Model) research() {
	if m.search.query == "" {
		return
	}
	cur := m.search.current
	m.search.matches = m.find(m.search.query)
	m.search.current = -1
	if n := len(m.search.matches); n > 0 && cur >= 0 {
		m.goToMatch(min(cur, n-1))
	}
}

// handleSearchKey feeds the search prompt; enter searches, esc leaves it.
func (m *Model) handleSearchKey(msg tea.KeyPressMsg) tea.Cmd {
	k := &m.keys
	switch {
	case key.Matches(msg, k.Cancel):
		m.mode = reading
		m.searchInput.Blur()
		return nil
	case key.Matches(msg, k.RunSearch):
		m.mode = reading
		m.searchInput.Blur()
		q := m.searchInput.Value()
		if strings.TrimSpace(q) == "" {
			// An empty search repeats the last one, as in the reader.
			q = m.search.query
		}
		if q == "" {
			return nil
		}
		m.report(m.Search(q))
		return nil
	}
	return m.updateInput(msg)
}

// stepMatch is n/N: the next or previous match.
func (m *Model) stepMatch(dir int) {
	if m.search.query == "" {
		return
	}
	m.report(m.NextMatch(dir))
}

// report says in the status line what a search did when it is not plain
// from the count: nothing found, or the search went round the end.
func (m *Model) report(r SearchResult) {
	switch {
	case r.Total == 0:
		m.setError(fmt.Sprintf("no match for '%s'", pane.Visible(r.Query)))
	case r.Wrapped:
		m.setInfo("search wrapped")
	}
}
