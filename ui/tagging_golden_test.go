package ui

import (
	"bytes"
	"path/filepath"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"
	"github.com/charmbracelet/x/exp/teatest/v2"

	"github.com/parallax-reader/parallax/annotations"
	"github.com/parallax-reader/parallax/articles"
)

// TestGoldenTagging runs the reader with an annotation store on the
// built-in sample, types the keys, and compares the final screen with
// testdata/TestGoldenTagging/NAME.golden (256 colours) and NAME/plain.golden.
// Update them with: go test ./ui -run TestGoldenTagging -update
func TestGoldenTagging(t *testing.T) {
	cases := []struct {
		name string
		w, h int
		keys []string
		wait string // shown once the last key's work is done
	}{
		// The tag form over the panes: a three-word selection, number, high.
		{"tagform-80x24", 80, 24, []string{"]", "]", "v", "w", "w", "t", "n", "h"}, ""},
		// A saved tag highlighted in both panes, the cursor on it.
		{"tagged-80x24", 80, 24, []string{"]", "]", "t", "c", "l", "tab", "a", "b", "c", "ctrl+s"}, "contradiction tag: abc"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Setenv("NO_COLOR", "")
			arts := articles.Sample()
			st, err := annotations.Open(filepath.Join(t.TempDir(), "tags.jsonld"), arts,
				annotations.Options{Now: func() time.Time { return time.Date(2026, 5, 1, 12, 0, 0, 0, time.UTC) }})
			if err != nil {
				t.Fatal(err)
			}
			defer st.Close()
			tm := teatest.NewTestModel(t,
				New(Options{Articles: arts, Theme: "dark", Mouse: true, Store: st, AnnotationFile: "tags.jsonld"}),
				teatest.WithInitialTermSize(c.w, c.h),
				teatest.WithProgramOptions(tea.WithColorProfile(colorprofile.ANSI256)))
			for _, k := range c.keys {
				if k == "ctrl+s" {
					tm.Send(ctrl('s'))
					continue
				}
				tm.Send(press(k))
			}
			if c.wait != "" {
				// Saving answers a message the form sends: wait for it.
				teatest.WaitFor(t, tm.Output(), func(b []byte) bool { return bytes.Contains(b, []byte(c.wait)) },
					teatest.WithDuration(10*time.Second))
			}
			if err := tm.Quit(); err != nil {
				t.Fatal(err)
			}
			m, ok := tm.FinalModel(t, teatest.WithFinalTimeout(10*time.Second)).(*Model)
			if !ok {
				t.Fatal("final model is not the reader")
			}
			frame := m.Render()
			checkFrame(t, frame, c.w, c.h)
			var styled bytes.Buffer
			w := &colorprofile.Writer{Forward: &styled, Profile: colorprofile.ANSI256}
			if _, err := w.WriteString(frame); err != nil {
				t.Fatal(err)
			}
			golden.RequireEqual(t, styled.Bytes())
			t.Run("plain", func(t *testing.T) { golden.RequireEqual(t, ansi.Strip(frame)) })
		})
	}
}
