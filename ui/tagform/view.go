package tagform

import (
	"strings"

	"charm.land/bubbles/v2/textarea"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/parallax-reader/parallax/model"
	"github.com/parallax-reader/parallax/ui/theme"
)

const (
	// MaxWidth is the widest the box is drawn, borders included.
	MaxWidth = 76
	// noteRows is the height of the note when there is room for it.
	noteRows = 5
	// columnsFrom is the inner width from which labels sit in a column
	// left of their fields; narrower, each label is a line of its own.
	columnsFrom = 48
	// labelCols is the label column: the focus mark and "Counterpart".
	labelCols = 2 + len("Counterpart") + 1
	// minInner and minHeight are the least room the form draws in.
	minInner, minHeight = 16, 5
)

// kindHints say what each kind is for, under the kind row.
var kindHints = map[model.DiscrepancyKind]string{
	model.Contradiction: "the articles state incompatible facts",
	model.Number:        "counts, dates, durations",
	model.Role:          "title, office, nationality or affiliation of one entity",
	model.QuoteWording:  "the same quotation worded differently",
	model.Attribution:   "a statement credited to different sources",
	model.Omission:      "present in one article only",
	model.Framing:       "the same fact with different emphasis or tone",
	model.Other:         "any other disagreement",
}

const omissionWithCounterpart = "an omission: said in the claim, missing here"

// styles are the form's looks, taken from the theme so they follow its
// colours (or lack of them); every mark that matters is also a character
// or an attribute.
type styles struct {
	border         lipgloss.Style
	title          lipgloss.Style
	label, focused lipgloss.Style
	key            lipgloss.Style // an option's key letter
	chosen         lipgloss.Style // the bracketed chosen option
	hint, source   lipgloss.Style
	errText, warn  lipgloss.Style
}

func newStyles(st *theme.Styles) styles {
	accent := st.HelpTitle.GetForeground()
	return styles{
		border:  lipgloss.NewStyle().Foreground(st.HelpBox.GetBorderTopForeground()),
		title:   st.FocusedTitle,
		label:   st.Meta,
		focused: st.HelpTitle,
		key:     lipgloss.NewStyle().Foreground(accent),
		chosen:  st.HelpTitle,
		hint:    st.Meta,
		source:  st.Meta,
		errText: st.StatusError,
		warn:    st.Warning.Bold(true),
	}
}

// noteStyles dress the text area in the theme: no backgrounds (the box is
// drawn over the panes), the prompt bar marking focus, a cursor that does
// not blink (blinking redraws for nothing and makes frames differ).
func noteStyles(st *theme.Styles) textarea.Styles {
	plain := lipgloss.NewStyle()
	focused := textarea.StyleState{
		Base: plain, Text: plain, CursorLine: plain, EndOfBuffer: plain,
		LineNumber: st.Meta, CursorLineNumber: st.Meta,
		Placeholder: st.Meta,
		Prompt:      st.FocusedBorderStyle,
		Selection:   plain.Reverse(true),
	}
	blurred := focused
	blurred.Prompt = st.BorderStyle
	s := textarea.DefaultStyles(st.Dark)
	s.Focused, s.Blurred = focused, blurred
	s.Cursor.Blink = false
	s.Cursor.Color = st.HelpTitle.GetForeground()
	return s
}

// applyStyles hands the current theme to the note and help; the root may
// switch themes while the form is open.
func (m *Model) applyStyles() {
	st := m.c.Styles
	if st == m.styledBy {
		return
	}
	m.styledBy = st
	m.st = newStyles(st)
	m.note.SetStyles(noteStyles(st))
	m.help.Styles = st.Help
}

// layout is how the body is arranged for the room there is.
type layout struct {
	columns        bool // labels in a column left of the fields
	labelW, valueW int
	passageRows    int  // rows per passage
	gaps           bool // blank rows after the claim and before the help
	kindHint       bool // the chosen kind's description under the row
	noteH          int
}

// section is one block of the body: a field (or the claim) with its label.
type section struct {
	field Field // -1 for the claim, which cannot be focused
	label string
	rows  []string
}

const claimSection Field = -1

// View draws the form: a box at most MaxWidth wide and no taller than the
// size given, nor than it needs. The root centres it over the panes (see
// Offset).
func (m *Model) View() string {
	m.applyStyles()
	w, h := m.boxSize()
	if w == 0 {
		v := m.tooSmall()
		m.drawnW, m.drawnH = ansi.StringWidth(v), min(m.height, 1)
		return v
	}
	inner := w - 4
	// The footer leaves the body at least one row.
	footer := m.footer(inner, h-3)
	avail := h - 2 - len(footer)
	lay := m.pickLayout(inner, avail)
	if lay.gaps {
		footer = append([]string{""}, footer...)
		avail--
	}
	secs := m.sections(lay)
	body, from, to := m.arrange(secs, lay)
	above, below := false, false
	if len(body) > avail {
		m.scroll = min(max(m.scroll, to-avail), from)
		m.scroll = min(max(m.scroll, 0), len(body)-avail)
		above, below = m.scroll > 0, m.scroll+avail < len(body)
		body = body[m.scroll : m.scroll+avail]
	} else {
		m.scroll = 0
	}
	rows := append(body, footer...)
	m.drawnW, m.drawnH = w, len(rows)+2
	return m.frame(w, rows, above, below)
}

// Offset is where the box last drawn goes, relative to the top left of
// the room SetSize gave, to sit in its middle.
func (m *Model) Offset() (x, y int) {
	if m.drawnW == 0 {
		m.View()
	}
	return max((m.width-m.drawnW)/2, 0), max((m.height-m.drawnH)/2, 0)
}

// boxSize is the box's width and the most rows it may take; 0, 0 when the
// room is too small to draw the form.
func (m *Model) boxSize() (w, h int) {
	w = min(m.width, MaxWidth)
	if w-4 < minInner || m.height < minHeight {
		return 0, 0
	}
	return w, m.height
}

func (m *Model) tooSmall() string {
	if m.width <= 0 || m.height <= 0 {
		return ""
	}
	return m.st.warn.Render(ansi.Truncate("too small to tag: enlarge the terminal", m.width, "…"))
}

// pickLayout picks the most comfortable arrangement that fits avail rows with
// a note of at least three rows, giving up comforts in turn.
func (m *Model) pickLayout(inner, avail int) layout {
	lay := layout{columns: inner >= columnsFrom, labelW: 2}
	if lay.columns {
		lay.labelW = labelCols
	}
	lay.valueW = inner - lay.labelW
	noteLabel := 0
	if !lay.columns {
		noteLabel = 1
	}
	comforts := []struct {
		rows       int
		gaps, hint bool
	}{{2, true, true}, {2, false, true}, {1, false, true}, {1, false, false}}
	for _, c := range comforts {
		lay.passageRows, lay.gaps, lay.kindHint = c.rows, c.gaps, c.hint
		other := m.otherRows(lay)
		if c.gaps {
			other += 2
		}
		if room := avail - other - noteLabel; room >= 3 {
			lay.noteH = min(room, noteRows)
			return lay
		}
	}
	// Nothing fits whole: the body scrolls, the note takes what is left
	// beside its label, up to three rows.
	lay.noteH = min(max(avail-noteLabel, 1), 3)
	return lay
}

// otherRows counts the body rows above the note.
func (m *Model) otherRows(lay layout) int {
	n := 0
	for _, s := range m.sections(layout{columns: lay.columns, labelW: lay.labelW, valueW: lay.valueW,
		passageRows: lay.passageRows, kindHint: lay.kindHint}) {
		if s.field == NoteField {
			break
		}
		n += len(s.rows)
		if !lay.columns {
			n++
		}
	}
	return n
}

// sections draws each part of the body at the layout's value width; the
// note only when the layout gives it a height.
func (m *Model) sections(lay layout) []section {
	st, vw := m.st, lay.valueW
	secs := []section{{field: claimSection, label: "Claim", rows: m.claimShown.lines(st, vw, lay.passageRows)}}

	kind := m.kindRow(vw)
	if lay.kindHint {
		hint := "press a letter to choose"
		if m.kind.Valid() {
			hint = kindHints[m.kind]
		}
		kind = append(kind, st.hint.Render(ansi.Truncate(hint, vw, "…")))
	}
	secs = append(secs, section{field: KindField, label: "Kind", rows: kind})

	var sev []string
	for _, s := range model.Severities {
		sev = append(sev, m.option(severityKey(s), string(s), s == m.severity, false))
	}
	secs = append(secs, section{field: SeverityField, label: "Severity", rows: flow(sev, vw)})

	var cp []string
	if m.counterpart == nil {
		cp = []string{st.hint.Render("none — an omission")}
	} else {
		cp = m.counterShown.lines(st, vw, lay.passageRows)
		if m.kind == model.Omission {
			// Allowed on purpose: the claim is said here, missing there.
			for _, r := range wrapRows(omissionWithCounterpart, vw, 2) {
				cp = append(cp, st.hint.Render(r))
			}
		}
	}
	secs = append(secs, section{field: CounterpartField, label: "Counterpart", rows: cp})

	if lay.noteH > 0 {
		m.note.SetWidth(vw)
		m.note.SetHeight(lay.noteH)
		rows := strings.Split(m.note.View(), "\n")
		rows = append(rows, make([]string, max(lay.noteH-len(rows), 0))...)
		secs = append(secs, section{field: NoteField, label: "Note", rows: rows[:lay.noteH]})
	}
	return secs
}

// kindRow lists the kinds with their letters, the chosen one bracketed;
// when the names take more than two rows, only the chosen one is named.
func (m *Model) kindRow(width int) []string {
	items := func(short bool) []string {
		var out []string
		for _, k := range model.Kinds {
			out = append(out, m.option(string(k.Key()), string(k), k == m.kind, short))
		}
		return out
	}
	if rows := flow(items(false), width); len(rows) <= 2 {
		return rows
	}
	return flow(items(true), width)
}

// option draws "k name", or "k [name]" when chosen; short leaves the
// name out unless it is chosen.
func (m *Model) option(letter, name string, chosen, short bool) string {
	k := m.st.key.Render(letter)
	switch {
	case chosen:
		return k + " " + m.st.chosen.Render("["+name+"]")
	case short:
		return k
	}
	return k + " " + name
}

// flow lays items out in rows of width columns, two spaces apart.
func flow(items []string, width int) []string {
	var rows []string
	var row strings.Builder
	used := 0
	for _, it := range items {
		w := ansi.StringWidth(it)
		if used > 0 && used+2+w > width {
			rows = append(rows, row.String())
			row.Reset()
			used = 0
		}
		if used > 0 {
			row.WriteString("  ")
			used += 2
		}
		row.WriteString(it)
		used += w
	}
	return append(rows, row.String())
}

// arrange puts labels beside (or above) their rows and returns the body
// with the focused field's rows [from, to).
func (m *Model) arrange(secs []section, lay layout) (body []string, from, to int) {
	for i, s := range secs {
		if lay.gaps && i == 1 {
			body = append(body, "")
		}
		start := len(body)
		label := m.label(s)
		pad := strings.Repeat(" ", lay.labelW)
		if lay.columns {
			for j, r := range s.rows {
				lead := pad
				if j == 0 {
					lead = fit(label, lay.labelW)
				}
				body = append(body, lead+r)
			}
		} else {
			body = append(body, label)
			for _, r := range s.rows {
				body = append(body, pad+r)
			}
		}
		if s.field == m.field {
			from, to = start, len(body)
		}
	}
	return body, from, to
}

// label is the section's name, marked with › and bold when focused, so
// focus shows without colour.
func (m *Model) label(s section) string {
	if s.field == m.field {
		return m.st.focused.Render("› " + s.label)
	}
	return "  " + m.st.label.Render(s.label)
}

// footer is the error or warning, if any, and the help line, in at most
// maxRows rows; short of room, the message takes one row and the help
// keeps the keys that work everywhere.
func (m *Model) footer(inner, maxRows int) []string {
	msg, style := "", m.st.errText
	switch {
	case m.errText != "":
		msg = m.errText
	case m.confirm:
		msg, style = "esc again discards the typed note; ctrl+s saves it", m.st.warn
	}
	// One help line when it fits; else the field's keys and the keys that
	// work everywhere on a line each, so ctrl+s and esc never fall off.
	own, common := m.shortHelp()
	m.help.SetWidth(0)
	help := []string{m.help.ShortHelpView(append(own, common...))}
	if ansi.StringWidth(help[0]) > inner {
		m.help.SetWidth(inner)
		help = []string{m.help.ShortHelpView(own), m.help.ShortHelpView(common)}
	}
	var msgRows []string
	if msg != "" {
		msgRows = wrapRows(msg, inner, 2)
		if len(msgRows)+len(help) > maxRows {
			msgRows = wrapRows(msg, inner, 1)
		}
	}
	if len(msgRows)+len(help) > maxRows {
		help = help[len(help)-1:]
	}
	var out []string
	for _, r := range msgRows {
		out = append(out, style.Render(r))
	}
	return append(out, help...)
}

// wrapRows wraps s to width, keeping at most n rows.
func wrapRows(s string, width, n int) []string {
	rows := strings.Split(ansi.Wrap(s, width, ""), "\n")
	if len(rows) > n {
		rows = rows[:n]
		rows[n-1] = ansi.Truncate(rows[n-1], width-1, "") + "…"
	}
	return rows
}

// frame draws the border round rows, the title in the top edge and arrows
// in the edges when rows are scrolled out of sight. It is drawn here, not
// by lipgloss, to put the title and arrows in the border.
func (m *Model) frame(w int, rows []string, above, below bool) string {
	b := m.c.Styles.HelpBox.GetBorderStyle()
	bs := m.st.border
	title := "Tag a discrepancy"
	if m.existing != nil {
		title = "Edit discrepancy"
	}
	// edge draws a top or bottom border: corners, an optional title and
	// an optional arrow near the right corner.
	edge := func(left, line, right, label, arrow string) string {
		mark := ""
		if arrow != "" {
			mark = " " + arrow + " " + line
		}
		room := w - 2 - ansi.StringWidth(mark)
		head := ""
		if label != "" && room >= 6 {
			label = ansi.Truncate(label, room-4, "…")
			head = bs.Render(line) + " " + m.st.title.Render(label) + " "
		}
		fill := max(room-ansi.StringWidth(head), 0)
		return bs.Render(left) + head + bs.Render(strings.Repeat(line, fill)+mark+right)
	}
	up, down := "", ""
	if above {
		up = "↑"
	}
	if below {
		down = "↓"
	}
	var out strings.Builder
	out.WriteString(edge(b.TopLeft, b.Top, b.TopRight, title, up))
	for _, r := range rows {
		out.WriteString("\n" + bs.Render(b.Left) + " " + fit(r, w-4) + " " + bs.Render(b.Right))
	}
	out.WriteString("\n" + edge(b.BottomLeft, b.Bottom, b.BottomRight, "", down))
	return out.String()
}

// fit cuts or pads s to exactly w columns.
func fit(s string, w int) string {
	s = ansi.Truncate(s, w, "")
	return s + strings.Repeat(" ", max(w-ansi.StringWidth(s), 0))
}
