// Package preview shows the Markdown export of the tags as glamour renders
// it, lets the reader scroll and search it, and writes the note to a file.
//
// The note is rendered once per width and theme and kept as lines, so a
// frame draws only the lines on screen. Search runs over the rendered text
// (what the reader sees), and the file written is always the exact Markdown
// given, front matter included, never the rendered text.
package preview

import (
	"bytes"
	"fmt"
	"strings"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"charm.land/glamour/v2"
	glamouransi "charm.land/glamour/v2/ansi"
	"charm.land/glamour/v2/styles"
	"github.com/charmbracelet/x/ansi"

	"github.com/parallax-reader/parallax/annotations/export"
	"github.com/parallax-reader/parallax/ui/component"
	"github.com/parallax-reader/parallax/ui/theme"
)

// ClosedMsg tells the root the preview was closed (esc, q or m).
type ClosedMsg struct{}

// WroteMsg tells the root the note was written: Bytes bytes to Path.
type WroteMsg struct {
	Path  string
	Bytes int
}

// Layout in cells: a border all round and a gutter column for search marks
// inside it; the last row is the preview's own status line.
const (
	borderCols = 2
	gutterCols = 1
	chromeRows = 3 // top border, bottom border, status line

	// MinWidth and MinHeight are the smallest size that shows any text.
	MinWidth  = borderCols + gutterCols + 12
	MinHeight = chromeRows + 1
)

// wheelLines is how far one mouse wheel step scrolls, as in the panes.
const wheelLines = 3

// mode is what has the keyboard.
type mode int

const (
	reading    mode = iota
	searching       // the search prompt is open
	naming          // the path input is open
	confirming      // asking whether to overwrite a different file
)

var _ component.Component = (*Model)(nil)

// Model is the export preview.
type Model struct {
	c    *component.Common
	keys KeyMap
	help help.Model

	md   []byte
	path string // the last path written or typed; at first the default path

	width, height int

	// The note as rendered for renderedW columns in renderedStyle.
	lines         []string // as glamour drew them, escape sequences included
	plain         []string // the same without escape sequences, for search
	joined        *joinedText
	renderedW     int
	renderedStyle string
	renderFailed  bool // glamour failed: lines are the raw Markdown

	top int // first visible line

	mode        mode
	searchInput textinput.Model
	pathInput   textinput.Model
	search      search
	pending     string // the path that "overwrite?" asks about

	status status
	themed *theme.Styles // the styles the prompts were last given
}

// New returns a preview of md, which writes to defaultPath unless the user
// types another. It keeps a copy of md. It draws nothing until SetSize.
func New(c *component.Common, md []byte, defaultPath string) *Model {
	m := &Model{
		c:    c,
		keys: newKeyMap(c.Keys),
		help: help.New(),
		md:   bytes.Clone(md),
		path: defaultPath,
	}
	m.searchInput = textinput.New()
	m.searchInput.Prompt = "/"
	m.searchInput.Placeholder = "search the note"
	m.searchInput.CharLimit = 200
	m.pathInput = textinput.New()
	m.pathInput.Prompt = "write to: "
	m.pathInput.Placeholder = "file name"
	m.pathInput.CharLimit = 4096
	m.search.current = -1
	m.syncKeys()
	return m
}

// SetMarkdown replaces the note, for when the tags changed while the
// preview is open. The view keeps its place as well as it can and a search
// is run again on the new text. The preview keeps a copy of md.
func (m *Model) SetMarkdown(md []byte) {
	m.md = bytes.Clone(md)
	m.renderedW = 0 // force a render
	m.ensureRendered()
}

// Markdown is the note the preview shows and writes.
func (m *Model) Markdown() []byte { return m.md }

// Path is where w offers to write: the last path written or typed, at first
// the default path.
func (m *Model) Path() string { return m.path }

// SetSize gives the preview its outer size: the whole screen, as it draws
// its own status line. The note is rendered again only when the text width
// changed.
func (m *Model) SetSize(w, h int) {
	m.width, m.height = max(w, 0), max(h, 0)
	m.ensureRendered()
	m.clampTop()
	// Room for the prompts beside their key hints (about 24 columns).
	m.searchInput.SetWidth(max(m.width-28, 8))
	m.pathInput.SetWidth(max(m.width-37, 8))
}

// Size is the preview's outer size.
func (m *Model) Size() (w, h int) { return m.width, m.height }

func (m *Model) textWidth() int { return m.width - borderCols - gutterCols }

// BodyRows is how many lines of the note the preview shows at once.
func (m *Model) BodyRows() int { return max(m.height-chromeRows, 0) }

// Lines is the number of rendered lines.
func (m *Model) Lines() int { return len(m.lines) }

// Top is the index of the first visible line.
func (m *Model) Top() int { return m.top }

// LineText is rendered line i without escape sequences.
func (m *Model) LineText(i int) string {
	if i < 0 || i >= len(m.plain) {
		return ""
	}
	return m.plain[i]
}

// glamourStyle picks the glamour style that matches the reader's theme:
// its dark or light style, or the ASCII one (glamour's "notty") when there
// is no colour, which keeps Markdown's own marks (**, ~~, #) so emphasis
// and diffs still read.
func glamourStyle(st *theme.Styles) (string, glamouransi.StyleConfig) {
	switch {
	case !st.Color:
		return styles.NoTTYStyle, styles.NoTTYStyleConfig
	case st.Dark:
		return styles.DarkStyle, styles.DarkStyleConfig
	}
	return styles.LightStyle, styles.LightStyleConfig
}

// ensureRendered renders the note when the width or the theme changed since
// the last render. Every entry point calls it, so a theme switch by the
// root shows in the next frame.
func (m *Model) ensureRendered() {
	if m.themed != m.c.Styles {
		m.themed = m.c.Styles
		m.help.Styles = m.themed.Help
		m.searchInput.SetStyles(m.themed.Input)
		m.pathInput.SetStyles(m.themed.Input)
	}
	tw := m.textWidth()
	name, cfg := glamourStyle(m.c.Styles)
	if tw < 1 || (tw == m.renderedW && name == m.renderedStyle) {
		return
	}
	oldLines, oldTop := len(m.lines), m.top

	m.lines, m.renderFailed = render(m.md, tw, cfg)
	m.plain = make([]string, len(m.lines))
	for i, l := range m.lines {
		m.plain[i] = ansi.Strip(l)
	}
	m.renderedW, m.renderedStyle = tw, name
	m.joined = nil
	if m.renderFailed {
		m.setError("could not render the note; showing it as plain Markdown")
	}

	// Lines are shorter or longer now; keep the same share of the note
	// above the view, and the current match (if any) on screen.
	if oldLines > 0 {
		m.top = oldTop * len(m.lines) / oldLines
	}
	m.clampTop()
	m.research()
}

// render draws md's body (the front matter is for tools, not for reading)
// with glamour, word-wrapped to width. If glamour fails the raw Markdown
// is shown instead, wrapped, so the note can still be read and written.
func render(md []byte, width int, cfg glamouransi.StyleConfig) (lines []string, failed bool) {
	r, err := glamour.NewTermRenderer(glamour.WithStyles(cfg), glamour.WithWordWrap(width))
	var out []byte
	if err == nil {
		out, err = r.RenderBytes(terminalSafe(export.Body(md)))
	}
	if err != nil {
		out = []byte(ansi.Wrap(string(terminalSafe(md)), width, ""))
		failed = true
	}
	lines = strings.Split(string(out), "\n")
	// Glamour ends the document with blank lines; the frame shows the end.
	for len(lines) > 1 && strings.TrimSpace(ansi.Strip(lines[len(lines)-1])) == "" {
		lines = lines[:len(lines)-1]
	}
	return lines, failed
}

// terminalSafe replaces every control character but newline and tab, and
// every invalid byte, with U+FFFD, and CRLF line ends with LF. Glamour
// passes text through as it is, so a note that carried an escape sequence
// (the exporter removes them, but SetMarkdown takes any bytes) could
// otherwise set the window title or clear the screen.
func terminalSafe(md []byte) []byte {
	s := strings.ReplaceAll(strings.ToValidUTF8(string(md), "\uFFFD"), "\r\n", "\n")
	return []byte(strings.Map(func(r rune) rune {
		if r == '\n' || r == '\t' {
			return r
		}
		if r < 0x20 || (r >= 0x7f && r < 0xa0) {
			return '\uFFFD'
		}
		return r
	}, s))
}

// maxTop is the last top line that still fills the view.
func (m *Model) maxTop() int { return max(len(m.lines)-max(m.BodyRows(), 1), 0) }

func (m *Model) clampTop() { m.top = min(max(m.top, 0), m.maxTop()) }

// ScrollBy moves the view n lines (down when positive).
func (m *Model) ScrollBy(n int) {
	m.top += n
	m.clampTop()
}

// ScrollTo puts line i at the top, as far as the note allows.
func (m *Model) ScrollTo(i int) {
	m.top = i
	m.clampTop()
}

// A page keeps one line of the previous screen in view, as in the panes.
func (m *Model) halfPage() int { return max(m.BodyRows()/2, 1) }
func (m *Model) page() int     { return max(m.BodyRows()-1, 1) }

// ScrollPercent is how far down the view is, 0–100.
func (m *Model) ScrollPercent() int {
	if m.maxTop() == 0 {
		return 100
	}
	return m.top * 100 / m.maxTop()
}

// Update handles keys, the mouse wheel and pastes. The root should send it
// every key press while the preview is open (ctrl+c excepted, which
// quits) and SetSize on a resize.
func (m *Model) Update(msg tea.Msg) tea.Cmd {
	m.ensureRendered()
	defer m.syncKeys()
	switch msg := msg.(type) {
	case tea.KeyPressMsg:
		return m.handleKey(msg)
	case tea.MouseWheelMsg:
		switch msg.Mouse().Button {
		case tea.MouseWheelDown:
			m.ScrollBy(wheelLines)
		case tea.MouseWheelUp:
			m.ScrollBy(-wheelLines)
		}
		return nil
	case tea.PasteMsg:
		// A pasted path or search goes into the open prompt.
		return m.updateInput(msg)
	}
	return nil
}

func (m *Model) handleKey(msg tea.KeyPressMsg) tea.Cmd {
	switch m.mode {
	case searching:
		return m.handleSearchKey(msg)
	case naming:
		return m.handlePathKey(msg)
	case confirming:
		return m.handleConfirmKey(msg)
	}

	// A message stays until the next key, as in the reader.
	m.status = status{}
	k := &m.keys
	switch {
	case key.Matches(msg, k.Close):
		return func() tea.Msg { return ClosedMsg{} }
	case key.Matches(msg, k.Write):
		m.openPathInput(m.path)
		return m.pathInput.Focus()
	case key.Matches(msg, k.Search):
		m.mode = searching
		m.searchInput.Reset()
		return m.searchInput.Focus()
	case key.Matches(msg, k.NextMatch):
		m.stepMatch(1)
	case key.Matches(msg, k.PrevMatch):
		m.stepMatch(-1)
	case key.Matches(msg, k.Down):
		m.ScrollBy(1)
	case key.Matches(msg, k.Up):
		m.ScrollBy(-1)
	case key.Matches(msg, k.HalfDown):
		m.ScrollBy(m.halfPage())
	case key.Matches(msg, k.HalfUp):
		m.ScrollBy(-m.halfPage())
	case key.Matches(msg, k.PageDown):
		m.ScrollBy(m.page())
	case key.Matches(msg, k.PageUp):
		m.ScrollBy(-m.page())
	case key.Matches(msg, k.Top):
		m.ScrollTo(0)
	case key.Matches(msg, k.Bottom):
		m.ScrollTo(len(m.lines))
	}
	return nil
}

// updateInput feeds a message to whichever prompt is open.
func (m *Model) updateInput(msg tea.Msg) tea.Cmd {
	var cmd tea.Cmd
	switch m.mode {
	case searching:
		m.searchInput, cmd = m.searchInput.Update(msg)
	case naming:
		m.pathInput, cmd = m.pathInput.Update(msg)
	}
	return cmd
}

// syncKeys enables exactly the bindings that work now, so help lists only
// those.
func (m *Model) syncKeys() {
	has := m.search.query != ""
	m.keys.NextMatch.SetEnabled(has)
	m.keys.PrevMatch.SetEnabled(has)
}

// ShortHelp is the one-line help for what the preview is doing.
func (m *Model) ShortHelp() []key.Binding {
	k := &m.keys
	switch m.mode {
	case searching:
		return []key.Binding{k.RunSearch, k.Cancel}
	case naming:
		return []key.Binding{k.RunWrite, k.Cancel}
	case confirming:
		return []key.Binding{k.Overwrite, k.Rename, k.Cancel}
	}
	return []key.Binding{k.Write, k.Search, k.Close}
}

// FullHelp is every binding that works now, in columns.
func (m *Model) FullHelp() [][]key.Binding {
	k := &m.keys
	if m.mode != reading {
		return [][]key.Binding{m.ShortHelp()}
	}
	return [][]key.Binding{
		m.keys.scrolling(),
		{k.Search, k.NextMatch, k.PrevMatch},
		{k.Write, k.Close},
	}
}

// status is the preview's message: text with an optional path in the
// middle, which is shortened from the left when the line is too narrow, so
// the file name and what happened to it stay visible.
type status struct {
	before, path, after string
	err                 bool
}

func (s status) empty() bool { return s.before == "" && s.path == "" && s.after == "" }

func (m *Model) setInfo(text string)  { m.status = status{before: text} }
func (m *Model) setError(text string) { m.status = status{before: text, err: true} }

// setPathStatus shows before+path+after.
func (m *Model) setPathStatus(before, path, after string, isErr bool) {
	m.status = status{before: before, path: path, after: after, err: isErr}
}

// Status is the status line's message, in full.
func (m *Model) Status() string { return m.status.before + m.status.path + m.status.after }

// StatusIsError reports whether the message is an error.
func (m *Model) StatusIsError() bool { return m.status.err }

// SetStatus shows the root's message in the status line; like the
// preview's own messages it stays until the next key.
func (m *Model) SetStatus(text string, isErr bool) { m.status = status{before: text, err: isErr} }

// Prompting reports whether a prompt (search, path, overwrite?) has the
// keyboard, so the root leaves keys such as ? to it.
func (m *Model) Prompting() bool { return m.mode != reading }

func plural(n int, one, many string) string {
	if n == 1 {
		return fmt.Sprintf("%d %s", n, one)
	}
	return fmt.Sprintf("%d %s", n, many)
}
