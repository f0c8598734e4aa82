package ui

import (
	"fmt"
	"path/filepath"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/parallax-reader/parallax/ui/keys"
	"github.com/parallax-reader/parallax/ui/pane"
)

// View draws the whole screen.
func (m *Model) View() tea.View {
	v := tea.NewView(m.Render())
	v.AltScreen = true
	if m.opt.Mouse {
		v.MouseMode = tea.MouseModeCellMotion
	}
	v.WindowTitle = "parallax"
	return v
}

// Render is the screen's content: exactly the terminal's width and height.
func (m *Model) Render() string {
	w, h := m.c.Width, m.c.Height
	if w <= 0 || h <= 0 {
		return ""
	}
	if len(m.panes) == 0 {
		return fill("no articles to show", w, h)
	}
	if m.exp != nil {
		if m.expHelp {
			return m.exportHelpView(w, h)
		}
		return m.exp.View()
	}
	if m.tooSmall() {
		return fill(m.c.Styles.TooSmall.Render(tooSmallText(w)), w, h)
	}

	ph := m.paneHeight()
	views := make([][]string, m.shown, m.shown+1)
	for j := range m.shown {
		views[j] = strings.Split(m.panes[m.first+j].View(), "\n")
	}
	if p := m.openedPanel(); p != nil {
		views = append(views, strings.Split(p.View(), "\n"))
	}
	var b strings.Builder
	for r := range ph {
		for j := range views {
			b.WriteString(views[j][r])
		}
		b.WriteByte('\n')
	}
	body := strings.TrimSuffix(b.String(), "\n")
	if m.state == keys.Tagging {
		body = m.overlayTagForm(body, w, ph)
	}
	if m.state == keys.HelpOpen {
		body = m.overlayHelp(body, w, ph)
	}
	return body + "\n" + m.statusBar()
}

// tooSmallText is the longest form of the message that fits w columns.
func tooSmallText(w int) string {
	for _, s := range []string{
		fmt.Sprintf("terminal too small (need %d×%d)", pane.MinWidth, pane.MinHeight+statusRows),
		"terminal too small",
		"too small",
	} {
		if ansi.StringWidth(s) <= w {
			return s
		}
	}
	return ansi.Truncate("too small", w, "")
}

// fill puts line on the first row of a w×h screen of blanks.
func fill(line string, w, h int) string {
	line = ansi.Truncate(line, w, "")
	rows := make([]string, h)
	rows[0] = line + strings.Repeat(" ", max(w-ansi.StringWidth(line), 0))
	for i := 1; i < h; i++ {
		rows[i] = strings.Repeat(" ", w)
	}
	return strings.Join(rows, "\n")
}

// statusBar draws the bottom line: the focused article, the sentence cursor,
// the search, a message; on the right the analysis spinner and the help key.
func (m *Model) statusBar() string {
	st := m.c.Styles
	bar := st.StatusBar
	w := m.c.Width
	seg := func(s lipgloss.Style, text string) string { return s.Inherit(bar).Render(text) }

	var left, right []string
	if m.state == keys.Searching {
		left = append(left, seg(st.StatusInfo, " ")+m.input.View())
		right = append(right, seg(st.StatusHint, m.help.ShortHelpView(m.c.Keys.ShortHelp(keys.Searching))+" "))
	} else {
		p := m.focused()
		a := p.Article()
		name := pane.Visible(a.Outlet)
		if name == "" {
			name = pane.Visible(a.Title)
		}
		name = m.statusName(name)
		left = append(left, seg(st.StatusArticle, fmt.Sprintf(" %d/%d %s ", m.focus+1, len(m.panes), name)))
		if i, n := p.Cursor(); n > 0 {
			text := fmt.Sprintf("%d sentences", n)
			if i >= 0 {
				text = fmt.Sprintf("sentence %d/%d", i+1, n)
			}
			left = append(left, seg(st.StatusInfo, " "+text+" "))
		}
		left = append(left, m.compareStatus(seg)...)
		left = append(left, m.tagStatus(seg)...)
		if r := p.SearchInfo(); r.Query != "" && r.Total > 0 {
			left = append(left, seg(st.StatusInfo, fmt.Sprintf(" “%s” %d/%d ", pane.Visible(r.Query), r.Current, r.Total)))
		}
		if m.status != "" {
			style := st.StatusMessage
			if m.statusErr {
				style = st.StatusError
			}
			left = append(left, seg(style, " "+pane.Visible(m.status)+" "))
		}
		if m.analysing {
			right = append(right, seg(st.StatusInfo, m.spinner.View()+" analysing "))
		}
		if m.aids.failed != "" {
			right = append(right, seg(st.StatusError, " ⚠ no highlights: analysis failed "))
		}
		if f := m.opt.AnnotationFile; f != "" {
			// Room for a quarter of the bar, or the whole file name.
			room := min(max(w/4, ansi.StringWidth(filepath.Base(f))+1), w/2)
			right = append(right, seg(st.StatusHint, " "+shortenLeft(pane.Visible(f), room)+" "))
		}
		hint := "? help "
		if m.state == keys.Tagging {
			hint = "" // ? is typed into the form, which shows its own keys
		}
		if m.state == keys.HelpOpen {
			hint = m.help.ShortHelpView(m.c.Keys.ShortHelp(keys.HelpOpen)) + " "
		}
		if hint != "" {
			right = append(right, seg(st.StatusHint, hint))
		}
		if ctx := m.statusContext(w, left, right); ctx != "" {
			left = append(left, seg(st.StatusInfo, " "+ctx+" "))
		}
	}

	// The left side matters more; the right gives way first, its last
	// segment (the help key) last.
	l := strings.Join(left, "")
	lw := lipgloss.Width(l)
	for len(right) > 1 && lw+lipgloss.Width(strings.Join(right, "")) > w {
		right = right[1:]
	}
	r := strings.Join(right, "")
	rw := lipgloss.Width(r)
	if lw+rw > w {
		r, rw = "", 0
		if lw > w {
			l = ansi.Truncate(l, w, "…")
			lw = lipgloss.Width(l)
		}
	}
	return l + seg(lipgloss.NewStyle(), strings.Repeat(" ", max(w-lw-rw, 0))) + r
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

// overlayHelp draws the help box centred over the panes.
func (m *Model) overlayHelp(body string, w, h int) string {
	box := m.helpBox(w-2, h)
	bw, bh := lipgloss.Width(box), lipgloss.Height(box)
	x, y := max((w-bw)/2, 0), max((h-bh)/2, 0)
	return lipgloss.NewCompositor(
		lipgloss.NewLayer(body),
		lipgloss.NewLayer(box).X(x).Y(y).Z(1),
	).Render()
}

// helpBox lists every key that works while reading, in columns that wrap to
// the width, scrolled by j/k when taller than the screen.
func (m *Model) helpBox(maxW, maxH int) string {
	st := m.c.Styles
	frame := st.HelpBox.GetHorizontalFrameSize()
	inner := max(maxW-frame, 10)
	const gap = "    "

	var rows []string
	var line []string
	lineW := 0
	groups := m.c.Keys.FullHelp(m.helpFrom)
	if m.helpFrom == keys.PanelOpen {
		groups = m.panelHelp()
	}
	if m.exp != nil {
		groups = m.exportHelp()
	}
	for _, g := range groups {
		col := m.help.FullHelpView([][]key.Binding{g})
		if col == "" {
			continue
		}
		cw := lipgloss.Width(col)
		if len(line) > 0 && lineW+len(gap)+cw > inner {
			rows = append(rows, lipgloss.JoinHorizontal(lipgloss.Top, line...))
			line, lineW = nil, 0
		}
		if len(line) > 0 {
			line = append(line, gap)
			lineW += len(gap)
		}
		line = append(line, col)
		lineW += cw
	}
	if len(line) > 0 {
		rows = append(rows, lipgloss.JoinHorizontal(lipgloss.Top, line...))
	}
	content := st.HelpTitle.Render("Keys") + "\n\n" + strings.Join(rows, "\n\n")

	lines := strings.Split(content, "\n")
	avail := max(maxH-st.HelpBox.GetVerticalFrameSize(), 1)
	if len(lines) > avail {
		m.helpScroll = min(m.helpScroll, len(lines)-avail)
		lines = lines[m.helpScroll : m.helpScroll+avail]
	} else {
		m.helpScroll = 0
	}
	for i, l := range lines {
		lines[i] = ansi.Truncate(l, inner, "…")
	}
	return st.HelpBox.Render(strings.Join(lines, "\n"))
}
