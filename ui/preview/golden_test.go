package preview

import (
	"testing"

	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"

	"github.com/parallax-reader/parallax/ui/theme"
)

// TestGolden draws the fixed note at 80×24 and compares the view with
// testdata/TestGolden/NAME.golden (as a 256-colour terminal receives it)
// and NAME/plain.golden (the text alone). Update them with:
// go test ./ui/preview -run TestGolden -update
func TestGolden(t *testing.T) {
	cases := []struct {
		name  string
		st    *theme.Styles
		keys  []string
		query string
	}{
		{"80x24", theme.Dark(), nil, ""},
		{"light-80x24", theme.Light(), []string{"ctrl+d"}, ""},
		{"mono-search-80x24", theme.Mono(), nil, "bridge"},
		{"write-prompt-80x24", theme.Dark(), []string{"w"}, ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			m := newPreview(t, c.st, fixedNote(t), "notes/harbour-bridge.md", 80, 24)
			if c.query != "" {
				searchFor(m, c.query)
				typeKeys(m, "n")
			}
			typeKeys(m, c.keys...)
			view := m.View()
			checkFrame(t, view, 80, 24)
			golden.RequireEqual(t, styledView(t, m, colorprofile.ANSI256))
			t.Run("plain", func(t *testing.T) { golden.RequireEqual(t, ansi.Strip(view)) })
		})
	}
}
