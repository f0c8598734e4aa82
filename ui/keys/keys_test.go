package keys

import (
	"slices"
	"testing"

	"charm.land/bubbles/v2/key"
)

// The design's key table for reading, binding by binding.
func TestDefaultFollowsDesignTable(t *testing.T) {
	k := Default()
	cases := []struct {
		name string
		b    key.Binding
		keys []string
	}{
		{"down", k.Down, []string{"j", "down"}},
		{"up", k.Up, []string{"k", "up"}},
		{"half down", k.HalfDown, []string{"ctrl+d"}},
		{"half up", k.HalfUp, []string{"ctrl+u"}},
		{"page down", k.PageDown, []string{"space", "pgdown"}},
		{"page up", k.PageUp, []string{"b", "pgup"}},
		{"top", k.Top, []string{"g", "home"}},
		{"bottom", k.Bottom, []string{"G", "end"}},
		{"next pane", k.NextPane, []string{"tab"}},
		{"prev pane", k.PrevPane, []string{"shift+tab"}},
		{"pane n", k.PaneN, []string{"1", "2", "3", "4", "5", "6", "7", "8", "9"}},
		{"next sentence", k.NextSentence, []string{"]"}},
		{"prev sentence", k.PrevSentence, []string{"["}},
		{"search", k.Search, []string{"/"}},
		{"next match", k.NextMatch, []string{"n"}},
		{"prev match", k.PrevMatch, []string{"N"}},
		{"clear search", k.ClearSearch, []string{"esc"}},
		{"help", k.Help, []string{"?"}},
		{"close help", k.CloseHelp, []string{"?", "esc"}},
		{"quit", k.Quit, []string{"q", "ctrl+c"}},
		{"interrupt", k.Interrupt, []string{"ctrl+c"}},
		{"run search", k.RunSearch, []string{"enter"}},
		{"cancel search", k.CancelSearch, []string{"esc"}},
		{"next entity", k.NextEntity, []string{"e"}},
		{"prev entity", k.PrevEntity, []string{"E"}},
		{"next quote", k.NextQuote, []string{`"`}},
		{"entities panel", k.Entities, []string{"i"}},
		{"quotes panel", k.Quotes, []string{"o"}},
	}
	for _, c := range cases {
		if !slices.Equal(c.b.Keys(), c.keys) {
			t.Errorf("%s: keys %v, want %v", c.name, c.b.Keys(), c.keys)
		}
		if h := c.b.Help(); h.Key == "" || h.Desc == "" {
			t.Errorf("%s: no help text", c.name)
		}
	}
}

func has(groups [][]key.Binding, b key.Binding) bool {
	for _, g := range groups {
		for _, x := range g {
			if slices.Equal(x.Keys(), b.Keys()) && x.Help() == b.Help() {
				return true
			}
		}
	}
	return false
}

// Full help of a state lists every key that works in it and none that
// belongs to another state.
func TestFullHelpPerState(t *testing.T) {
	k := Default()
	reading := append(k.Scrolling(), k.NextPane, k.PrevPane, k.PaneN, k.NextSentence, k.PrevSentence,
		k.Search, k.NextMatch, k.PrevMatch, k.ClearSearch, k.Help, k.Quit,
		k.NextEntity, k.PrevEntity, k.NextQuote, k.Entities, k.Quotes)
	for _, b := range reading {
		if !has(k.FullHelp(Reading), b) {
			t.Errorf("reading help lacks %q", b.Help().Key)
		}
	}
	if has(k.FullHelp(Reading), k.RunSearch) || has(k.FullHelp(Reading), k.CloseHelp) {
		t.Error("reading help lists keys of other states")
	}
	for _, b := range []key.Binding{k.RunSearch, k.CancelSearch, k.Interrupt} {
		if !has(k.FullHelp(Searching), b) {
			t.Errorf("search help lacks %q", b.Help().Key)
		}
	}
	if has(k.FullHelp(Searching), k.Quit) {
		t.Error("q types into the search prompt; it must not be listed there")
	}
	for _, b := range []key.Binding{k.CloseHelp, k.Quit} {
		if !has(k.FullHelp(HelpOpen), b) {
			t.Errorf("help-open help lacks %q", b.Help().Key)
		}
	}
	// Beside a panel, q closes the panel: the reader must not list it as quit.
	if has(k.FullHelp(PanelOpen), k.Quit) || !has(k.FullHelp(PanelOpen), k.Interrupt) {
		t.Error("panel help must list ctrl+c, not q, as quit")
	}
	// Short help is a subset of full help in every state.
	for _, s := range []State{Reading, Searching, HelpOpen, PanelOpen} {
		for _, b := range k.ShortHelp(s) {
			if !has(k.FullHelp(s), b) {
				t.Errorf("state %d: short help %q not in full help", s, b.Help().Key)
			}
		}
		adapted := k.For(s)
		if len(adapted.ShortHelp()) != len(k.ShortHelp(s)) || len(adapted.FullHelp()) != len(k.FullHelp(s)) {
			t.Errorf("state %d: help adapter differs", s)
		}
	}
}

// The tagging keys follow the design's table, and each tagging state lists
// its own keys: b is word-back while selecting, not page-up.
func TestTaggingKeys(t *testing.T) {
	k := Default()
	for _, c := range []struct {
		b    key.Binding
		keys []string
	}{
		{k.Select, []string{"v"}}, {k.Tag, []string{"t"}},
		{k.Undo, []string{"u"}}, {k.Redo, []string{"ctrl+r"}},
		{k.SelectWordNext, []string{"w"}}, {k.SelectWordPrev, []string{"b"}},
		{k.SelectSentenceNext, []string{"]"}}, {k.SelectSentencePrev, []string{"["}},
		{k.CancelSelection, []string{"esc"}},
		{k.Annotations, []string{"a"}}, {k.EditTag, []string{"e"}},
		{k.DeleteTag, []string{"d"}}, {k.KindFilter, []string{"f"}},
	} {
		if !slices.Equal(c.b.Keys(), c.keys) {
			t.Errorf("%s: keys %v, want %v", c.b.Help().Desc, c.b.Keys(), c.keys)
		}
	}
	for _, b := range []key.Binding{k.Select, k.Tag, k.Undo, k.Redo, k.Annotations} {
		if !has(k.FullHelp(Reading), b) {
			t.Errorf("reading help lacks %q", b.Help().Key)
		}
	}
	sel := k.FullHelp(Selecting)
	for _, b := range []key.Binding{k.SelectWordNext, k.SelectWordPrev, k.SelectSentenceNext, k.SelectSentencePrev, k.CancelSelection} {
		if !has(sel, b) {
			t.Errorf("selecting help lacks %q", b.Help().Key)
		}
	}
	if has(sel, k.PageUp) || has(sel, k.Select) {
		t.Error("selecting help lists b as page up, or v")
	}
	for _, b := range k.ShortHelp(Selecting) {
		if !has(sel, b) {
			t.Errorf("selecting short help %q not in full help", b.Help().Key)
		}
	}
	if has(k.FullHelp(Tagging), k.Quit) {
		t.Error("q types into the tag form's note; it must not be listed there")
	}
}
