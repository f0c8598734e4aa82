package tagform

import (
	"strings"

	"charm.land/bubbles/v2/key"

	"github.com/parallax-reader/parallax/model"
)

// KeyMap is every binding of the tag form. Which ones work depends on the
// focused field; ShortHelp and FullHelp list only those.
type KeyMap struct {
	// Anywhere.
	Save, Cancel key.Binding
	// NextField and PrevField move between fields from anywhere, the note
	// included; Down, Up and Advance (enter) do so outside the note, where
	// the text area needs those keys.
	NextField, PrevField key.Binding
	Down, Up, Advance    key.Binding

	// Kind and Severity fields: a letter chooses and moves on, ←/→ step.
	Kind, Severity         key.Binding
	PrevOption, NextOption key.Binding

	// Counterpart field: the root moves the counterpart in the panes.
	PrevArticle, NextArticle   key.Binding
	PrevSentence, NextSentence key.Binding
	NoCounterpart              key.Binding

	// Note field; only for help, the text area handles it.
	Newline key.Binding
}

// DefaultKeyMap returns the form's bindings. The kind letters come from
// model.Kinds, so a new kind gets its key here without a change.
func DefaultKeyMap() KeyMap {
	var kindKeys, sevKeys []string
	for _, k := range model.Kinds {
		kindKeys = append(kindKeys, string(k.Key()))
	}
	for _, s := range model.Severities {
		sevKeys = append(sevKeys, severityKey(s))
	}
	return KeyMap{
		Save:      key.NewBinding(key.WithKeys("ctrl+s"), key.WithHelp("ctrl+s", "save")),
		Cancel:    key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "cancel")),
		NextField: key.NewBinding(key.WithKeys("tab"), key.WithHelp("tab", "next field")),
		PrevField: key.NewBinding(key.WithKeys("shift+tab"), key.WithHelp("shift+tab", "previous field")),
		Down:      key.NewBinding(key.WithKeys("down"), key.WithHelp("↓", "next field")),
		Up:        key.NewBinding(key.WithKeys("up"), key.WithHelp("↑", "previous field")),
		Advance:   key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "next field")),

		Kind:       key.NewBinding(key.WithKeys(kindKeys...), key.WithHelp(strings.Join(kindKeys, " "), "kind")),
		Severity:   key.NewBinding(key.WithKeys(sevKeys...), key.WithHelp(strings.Join(sevKeys, " "), "severity")),
		PrevOption: key.NewBinding(key.WithKeys("left"), key.WithHelp("←", "previous option")),
		NextOption: key.NewBinding(key.WithKeys("right"), key.WithHelp("→", "next option")),

		PrevArticle:   key.NewBinding(key.WithKeys("left"), key.WithHelp("←", "previous article")),
		NextArticle:   key.NewBinding(key.WithKeys("right"), key.WithHelp("→", "next article")),
		PrevSentence:  key.NewBinding(key.WithKeys("["), key.WithHelp("[", "previous sentence")),
		NextSentence:  key.NewBinding(key.WithKeys("]"), key.WithHelp("]", "next sentence")),
		NoCounterpart: key.NewBinding(key.WithKeys("x", "backspace", "delete"), key.WithHelp("x", "none")),

		Newline: key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "new line")),
	}
}

// severityKey is the letter that chooses a severity: its initial.
func severityKey(s model.Severity) string { return string(s[:1]) }

// pair joins two bindings into one help entry ("←/→ choose") for the
// one-line help, where room is short.
func pair(a, b key.Binding, desc string) key.Binding {
	keys := append(append([]string(nil), a.Keys()...), b.Keys()...)
	return key.NewBinding(key.WithKeys(keys...), key.WithHelp(a.Help().Key+"/"+b.Help().Key, desc))
}

// ShortHelp lists the bindings of the focused field, most useful first.
func (m *Model) ShortHelp() []key.Binding {
	own, common := m.shortHelp()
	return append(own, common...)
}

// shortHelp is the short help in two parts: the focused field's keys, and
// the keys that work everywhere.
func (m *Model) shortHelp() (own, common []key.Binding) {
	k := &m.keys
	switch m.field {
	case KindField:
		own = []key.Binding{k.Kind, pair(k.PrevOption, k.NextOption, "choose")}
	case SeverityField:
		own = []key.Binding{k.Severity, pair(k.PrevOption, k.NextOption, "choose")}
	case CounterpartField:
		own = []key.Binding{pair(k.PrevArticle, k.NextArticle, "article"),
			pair(k.PrevSentence, k.NextSentence, "sentence"), k.NoCounterpart}
	case NoteField:
		own = []key.Binding{k.Newline}
	}
	// "next field" is clear enough as "next" beside the field's own keys,
	// and the shorter line keeps esc in sight at 80 columns.
	next := k.NextField
	next.SetHelp(next.Help().Key, "next")
	return own, []key.Binding{next, k.Save, k.Cancel}
}

// FullHelp lists every binding that works in the focused field, in
// columns: the field's own, moving between fields, leaving.
func (m *Model) FullHelp() [][]key.Binding {
	k := &m.keys
	var own []key.Binding
	switch m.field {
	case KindField:
		own = []key.Binding{k.Kind, k.PrevOption, k.NextOption}
	case SeverityField:
		own = []key.Binding{k.Severity, k.PrevOption, k.NextOption}
	case CounterpartField:
		own = []key.Binding{k.PrevArticle, k.NextArticle, k.PrevSentence, k.NextSentence, k.NoCounterpart}
	case NoteField:
		own = []key.Binding{k.Newline}
	}
	move := []key.Binding{k.NextField, k.PrevField}
	if m.field != NoteField {
		move = append(move, k.Down, k.Up, k.Advance)
	}
	return [][]key.Binding{own, move, {k.Save, k.Cancel}}
}
