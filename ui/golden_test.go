package ui

import (
	"bytes"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"
	"github.com/charmbracelet/x/exp/teatest/v2"

	"github.com/parallax-reader/parallax/articles"
)

// TestGolden runs the reader as a program on the built-in sample, types the
// keys, and compares the final screen with testdata/TestGolden/NAME.golden
// (as a 256-colour terminal receives it) and NAME/plain.golden (the text
// alone). Update them with: go test ./ui -run TestGolden -update
func TestGolden(t *testing.T) {
	cases := []struct {
		name string
		w, h int
		keys []string
	}{
		{"80x24", 80, 24, nil},
		{"160x45", 160, 45, nil},
		{"search", 80, 24, []string{"/", "t", "a", "l", "k", "s", "enter", "n"}},
		{"help", 80, 24, []string{"?"}},
		{"cursor-40x10", 40, 10, []string{"]", "]", "tab", "ctrl+d"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Setenv("NO_COLOR", "")
			tm := teatest.NewTestModel(t, New(Options{Articles: articles.Sample(), Theme: "dark", Mouse: true}),
				teatest.WithInitialTermSize(c.w, c.h),
				teatest.WithProgramOptions(tea.WithColorProfile(colorprofile.ANSI256)))
			for _, k := range c.keys {
				tm.Send(press(k))
			}
			requireGoldenScreen(t, tm, c.w, c.h)
		})
	}
}

// requireGoldenScreen quits the program, checks the reader's last frame is
// exactly w×h, and compares it with the golden files: styled (colour
// profile pinned to 256 colours) and plain.
func requireGoldenScreen(t *testing.T, tm *teatest.TestModel, w, h int) {
	t.Helper()
	if err := tm.Quit(); err != nil {
		t.Fatal(err)
	}
	m, ok := tm.FinalModel(t, teatest.WithFinalTimeout(10*time.Second)).(*Model)
	if !ok {
		t.Fatal("final model is not the reader")
	}
	frame := m.Render()
	checkFrame(t, frame, w, h)
	var styled bytes.Buffer
	cw := &colorprofile.Writer{Forward: &styled, Profile: colorprofile.ANSI256}
	if _, err := cw.WriteString(frame); err != nil {
		t.Fatal(err)
	}
	golden.RequireEqual(t, styled.Bytes())
	t.Run("plain", func(t *testing.T) { golden.RequireEqual(t, ansi.Strip(frame)) })
}
