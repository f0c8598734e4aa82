// Package panel is the reader's side panel: a titled list beside the article
// panes, in sections with headers and aligned columns, that the reader moves
// through with j/k, g/G and ctrl+d/ctrl+u, narrows with / (filter as you
// type) and picks from with enter. The entities, quotations, annotations and
// suggestions panels are all this one component with different rows.
//
// The panel knows nothing of what its rows stand for: each Item carries a
// Value, and enter sends a JumpMsg with the item for the root model to
// interpret. Closing sends a CloseMsg.
//
// It is written here rather than with the bubbles list because that list has
// no section headers or aligned columns and filters fuzzily; names and
// quotations are found more predictably by their words.
package panel

import (
	"reflect"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"github.com/parallax-reader/parallax/ui/component"
	"github.com/parallax-reader/parallax/ui/theme"
)

// Column describes one column of a panel's rows.
type Column struct {
	// Title heads the column; the heading row is drawn when any column has
	// a title.
	Title string
	// Right aligns the column's cells to the right (counts).
	Right bool
	// Flex marks the column that takes the width the others leave (a name,
	// a quotation); its cells are shortened to fit. Other columns are as
	// wide as their widest cell.
	Flex bool
}

// Cell is one column of a row.
type Cell struct {
	Text string
	// Class draws the cell like article text of that class (an entity
	// type's colour and attributes); theme.Plain for none.
	Class theme.Class
	// Absent draws the cell as the mark of something missing (an article
	// that does not mention an entity).
	Absent bool
	// Dim draws the cell faint: secondary information.
	Dim bool
}

// Item is one row the reader can select.
type Item struct {
	Cells []Cell
	// Filter is the text the filter searches; empty means the cells' text.
	Filter string
	// Value is what the row stands for, interpreted by whoever handles the
	// JumpMsg.
	Value any
	// Detail is the item in full (a whole summary, quotation or note),
	// shown under the list while the item is selected: cells are cut to
	// fit a narrow panel.
	Detail string
}

// Section is a group of items under a header; an empty title draws none.
type Section struct {
	Title string
	Items []Item
}

// Options configure a panel.
type Options struct {
	// ID names the panel in its messages ("entities", "quotes").
	ID    string
	Title string
	// Columns describe the cells of every item, in order.
	Columns []Column
	// Toggle is the key that opened the panel; it closes it again.
	Toggle key.Binding
	// Empty is what the panel says when it has no items at all.
	Empty string
	// Actions are keys the owner handles for the selected item (edit,
	// delete); the panel does nothing with them but list them in its help.
	Actions []key.Binding
}

// JumpMsg asks the root model to go to what the item stands for (enter).
type JumpMsg struct {
	Panel string
	Item  Item
}

// CloseMsg asks the root model to close the panel (its toggle key, esc or q).
type CloseMsg struct{ Panel string }

// row is one line of the list: a section header or an item.
type row struct {
	section int
	item    int // -1 for the section's header
}

// Model is a side panel.
type Model struct {
	c    *component.Common
	opt  Options
	keys KeyMap

	sections []Section
	folded   [][]string // per section and item: the folded filter text
	total    int

	width, height int

	// The rows shown (headers and items that pass the filter), the index
	// into rows of the selected item (-1 when none passes), and the first
	// row in view.
	rows   []row
	sel    int
	offset int
	shown  int // items among rows

	input     textinput.Model
	filtering bool // the filter input has the keyboard
	filter    string

	// Column widths, computed when the sections change.
	widths []int
	// hasDetail: some item has a Detail, so the panel keeps rows for it.
	hasDetail bool
}

var _ component.Component = (*Model)(nil)

// New returns an empty panel.
func New(c *component.Common, opt Options) *Model {
	m := &Model{c: c, opt: opt, sel: -1}
	m.keys = newKeyMap(c.Keys)
	m.input = textinput.New()
	m.input.Prompt = "/"
	m.input.Placeholder = "filter"
	m.input.CharLimit = 100
	m.input.SetStyles(c.Styles.Input)
	m.syncKeys()
	return m
}

// ID is the panel's name in its messages.
func (m *Model) ID() string { return m.opt.ID }

// SetSections replaces the panel's rows. The filter stays, and so does the
// selection when an item with the same Value is still there (values must
// then be comparable); otherwise the first item is selected.
func (m *Model) SetSections(secs []Section) {
	var prev any
	if it, ok := m.Selected(); ok {
		prev = it.Value
	}
	m.sections = secs
	m.folded = make([][]string, len(secs))
	m.total = 0
	m.hasDetail = false
	f := newFolder()
	for si, s := range secs {
		m.folded[si] = make([]string, len(s.Items))
		for ii, it := range s.Items {
			m.folded[si][ii] = f.fold(filterText(it))
			m.hasDetail = m.hasDetail || it.Detail != ""
		}
		m.total += len(s.Items)
	}
	m.measure()
	m.refilter(prev)
}

// Sections are the panel's rows as last set.
func (m *Model) Sections() []Section { return m.sections }

// Selected is the selected item; false when no item is shown.
func (m *Model) Selected() (Item, bool) {
	if m.sel < 0 || m.sel >= len(m.rows) {
		return Item{}, false
	}
	r := m.rows[m.sel]
	return m.sections[r.section].Items[r.item], true
}

// SelectValue selects the first shown item whose Value equals v and reports
// whether there was one.
func (m *Model) SelectValue(v any) bool {
	for i, r := range m.rows {
		if r.item >= 0 && sameValue(m.sections[r.section].Items[r.item].Value, v) {
			m.setSel(i)
			return true
		}
	}
	return false
}

// Count returns how many items pass the filter and how many there are.
func (m *Model) Count() (shown, total int) { return m.shown, m.total }

// Filter is the filter's text; empty when the panel is not filtered.
func (m *Model) Filter() string { return m.filter }

// SetFilter narrows the panel to the items whose text holds every word of
// f (ignoring case and accents).
func (m *Model) SetFilter(f string) {
	m.input.SetValue(f)
	m.applyFilter(f)
}

// Filtering reports whether the filter input has the keyboard, so every
// printable key is text.
func (m *Model) Filtering() bool { return m.filtering }

// SetSize gives the panel its outer size.
func (m *Model) SetSize(w, h int) {
	m.width, m.height = max(w, 0), max(h, 0)
	m.input.SetWidth(max(m.width-12, 4))
	m.keepInView()
}

// Size is the panel's outer size.
func (m *Model) Size() (w, h int) { return m.width, m.height }

// SetStyles hands the current theme to the filter input (after a theme
// change); everything else reads the shared styles when drawing.
func (m *Model) SetStyles() { m.input.SetStyles(m.c.Styles.Input) }

// Update handles a key meant for the panel (and, while filtering, pasted
// text).
func (m *Model) Update(msg tea.Msg) tea.Cmd {
	defer m.syncKeys()
	km, ok := msg.(tea.KeyPressMsg)
	if !ok {
		if m.filtering {
			return m.updateInput(msg)
		}
		return nil
	}
	if m.filtering {
		return m.handleFilterKey(km)
	}
	k := &m.keys
	switch {
	case key.Matches(km, k.Down):
		m.move(1)
	case key.Matches(km, k.Up):
		m.move(-1)
	case key.Matches(km, k.HalfDown):
		m.move(m.halfPage())
	case key.Matches(km, k.HalfUp):
		m.move(-m.halfPage())
	case key.Matches(km, k.PageDown):
		m.move(m.page())
	case key.Matches(km, k.PageUp):
		m.move(-m.page())
	case key.Matches(km, k.Top):
		m.move(-len(m.rows))
	case key.Matches(km, k.Bottom):
		m.move(len(m.rows))
	case key.Matches(km, k.Filter):
		m.filtering = true
		m.input.CursorEnd()
		return m.input.Focus()
	case key.Matches(km, k.ClearFilter):
		m.SetFilter("")
	case key.Matches(km, k.Jump):
		return m.jump()
	case key.Matches(km, k.Close):
		return m.close()
	}
	return nil
}

// handleFilterKey feeds the filter input: the list narrows with every key;
// ↓/↑ still move the selection, enter jumps to it, esc clears the filter.
func (m *Model) handleFilterKey(km tea.KeyPressMsg) tea.Cmd {
	k := &m.keys
	switch {
	case key.Matches(km, k.FilterDown):
		m.move(1)
		return nil
	case key.Matches(km, k.FilterUp):
		m.move(-1)
		return nil
	case key.Matches(km, k.CancelFilter):
		m.stopFiltering()
		m.SetFilter("")
		return nil
	case key.Matches(km, k.AcceptFilter):
		m.stopFiltering()
		return m.jump()
	case km.Code == tea.KeyBackspace && m.input.Value() == "":
		// Backspace on an empty filter leaves it, as in less and vi.
		m.stopFiltering()
		return nil
	}
	return m.updateInput(km)
}

func (m *Model) updateInput(msg tea.Msg) tea.Cmd {
	var cmd tea.Cmd
	m.input, cmd = m.input.Update(msg)
	if v := m.input.Value(); v != m.filter {
		m.applyFilter(v)
	}
	return cmd
}

func (m *Model) stopFiltering() {
	m.filtering = false
	m.input.Blur()
}

func (m *Model) jump() tea.Cmd {
	it, ok := m.Selected()
	if !ok {
		return nil
	}
	id := m.opt.ID
	return func() tea.Msg { return JumpMsg{Panel: id, Item: it} }
}

func (m *Model) close() tea.Cmd {
	id := m.opt.ID
	return func() tea.Msg { return CloseMsg{Panel: id} }
}

// ScrollWheel moves the selection for one mouse wheel step (down when
// positive).
func (m *Model) ScrollWheel(steps int) { m.move(steps * 3) }

// ClickAt selects the item under the cell (x, y), relative to the panel's
// top-left corner; a click on the item already selected jumps to it.
func (m *Model) ClickAt(x, y int) tea.Cmd {
	if x < 1 || x >= m.width-1 {
		return nil
	}
	top, n := m.listArea()
	i := m.offset + y - top
	if y < top || y >= top+n || i >= len(m.rows) || m.rows[i].item < 0 {
		return nil
	}
	if i == m.sel {
		return m.jump()
	}
	m.setSel(i)
	return nil
}

// move steps the selection by delta items, stopping at the ends.
func (m *Model) move(delta int) {
	if m.sel < 0 {
		return
	}
	i := m.sel
	for delta > 0 {
		j := m.nextItem(i, 1)
		if j < 0 {
			break
		}
		i, delta = j, delta-1
	}
	for delta < 0 {
		j := m.nextItem(i, -1)
		if j < 0 {
			break
		}
		i, delta = j, delta+1
	}
	m.setSel(i)
}

// nextItem is the index of the next item row from row i in direction dir;
// -1 at the end.
func (m *Model) nextItem(i, dir int) int {
	for i += dir; i >= 0 && i < len(m.rows); i += dir {
		if m.rows[i].item >= 0 {
			return i
		}
	}
	return -1
}

func (m *Model) setSel(i int) {
	m.sel = i
	m.keepInView()
}

// keepInView scrolls the list so the selection shows, with its section's
// header when it is the section's first item.
func (m *Model) keepInView() {
	_, n := m.listArea()
	n = max(n, 1)
	m.offset = min(m.offset, max(len(m.rows)-n, 0))
	if m.sel < 0 {
		m.offset = max(m.offset, 0)
		return
	}
	want := m.sel
	if want > 0 && m.rows[want-1].item < 0 {
		want-- // the header above
	}
	switch {
	case want < m.offset:
		m.offset = want
	case m.sel >= m.offset+n:
		m.offset = m.sel - n + 1
	}
	m.offset = max(m.offset, 0)
}

func (m *Model) halfPage() int {
	_, n := m.listArea()
	return max(n/2, 1)
}

func (m *Model) page() int {
	_, n := m.listArea()
	return max(n-1, 1)
}

// applyFilter narrows the rows to the filter, keeping the selected item
// when it still passes.
func (m *Model) applyFilter(f string) {
	var prev any
	if it, ok := m.Selected(); ok {
		prev = it.Value
	}
	m.filter = f
	m.refilter(prev)
}

// refilter rebuilds the rows for the filter and selects the item whose
// value is prev, or else the first item.
func (m *Model) refilter(prev any) {
	terms := filterTerms(m.filter)
	m.rows = m.rows[:0]
	m.shown = 0
	for si, s := range m.sections {
		header := len(m.rows)
		if s.Title != "" {
			m.rows = append(m.rows, row{section: si, item: -1})
		}
		n := 0
		for ii := range s.Items {
			if matches(m.folded[si][ii], terms) {
				m.rows = append(m.rows, row{section: si, item: ii})
				n++
			}
		}
		if n == 0 {
			m.rows = m.rows[:header] // no header over nothing
		}
		m.shown += n
	}
	m.sel = -1
	for i, r := range m.rows {
		if r.item < 0 {
			continue
		}
		if m.sel < 0 {
			m.sel = i
		}
		if prev != nil && sameValue(m.sections[r.section].Items[r.item].Value, prev) {
			m.sel = i
			break
		}
	}
	m.offset = 0
	m.keepInView()
	m.syncKeys()
}

// sameValue compares two item values without panicking on values that
// cannot be compared (slices, maps): those are never the same.
func sameValue(a, b any) bool {
	ta, tb := reflect.TypeOf(a), reflect.TypeOf(b)
	if ta != tb || ta == nil || !ta.Comparable() {
		return false
	}
	return a == b
}
