package keys

import (
	"slices"
	"testing"

	"charm.land/bubbles/v2/key"
)

// s and x follow the design's table and reading help lists them; y and d
// belong to the suggestions panel, not to reading.
func TestCompareKeys(t *testing.T) {
	k := Default()
	for _, c := range []struct {
		b    key.Binding
		keys []string
	}{
		{k.Link, []string{"s"}}, {k.Suggestions, []string{"x"}},
		{k.AcceptSuggestion, []string{"y"}}, {k.DismissSuggestion, []string{"d"}},
	} {
		if !slices.Equal(c.b.Keys(), c.keys) {
			t.Errorf("%s: keys %v, want %v", c.b.Help().Desc, c.b.Keys(), c.keys)
		}
		if h := c.b.Help(); h.Key == "" || h.Desc == "" {
			t.Errorf("%v: no help text", c.keys)
		}
	}
	for _, b := range k.Compare() {
		if !has(k.FullHelp(Reading), b) {
			t.Errorf("reading help lacks %q", b.Help().Key)
		}
	}
	if !has(k.FullHelp(PanelOpen), k.Link) {
		t.Error("s works beside a side panel; its help lacks it")
	}
	for _, b := range k.SuggestionActions() {
		if has(k.FullHelp(Reading), b) {
			t.Errorf("reading help lists the panel key %q", b.Help().Key)
		}
	}
}
