package ui

import (
	"context"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/exp/teatest/v2"

	"github.com/parallax-reader/parallax/articles"
)

// TestGoldenCompare runs the reader on the built-in sample with its
// analysis delivered before the keys, and compares the final screen with
// testdata/TestGoldenCompare/NAME.golden (256 colours) and NAME/plain.golden:
// the suggestions panel, and a diffed pair under linked scrolling.
// Update them with: go test ./ui -run TestGoldenCompare -update
func TestGoldenCompare(t *testing.T) {
	arts := articles.Sample()
	an, err := articles.Analyze(context.Background(), arts)
	if err != nil {
		t.Fatal(err)
	}
	toSentence18 := append([]string{"s"}, strings.Split(strings.Repeat("]", 17), "")...)
	cases := []struct {
		name string
		w, h int
		keys []string
	}{
		{"suggestions-80x24", 80, 24, []string{"x"}},
		{"suggestions-160x45", 160, 45, []string{"x", "j"}},
		// The cursor on the 18th sentence of article 1, whose quotation
		// article 2 words differently: removed words in 1, added in 2.
		{"diff-80x24", 80, 24, toSentence18},
		{"diff-160x45", 160, 45, toSentence18},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Setenv("NO_COLOR", "")
			tm := teatest.NewTestModel(t, New(Options{Articles: arts, Theme: "dark", Mouse: true}),
				teatest.WithInitialTermSize(c.w, c.h),
				teatest.WithProgramOptions(tea.WithColorProfile(colorprofile.ANSI256)))
			tm.Send(AnalysisMsg{Analysis: &an})
			for _, k := range c.keys {
				tm.Send(press(k))
			}
			requireGoldenScreen(t, tm, c.w, c.h)
		})
	}
}
