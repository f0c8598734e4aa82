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

// TestGoldenExport draws the export preview inside the reader on the
// built-in sample with two saved tags and its analysis: the top of the
// note, a tag found by search, and the preview's help. It compares with
// testdata/TestGoldenExport/NAME.golden (256 colours) and NAME/plain.golden.
// Update them with: go test ./ui -run TestGoldenExport -update
func TestGoldenExport(t *testing.T) {
	cases := []struct {
		name string
		keys []string
	}{
		{"preview-80x24", []string{"m"}},
		{"search-80x24", append(append([]string{"m", "/"}, chars("27 or 28")...), "enter")},
		{"help-80x24", []string{"m", "?"}},
	}
	arts := articles.Sample()
	an := sampleAnalysis(t, arts)
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Setenv("NO_COLOR", "")
			t.Setenv("SOURCE_DATE_EPOCH", "1700000000")
			st, err := annotations.Open(filepath.Join(t.TempDir(), "tags.jsonld"), arts,
				annotations.Options{Now: tickingClock()})
			if err != nil {
				t.Fatal(err)
			}
			defer st.Close()
			addSampleTags(t, st, arts)
			tm := teatest.NewTestModel(t,
				New(Options{Articles: arts, Theme: "dark", Mouse: true, Version: "v1.2.3", Store: st, AnnotationFile: "tags.jsonld"}),
				teatest.WithInitialTermSize(80, 24),
				teatest.WithProgramOptions(tea.WithColorProfile(colorprofile.ANSI256)))
			tm.Send(AnalysisMsg{Analysis: an})
			for _, k := range c.keys {
				tm.Send(press(k))
			}
			if err := tm.Quit(); err != nil {
				t.Fatal(err)
			}
			m, ok := tm.FinalModel(t, teatest.WithFinalTimeout(10*time.Second)).(*Model)
			if !ok {
				t.Fatal("final model is not the reader")
			}
			if m.exp == nil {
				t.Fatal("the export preview is not open")
			}
			frame := m.Render()
			checkFrame(t, frame, 80, 24)
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

// chars are the key names that type s.
func chars(s string) []string {
	var keys []string
	for _, r := range s {
		if r == ' ' {
			keys = append(keys, "space")
			continue
		}
		keys = append(keys, string(r))
	}
	return keys
}
