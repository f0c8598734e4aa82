package pane

import (
	"fmt"
	"strings"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/parallax-reader/parallax/ui/theme"
)

// View draws the pane at exactly its size. The frame around the text (top
// border, header, sides, bottom border) is drawn once and kept until what it
// shows changes: a keystroke usually only moves the text.
func (p *Pane) View() string {
	if p.width < MinWidth || p.height < MinHeight {
		return blank(p.width, p.height)
	}
	st := p.c.Styles
	ch := p.chrome()
	inner := p.width - borderCols
	var b strings.Builder
	b.Grow((p.width + 16) * p.height * 2)
	b.WriteString(ch.top)

	tw := p.textWidth()
	for r := range p.BodyRows() {
		b.WriteString(ch.side)
		li := p.top + r
		if li < len(p.lines) {
			s, e := p.lines[li].span()
			body, mark := p.lr.render(p.art.Text, s, e, tw, p.layers, st)
			if mark.Drawn != "" {
				b.WriteString(mark.Drawn)
			} else if mark.Glyph != "" {
				b.WriteString(mark.Style.Render(mark.Glyph))
			} else {
				b.WriteString(" ")
			}
			b.WriteString(" ")
			b.Write(body)
		} else {
			b.WriteString(strings.Repeat(" ", gutterCols+tw))
		}
		b.WriteString(strings.Repeat(" ", marginCols))
		b.WriteString(ch.sideR)
		b.WriteByte('\n')
	}

	// Bottom border with the position: ── 12/340 3% ─
	pos := fmt.Sprintf(" %d/%d %d%% ", min(p.top+1, len(p.lines)), len(p.lines), p.ScrollPercent())
	if ansi.StringWidth(pos)+2 > inner {
		pos = ""
	}
	if pos != ch.pos || ch.bottom == "" {
		ch.pos, ch.bottom = pos, p.bottomBorder(pos)
	}
	b.WriteString(ch.bottom)
	return b.String()
}

// chromeCache is the pane's frame as last drawn, with what it depends on.
type chromeCache struct {
	styles              *theme.Styles // the theme the frame was drawn with
	width, height       int
	focused             bool
	title, meta, outlet string

	top, side, sideR string
	pos, bottom      string
}

// chrome returns the frame, redrawn when the size, focus, theme or header
// changed since the last frame.
func (p *Pane) chrome() *chromeCache {
	ch := &p.frame
	if ch.top != "" && ch.styles == p.c.Styles && ch.width == p.width && ch.height == p.height &&
		ch.focused == p.focused && ch.title == p.title && ch.meta == p.meta && ch.outlet == p.outlet {
		return ch
	}
	*ch = chromeCache{styles: p.c.Styles, width: p.width, height: p.height, focused: p.focused,
		title: p.title, meta: p.meta, outlet: p.outlet}

	st := p.c.Styles
	border, bstyle := st.Border, st.BorderStyle
	numStyle, titleStyle := st.Number, st.Title
	if p.focused {
		border, bstyle = st.FocusedBorder, st.FocusedBorderStyle
		numStyle, titleStyle = st.FocusedNumber, st.FocusedTitle
	}
	inner := p.width - borderCols
	var b strings.Builder

	// Top border: ─ 2 · outlet ───
	label := fmt.Sprintf(" %d", p.label)
	outlet := ""
	if p.outlet != "" {
		outlet = ansi.Truncate(" · "+p.outlet, max(inner-2-ansi.StringWidth(label)-1, 0), "…")
	}
	used := 1 + ansi.StringWidth(label) + ansi.StringWidth(outlet) + 1
	b.WriteString(bstyle.Render(border.TopLeft + border.Top))
	b.WriteString(numStyle.Render(label))
	b.WriteString(st.Meta.Render(outlet + " "))
	b.WriteString(bstyle.Render(strings.Repeat(border.Top, max(inner-used, 0)) + border.TopRight))
	b.WriteByte('\n')

	ch.side = bstyle.Render(border.Left)
	ch.sideR = bstyle.Render(border.Right)
	row := func(content string, style func(...string) string) {
		b.WriteString(ch.side)
		b.WriteString(" ")
		cut := ansi.Truncate(content, inner-2, "…")
		b.WriteString(style(cut))
		b.WriteString(strings.Repeat(" ", max(inner-2-ansi.StringWidth(cut), 0)))
		b.WriteString(" ")
		b.WriteString(ch.sideR)
		b.WriteByte('\n')
	}
	if hr := p.headerRows(); hr >= 1 {
		row(p.title, titleStyle.Render)
		if hr >= 2 {
			row(p.meta, p.metaStyle().Render)
		}
	}
	ch.top = b.String()
	return ch
}

// bottomBorder draws the bottom border around the position text pos.
func (p *Pane) bottomBorder(pos string) string {
	st := p.c.Styles
	border, bstyle := st.Border, st.BorderStyle
	if p.focused {
		border, bstyle = st.FocusedBorder, st.FocusedBorderStyle
	}
	inner := p.width - borderCols
	fill := inner
	if pos != "" {
		fill = max(inner-ansi.StringWidth(pos)-1, 0)
	}
	var b strings.Builder
	b.WriteString(bstyle.Render(border.BottomLeft + strings.Repeat(border.Bottom, fill)))
	b.WriteString(st.Position.Render(pos))
	if pos != "" {
		b.WriteString(bstyle.Render(border.Bottom))
	}
	b.WriteString(bstyle.Render(border.BottomRight))
	return b.String()
}

// metaStyle draws the meta line in the warning style when it carries a
// warning.
func (p *Pane) metaStyle() lipgloss.Style {
	if strings.Contains(p.meta, "⚠") {
		return p.c.Styles.Warning
	}
	return p.c.Styles.Meta
}

// blank is a w×h block of spaces.
func blank(w, h int) string {
	if w <= 0 || h <= 0 {
		return ""
	}
	line := strings.Repeat(" ", w)
	return strings.TrimSuffix(strings.Repeat(line+"\n", h), "\n")
}
