// Package component holds what every part of the reader's screen shares: the
// Common settings (styles, keys, terminal size) and the small Component
// interface that panes, panels and dialogs implement. Only the root model
// returns a tea.View; components return strings and are laid out by it.
package component

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/parallax-reader/parallax/ui/keys"
	"github.com/parallax-reader/parallax/ui/theme"
)

// Common is shared by pointer between the root model and its components, so
// a theme switch or a resize reaches all of them at once.
type Common struct {
	// Width and Height are the terminal's size.
	Width, Height int
	Styles        *theme.Styles
	Keys          *keys.KeyMap
}

// NewCommon returns settings with the given styles and the default keys.
func NewCommon(st *theme.Styles) *Common {
	return &Common{Styles: st, Keys: keys.Default()}
}

// Component is one part of the screen.
type Component interface {
	// Update handles a message meant for this component.
	Update(msg tea.Msg) tea.Cmd
	// View draws the component at exactly its size.
	View() string
	// SetSize gives the component its outer size in cells.
	SetSize(width, height int)
	// ShortHelp and FullHelp list the bindings the component handles now.
	ShortHelp() []key.Binding
	FullHelp() [][]key.Binding
}
