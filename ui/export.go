package ui

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/parallax-reader/parallax/annotations/export"
	"github.com/parallax-reader/parallax/ui/preview"
)

// The export preview (m) takes the whole screen while open: the Markdown
// note of what was tagged, rendered, with w to write it. It is the same
// note `parallax export` writes for the same articles and tags.

// exportNote is the note for the open articles, tags and analysis.
func (m *Model) exportNote() []byte {
	in := m.exportInput()
	in.Date = export.NoteDate()
	return export.Markdown(in)
}

// openExport shows the preview of the note.
func (m *Model) openExport() tea.Cmd {
	m.exp = preview.New(m.c, m.exportNote(), notesPath(m.exportInput()))
	m.exp.SetSize(m.c.Width, m.c.Height)
	m.expHelp = false
	m.sayWhatTheNoteLacks()
	return nil
}

// exportInput is what the note is made of, the date excepted.
func (m *Model) exportInput() export.Input {
	in := export.Input{Version: m.opt.Version, Articles: m.arts, Analysis: m.analysis}
	if m.tags.store != nil {
		in.Annotations = m.tags.store.Annotations()
	}
	return in
}

// sayWhatTheNoteLacks tells the reader, in the preview's status line, that
// the note has no entity table or quotations while there is no analysis.
// It is said again after every key that leaves the line empty, so it is
// never out of sight for long.
func (m *Model) sayWhatTheNoteLacks() {
	if m.exp == nil || m.analysis != nil || m.exp.Prompting() || m.exp.Status() != "" {
		return
	}
	switch {
	case m.aids.failed != "":
		m.exp.SetStatus("analysis failed: the note has no entities or quotations", true)
	case m.opt.Analyze != nil:
		m.exp.SetStatus("analysis still running: entities and quotations will be missing", false)
	default:
		m.exp.SetStatus("no analysis: the note has no entities or quotations", false)
	}
}

// updateExport gives the open preview the keyboard, the mouse, pastes and
// the terminal's size; ctrl+c still quits, and ? lists the preview's keys.
// It reports whether the message was the preview's.
func (m *Model) updateExport(msg tea.Msg) (tea.Cmd, bool) {
	if wrote, ok := msg.(preview.WroteMsg); ok {
		m.status, m.statusErr = "wrote notes to "+wrote.Path, false
		return nil, m.exp != nil
	}
	if m.exp == nil {
		return nil, false
	}
	switch msg := msg.(type) {
	case preview.ClosedMsg:
		m.exp, m.expHelp = nil, false
		return nil, true
	case AnalysisMsg:
		// The note gains its entity table and quotations when the
		// analysis arrives while the preview is open.
		cmd := m.applyAnalysis(msg)
		m.exp.SetMarkdown(m.exportNote())
		if m.analysis != nil {
			m.exp.SetStatus("analysis arrived: the note now has entities and quotations", false)
		} else {
			m.exp.SetStatus("", false)
			m.sayWhatTheNoteLacks()
		}
		return cmd, true
	case tea.WindowSizeMsg:
		m.c.Width, m.c.Height = msg.Width, msg.Height
		m.layout()
		m.exp.SetSize(msg.Width, msg.Height)
		return nil, true
	case tea.KeyPressMsg:
		return m.handleExportKey(msg), true
	case tea.MouseMsg, tea.PasteMsg:
		if m.expHelp {
			return nil, true
		}
		return m.exp.Update(msg), true
	}
	return nil, false
}

// handleExportKey routes a key while the preview is open.
func (m *Model) handleExportKey(msg tea.KeyPressMsg) tea.Cmd {
	k := m.c.Keys
	switch {
	case key.Matches(msg, k.Interrupt):
		return tea.Quit
	case m.expHelp:
		switch {
		case key.Matches(msg, k.CloseHelp):
			m.expHelp = false
		case key.Matches(msg, k.Down):
			m.helpScroll++
		case key.Matches(msg, k.Up):
			m.helpScroll = max(m.helpScroll-1, 0)
		}
		return nil
	case key.Matches(msg, k.Help) && !m.exp.Prompting():
		m.expHelp, m.helpScroll = true, 0
		return nil
	}
	cmd := m.exp.Update(msg)
	m.sayWhatTheNoteLacks()
	return cmd
}

// exportHelp is what ? lists in the preview: its keys, then closing the
// list and quitting.
func (m *Model) exportHelp() [][]key.Binding {
	k := m.c.Keys
	return append(m.exp.FullHelp(), []key.Binding{k.CloseHelp, k.Interrupt})
}

// exportHelpView draws the preview's keys over it. The compositor drops
// trailing blanks that carry no style, so rows are padded back to w.
func (m *Model) exportHelpView(w, h int) string {
	rows := strings.Split(m.overlayHelp(m.exp.View(), w, h), "\n")
	for i, r := range rows {
		rows[i] = r + strings.Repeat(" ", max(w-ansi.StringWidth(r), 0))
	}
	return strings.Join(rows, "\n")
}

// notesPath is where the note is written by default: the current folder,
// named for the note's title.
func notesPath(in export.Input) string {
	return "./" + slug(export.Title(in)) + "-notes.md"
}

// slug keeps lower-case ASCII letters and digits, joined by single hyphens;
// a long one is cut at a hyphen to at most maxSlug bytes.
func slug(s string) string {
	const maxSlug = 60
	var b strings.Builder
	hyphen := false
	for _, r := range strings.ToLower(s) {
		if r >= utf8.RuneSelf || !(unicode.IsLetter(r) || unicode.IsDigit(r)) {
			hyphen = true
			continue
		}
		if hyphen && b.Len() > 0 {
			b.WriteByte('-')
		}
		b.WriteRune(r)
		hyphen = false
	}
	out := b.String()
	if len(out) > maxSlug {
		out = out[:maxSlug]
		if i := strings.LastIndexByte(out, '-'); i > 0 {
			out = out[:i]
		}
	}
	if out == "" {
		return "parallax"
	}
	return out
}
