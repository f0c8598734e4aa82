package ui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/parallax-reader/parallax/ui/keys"
	"github.com/parallax-reader/parallax/ui/pane"
)

// handleKey routes a key press by state: the search prompt and the help
// overlay take the keyboard while open.
func (m *Model) handleKey(msg tea.KeyPressMsg) tea.Cmd {
	k := m.c.Keys
	if key.Matches(msg, k.Interrupt) {
		return tea.Quit
	}
	if cmd, ok := m.handleCompareKey(msg); ok {
		return cmd
	}
	switch m.state {
	case keys.Searching:
		return m.handleSearchKey(msg)
	case keys.PanelOpen:
		return m.handlePanelKey(msg)
	case keys.Selecting:
		return m.handleSelectKey(msg)
	case keys.Tagging:
		return m.tags.form.form.Update(msg)
	case keys.HelpOpen:
		switch {
		case key.Matches(msg, k.Quit):
			return tea.Quit
		case key.Matches(msg, k.CloseHelp):
			m.state, m.helpFrom = m.helpFrom, keys.Reading
		case key.Matches(msg, k.Down):
			m.helpScroll++
		case key.Matches(msg, k.Up):
			m.helpScroll = max(m.helpScroll-1, 0)
		}
		return nil
	}

	// A message stays until the next key.
	m.status, m.statusErr = "", false
	switch {
	case key.Matches(msg, k.Quit):
		return tea.Quit
	case key.Matches(msg, k.Help):
		m.openHelp()
		return nil
	}
	p := m.focused()
	if p == nil {
		return nil
	}
	switch {
	case key.Matches(msg, k.Search):
		m.state = keys.Searching
		m.input.Reset()
		return m.input.Focus()
	case key.Matches(msg, k.NextMatch):
		m.stepMatch(1)
	case key.Matches(msg, k.PrevMatch):
		m.stepMatch(-1)
	case key.Matches(msg, k.ClearSearch):
		for _, q := range m.panes {
			q.ClearSearch()
		}
		m.query = ""
	case key.Matches(msg, k.NextPane):
		m.setFocus((m.focus + 1) % len(m.panes))
	case key.Matches(msg, k.PrevPane):
		m.setFocus((m.focus - 1 + len(m.panes)) % len(m.panes))
	case key.Matches(msg, k.Export):
		return m.openExport()
	case key.Matches(msg, k.Select):
		return m.startSelection()
	case key.Matches(msg, k.Tag):
		return m.openTagForm()
	case key.Matches(msg, k.Undo):
		return m.undoTag()
	case key.Matches(msg, k.Redo):
		return m.redoTag()
	case key.Matches(msg, k.Annotations):
		return m.openAnnotations()
	case key.Matches(msg, k.PaneN):
		n := int(msg.String()[0] - '0')
		if n > len(m.panes) {
			m.status = fmt.Sprintf("no article %d: %d are open", n, len(m.panes))
			return nil
		}
		m.setFocus(n - 1)
	case key.Matches(msg, k.Analysis()...):
		return m.handleAnalysisKey(msg)
	default:
		if m.analysisUnavailable(msg) {
			return nil
		}
		return p.Update(msg)
	}
	return nil
}

// openHelp shows the keys of the current state over the screen.
func (m *Model) openHelp() {
	m.helpFrom, m.state, m.helpScroll = m.state, keys.HelpOpen, 0
}

// handleSearchKey feeds the search prompt; enter searches the focused pane.
func (m *Model) handleSearchKey(msg tea.KeyPressMsg) tea.Cmd {
	k := m.c.Keys
	switch {
	case key.Matches(msg, k.CancelSearch):
		m.state = keys.Reading
		m.input.Blur()
		return nil
	case key.Matches(msg, k.RunSearch):
		m.state = keys.Reading
		m.input.Blur()
		q := m.input.Value()
		if strings.TrimSpace(q) == "" {
			// An empty search repeats the last one, as in less and vi.
			q = m.query
		}
		if q == "" {
			return nil
		}
		m.query = q
		m.report(m.focused().Search(q))
		return nil
	}
	var cmd tea.Cmd
	m.input, cmd = m.input.Update(msg)
	return cmd
}

// stepMatch moves to the next or previous match in the focused pane; a pane
// that has not been searched for the last query is searched first.
func (m *Model) stepMatch(dir int) {
	p := m.focused()
	if p.SearchInfo().Query != m.query {
		m.report(p.Search(m.query))
		return
	}
	m.report(p.NextMatch(dir))
}

// report says in the status bar what a search did.
func (m *Model) report(r pane.SearchResult) {
	switch {
	case r.Total == 0:
		m.status, m.statusErr = fmt.Sprintf("no match for '%s'", r.Query), true
	case r.Wrapped:
		m.status = "search wrapped"
	}
}

// setFocus moves the focus to pane i, sliding the shown panes to include it.
func (m *Model) setFocus(i int) {
	if i < 0 || i >= len(m.panes) || i == m.focus {
		return
	}
	m.panes[m.focus].SetFocused(false)
	m.focus = i
	m.panes[i].SetFocused(true)
	m.layout()
}

// handleWheel scrolls the pane under the pointer.
func (m *Model) handleWheel(msg tea.MouseWheelMsg) {
	if m.state != keys.Reading {
		return
	}
	mouse := msg.Mouse()
	i, _, _, ok := m.paneAt(mouse.X, mouse.Y)
	if !ok {
		return
	}
	switch mouse.Button {
	case tea.MouseWheelDown:
		m.panes[i].ScrollWheel(1)
	case tea.MouseWheelUp:
		m.panes[i].ScrollWheel(-1)
	}
}

// handleClick focuses the pane under the pointer and moves its sentence
// cursor to the sentence clicked.
func (m *Model) handleClick(msg tea.MouseClickMsg) {
	mouse := msg.Mouse()
	if mouse.Button != tea.MouseLeft {
		return
	}
	if m.state == keys.HelpOpen {
		m.state, m.helpFrom = m.helpFrom, keys.Reading
		return
	}
	if m.state != keys.Reading {
		return
	}
	i, x, y, ok := m.paneAt(mouse.X, mouse.Y)
	if !ok {
		return
	}
	m.status, m.statusErr = "", false
	m.setFocus(i)
	m.panes[i].ClickAt(x, y)
}
