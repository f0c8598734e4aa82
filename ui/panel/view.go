package panel

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/parallax-reader/parallax/ui/theme"
)

// Layout of a row inside the border: the selection mark and a space before
// the cells, two spaces between cells, a space after.
const (
	markCols   = 2
	gapCols    = 2
	marginCols = 1
	// minFlex is the narrowest a flex column gets before the row is cut.
	minFlex = 6
	// MinWidth and MinHeight are the smallest panel that draws rows; below
	// them it is blank.
	MinWidth  = 12
	MinHeight = 3
)

// measure sets the fixed columns' widths from their titles and cells; a
// flex column's width comes from what the others leave.
func (m *Model) measure() {
	m.widths = make([]int, len(m.opt.Columns))
	for i, c := range m.opt.Columns {
		m.widths[i] = ansi.StringWidth(c.Title)
	}
	for _, s := range m.sections {
		for _, it := range s.Items {
			for i, c := range it.Cells {
				if i < len(m.widths) && !m.opt.Columns[i].Flex {
					m.widths[i] = max(m.widths[i], ansi.StringWidth(c.Text))
				}
			}
		}
	}
}

// hasHeading reports whether the columns have titles to show.
func (m *Model) hasHeading() bool {
	for _, c := range m.opt.Columns {
		if c.Title != "" {
			return true
		}
	}
	return false
}

// showsFilter reports whether the filter line is drawn.
func (m *Model) showsFilter() bool { return m.filtering || m.filter != "" }

// listArea is the row (from the panel's top) where the list starts and how
// many rows it has.
func (m *Model) listArea() (top, n int) {
	top = 1
	n = m.height - 2
	if m.hasHeading() && n > 2 {
		top++
		n--
	}
	if m.showsFilter() && n > 1 {
		n--
	}
	n -= m.detailRows()
	return top, max(n, 0)
}

// detailRows is how many rows the selected item's detail takes under the
// list: a rule and up to three lines, when the panel is tall enough to
// spare them.
func (m *Model) detailRows() int {
	if !m.hasDetail || m.height < 14 {
		return 0
	}
	return 4
}

// detailLines wraps the selected item's detail to width, at most rows-1
// lines, the last cut with an ellipsis when it runs over.
func (m *Model) detailLines(width, rows int) []string {
	it, ok := m.Selected()
	if !ok || it.Detail == "" || width < 4 {
		return nil
	}
	text := strings.Join(strings.Fields(visible(it.Detail)), " ")
	lines := strings.Split(ansi.Wordwrap(text, width, ""), "\n")
	if len(lines) > rows {
		lines = lines[:rows]
		lines[rows-1] = ansi.Truncate(lines[rows-1]+" …", width, "…")
	}
	return lines
}

// colWidths are the widths cells are drawn at for an inner width: fixed
// columns as measured, the flex column what is left.
func (m *Model) colWidths(inner int) []int {
	w := append([]int(nil), m.widths...)
	used := markCols + marginCols + gapCols*max(len(w)-1, 0)
	flex := -1
	for i, c := range m.opt.Columns {
		if c.Flex && flex < 0 {
			flex = i
			continue
		}
		used += w[i]
	}
	if flex >= 0 {
		w[flex] = max(inner-used, minFlex)
	}
	return w
}

// View draws the panel at exactly its size.
func (m *Model) View() string {
	w, h := m.width, m.height
	if w < MinWidth || h < MinHeight {
		return blank(w, h)
	}
	st := m.c.Styles
	border, bs := st.FocusedBorder, st.FocusedBorderStyle
	inner := w - 2
	side, sideR := bs.Render(border.Left), bs.Render(border.Right)
	var b strings.Builder

	// Top border: ┏━ Title · 3 of 22 ━━┓
	count := fmt.Sprintf("%d", m.total)
	if m.filter != "" {
		count = fmt.Sprintf("%d of %d", m.shown, m.total)
	}
	title := ansi.Truncate(" "+visible(m.opt.Title)+" · "+count+" ", max(inner-2, 0), "…")
	b.WriteString(bs.Render(border.TopLeft + border.Top))
	b.WriteString(st.PanelTitle.Render(title))
	b.WriteString(bs.Render(strings.Repeat(border.Top, max(inner-1-ansi.StringWidth(title), 0)) + border.TopRight))
	b.WriteByte('\n')

	line := func(content string) {
		b.WriteString(side)
		b.WriteString(fit(content, inner))
		b.WriteString(sideR)
		b.WriteByte('\n')
	}
	widths := m.colWidths(inner)
	top, n := m.listArea()
	if top > 1 {
		cells := make([]string, len(m.opt.Columns))
		for i, c := range m.opt.Columns {
			cells[i] = st.PanelHeading.Render(align(c.Title, widths[i], c.Right, c.Flex))
		}
		line(strings.Repeat(" ", markCols) + strings.Join(cells, strings.Repeat(" ", gapCols)))
	}
	for r := range n {
		i := m.offset + r
		switch {
		case i < len(m.rows):
			line(m.renderRow(m.rows[i], i == m.sel, widths, inner))
		case r == 0 && m.total == 0:
			line(" " + st.PanelDim.Render(visible(m.opt.Empty)))
		case r == 0 && m.shown == 0:
			line(" " + st.PanelDim.Render(fmt.Sprintf("nothing matches '%s'", visible(m.filter))))
		default:
			line("")
		}
	}
	if m.showsFilter() && m.height-2 > n+top-1 {
		line(" " + m.input.View())
	}
	if d := m.detailRows(); d > 0 {
		line(st.PanelDim.Render(strings.Repeat("╌", inner)))
		lines := m.detailLines(inner-2, d-1)
		for i := range d - 1 {
			if i < len(lines) {
				line(" " + lines[i])
			} else {
				line("")
			}
		}
	}

	// Bottom border: ┗━ enter go to it · / filter ━━ 3/22 ━┛
	pos := ""
	if m.sel >= 0 {
		pos = fmt.Sprintf(" %d/%d ", m.itemNumber(), m.shown)
	}
	hint := " " + m.hint() + " "
	room := inner - 2 - ansi.StringWidth(pos)
	if ansi.StringWidth(hint) > room {
		hint = ""
	}
	fill := max(inner-1-ansi.StringWidth(hint)-ansi.StringWidth(pos)-1, 0)
	if pos == "" && hint == "" {
		fill = inner
	}
	b.WriteString(bs.Render(border.BottomLeft))
	if hint != "" || pos != "" {
		b.WriteString(bs.Render(border.Bottom))
		b.WriteString(st.PanelDim.Render(hint))
		b.WriteString(bs.Render(strings.Repeat(border.Bottom, fill)))
		b.WriteString(st.PanelDim.Render(pos))
		b.WriteString(bs.Render(border.Bottom))
	} else {
		b.WriteString(bs.Render(strings.Repeat(border.Bottom, fill)))
	}
	b.WriteString(bs.Render(border.BottomRight))
	return b.String()
}

// itemNumber is the 1-based position of the selection among the shown
// items.
func (m *Model) itemNumber() int {
	n := 0
	for i := 0; i <= m.sel && i < len(m.rows); i++ {
		if m.rows[i].item >= 0 {
			n++
		}
	}
	return n
}

// renderRow draws a header or an item row.
func (m *Model) renderRow(r row, selected bool, widths []int, inner int) string {
	st := m.c.Styles
	if r.item < 0 {
		return " " + st.PanelGroup.Render(ansi.Truncate(visible(m.sections[r.section].Title), max(inner-2, 0), "…"))
	}
	it := m.sections[r.section].Items[r.item]
	base := lipgloss.NewStyle()
	mark := "  "
	if selected {
		base = st.PanelSelected
		mark = st.PanelSelectedMark.Render("▌") + base.Render(" ")
	}
	var b strings.Builder
	b.WriteString(mark)
	gap := base.Render(strings.Repeat(" ", gapCols))
	for i, c := range m.opt.Columns {
		if i > 0 {
			b.WriteString(gap)
		}
		var cell Cell
		if i < len(it.Cells) {
			cell = it.Cells[i]
		}
		text := align(cell.Text, widths[i], c.Right, c.Flex)
		b.WriteString(m.cellStyle(cell).Inherit(base).Render(text))
	}
	used := markCols + gapCols*max(len(widths)-1, 0)
	for _, w := range widths {
		used += w
	}
	if pad := inner - used; pad > 0 {
		b.WriteString(base.Render(strings.Repeat(" ", pad)))
	}
	return b.String()
}

func (m *Model) cellStyle(c Cell) lipgloss.Style {
	st := m.c.Styles
	switch {
	case c.Absent:
		return st.PanelAbsent
	case c.Dim:
		return st.PanelDim
	case c.Class != theme.Plain && c.Class < theme.NumClasses:
		return st.Highlight[c.Class]
	}
	return lipgloss.NewStyle()
}

// align fits s into w columns: shortened with … when longer, padded on the
// right (or the left, for a right-aligned column) when shorter.
func align(s string, w int, right, flex bool) string {
	s = visible(s)
	if ansi.StringWidth(s) > w {
		s = ansi.Truncate(s, w, "…")
	}
	pad := strings.Repeat(" ", max(w-ansi.StringWidth(s), 0))
	if right && !flex {
		return pad + s
	}
	return s + pad
}

// fit cuts or pads a styled line to exactly w columns.
func fit(s string, w int) string {
	if ansi.StringWidth(s) > w {
		s = ansi.Truncate(s, w, "…")
	}
	return s + strings.Repeat(" ", max(w-ansi.StringWidth(s), 0))
}

// visible keeps control characters out of cells: rows quote article text.
func visible(s string) string {
	// A stray byte such as 0x9e is a C1 control to a terminal, and to the
	// width functions, which would swallow the text after it.
	s = strings.ToValidUTF8(s, "\uFFFD")
	if strings.IndexFunc(s, func(r rune) bool { return r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0) }) < 0 {
		return s
	}
	return strings.Map(func(r rune) rune {
		switch {
		case r == '\n' || r == '\t':
			return ' '
		case r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0):
			return '\uFFFD'
		}
		return r
	}, s)
}

// hint is the bottom border's reminder of the main keys, in few words:
// "enter go · / filter · i/esc/q close".
func (m *Model) hint() string {
	k := &m.keys
	var parts []string
	add := func(b key.Binding, word string) {
		if b.Enabled() {
			parts = append(parts, b.Help().Key+" "+word)
		}
	}
	if m.filtering {
		add(k.AcceptFilter, "go")
		add(k.CancelFilter, "clear")
	} else {
		add(k.Jump, "go")
		add(k.Filter, "filter")
		add(k.ClearFilter, "clear")
		add(k.Close, "close")
	}
	return strings.Join(parts, " · ")
}

// blank is a w×h block of spaces.
func blank(w, h int) string {
	if w <= 0 || h <= 0 {
		return ""
	}
	line := strings.Repeat(" ", w)
	return strings.TrimSuffix(strings.Repeat(line+"\n", h), "\n")
}
