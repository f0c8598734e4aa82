package compare

import (
	"fmt"
	"math/rand/v2"
	"sort"
	"strings"
	"testing"

	"github.com/parallax-reader/parallax/model"
)

// syntheticPair makes two articles of about size bytes each that tell the
// same story: words drawn from a Zipf-distributed vocabulary (as in real
// text, a few words are everywhere), names and numbers; the second article
// reorders nearby sentences, rewords a fifth of the words, drops some
// sentences and adds others.
func syntheticPair(size int, seed uint64) (model.Article, model.Article) {
	r := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	syll := []string{"ka", "lo", "mi", "ra", "to", "ne", "su", "vi", "da", "po", "re", "an", "el", "or", "ti", "ba"}
	word := func() string {
		n := 1 + r.IntN(3)
		var sb strings.Builder
		for range n {
			sb.WriteString(syll[r.IntN(len(syll))])
		}
		return sb.String()
	}
	vocab := make([]string, 20000)
	for i := range vocab {
		vocab[i] = word() + fmt.Sprint(i%7)
		vocab[i] = strings.TrimRight(vocab[i], "0123456789")
	}
	names := make([]string, 400)
	for i := range names {
		w := word()
		names[i] = strings.ToUpper(w[:1]) + w[1:] + "son"
	}
	zipf := rand.NewZipf(r, 1.1, 1, uint64(len(vocab)-1))
	sentence := func() []string {
		n := 12 + r.IntN(18)
		ws := make([]string, 0, n)
		for range n {
			switch x := r.IntN(20); {
			case x == 0:
				ws = append(ws, names[r.IntN(len(names))])
			case x == 1:
				ws = append(ws, fmt.Sprint(r.IntN(2000)))
			default:
				ws = append(ws, vocab[zipf.Uint64()])
			}
		}
		return ws
	}
	var sa [][]string
	for total := 0; total < size; {
		s := sentence()
		sa = append(sa, s)
		total += len(strings.Join(s, " ")) + 2
	}
	var sb [][]string
	for _, s := range sa {
		if r.IntN(10) == 0 {
			continue // dropped
		}
		t := append([]string(nil), s...)
		for k := range t {
			if r.IntN(5) == 0 {
				t[k] = vocab[zipf.Uint64()]
			}
		}
		sb = append(sb, t)
		if r.IntN(10) == 0 {
			sb = append(sb, sentence()) // added
		}
	}
	for i := 0; i+1 < len(sb); i += 2 + r.IntN(4) {
		sb[i], sb[i+1] = sb[i+1], sb[i]
	}
	build := func(id string, ss [][]string) model.Article {
		strs := make([]string, len(ss))
		for i, s := range ss {
			x := strings.Join(s, " ")
			strs[i] = strings.ToUpper(x[:1]) + x[1:] + "."
		}
		return article(id, strs...)
	}
	return build("a1", sa), build("a2", sb)
}

func BenchmarkAlign1MB(b *testing.B) {
	a, c := syntheticPair(1<<20, 1)
	arts := []model.Article{a, c}
	b.SetBytes(int64(len(a.Text) + len(c.Text)))
	b.ReportAllocs()
	var n int
	for b.Loop() {
		n = len(Align(arts, nil))
	}
	b.ReportMetric(float64(n), "pairs")
}

// BenchmarkAlign128KB compares the inverted index with scoring every pair
// of sentences (the baseline) on text small enough for the baseline.
func BenchmarkAlign128KB(b *testing.B) {
	a, c := syntheticPair(128<<10, 2)
	arts := []model.Article{a, c}
	b.Run("index", func(b *testing.B) {
		for b.Loop() {
			Align(arts, nil)
		}
	})
	b.Run("all-pairs", func(b *testing.B) {
		for b.Loop() {
			alignAllPairs(a, c)
		}
	})
}

func BenchmarkSuggest(b *testing.B) {
	a, c := syntheticPair(64<<10, 3)
	arts := []model.Article{a, c}
	al := Align(arts, nil)
	Suggest(arts, nil, al) // loads the word lists once
	for b.Loop() {
		Suggest(arts, nil, al)
	}
	b.ReportMetric(float64(len(al)), "pairs")
}

// alignAllPairs is the exhaustive reference: every pair scored, then the
// same greedy assignment.
func alignAllPairs(a, c model.Article) map[[2]int]bool {
	fs := newFeatureSpace()
	da, db := fs.article(&a, nil), fs.article(&c, nil)
	idf := pairIDF(da, db)
	va, vb := vectors(da, idf), vectors(db, idf)
	var ps []pairScore
	for i := range va {
		for j := range vb {
			if s := cosine(va[i], vb[j]); s >= alignThreshold && sharedTerms(va[i], vb[j]) >= 2 {
				ps = append(ps, pairScore{i, j, s})
			}
		}
	}
	sort.Slice(ps, func(x, y int) bool {
		if ps[x].score != ps[y].score {
			return ps[x].score > ps[y].score
		}
		return ps[x].a < ps[y].a || ps[x].a == ps[y].a && ps[x].b < ps[y].b
	})
	usedA, usedB := map[int]bool{}, map[int]bool{}
	out := map[[2]int]bool{}
	for _, p := range ps {
		if !usedA[p.a] && !usedB[p.b] {
			usedA[p.a], usedB[p.b] = true, true
			out[[2]int{p.a, p.b}] = true
		}
	}
	return out
}

// TestAlignIndexAgreesWithAllPairs checks that candidate generation loses
// (almost) nothing against scoring every pair.
func TestAlignIndexAgreesWithAllPairs(t *testing.T) {
	a, c := syntheticPair(48<<10, 4)
	want := alignAllPairs(a, c)
	got := pairs(Align([]model.Article{a, c}, nil), a, c)
	same := 0
	for i, j := range got {
		if want[[2]int{i, j}] {
			same++
		}
	}
	if len(want) < 100 {
		t.Fatalf("synthetic text too small: %d reference pairs", len(want))
	}
	if agree := float64(same) / float64(len(want)); agree < 0.97 || len(got) > len(want)+len(want)/50 {
		t.Errorf("index found %d pairs, %d of the %d exhaustive ones (%.1f%%)", len(got), same, len(want), 100*agree)
	}
}
