package component

import tea "charm.land/bubbletea/v2"

// StatusMsg asks the root model to show a short message in the status bar.
type StatusMsg struct {
	Text  string
	Error bool
}

// Status is a command that shows text in the status bar.
func Status(text string) tea.Cmd {
	return func() tea.Msg { return StatusMsg{Text: text} }
}

// Error is a command that shows text in the status bar as an error.
func Error(text string) tea.Cmd {
	return func() tea.Msg { return StatusMsg{Text: text, Error: true} }
}
