package ui

import (
	"fmt"
	"slices"
	"strconv"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/parallax-reader/parallax/ui/keys"
	"github.com/parallax-reader/parallax/ui/panel"
)

// Side panel layout: beside the panes from panelBesideMin columns, a share
// of the width between panelMinCols and panelMaxCols; narrower, the panel
// takes the whole width and hides the panes, and a jump closes it so the
// reader sees where it landed.
const (
	panelBesideMin = 100
	panelMinCols   = 44
	panelMaxCols   = 72
)

// IDs of the side panels, as their messages name them.
const (
	panelEntities = "entities"
	panelQuotes   = "quotes"
)

// sidePanel is one panel the reader can open beside the panes, with what
// enter on one of its items does.
type sidePanel struct {
	p    *panel.Model
	key  key.Binding // the key that opens and closes it
	jump func(panel.Item) tea.Cmd
	// keys and help are the panel's own keys beyond moving, filtering and
	// jumping (see setPanelKeys); nil for none.
	keys func(tea.KeyPressMsg) (tea.Cmd, bool)
	help func() []key.Binding
	// rows, when set, builds the panel's rows the first time it opens after
	// setPanelRows: long articles' analyses are not listed until asked for.
	rows    func() []panel.Section
	pending bool
}

// sidePanels are the reader's side panels; at most one is open.
type sidePanels struct {
	list  map[string]*sidePanel
	order []string // the order panels were added, for their keys
	open  string   // the open panel's ID; "" when none
	// cycle is where repeated enter on an entity has got to.
	cycle jumpCycle
}

// addPanel registers a panel opened and closed by toggle. Its rows are set
// with SetSections; jump says what enter on an item does.
func (m *Model) addPanel(opt panel.Options, jump func(panel.Item) tea.Cmd) *panel.Model {
	if m.side.list == nil {
		m.side.list = map[string]*sidePanel{}
	}
	if sp, ok := m.side.list[opt.ID]; ok {
		return sp.p
	}
	p := panel.New(m.c, opt)
	m.side.list[opt.ID] = &sidePanel{p: p, key: opt.Toggle, jump: jump}
	m.side.order = append(m.side.order, opt.ID)
	return p
}

// setPanelKeys gives a panel keys of its own (delete a tag, accept a
// suggestion): handle sees each key before the panel does and reports
// whether it took it; help lists those keys for ? while the panel is open.
func (m *Model) setPanelKeys(id string, handle func(tea.KeyPressMsg) (tea.Cmd, bool), help func() []key.Binding) {
	if sp := m.side.list[id]; sp != nil {
		sp.keys, sp.help = handle, help
	}
}

// setPanelRows has the panel's rows built by rows when it next opens.
func (m *Model) setPanelRows(id string, rows func() []panel.Section) {
	if sp := m.side.list[id]; sp != nil {
		sp.rows, sp.pending = rows, true
		if m.side.open == id {
			sp.p.SetSections(rows())
			sp.pending = false
		}
	}
}

// openedPanel is the open panel, or nil.
func (m *Model) openedPanel() *panel.Model {
	if sp := m.side.list[m.side.open]; sp != nil {
		return sp.p
	}
	return nil
}

// openPanel opens the panel with the ID, closing any other.
func (m *Model) openPanel(id string) {
	sp := m.side.list[id]
	if sp == nil {
		return
	}
	if sp.pending {
		sp.p.SetSections(sp.rows())
		sp.pending = false
	}
	m.side.open = id
	m.state = keys.PanelOpen
	m.layout()
}

// closePanel closes the open panel; it keeps its selection and filter for
// the next time it opens.
func (m *Model) closePanel() {
	if m.side.open == "" {
		return
	}
	m.side.open = ""
	if m.state == keys.PanelOpen {
		m.state = keys.Reading
	}
	m.layout()
}

// handlePanelKey routes a key while a panel is open: the panel takes it,
// except help, the focus keys and another panel's key (which swaps the
// panels). While its filter has the keyboard every key is text.
func (m *Model) handlePanelKey(msg tea.KeyPressMsg) tea.Cmd {
	p := m.openedPanel()
	if p == nil {
		m.state = keys.Reading
		return nil
	}
	if p.Filtering() {
		return p.Update(msg)
	}
	k := m.c.Keys
	m.status, m.statusErr = "", false
	switch {
	case key.Matches(msg, k.Help):
		m.openHelp()
		return nil
	case key.Matches(msg, k.NextPane):
		m.setFocus((m.focus + 1) % len(m.panes))
		return nil
	case key.Matches(msg, k.PrevPane):
		m.setFocus((m.focus - 1 + len(m.panes)) % len(m.panes))
		return nil
	case key.Matches(msg, k.PaneN):
		if n := int(msg.String()[0] - '0'); n <= len(m.panes) {
			m.setFocus(n - 1)
		} else {
			m.status = fmt.Sprintf("no article %d: %d are open", n, len(m.panes))
		}
		return nil
	}
	if sp := m.side.list[m.side.open]; sp.keys != nil {
		if cmd, ok := sp.keys(msg); ok {
			return cmd
		}
	}
	for _, id := range m.side.order {
		// The panel keeps a copy of its key, made before the reader's
		// binding was enabled; a registered panel can always be opened.
		if sp := m.side.list[id]; id != m.side.open && slices.Contains(sp.key.Keys(), msg.String()) {
			m.openPanel(id)
			return nil
		}
	}
	return p.Update(msg)
}

// updatePanels handles what the panels send and the mouse over them; ok is
// false for messages that are not theirs.
func (m *Model) updatePanels(msg tea.Msg) (cmd tea.Cmd, ok bool) {
	switch msg := msg.(type) {
	case panel.JumpMsg:
		sp := m.side.list[msg.Panel]
		if sp == nil || sp.jump == nil {
			return nil, true
		}
		m.status, m.statusErr = "", false
		cmd := sp.jump(msg.Item)
		if m.shown == 0 {
			// The panel hides the panes: close it to show the jump.
			m.closePanel()
		}
		return cmd, true
	case panel.CloseMsg:
		if m.side.open == msg.Panel {
			m.closePanel()
		}
		return nil, true
	case tea.PasteMsg:
		if p := m.openedPanel(); p != nil && m.state == keys.PanelOpen && p.Filtering() {
			return p.Update(msg), true
		}
	case tea.MouseWheelMsg:
		if _, _, over := m.overPanel(msg.Mouse().X, msg.Mouse().Y); over && m.state == keys.PanelOpen {
			switch msg.Mouse().Button {
			case tea.MouseWheelDown:
				m.openedPanel().ScrollWheel(1)
			case tea.MouseWheelUp:
				m.openedPanel().ScrollWheel(-1)
			}
			return nil, true
		}
		if m.state == keys.PanelOpen {
			// The wheel scrolls a pane beside the panel as it does without it.
			if i, _, _, ok := m.paneAt(msg.Mouse().X, msg.Mouse().Y); ok {
				switch msg.Mouse().Button {
				case tea.MouseWheelDown:
					m.panes[i].ScrollWheel(1)
				case tea.MouseWheelUp:
					m.panes[i].ScrollWheel(-1)
				}
			}
			return nil, true
		}
	case tea.MouseClickMsg:
		if x, y, over := m.overPanel(msg.Mouse().X, msg.Mouse().Y); over && m.state == keys.PanelOpen {
			if msg.Mouse().Button != tea.MouseLeft {
				return nil, true
			}
			return m.openedPanel().ClickAt(x, y), true
		}
		if m.state == keys.PanelOpen && msg.Mouse().Button == tea.MouseLeft {
			// A click in a pane beside the panel focuses it and places the
			// cursor, as it does without the panel; the panel keeps the keys.
			if i, x, y, ok := m.paneAt(msg.Mouse().X, msg.Mouse().Y); ok {
				m.status, m.statusErr = "", false
				m.setFocus(i)
				m.panes[i].ClickAt(x, y)
			}
			return nil, true
		}
	}
	return nil, false
}

// overPanel reports whether the screen cell (x, y) is on the open panel,
// and where in it.
func (m *Model) overPanel(x, y int) (px, py int, ok bool) {
	if m.openedPanel() == nil || m.tooSmall() || y < 0 || y >= m.paneHeight() {
		return 0, 0, false
	}
	left := m.paneArea()
	if x < left || x >= m.c.Width {
		return 0, 0, false
	}
	return x - left, y, true
}

// panelWidth is the columns the open panel takes: none without one, the
// whole screen below panelBesideMin columns.
func (m *Model) panelWidth() int {
	w := m.c.Width
	switch {
	case m.openedPanel() == nil:
		return 0
	case w < panelBesideMin:
		return w
	}
	return min(max(w*2/5, panelMinCols), panelMaxCols)
}

// paneArea is the columns left to the panes.
func (m *Model) paneArea() int { return max(m.c.Width-m.panelWidth(), 0) }

// panelHelp is what help lists while a panel is open: its own keys, then
// the reader's that still work beside it.
func (m *Model) panelHelp() [][]key.Binding {
	sp := m.side.list[m.side.open]
	if sp == nil {
		return m.c.Keys.FullHelp(keys.Reading)
	}
	groups := sp.p.FullHelp()
	if sp.help != nil && !sp.p.Filtering() {
		groups = append(groups, sp.help())
	}
	return append(groups, m.c.Keys.FullHelp(keys.PanelOpen)...)
}

// itoa keeps counts short in cells.
func itoa(n int) string { return strconv.Itoa(n) }
