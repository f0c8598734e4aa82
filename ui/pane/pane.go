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
	"unicode"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

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
	mark   model.Span // see Mark; meaningful when marked
	marked bool
	lr     lineRenderer
	frame  chromeCache
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
