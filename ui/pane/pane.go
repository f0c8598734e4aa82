// Package pane draws one article in a bordered column and lets the reader
// move through it: scrolling, a sentence cursor, search matches, and any
// number of decoration layers that later features (entities, quotations,
// tags, diff marks) add with SetDecorations.
//
// Its heart is a line index: the article is wrapped once per text width into
// byte ranges of Article.Text (see Wrap), so a frame draws only the visible
// lines and every move is a lookup, however long the article.
package pane

import (
	"fmt"
	"strings"
	"unicode"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/parallax-reader/parallax/model"
	"github.com/parallax-reader/parallax/ui/component"
	"github.com/parallax-reader/parallax/ui/theme"
)

// Layout of a pane, in cells: a border all round, a gutter column and a space
// on the left of the text, a space on its right.
const (
	borderCols = 2
	gutterCols = 2
	marginCols = 1
	chromeCols = borderCols + gutterCols + marginCols

	// MinWidth is the narrowest pane that still shows a readable column.
	MinWidth = chromeCols + 10
	// MinHeight fits the borders and three lines of text.
	MinHeight = 5
)

// wheelLines is how far one mouse wheel step scrolls.
const wheelLines = 3

var _ component.Component = (*Pane)(nil)

// Pane shows one article.
type Pane struct {
	c     *component.Common
	art   *model.Article
	label int // 1-based position among the articles, shown in the border

	width, height int
	focused       bool

	lines []Line
	wrapW int // text width lines was wrapped at; 0 before the first wrap
	top   int // first visible line

	sentences []model.Span
	cursor    int // sentence index; -1 when the cursor is not placed

	words  int
	meta   string // "N words · warnings", sanitised
	title  string
	outlet string

	layers layers
	search search
	lr     lineRenderer
}

// search is the pane's last search.
type search struct {
	query   string
	matches []model.Span
	current int // index into matches; -1 before n/N or the first jump
}

// New returns a pane for art, labelled with its 1-based position. The pane
// keeps a pointer to art; the article must not change while shown.
func New(c *component.Common, art *model.Article, label int) *Pane {
	p := &Pane{c: c, art: art, label: label, cursor: -1}
	p.sentences = art.Sentences
	if len(p.sentences) == 0 {
		// Without sentence spans the cursor moves by paragraph.
		p.sentences = art.Paragraphs
	}
	p.words = countWords(art.Text)
	p.title = Visible(art.Title)
	if p.title == "" {
		p.title = "untitled"
	}
	p.outlet = Visible(art.Outlet)
	p.meta = fmt.Sprintf("%d words", p.words)
	warnings := art.Warnings
	if len(warnings) == 0 && art.Replaced > 0 {
		warnings = []string{fmt.Sprintf("%d invalid bytes replaced", art.Replaced)}
	}
	for _, w := range warnings {
		p.meta += " · ⚠ " + Visible(w)
	}
	p.search.current = -1
	return p
}

// Article is the article shown.
func (p *Pane) Article() *model.Article { return p.art }

// SetFocused marks the pane as the one keys go to.
func (p *Pane) SetFocused(f bool) { p.focused = f }

// Focused reports whether the pane has the focus.
func (p *Pane) Focused() bool { return p.focused }

// SetSize sets the pane's outer size and re-wraps the text when the text
// width changed, keeping the first visible line's text at the top.
func (p *Pane) SetSize(w, h int) {
	p.width, p.height = max(w, 0), max(h, 0)
	tw := p.textWidth()
	if tw < 1 || tw == p.wrapW {
		p.clampTop()
		return
	}
	anchor := 0
	if p.wrapW > 0 && p.top < len(p.lines) {
		anchor = int(p.lines[p.top].Start)
	}
	p.lines = Wrap(p.art.Text, tw)
	p.wrapW = tw
	p.top = lineAt(p.lines, anchor)
	p.clampTop()
}

// Size returns the pane's outer size.
func (p *Pane) Size() (w, h int) { return p.width, p.height }

func (p *Pane) textWidth() int { return p.width - chromeCols }

// headerRows is how many rows the title and the meta line take; they give
// way to text on short screens.
func (p *Pane) headerRows() int {
	switch inner := p.height - 2; {
	case inner >= 8:
		return 2
	case inner >= 4:
		return 1
	}
	return 0
}

// BodyRows is how many lines of text the pane shows.
func (p *Pane) BodyRows() int { return max(p.height-2-p.headerRows(), 0) }

// Lines is the number of wrapped lines.
func (p *Pane) Lines() int { return len(p.lines) }

// Top is the index of the first visible line.
func (p *Pane) Top() int { return p.top }

// LineText returns the text of wrapped line i.
func (p *Pane) LineText(i int) string {
	if i < 0 || i >= len(p.lines) {
		return ""
	}
	s, e := p.lines[i].span()
	return p.art.Text[s:e]
}

// maxTop is the last top line that still fills the pane; it is always a
// valid line index (or 0), even in a pane too short to show text.
func (p *Pane) maxTop() int { return max(len(p.lines)-max(p.BodyRows(), 1), 0) }

func (p *Pane) clampTop() { p.top = min(max(p.top, 0), p.maxTop()) }

// ScrollBy moves the view n lines (down when positive).
func (p *Pane) ScrollBy(n int) {
	p.top += n
	p.clampTop()
}

// ScrollTo puts line i at the top, as far as the text allows.
func (p *Pane) ScrollTo(i int) {
	p.top = i
	p.clampTop()
}

// halfPage and page are the scroll steps; a page keeps one line of the
// previous screen in view, so the eye finds its place.
func (p *Pane) halfPage() int { return max(p.BodyRows()/2, 1) }
func (p *Pane) page() int     { return max(p.BodyRows()-1, 1) }

// Update handles the focused pane's keys: scrolling and the sentence cursor.
func (p *Pane) Update(msg tea.Msg) tea.Cmd {
	km, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return nil
	}
	k := p.c.Keys
	switch {
	case key.Matches(km, k.Down):
		p.ScrollBy(1)
	case key.Matches(km, k.Up):
		p.ScrollBy(-1)
	case key.Matches(km, k.HalfDown):
		p.ScrollBy(p.halfPage())
	case key.Matches(km, k.HalfUp):
		p.ScrollBy(-p.halfPage())
	case key.Matches(km, k.PageDown):
		p.ScrollBy(p.page())
	case key.Matches(km, k.PageUp):
		p.ScrollBy(-p.page())
	case key.Matches(km, k.Top):
		p.ScrollTo(0)
	case key.Matches(km, k.Bottom):
		p.ScrollTo(len(p.lines))
	case key.Matches(km, k.NextSentence):
		return p.MoveCursor(1)
	case key.Matches(km, k.PrevSentence):
		return p.MoveCursor(-1)
	}
	return nil
}

// ShortHelp lists the pane's most used keys.
func (p *Pane) ShortHelp() []key.Binding {
	return []key.Binding{p.c.Keys.Down, p.c.Keys.Up, p.c.Keys.NextSentence}
}

// FullHelp lists every key the pane handles.
func (p *Pane) FullHelp() [][]key.Binding {
	return [][]key.Binding{p.c.Keys.Scrolling(), p.c.Keys.Cursor()}
}

// SetDecorations replaces the decoration layer called name; an empty list
// removes it. Layers are drawn together, ordered by priority.
func (p *Pane) SetDecorations(name string, decs []Decoration) {
	if len(decs) == 0 {
		p.layers.set(name, nil)
		return
	}
	p.layers.set(name, newLayer(name, decs))
}

// SetSpans replaces the layer called name with spans of one class. Sorted,
// non-overlapping spans (search matches, entity mentions) are kept as given,
// without a copy: the caller must not change them afterwards.
func (p *Pane) SetSpans(name string, spans []model.Span, class theme.Class) {
	if len(spans) == 0 {
		p.layers.set(name, nil)
		return
	}
	p.layers.set(name, newSpanLayer(name, spans, class))
}

// Decorations returns the decorations of a layer, sorted by start.
func (p *Pane) Decorations(name string) []Decoration { return p.layers.get(name) }

// visibleSpan is the byte range shown on screen.
func (p *Pane) visibleSpan() (int, int) {
	if p.top >= len(p.lines) {
		return 0, 0
	}
	last := min(p.top+p.BodyRows(), len(p.lines)) - 1
	return int(p.lines[p.top].Start), int(p.lines[max(last, p.top)].End)
}

// linesOf returns the first and last line a span touches.
func (p *Pane) linesOf(s model.Span) (int, int) {
	return lineAt(p.lines, s.Start), lineAt(p.lines, max(s.Start, s.End-1))
}

// Shows reports whether any part of the span is on screen.
func (p *Pane) Shows(s model.Span) bool {
	if len(p.lines) == 0 {
		return false
	}
	first, last := p.linesOf(s)
	return last >= p.top && first < p.top+p.BodyRows()
}

// isVisible reports whether line i is on screen.
func (p *Pane) isVisible(i int) bool { return i >= p.top && i < p.top+p.BodyRows() }

// reveal scrolls as little as possible to bring the span into view (its
// first line, when it is taller than the pane).
func (p *Pane) reveal(s model.Span) {
	first, last := p.linesOf(s)
	rows := p.BodyRows()
	switch {
	case first < p.top:
		p.top = first
	case last >= p.top+rows:
		p.top = min(first, last-rows+1)
	}
	p.clampTop()
}

// centre brings the span into view a third of the way down when it is off
// screen, so a jump lands with some context above it.
func (p *Pane) centre(s model.Span) {
	first, last := p.linesOf(s)
	if p.isVisible(first) && p.isVisible(last) {
		return
	}
	p.top = first - p.BodyRows()/3
	p.clampTop()
}

// ScrollPercent is how far down the view is, 0–100.
func (p *Pane) ScrollPercent() int {
	if p.maxTop() == 0 {
		return 100
	}
	return p.top * 100 / p.maxTop()
}

// View draws the pane at exactly its size.
func (p *Pane) View() string {
	if p.width < MinWidth || p.height < MinHeight {
		return blank(p.width, p.height)
	}
	st := p.c.Styles
	border, bstyle := st.Border, st.BorderStyle
	numStyle, titleStyle := st.Number, st.Title
	if p.focused {
		border, bstyle = st.FocusedBorder, st.FocusedBorderStyle
		numStyle, titleStyle = st.FocusedNumber, st.FocusedTitle
	}
	inner := p.width - borderCols
	var b strings.Builder
	b.Grow((p.width + 16) * p.height * 2)

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

	side := bstyle.Render(border.Left)
	sideR := bstyle.Render(border.Right)
	row := func(content string, style func(...string) string) {
		b.WriteString(side)
		b.WriteString(" ")
		cut := ansi.Truncate(content, inner-2, "…")
		b.WriteString(style(cut))
		b.WriteString(strings.Repeat(" ", max(inner-2-ansi.StringWidth(cut), 0)))
		b.WriteString(" ")
		b.WriteString(sideR)
		b.WriteByte('\n')
	}
	if hr := p.headerRows(); hr >= 1 {
		row(p.title, titleStyle.Render)
		if hr >= 2 {
			row(p.meta, p.metaStyle().Render)
		}
	}

	tw := p.textWidth()
	for r := range p.BodyRows() {
		b.WriteString(side)
		li := p.top + r
		if li < len(p.lines) {
			s, e := p.lines[li].span()
			var body strings.Builder
			mark := p.lr.render(&body, p.art.Text, s, e, tw, p.layers, st)
			if mark.Glyph != "" {
				b.WriteString(mark.Style.Render(mark.Glyph))
			} else {
				b.WriteString(" ")
			}
			b.WriteString(" ")
			b.WriteString(body.String())
		} else {
			b.WriteString(strings.Repeat(" ", gutterCols+tw))
		}
		b.WriteString(strings.Repeat(" ", marginCols))
		b.WriteString(sideR)
		b.WriteByte('\n')
	}

	// Bottom border with the position: ── 12/340 3% ─
	pos := fmt.Sprintf(" %d/%d %d%% ", min(p.top+1, len(p.lines)), len(p.lines), p.ScrollPercent())
	if ansi.StringWidth(pos)+2 > inner {
		pos = ""
	}
	fill := inner
	if pos != "" {
		fill = max(inner-ansi.StringWidth(pos)-1, 0)
	}
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

// countWords counts words by Article.WordCount's rule (runs of letters,
// digits and apostrophes) without building the list of words, which for a
// 5 MB article would allocate tens of megabytes just to be counted.
func countWords(text string) int {
	n := 0
	in := false
	for _, r := range text {
		word := unicode.IsLetter(r) || unicode.IsDigit(r) || r == '\'' || r == '’'
		if word && !in {
			n++
		}
		in = word
	}
	return n
}

// blank is a w×h block of spaces.
func blank(w, h int) string {
	if w <= 0 || h <= 0 {
		return ""
	}
	line := strings.Repeat(" ", w)
	return strings.TrimSuffix(strings.Repeat(line+"\n", h), "\n")
}

// TextArea reports where the text body sits inside the pane, relative to
// its top-left corner: the column of the first text cell and the row of the
// first text line.
func (p *Pane) TextArea() (x, y int) { return 1 + gutterCols, 1 + p.headerRows() }

// ScrollWheel scrolls for one mouse wheel step (down when positive).
func (p *Pane) ScrollWheel(steps int) { p.ScrollBy(steps * wheelLines) }

// OffsetAt returns the byte offset of the text under the cell (x, y),
// relative to the pane's top-left corner; false when the cell is not on a
// line of text. A cell past a line's end maps to the line's last character.
func (p *Pane) OffsetAt(x, y int) (int, bool) {
	tx, ty := p.TextArea()
	row := y - ty
	if row < 0 || row >= p.BodyRows() || x < 1 || x >= p.width-1 {
		return 0, false
	}
	li := p.top + row
	if li >= len(p.lines) {
		return 0, false
	}
	s, e := p.lines[li].span()
	col := max(x-tx, 0)
	it := clusters{s: p.art.Text[:e], i: s}
	off, c := s, 0
	for {
		gs, _, w, ok := it.next()
		if !ok {
			return off, true
		}
		off = gs
		if col < c+w {
			return gs, true
		}
		c += w
	}
}

// ClickAt moves the sentence cursor to the sentence under the cell (x, y),
// relative to the pane; false when there is no text there.
func (p *Pane) ClickAt(x, y int) bool {
	off, ok := p.OffsetAt(x, y)
	if !ok {
		return false
	}
	i := model.SpanIndex(p.sentences, off)
	if i < 0 {
		return false
	}
	p.setCursor(i)
	return true
}
