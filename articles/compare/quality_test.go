package compare

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/parallax-reader/parallax/model"
)

const summEdits = "../../../shared/data/summedits/news_test.jsonl"

type summEditsRow struct {
	ID        string   `json:"id"`
	Original  string   `json:"original_summary"`
	Summary   string   `json:"summary"`
	Label     int      `json:"label"`
	EditTypes []string `json:"edit_types"`
}

func loadSummEdits(t testing.TB) []summEditsRow {
	f, err := os.Open(filepath.FromSlash(summEdits))
	if err != nil {
		t.Skipf("SummEdits data not available (%v); skipping the quality figures", err)
	}
	defer f.Close()
	var rows []summEditsRow
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 16<<20)
	for sc.Scan() {
		var r summEditsRow
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			t.Fatalf("%s: %v", summEdits, err)
		}
		if r.Original != r.Summary {
			rows = append(rows, r)
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return rows
}

// TestQuality measures the sentence detectors on SummEdits news: each pair
// of summaries is one alignment; "flagged" (any suggestion) is scored
// against label 0 (inconsistent).
func TestQuality(t *testing.T) {
	rows := loadSummEdits(t)
	var tp, fp, fn int
	perType := map[string][2]int{}
	perDetector := map[string][2]int{} // flagged on inconsistent, on consistent pairs
	verbose := os.Getenv("QUALITY_VERBOSE") != ""
	for _, r := range rows {
		sugg := suggestPair(r.Original, r.Summary)
		flagged := len(sugg) > 0
		for _, d := range detectorsIn(sugg) {
			c := perDetector[d]
			if r.Label == 0 {
				c[0]++
			} else {
				c[1]++
			}
			perDetector[d] = c
		}
		bad := r.Label == 0
		switch {
		case flagged && bad:
			tp++
		case flagged && !bad:
			fp++
			if verbose {
				fmt.Printf("FP %s\n  A: %s\n  B: %s\n  %v\n", r.ID, r.Original, r.Summary, sugg)
			}
		case bad:
			fn++
			if verbose && os.Getenv("QUALITY_FN") != "" {
				fmt.Printf("FN %v\n  A: %s\n  B: %s\n", r.EditTypes, r.Original, r.Summary)
			}
		}
		if bad {
			for _, et := range r.EditTypes {
				c := perType[et]
				c[1]++
				if flagged {
					c[0]++
				}
				perType[et] = c
			}
		}
	}
	p := float64(tp) / float64(max(1, tp+fp))
	rc := float64(tp) / float64(max(1, tp+fn))
	t.Logf("SummEdits news, %d differing pairs: precision %.3f, recall %.3f, F1 %.3f (tp %d, fp %d, fn %d)",
		len(rows), p, rc, 2*p*rc/max(1e-9, p+rc), tp, fp, fn)
	types := make([]string, 0, len(perType))
	for k := range perType {
		types = append(types, k)
	}
	sort.Strings(types)
	for _, k := range types {
		c := perType[k]
		t.Logf("  recall on %-28s %.3f (%d of %d)", k, float64(c[0])/float64(c[1]), c[0], c[1])
	}
	dets := make([]string, 0, len(perDetector))
	for k := range perDetector {
		dets = append(dets, k)
	}
	sort.Strings(dets)
	for _, k := range dets {
		c := perDetector[k]
		t.Logf("  detector %-24s flagged %3d pairs, precision %.3f", k, c[0]+c[1], float64(c[0])/float64(c[0]+c[1]))
	}
	if p < 0.85 || rc < 0.35 {
		t.Errorf("below target: precision %.3f (want ≥ 0.85), recall %.3f (want ≥ 0.35)", p, rc)
	}
}

// detectorsIn names the detectors behind suggestion summaries by their
// opening words ("Number differs", "Different name", …).
func detectorsIn(sugg []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, s := range sugg {
		_, summary, _ := strings.Cut(s, ": ")
		for _, part := range strings.Split(summary, "; ") {
			name, _, _ := strings.Cut(part, ":")
			if !seen[name] {
				seen[name] = true
				out = append(out, name)
			}
		}
	}
	return out
}

// suggestPair runs Suggest on two one-passage articles aligned as one pair.
func suggestPair(a, b string) []string {
	arts := []model.Article{
		{ID: "a1", URI: "urn:test:a", Text: a, Sentences: []model.Span{{Start: 0, End: len(a)}}},
		{ID: "a2", URI: "urn:test:b", Text: b, Sentences: []model.Span{{Start: 0, End: len(b)}}},
	}
	al := []model.Alignment{{A: model.Passage{Article: "a1", Span: arts[0].Sentences[0]},
		B: model.Passage{Article: "a2", Span: arts[1].Sentences[0]}, Score: 1}}
	var out []string
	for _, sg := range Suggest(arts, nil, al) {
		out = append(out, string(sg.Kind)+": "+sg.Summary)
	}
	return out
}
