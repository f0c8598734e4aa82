package preview

import (
	"charm.land/bubbles/v2/key"

	"github.com/parallax-reader/parallax/ui/keys"
)

// KeyMap is the preview's bindings. Scrolling and search are copies of the
// reader's bindings, so both follow one key table; they are copies because
// the root enables and disables its own (n with no search in the reader)
// for its state, not the preview's.
type KeyMap struct {
	Down, Up         key.Binding
	HalfDown, HalfUp key.Binding
	PageDown, PageUp key.Binding
	Top, Bottom      key.Binding

	Search, NextMatch, PrevMatch key.Binding

	Write key.Binding // w: open the path input
	Close key.Binding // esc, q, m

	// In a prompt: enter runs the search or writes the file; esc leaves.
	RunSearch, RunWrite key.Binding
	Cancel              key.Binding

	// Answering "overwrite?": y writes, n goes back to the path.
	Overwrite, Rename key.Binding
}

func newKeyMap(k *keys.KeyMap) KeyMap {
	enabled := func(b key.Binding) key.Binding {
		b.SetEnabled(true)
		return b
	}
	return KeyMap{
		Down: enabled(k.Down), Up: enabled(k.Up),
		HalfDown: enabled(k.HalfDown), HalfUp: enabled(k.HalfUp),
		PageDown: enabled(k.PageDown), PageUp: enabled(k.PageUp),
		Top: enabled(k.Top), Bottom: enabled(k.Bottom),

		Search:    enabled(k.Search),
		NextMatch: enabled(k.NextMatch),
		PrevMatch: enabled(k.PrevMatch),

		Write: key.NewBinding(key.WithKeys("w"), key.WithHelp("w", "write file")),
		Close: key.NewBinding(key.WithKeys("esc", "q", "m"), key.WithHelp("esc/q/m", "close")),

		RunSearch: key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "search")),
		RunWrite:  key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "write")),
		Cancel:    key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "cancel")),

		Overwrite: key.NewBinding(key.WithKeys("y", "Y"), key.WithHelp("y", "overwrite")),
		Rename:    key.NewBinding(key.WithKeys("n", "N"), key.WithHelp("n", "other name")),
	}
}

func (k *KeyMap) scrolling() []key.Binding {
	return []key.Binding{k.Down, k.Up, k.HalfDown, k.HalfUp, k.PageDown, k.PageUp, k.Top, k.Bottom}
}
