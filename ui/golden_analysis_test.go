package ui

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/exp/teatest/v2"

	"github.com/parallax-reader/parallax/articles"
	"github.com/parallax-reader/parallax/model"
)

var updateAnalysis = flag.Bool("update-analysis", false, "rewrite testdata/sample-analysis.json from the current analysis")

// sampleAnalysisFile holds the analysis of the built-in sample the golden
// screens are drawn with. It is a snapshot, so a change to the entity or
// quotation rules does not change the reader's goldens; refresh it with
// go test ./ui -run TestSampleAnalysis -update-analysis, then -update.
const sampleAnalysisFile = "testdata/sample-analysis.json"

type analysisSnapshot struct {
	// Texts are the SHA-256 of each sample article the analysis was made
	// from: offsets mean nothing for another text.
	Texts    []string        `json:"texts"`
	Analysis *model.Analysis `json:"analysis"`
}

// sampleAnalysis loads the snapshot, failing when the sample's text has
// changed since it was taken.
func sampleAnalysis(t testing.TB, arts []model.Article) *model.Analysis {
	t.Helper()
	raw, err := os.ReadFile(sampleAnalysisFile)
	if err != nil {
		t.Fatal(err)
	}
	var snap analysisSnapshot
	if err := json.Unmarshal(raw, &snap); err != nil {
		t.Fatal(err)
	}
	if len(snap.Texts) != len(arts) {
		t.Fatalf("%s is for %d articles, the sample has %d: refresh it with -update-analysis", sampleAnalysisFile, len(snap.Texts), len(arts))
	}
	for i, a := range arts {
		if snap.Texts[i] != a.SHA256 {
			t.Fatalf("%s was taken from another text of %s: refresh it with -update-analysis", sampleAnalysisFile, a.ID)
		}
	}
	return snap.Analysis
}

func TestSampleAnalysis(t *testing.T) {
	arts := articles.Sample()
	if *updateAnalysis {
		an, err := articles.Analyze(context.Background(), arts)
		if err != nil {
			t.Fatal(err)
		}
		snap := analysisSnapshot{Analysis: &an}
		for _, a := range arts {
			snap.Texts = append(snap.Texts, a.SHA256)
		}
		raw, err := json.MarshalIndent(snap, "", " ")
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.FromSlash(sampleAnalysisFile), append(raw, '\n'), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	an := sampleAnalysis(t, arts)
	if len(an.Articles) != len(arts) || len(an.Clusters) == 0 {
		t.Fatalf("snapshot holds %d article analyses and %d clusters", len(an.Articles), len(an.Clusters))
	}
}

// TestGoldenAnalysis draws the sample with its analysis delivered at once:
// highlights at 80×24 and 160×45, an entity jumped to, the entities panel
// beside the panes and the quotations panel on a narrow screen. Update
// with: go test ./ui -run TestGoldenAnalysis -update
func TestGoldenAnalysis(t *testing.T) {
	cases := []struct {
		name string
		w, h int
		keys []string
		// wait is text the screen shows once a command the keys started
		// (a panel's jump) has run.
		wait string
	}{
		{"highlights-80x24", 80, 24, nil, ""},
		{"highlights-160x45", 160, 45, nil, ""},
		{"entity-80x24", 80, 24, []string{"e", "e", "e", "e", "e"}, ""},
		{"entities-160x45", 160, 45, []string{"i", "j", "j", "j", "j", "enter"}, "mention 1/"},
		{"quotes-80x24", 80, 24, []string{"o", "j"}, ""},
	}
	arts := articles.Sample()
	an := sampleAnalysis(t, arts)
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Setenv("NO_COLOR", "")
			tm := teatest.NewTestModel(t, New(Options{Articles: arts, Theme: "dark", Mouse: true}),
				teatest.WithInitialTermSize(c.w, c.h),
				teatest.WithProgramOptions(tea.WithColorProfile(colorprofile.ANSI256)))
			tm.Send(AnalysisMsg{Analysis: an})
			for _, k := range c.keys {
				tm.Send(press(k))
			}
			if c.wait != "" {
				teatest.WaitFor(t, tm.Output(), func(b []byte) bool { return bytes.Contains(b, []byte(c.wait)) },
					teatest.WithDuration(10*time.Second))
			}
			requireGoldenScreen(t, tm, c.w, c.h)
		})
	}
}
