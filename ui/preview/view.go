package preview

import (
	"fmt"
	"path/filepath"
	"sort"
	"strings"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/parallax-reader/parallax/ui/pane"
	"github.com/parallax-reader/parallax/ui/theme"
)

const title = " Export preview "

// Gutter marks beside lines with a match, so matches show without colour
// and a scan down the left edge finds them; the current match's line gets
// the reader's cursor mark.
const (
	matchGlyph        = "▏"
	currentMatchGlyph = "▌"
)

// View draws the preview at exactly its size: the note in a frame, and the
// preview's status line (search, path input, messages) as the last row.
func (m *Model) View() string {
	w, h := m.width, m.height
	if w <= 0 || h <= 0 {
		return ""
	}
	m.ensureRendered()
	if w < MinWidth || h < MinHeight {
		return tooSmall(m.c.Styles, w, h)
	}
	st := m.c.Styles
	border, bstyle := st.FocusedBorder, st.FocusedBorderStyle
	inner := w - borderCols
	var b strings.Builder
	b.Grow((w + 32) * h * 2)

	// Top border: ━ Export preview · notes.md ━━━
	name := ""
	if m.path != "" {
		name = "· " + pane.Visible(filepath.Base(m.path)) + " "
	}
	head := ansi.Truncate(title, max(inner-2, 0), "…")
	name = ansi.Truncate(name, max(inner-2-ansi.StringWidth(head), 0), "…")
	used := 1 + ansi.StringWidth(head) + ansi.StringWidth(name)
	b.WriteString(bstyle.Render(border.TopLeft + border.Top))
	b.WriteString(st.FocusedTitle.Render(head))
	b.WriteString(st.Meta.Render(name))
	b.WriteString(bstyle.Render(strings.Repeat(border.Top, max(inner-used, 0)) + border.TopRight))
	b.WriteByte('\n')

	side, sideR := bstyle.Render(border.Left), bstyle.Render(border.Right)
	tw := m.textWidth()
	for r := range m.BodyRows() {
		b.WriteString(side)
		if i := m.top + r; i < len(m.lines) {
			m.drawLine(&b, i, tw, st)
		} else {
			b.WriteString(strings.Repeat(" ", gutterCols+tw))
		}
		b.WriteString(sideR)
		b.WriteByte('\n')
	}

	// Bottom border with the position: ── 12/340 3% ━. While the path
	// input is open, a problem with the path shows here instead, so the
	// input below keeps its room.
	pos := fmt.Sprintf(" %d/%d %d%% ", min(m.top+1, len(m.lines)), len(m.lines), m.ScrollPercent())
	posStyle := st.Position
	if m.mode == naming && !m.status.empty() {
		pos = " " + m.statusText(inner-4) + " "
		posStyle = st.StatusError
		if !m.status.err {
			posStyle = st.StatusMessage
		}
		pos = ansi.Truncate(pos, inner-2, "… ")
	}
	if ansi.StringWidth(pos)+2 > inner {
		pos = ""
	}
	fill := inner
	if pos != "" {
		fill = inner - ansi.StringWidth(pos) - 1
	}
	b.WriteString(bstyle.Render(border.BottomLeft + strings.Repeat(border.Bottom, fill)))
	if pos != "" {
		b.WriteString(posStyle.Render(pos))
		b.WriteString(bstyle.Render(border.Bottom))
	}
	b.WriteString(bstyle.Render(border.BottomRight))
	b.WriteByte('\n')
	b.WriteString(m.statusLine())
	return b.String()
}

// drawLine writes the gutter mark and rendered line i, its matches in
// reverse video, cut or padded to exactly width columns.
func (m *Model) drawLine(b *strings.Builder, i, width int, st *theme.Styles) {
	line, plain := m.lines[i], m.plain[i]
	ms := m.search.matches
	first := sort.Search(len(ms), func(j int) bool { return ms[j].line >= i })
	mark := " "
	var ranges []lipgloss.Range
	for j := first; j < len(ms) && ms[j].line == i; j++ {
		style := st.Highlight[theme.Match]
		if mark == " " {
			mark = st.Meta.Render(matchGlyph)
		}
		if j == m.search.current {
			style = st.Highlight[theme.CurrentMatch]
			mark = st.Gutter[theme.Cursor].Style.Render(currentMatchGlyph)
		}
		// Ranges are in columns, matches in bytes of the plain line.
		s := ansi.StringWidth(plain[:ms[j].start])
		e := s + ansi.StringWidth(plain[ms[j].start:ms[j].end])
		ranges = append(ranges, lipgloss.NewRange(s, e, style))
	}
	b.WriteString(mark)
	if len(ranges) > 0 {
		line = lipgloss.StyleRanges(line, ranges...)
	}
	// The plain text measures the line without parsing its escapes; glamour
	// keeps to the width, so the cut is rarely needed.
	lw := ansi.StringWidth(plain)
	if lw > width {
		line = ansi.Truncate(line, width, "")
		lw = ansi.StringWidth(line)
	}
	b.WriteString(line)
	if strings.IndexByte(line, ansi.ESC) >= 0 {
		// Nothing glamour left open may colour the border.
		b.WriteString(ansi.ResetStyle)
	}
	b.WriteString(strings.Repeat(" ", max(width-lw, 0)))
}

// statusLine draws the bottom row: the open prompt, or the search and the
// last message, with the keys that work now on the right.
func (m *Model) statusLine() string {
	st := m.c.Styles
	bar := st.StatusBar
	w := m.width
	seg := func(s lipgloss.Style, text string) string { return s.Inherit(bar).Render(text) }
	hints := seg(st.StatusHint, m.help.ShortHelpView(m.ShortHelp())+" ")
	hintsW := lipgloss.Width(hints)

	msgStyle := st.StatusMessage
	if m.status.err {
		msgStyle = st.StatusError
	}
	// message draws the status with its path shortened to fit room columns.
	message := func(room int) string {
		if m.status.empty() {
			return ""
		}
		return seg(msgStyle, " "+m.statusText(room-2)+" ")
	}

	var left string
	switch m.mode {
	case searching:
		left = seg(st.StatusInfo, " ") + m.searchInput.View()
	case naming:
		// A message about the path is in the bottom border, above.
		left = seg(st.StatusInfo, " ") + m.pathInput.View()
	case confirming:
		const why = "It differs from this note. "
		path := pane.Visible(m.pending)
		question := func(room int) string {
			return seg(st.StatusError, " overwrite "+shortenLeft(path, room)+"? ")
		}
		fixed := ansi.StringWidth(" overwrite ? ")
		pw := ansi.StringWidth(path)
		switch {
		case fixed+pw+len(why)+hintsW <= w:
			left = question(pw) + seg(st.StatusInfo, why)
		case fixed+pw+hintsW <= w:
			left = question(pw)
		default:
			hints, hintsW = "", 0
			left = question(max(w-fixed, 1))
		}
	default:
		left = seg(st.StatusArticle, " preview ")
		if r := m.SearchInfo(); r.Query != "" && r.Total > 0 {
			left += seg(st.StatusInfo, fmt.Sprintf(" “%s” %d/%d ", pane.Visible(r.Query), r.Current, r.Total))
		}
		// The hints give way to the message (below), so it may take the rest.
		left += message(w - lipgloss.Width(left))
	}

	lw := lipgloss.Width(left)
	if lw+hintsW > w {
		// What happened matters more than the key hints: they give way.
		hints, hintsW = "", 0
		if lw > w {
			left = ansi.Truncate(left, w, "…")
			lw = lipgloss.Width(left)
		}
	}
	return left + seg(lipgloss.NewStyle(), strings.Repeat(" ", max(w-lw-hintsW, 0))) + hints
}

// statusText is the message within room columns, its path shortened from
// the left so the file name stays.
func (m *Model) statusText(room int) string {
	s := m.status
	before, after := pane.Visible(s.before), pane.Visible(s.after)
	if s.path == "" {
		return before + after
	}
	pathRoom := max(room-ansi.StringWidth(before)-ansi.StringWidth(after), 8)
	return before + shortenLeft(pane.Visible(s.path), pathRoom) + after
}

// shortenLeft keeps the end of s (a path's file name matters most) within
// n columns.
func shortenLeft(s string, n int) string {
	w := ansi.StringWidth(s)
	if w <= n {
		return s
	}
	return "…" + ansi.TruncateLeft(s, w-n+1, "")
}

// tooSmall fills a screen too small for the preview with a message on its
// first row.
func tooSmall(st *theme.Styles, w, h int) string {
	msg := fmt.Sprintf("too small for the preview (need %d×%d)", MinWidth, MinHeight)
	if ansi.StringWidth(msg) > w {
		msg = "too small"
	}
	msg = ansi.Truncate(msg, w, "")
	rows := make([]string, h)
	rows[0] = st.TooSmall.Render(msg) + strings.Repeat(" ", w-ansi.StringWidth(msg))
	for i := 1; i < h; i++ {
		rows[i] = strings.Repeat(" ", w)
	}
	return strings.Join(rows, "\n")
}
