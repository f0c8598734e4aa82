package ui

import (
	"strings"
	"unicode"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/parallax-reader/parallax/annotations/export"
	"github.com/parallax-reader/parallax/model"
	"github.com/parallax-reader/parallax/ui/preview"
)

// The export preview (m) takes the whole screen while open: the Markdown
// note of what was tagged, rendered, with w to write it. It is the same
// note `parallax export` writes for the same articles and tags.

// exportNote is the note for the open articles, tags and analysis.
func (m *Model) exportNote() []byte {
	var tags []model.Annotation
	if m.tags.store != nil {
		tags = m.tags.store.Annotations()
	}
	return export.Markdown(export.Input{
		Date:        export.NoteDate(),
		Version:     m.opt.Version,
		Articles:    m.arts,
		Analysis:    m.analysis,
		Annotations: tags,
	})
}

// openExport shows the preview of the note.
func (m *Model) openExport() tea.Cmd {
	m.exp = preview.New(m.c, m.exportNote(), notesPath(m.arts))
	m.exp.SetSize(m.c.Width, m.c.Height)
	if m.analysis == nil {
		m.status, m.statusErr = "analysis still running: the note lacks entities and quotations", true
	}
	return nil
}

// updateExport gives the open preview the keyboard, the mouse wheel,
// pastes and the terminal's size; ctrl+c still quits. It reports whether
// the message was the preview's.
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
		m.exp = nil
		return nil, true
	case AnalysisMsg:
		// The note gains its entity table and quotations when the
		// analysis arrives while the preview is open.
		cmd := m.applyAnalysis(msg)
		m.exp.SetMarkdown(m.exportNote())
		if m.analysis != nil {
			m.status, m.statusErr = "analysis arrived: the note now has entities and quotations", false
		}
		return cmd, true
	case tea.WindowSizeMsg:
		m.c.Width, m.c.Height = msg.Width, msg.Height
		m.layout()
		m.exp.SetSize(msg.Width, msg.Height)
		return nil, true
	case tea.KeyPressMsg:
		if key.Matches(msg, m.c.Keys.Interrupt) {
			return tea.Quit, true
		}
		return m.exp.Update(msg), true
	case tea.MouseWheelMsg, tea.PasteMsg, tea.MouseClickMsg:
		return m.exp.Update(msg), true
	}
	return nil, false
}

// notesPath is where the note is written by default: the current folder,
// named for the first article.
func notesPath(arts []model.Article) string {
	title := "parallax"
	if len(arts) > 0 {
		title = arts[0].Title
	}
	return "./" + slug(title) + "-notes.md"
}

// slug keeps lower-case ASCII letters and digits, joined by single hyphens,
// at most 60 bytes.
func slug(s string) string {
	var b strings.Builder
	hyphen := false
	for _, r := range strings.ToLower(s) {
		if r < unicode.MaxASCII && (unicode.IsLetter(r) || unicode.IsDigit(r)) {
			if hyphen && b.Len() > 0 {
				b.WriteByte('-')
			}
			b.WriteRune(r)
			hyphen = false
			if b.Len() >= 60 {
				break
			}
			continue
		}
		hyphen = true
	}
	if b.Len() == 0 {
		return "parallax"
	}
	return b.String()
}
