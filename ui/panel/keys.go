package panel

import (
	"strings"

	"charm.land/bubbles/v2/key"

	"github.com/parallax-reader/parallax/ui/keys"
)

// KeyMap is a panel's bindings. Moving copies the reader's scrolling keys,
// so both follow one key table; copies, because the root enables and
// disables its own for its state, not the panel's.
type KeyMap struct {
	Down, Up         key.Binding
	HalfDown, HalfUp key.Binding
	PageDown, PageUp key.Binding
	Top, Bottom      key.Binding

	Jump  key.Binding // enter
	Close key.Binding // the key that opened the panel, esc, q

	Filter      key.Binding // /
	ClearFilter key.Binding // esc while a filter narrows the list

	// While typing the filter.
	FilterDown, FilterUp       key.Binding
	AcceptFilter, CancelFilter key.Binding
}

func newKeyMap(k *keys.KeyMap) KeyMap {
	copyOf := func(b key.Binding, help string) key.Binding {
		return key.NewBinding(key.WithKeys(b.Keys()...), key.WithHelp(b.Help().Key, help))
	}
	return KeyMap{
		Down:     copyOf(k.Down, "next"),
		Up:       copyOf(k.Up, "previous"),
		HalfDown: copyOf(k.HalfDown, "half page down"),
		HalfUp:   copyOf(k.HalfUp, "half page up"),
		PageDown: key.NewBinding(key.WithKeys("pgdown"), key.WithHelp("pgdn", "page down")),
		PageUp:   key.NewBinding(key.WithKeys("pgup"), key.WithHelp("pgup", "page up")),
		Top:      copyOf(k.Top, "first"),
		Bottom:   copyOf(k.Bottom, "last"),

		Jump:  key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "go to it")),
		Close: key.NewBinding(key.WithKeys("esc", "q"), key.WithHelp("esc/q", "close panel")),

		Filter:      key.NewBinding(key.WithKeys("/"), key.WithHelp("/", "filter")),
		ClearFilter: key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "clear filter")),

		FilterDown:   key.NewBinding(key.WithKeys("down", "ctrl+n"), key.WithHelp("↓", "next")),
		FilterUp:     key.NewBinding(key.WithKeys("up", "ctrl+p"), key.WithHelp("↑", "previous")),
		AcceptFilter: key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "go to it")),
		CancelFilter: key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "clear filter")),
	}
}

// syncKeys enables the bindings that do something now. The panel closes
// with the key that opened it, q, and esc, except that while a filter
// narrows the list esc clears the filter first.
func (m *Model) syncKeys() {
	k := &m.keys
	filtered := m.filter != ""
	k.ClearFilter.SetEnabled(filtered)

	closeKeys := append([]string(nil), m.opt.Toggle.Keys()...)
	var help []string
	if h := m.opt.Toggle.Help().Key; h != "" {
		help = append(help, h)
	}
	if !filtered {
		closeKeys = append(closeKeys, "esc")
		help = append(help, "esc")
	}
	closeKeys = append(closeKeys, "q")
	help = append(help, "q")
	k.Close.SetKeys(closeKeys...)
	k.Close.SetHelp(strings.Join(help, "/"), "close panel")

	has := m.sel >= 0
	k.Jump.SetEnabled(has)
	k.AcceptFilter.SetEnabled(has)
	for _, b := range []*key.Binding{&k.Down, &k.Up, &k.HalfDown, &k.HalfUp, &k.PageDown, &k.PageUp, &k.Top, &k.Bottom} {
		b.SetEnabled(m.shown > 1)
	}
	k.FilterDown.SetEnabled(m.shown > 1)
	k.FilterUp.SetEnabled(m.shown > 1)
	k.Filter.SetEnabled(m.total > 0)
}

// ShortHelp lists the panel's most used keys, for a bottom line.
func (m *Model) ShortHelp() []key.Binding {
	k := &m.keys
	if m.filtering {
		return []key.Binding{k.AcceptFilter, k.CancelFilter}
	}
	return []key.Binding{k.Jump, k.Filter, k.Close}
}

// FullHelp lists every key that works in the panel now.
func (m *Model) FullHelp() [][]key.Binding {
	k := &m.keys
	if m.filtering {
		return [][]key.Binding{{k.FilterDown, k.FilterUp, k.AcceptFilter, k.CancelFilter}}
	}
	groups := [][]key.Binding{
		{k.Down, k.Up, k.HalfDown, k.HalfUp, k.PageDown, k.PageUp, k.Top, k.Bottom},
		{k.Jump, k.Filter, k.ClearFilter, k.Close},
	}
	if len(m.opt.Actions) > 0 {
		groups = append(groups, m.opt.Actions)
	}
	return groups
}

// Keys are the panel's bindings as they stand (disabled ones do nothing).
func (m *Model) Keys() *KeyMap { return &m.keys }
