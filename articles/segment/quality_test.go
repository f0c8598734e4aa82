package segment

import (
	"bufio"
	"encoding/json"
	"os"
	"strings"
	"testing"
)

// wikigoldPath is the labelled data set kept next to the repository (see
// its README); the quality test skips when it is absent.
const wikigoldPath = "../../../shared/data/wikigold/wikigold.jsonl"

// TestQualityWikigold measures sentence boundaries against wikigold, whose
// text holds one sentence a line: the lines are joined with spaces into one
// paragraph and every line end is a gold boundary. It prints precision,
// recall and F1 and fails only on a collapse well below the measured level.
func TestQualityWikigold(t *testing.T) {
	f, err := os.Open(wikigoldPath)
	if err != nil {
		t.Skipf("wikigold data not available: %v", err)
	}
	defer f.Close()
	var tp, fp, fn int
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<24)
	for sc.Scan() {
		var doc struct{ Text string }
		if err := json.Unmarshal(sc.Bytes(), &doc); err != nil {
			t.Fatal(err)
		}
		gold := map[int]bool{}
		for i := range len(doc.Text) {
			if doc.Text[i] == '\n' {
				gold[i] = true
			}
		}
		text := strings.ReplaceAll(doc.Text, "\n", " ")
		got := Sentences(text, nil)
		for _, s := range got[:max(0, len(got)-1)] {
			if gold[s.End] {
				tp++
				delete(gold, s.End)
			} else {
				fp++
			}
		}
		fn += len(gold)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	p := float64(tp) / float64(tp+fp)
	r := float64(tp) / float64(tp+fn)
	f1 := 2 * p * r / (p + r)
	t.Logf("wikigold sentence boundaries: precision %.3f recall %.3f F1 %.3f (tp %d fp %d fn %d)", p, r, f1, tp, fp, fn)
	if f1 < 0.9 {
		t.Errorf("sentence boundary F1 %.3f fell below 0.9", f1)
	}
}
