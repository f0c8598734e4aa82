package entities

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

// The quality figures are measured on public labelled data kept beside the
// repository (see shared/data/README.md); the test is skipped without it.
const dataDir = "../../../shared/data"

type goldEntity struct {
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"`
	Type  string `json:"type"`
	URI   string `json:"uri"`
}

type goldDoc struct {
	ID       any          `json:"id"`
	Text     string       `json:"text"`
	Entities []goldEntity `json:"entities"`
}

func readGold(t testing.TB, rel string) []goldDoc {
	t.Helper()
	path := filepath.Join(dataDir, rel)
	f, err := os.Open(path)
	if os.IsNotExist(err) {
		t.Skipf("quality data not found at %s (expected shared/data beside the repository)", path)
	}
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var docs []goldDoc
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	for sc.Scan() {
		var d goldDoc
		if err := json.Unmarshal(sc.Bytes(), &d); err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		docs = append(docs, d)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return docs
}

// lineSpans treats each line as a sentence (wikigold has one a line).
func lineSpans(text string) []model.Span {
	var out []model.Span
	start := 0
	for i := 0; i <= len(text); i++ {
		if i == len(text) || text[i] == '\n' {
			if i > start {
				out = append(out, model.Span{Start: start, End: i})
			}
			start = i + 1
		}
	}
	return out
}

// conll maps our types to CoNLL's.
func conll(t model.EntityType) string {
	switch t {
	case model.Person:
		return "PER"
	case model.GPE, model.Loc:
		return "LOC"
	case model.Org:
		return "ORG"
	case model.NORP:
		return "MISC"
	}
	return ""
}

type prf struct{ tp, fp, fn int }

func (s prf) p() float64 { return ratio(s.tp, s.tp+s.fp) }
func (s prf) r() float64 { return ratio(s.tp, s.tp+s.fn) }
func (s prf) f1() float64 {
	p, r := s.p(), s.r()
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}
func (s prf) String() string {
	return fmt.Sprintf("P %5.1f  R %5.1f  F1 %5.1f  (tp %d fp %d fn %d)", 100*s.p(), 100*s.r(), 100*s.f1(), s.tp, s.fp, s.fn)
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// score compares gold and predicted (start, end, type) triples.
func score(gold, pred map[[2]int]string, keep func(string) bool) prf {
	var s prf
	for sp, gt := range gold {
		if !keep(gt) {
			continue
		}
		if pred[sp] == gt {
			s.tp++
		} else {
			s.fn++
		}
	}
	for sp, pt := range pred {
		if keep(pt) && gold[sp] != pt {
			s.fp++
		}
	}
	return s
}

func TestQuality(t *testing.T) {
	t.Run("wikigold", testWikigold)
	t.Run("reuters128", testReutersLinking)
}

func testWikigold(t *testing.T) {
	docs := readGold(t, "wikigold/wikigold.jsonl")
	var typed, all, untyped prf
	perType := map[string]*prf{"PER": {}, "LOC": {}, "ORG": {}, "MISC": {}}
	confusion := map[string]int{}
	for _, d := range docs {
		gold := map[[2]int]string{}
		for _, e := range d.Entities {
			gold[[2]int{e.Start, e.End}] = e.Type
		}
		pred := map[[2]int]string{}
		for _, m := range Find(d.Text, lineSpans(d.Text)) {
			if c := conll(m.Type); c != "" {
				pred[[2]int{m.Start, m.End}] = c
			}
		}
		add(&typed, score(gold, pred, func(t string) bool { return t != "MISC" }))
		add(&all, score(gold, pred, func(string) bool { return true }))
		for ty, s := range perType {
			add(s, score(gold, pred, func(t string) bool { return t == ty }))
		}
		ug, up := map[[2]int]string{}, map[[2]int]string{}
		for sp := range gold {
			ug[sp] = "X"
		}
		for sp := range pred {
			up[sp] = "X"
		}
		add(&untyped, score(ug, up, func(string) bool { return true }))
		for sp, gt := range gold {
			if pt, ok := pred[sp]; ok && pt != gt {
				confusion[gt+"→"+pt]++
			}
		}
	}
	t.Logf("wikigold typed PER/LOC/ORG: %v", typed)
	t.Logf("wikigold all four types:    %v", all)
	t.Logf("wikigold untyped spans:     %v", untyped)
	for _, ty := range []string{"PER", "LOC", "ORG", "MISC"} {
		t.Logf("  %-4s %v", ty, *perType[ty])
	}
	t.Logf("  type confusions on exact spans: %v", sortedCounts(confusion))
	if f := 100 * typed.f1(); f < 65 {
		t.Errorf("wikigold typed PER/LOC/ORG F1 %.1f, below the target of 65", f)
	}
}

func add(a *prf, b prf) { a.tp += b.tp; a.fp += b.fp; a.fn += b.fn }

func sortedCounts(m map[string]int) string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool { return m[keys[i]] > m[keys[j]] })
	var b strings.Builder
	for _, k := range keys {
		fmt.Fprintf(&b, "%s %d  ", k, m[k])
	}
	return b.String()
}

// typeSpan types a gold span the way Find would, for linking over gold
// spans: the type of the mention Find returns at that span, else the
// classifier's answer for those tokens, else ORG.
func typeSpan(text string, found []model.Mention, start, end int) model.EntityType {
	for _, m := range found {
		if m.Start == start && m.End == end {
			return m.Type
		}
	}
	for _, m := range found {
		if m.Start < end && start < m.End && m.Type.IsName() {
			return m.Type
		}
	}
	return model.Org
}

// pairs counts linking pairs within one story: gold pairs share a URI,
// predicted pairs share a cluster.
func linkPairs(ents []goldEntity, cluster []string, differOnly bool) prf {
	var s prf
	for i := range ents {
		for j := i + 1; j < len(ents); j++ {
			if differOnly && ents[i].Text == ents[j].Text {
				continue
			}
			g := ents[i].URI == ents[j].URI
			p := cluster[i] != "" && cluster[i] == cluster[j]
			switch {
			case g && p:
				s.tp++
			case g:
				s.fn++
			case p:
				s.fp++
			}
		}
	}
	return s
}

func testReutersLinking(t *testing.T) {
	docs := readGold(t, "n3-reuters128/reuters128.jsonl")
	var allGold, diffGold, allOwn, diffOwn prf
	for _, d := range docs {
		found := Find(d.Text, nil)
		// Over the gold spans: linking apart from detection.
		ms := make([]model.Mention, len(d.Entities))
		for i, e := range d.Entities {
			ms[i] = model.Mention{Span: model.Span{Start: e.Start, End: e.End}, Text: d.Text[e.Start:e.End], Type: typeSpan(d.Text, found, e.Start, e.End)}
		}
		Link(map[string][]model.Mention{"story": ms})
		cl := make([]string, len(ms))
		for i := range ms {
			cl[i] = ms[i].Cluster
		}
		add(&allGold, linkPairs(d.Entities, cl, false))
		add(&diffGold, linkPairs(d.Entities, cl, true))
		// Over our own mentions: a gold mention Find missed has no cluster.
		Link(map[string][]model.Mention{"story": found})
		own := make([]string, len(d.Entities))
		for i, e := range d.Entities {
			for _, m := range found {
				if m.Start == e.Start && m.End == e.End {
					own[i] = m.Cluster
				}
			}
		}
		add(&allOwn, linkPairs(d.Entities, own, false))
		add(&diffOwn, linkPairs(d.Entities, own, true))
	}
	t.Logf("reuters128 linking over gold spans, all pairs:        %v", allGold)
	t.Logf("reuters128 linking over gold spans, differing forms:  %v", diffGold)
	t.Logf("reuters128 linking over own mentions, all pairs:      %v", allOwn)
	t.Logf("reuters128 linking over own mentions, differing forms: %v", diffOwn)
	if f := 100 * allGold.f1(); f < 90 {
		t.Errorf("reuters128 pairwise linking F1 %.1f, below the target of 90", f)
	}
}
