package ui

import "github.com/parallax-reader/parallax/ui/pane"

// Layout rules: panes share the width side by side, at least paneMinCols
// each and at most maxShown; below sideBySideMin columns one pane fills the
// screen. Focus keys slide the shown window over the rest.
const (
	paneMinCols   = 40
	sideBySideMin = 60
	maxShown      = 4
	statusRows    = 1
)

// layout sizes the shown panes for the terminal and the focus.
func (m *Model) layout() {
	m.input.SetWidth(max(m.c.Width/2, 10))
	n := len(m.panes)
	if n == 0 {
		return
	}
	if p := m.openedPanel(); p != nil {
		p.SetSize(m.panelWidth(), m.paneHeight())
	}
	w := m.paneArea()
	if w == 0 {
		m.shown = 0 // a side panel has the whole width
		return
	}
	shown := 1
	if w >= sideBySideMin {
		shown = min(n, maxShown, max(w/paneMinCols, 1))
	}
	m.shown = shown
	switch {
	case m.focus < m.first:
		m.first = m.focus
	case m.focus >= m.first+shown:
		m.first = m.focus - shown + 1
	}
	m.first = min(max(m.first, 0), n-shown)
	h := m.paneHeight()
	for j := range shown {
		m.panes[m.first+j].SetSize(m.paneWidth(j), h)
	}
}

func (m *Model) paneHeight() int { return max(m.c.Height-statusRows, 0) }

// paneWidth is the width of the j-th shown pane; the columns left over
// from an even split go to the leftmost panes.
func (m *Model) paneWidth(j int) int {
	w := m.paneArea() / m.shown
	if j < m.paneArea()%m.shown {
		w++
	}
	return w
}

// paneX is the column where the j-th shown pane starts.
func (m *Model) paneX(j int) int {
	x := 0
	for i := range j {
		x += m.paneWidth(i)
	}
	return x
}

// tooSmall reports whether the terminal cannot hold even one pane.
func (m *Model) tooSmall() bool {
	return m.c.Width < pane.MinWidth || m.c.Height < pane.MinHeight+statusRows
}

// paneAt finds the shown pane under the screen cell (x, y) and the cell's
// position inside it.
func (m *Model) paneAt(x, y int) (i, px, py int, ok bool) {
	if m.shown == 0 || m.tooSmall() || y < 0 || y >= m.paneHeight() || x < 0 {
		return 0, 0, 0, false
	}
	left := 0
	for j := range m.shown {
		w := m.paneWidth(j)
		if x < left+w {
			return m.first + j, x - left, y, true
		}
		left += w
	}
	return 0, 0, 0, false
}
