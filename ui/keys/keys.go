// Package keys holds parallax's key bindings for reading, with the help text
// the help view shows. The bindings follow the key table in the design: help
// and tests are generated from this one map, so they cannot drift apart.
package keys

import (
	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
)

// State is what the reader is doing; each state has its own working keys.
type State int

const (
	// Reading is the normal state: scrolling, focus, sentence cursor.
	Reading State = iota
	// Searching means the search prompt has the keyboard.
	Searching
	// HelpOpen means the help overlay is shown.
	HelpOpen
	// Selecting means a passage is being selected for a tag (v).
	Selecting
	// Tagging means the tag form has the keyboard.
	Tagging
	// PanelOpen means a side panel (entities, quotations) has the keyboard;
	// the panel lists its own keys, and these are the reader's keys that
	// still work beside it.
	PanelOpen
)

// KeyMap is every binding of the reader. A binding that does nothing in the
// current situation (n with no search, tab with one article) is disabled by
// the root model, so help lists only keys that work.
type KeyMap struct {
	// Scrolling the focused pane.
	Down, Up         key.Binding
	HalfDown, HalfUp key.Binding
	PageDown, PageUp key.Binding
	Top, Bottom      key.Binding

	// Focus.
	NextPane, PrevPane key.Binding
	PaneN              key.Binding // 1–9

	// Sentence cursor.
	NextSentence, PrevSentence key.Binding

	// Search.
	Search               key.Binding
	NextMatch, PrevMatch key.Binding
	ClearSearch          key.Binding // esc while matches are shown

	// Search prompt.
	RunSearch, CancelSearch key.Binding

	// Analysis: entity mentions and quotations in the focused pane, and the
	// side panels that list them. Enabled once the analysis has arrived.
	NextEntity, PrevEntity key.Binding
	NextQuote              key.Binding
	Entities, Quotes       key.Binding

	// Tagging: v selects, t tags the selection or the cursor sentence,
	// u and ctrl+r undo and redo changes to tags.
	Select, Tag, Undo, Redo key.Binding

	// Annotations panel: a opens it; in it e edits the selected tag, d
	// deletes it and f steps the kind filter.
	Annotations, EditTag, DeleteTag, KindFilter key.Binding

	// Comparison: s links the other panes to the cursor sentence, x opens
	// the suggestions panel, where y accepts a suggestion as a tag and d
	// dismisses it. Enabled once the analysis has arrived.
	Link, Suggestions                   key.Binding
	AcceptSuggestion, DismissSuggestion key.Binding

	// Export: m previews the Markdown note, where w writes it.
	Export key.Binding

	// Selection: w/b move its end a word, ]/[ a sentence; esc cancels.
	SelectWordNext, SelectWordPrev         key.Binding
	SelectSentenceNext, SelectSentencePrev key.Binding
	CancelSelection                        key.Binding

	// Help and leaving. Interrupt (ctrl+c) quits from any state, even
	// where q is typed as text.
	Help, CloseHelp key.Binding
	Quit            key.Binding
	Interrupt       key.Binding
}

// Default returns the key map of the design's key table.
func Default() *KeyMap {
	return &KeyMap{
		Down:     key.NewBinding(key.WithKeys("j", "down"), key.WithHelp("j/↓", "line down")),
		Up:       key.NewBinding(key.WithKeys("k", "up"), key.WithHelp("k/↑", "line up")),
		HalfDown: key.NewBinding(key.WithKeys("ctrl+d"), key.WithHelp("ctrl+d", "half page down")),
		HalfUp:   key.NewBinding(key.WithKeys("ctrl+u"), key.WithHelp("ctrl+u", "half page up")),
		PageDown: key.NewBinding(key.WithKeys("space", "pgdown"), key.WithHelp("space/pgdn", "page down")),
		PageUp:   key.NewBinding(key.WithKeys("b", "pgup"), key.WithHelp("b/pgup", "page up")),
		Top:      key.NewBinding(key.WithKeys("g", "home"), key.WithHelp("g/home", "top")),
		Bottom:   key.NewBinding(key.WithKeys("G", "end"), key.WithHelp("G/end", "bottom")),

		NextPane: key.NewBinding(key.WithKeys("tab"), key.WithHelp("tab", "next article")),
		PrevPane: key.NewBinding(key.WithKeys("shift+tab"), key.WithHelp("shift+tab", "previous article")),
		PaneN: key.NewBinding(key.WithKeys("1", "2", "3", "4", "5", "6", "7", "8", "9"),
			key.WithHelp("1–9", "article n")),

		NextSentence: key.NewBinding(key.WithKeys("]"), key.WithHelp("]", "next sentence")),
		PrevSentence: key.NewBinding(key.WithKeys("["), key.WithHelp("[", "previous sentence")),

		Search:      key.NewBinding(key.WithKeys("/"), key.WithHelp("/", "search")),
		NextMatch:   key.NewBinding(key.WithKeys("n"), key.WithHelp("n", "next match")),
		PrevMatch:   key.NewBinding(key.WithKeys("N"), key.WithHelp("N", "previous match")),
		ClearSearch: key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "clear search")),

		RunSearch:    key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "search")),
		CancelSearch: key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "cancel")),

		NextEntity: key.NewBinding(key.WithKeys("e"), key.WithHelp("e", "next entity")),
		PrevEntity: key.NewBinding(key.WithKeys("E"), key.WithHelp("E", "previous entity")),
		NextQuote:  key.NewBinding(key.WithKeys(`"`), key.WithHelp(`"`, "next quotation")),
		Entities:   key.NewBinding(key.WithKeys("i"), key.WithHelp("i", "entities panel")),
		Quotes:     key.NewBinding(key.WithKeys("o"), key.WithHelp("o", "quotations panel")),

		Select: key.NewBinding(key.WithKeys("v"), key.WithHelp("v", "select a passage")),
		Tag:    key.NewBinding(key.WithKeys("t"), key.WithHelp("t", "tag the sentence")),
		Undo:   key.NewBinding(key.WithKeys("u"), key.WithHelp("u", "undo")),
		Redo:   key.NewBinding(key.WithKeys("ctrl+r"), key.WithHelp("ctrl+r", "redo")),

		Annotations: key.NewBinding(key.WithKeys("a"), key.WithHelp("a", "annotations panel")),
		EditTag:     key.NewBinding(key.WithKeys("e"), key.WithHelp("e", "edit tag")),
		DeleteTag:   key.NewBinding(key.WithKeys("d"), key.WithHelp("d", "delete tag")),
		KindFilter:  key.NewBinding(key.WithKeys("f"), key.WithHelp("f", "next kind (filter)")),

		Link:              key.NewBinding(key.WithKeys("s"), key.WithHelp("s", "linked scrolling")),
		Suggestions:       key.NewBinding(key.WithKeys("x"), key.WithHelp("x", "suggestions panel")),
		Export:            key.NewBinding(key.WithKeys("m"), key.WithHelp("m", "Markdown notes")),
		AcceptSuggestion:  key.NewBinding(key.WithKeys("y"), key.WithHelp("y", "accept as a tag")),
		DismissSuggestion: key.NewBinding(key.WithKeys("d"), key.WithHelp("d", "dismiss")),

		SelectWordNext:     key.NewBinding(key.WithKeys("w"), key.WithHelp("w", "extend a word")),
		SelectWordPrev:     key.NewBinding(key.WithKeys("b"), key.WithHelp("b", "shrink a word")),
		SelectSentenceNext: key.NewBinding(key.WithKeys("]"), key.WithHelp("]", "extend a sentence")),
		SelectSentencePrev: key.NewBinding(key.WithKeys("["), key.WithHelp("[", "shrink a sentence")),
		CancelSelection:    key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "cancel selection")),

		Help:      key.NewBinding(key.WithKeys("?"), key.WithHelp("?", "help")),
		CloseHelp: key.NewBinding(key.WithKeys("?", "esc"), key.WithHelp("?/esc", "close help")),
		Quit:      key.NewBinding(key.WithKeys("q", "ctrl+c"), key.WithHelp("q", "quit")),
		Interrupt: key.NewBinding(key.WithKeys("ctrl+c"), key.WithHelp("ctrl+c", "quit")),
	}
}

// Scrolling lists the bindings that move the focused pane's view.
func (k *KeyMap) Scrolling() []key.Binding {
	return []key.Binding{k.Down, k.Up, k.HalfDown, k.HalfUp, k.PageDown, k.PageUp, k.Top, k.Bottom}
}

// Cursor lists the sentence-cursor bindings.
func (k *KeyMap) Cursor() []key.Binding {
	return []key.Binding{k.NextSentence, k.PrevSentence}
}

// Analysis lists the bindings that work once the analysis has arrived.
func (k *KeyMap) Analysis() []key.Binding {
	return []key.Binding{k.NextEntity, k.PrevEntity, k.NextQuote, k.Entities, k.Quotes}
}

// Compare lists the comparison bindings of the reading state.
func (k *KeyMap) Compare() []key.Binding { return []key.Binding{k.Link, k.Suggestions} }

// SuggestionActions lists what the suggestions panel does with its
// selected row beyond the panel's own keys.
func (k *KeyMap) SuggestionActions() []key.Binding {
	return []key.Binding{k.AcceptSuggestion, k.DismissSuggestion}
}

// ShortHelp is the one-line help for the state.
func (k *KeyMap) ShortHelp(s State) []key.Binding {
	switch s {
	case Searching:
		return []key.Binding{k.RunSearch, k.CancelSearch}
	case HelpOpen:
		return []key.Binding{k.CloseHelp, k.Quit}
	case Selecting:
		return []key.Binding{k.SelectWordNext, k.SelectWordPrev, k.SelectSentenceNext, k.tagSelection(), k.CancelSelection}
	case PanelOpen:
		return []key.Binding{k.NextPane, k.Help}
	}
	return []key.Binding{k.Down, k.NextPane, k.NextSentence, k.Search, k.Help, k.Quit}
}

// FullHelp is every binding that works in the state, in columns.
func (k *KeyMap) FullHelp(s State) [][]key.Binding {
	switch s {
	case Searching:
		return [][]key.Binding{{k.RunSearch, k.CancelSearch, k.Interrupt}}
	case HelpOpen:
		return [][]key.Binding{{k.CloseHelp, k.Down, k.Up, k.Quit}}
	case Selecting:
		return [][]key.Binding{
			{k.SelectWordNext, k.SelectWordPrev, k.SelectSentenceNext, k.SelectSentencePrev},
			{k.tagSelection(), k.CancelSelection, k.Help, k.Quit},
			k.SelectScrolling(),
		}
	case Tagging:
		// The tag form lists its own keys; only ctrl+c reaches the reader.
		return [][]key.Binding{{k.Interrupt}}
	case PanelOpen:
		// The panel lists its own keys; q closes it rather than quitting.
		return [][]key.Binding{{k.NextPane, k.PrevPane, k.PaneN, k.Link, k.Help, k.Interrupt}}
	}
	return [][]key.Binding{
		k.Scrolling(),
		{k.NextPane, k.PrevPane, k.PaneN, k.NextSentence, k.PrevSentence},
		{k.Search, k.NextMatch, k.PrevMatch, k.ClearSearch, k.Help, k.Quit},
		{k.Select, k.Tag, k.Undo, k.Redo, k.Annotations, k.Export},
		k.Analysis(),
		k.Compare(),
	}
}

// SelectScrolling lists the scrolling keys that work while selecting: all
// but b, which moves the selection there.
func (k *KeyMap) SelectScrolling() []key.Binding {
	pgup := key.NewBinding(key.WithKeys("pgup"), key.WithHelp("pgup", "page up"))
	return []key.Binding{k.Down, k.Up, k.HalfDown, k.HalfUp, k.PageDown, pgup, k.Top, k.Bottom}
}

// AnnotationActions lists what the annotations panel does with the
// selected tag, and undo and redo, which work there too.
func (k *KeyMap) AnnotationActions() []key.Binding {
	return []key.Binding{k.EditTag, k.DeleteTag, k.KindFilter, k.Undo, k.Redo}
}

// tagSelection is t as help shows it while selecting.
func (k *KeyMap) tagSelection() key.Binding {
	tag := k.Tag
	tag.SetHelp(tag.Help().Key, "tag the selection")
	return tag
}

// For adapts the map to the bubbles help view for one state.
func (k *KeyMap) For(s State) help.KeyMap { return stateHelp{k, s} }

type stateHelp struct {
	k *KeyMap
	s State
}

func (h stateHelp) ShortHelp() []key.Binding  { return h.k.ShortHelp(h.s) }
func (h stateHelp) FullHelp() [][]key.Binding { return h.k.FullHelp(h.s) }
