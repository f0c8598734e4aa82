package ui

import (
	"bytes"
	"path/filepath"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/exp/teatest/v2"

	"github.com/parallax-reader/parallax/annotations"
	"github.com/parallax-reader/parallax/articles"
	"github.com/parallax-reader/parallax/model"
	"github.com/parallax-reader/parallax/ui/tagform"
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
		tags bool   // start with two saved tags
	}{
		// The tag form over the panes: a three-word selection, number, high.
		{"tagform-80x24", 80, 24, []string{"]", "]", "v", "w", "w", "t", "n", "h"}, "", false},
		// A saved tag highlighted in both panes, the cursor on it.
		{"tagged-80x24", 80, 24, []string{"]", "]", "t", "c", "l", "tab", "a", "b", "c", "ctrl+s"}, "tagged: low contradiction tag", false},
		// The annotations panel, over the whole width at 80 columns.
		{"annotations-80x24", 80, 24, []string{"a"}, "", true},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Setenv("NO_COLOR", "")
			arts := articles.Sample()
			st, err := annotations.Open(filepath.Join(t.TempDir(), "tags.jsonld"), arts,
				annotations.Options{Now: tickingClock()})
			if err != nil {
				t.Fatal(err)
			}
			defer st.Close()
			if c.tags {
				addSampleTags(t, st, arts)
			}
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
			requireGoldenScreen(t, tm, c.w, c.h)
		})
	}
}

// addSampleTags saves a number tag across two of the sample's sentences
// and an omission on the first article's third.
func addSampleTags(t *testing.T, st *annotations.Store, arts []model.Article) {
	t.Helper()
	if _, err := st.Add(model.Annotation{Kind: model.Number, Severity: model.High, Note: "27 or 28 years?",
		Targets: []model.Target{
			{Article: arts[0].ID, Span: arts[0].Sentences[1], Role: tagform.RoleClaim},
			{Article: arts[1].ID, Span: arts[1].Sentences[2], Role: tagform.RoleCounterpart},
		}}); err != nil {
		t.Fatal(err)
	}
	if _, err := st.Add(model.Annotation{Kind: model.Omission,
		Targets: []model.Target{{Article: arts[0].ID, Span: arts[0].Sentences[2], Role: tagform.RoleClaim}}}); err != nil {
		t.Fatal(err)
	}
}

// tickingClock starts at a fixed time and moves a minute on at every
// reading, so tags keep the order they were made in.
func tickingClock() func() time.Time {
	now := time.Date(2026, 5, 1, 12, 0, 0, 0, time.UTC)
	return func() time.Time { now = now.Add(time.Minute); return now }
}
