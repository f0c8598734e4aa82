package annotations

import (
	"encoding/json"
	"math/rand/v2"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/parallax-reader/parallax/model"
)

// benchFile writes an annotation file of n two-passage tags on two
// generated articles of about 60 KB each, as parallax would have saved it,
// and returns its path and the articles.
func benchFile(b *testing.B, n int) (string, []model.Article) {
	b.Helper()
	r := rand.New(rand.NewPCG(5, 6))
	arts := []model.Article{
		testArticle("a1", "https://news.example/one", "One", genArticle(r, 120)),
		testArticle("a2", "https://news.example/two", "Two", genArticle(r, 120)),
	}
	set := newArticleSet(arts)
	s := &Store{arts: set}
	d := newDocument("bench", time.Unix(0, 0), generatorValue("parallax"))
	for i := range n {
		var targets []json.RawMessage
		for _, a := range arts {
			f, err := s.selectors(&a, model.Target{Span: randomPassage(r, a.Text, 20+r.IntN(100))})
			if err != nil {
				b.Fatal(err)
			}
			targets = append(targets, buildTarget(nil, f))
		}
		when := time.Unix(int64(1700000000+i), 0)
		d.items = append(d.items, buildItem(nil, itemFields{
			id: newURN(), kind: model.Kinds[i%len(model.Kinds)], severity: model.Medium, note: "note",
			created: when, modified: when, generator: generatorValue("parallax"), targets: targets,
		}))
	}
	path := tempFile(b)
	if err := os.WriteFile(path, d.encode(), 0o644); err != nil {
		b.Fatal(err)
	}
	return path, arts
}

func benchOpen(b *testing.B, path string, arts []model.Article, want model.Anchoring) {
	b.ReportAllocs()
	for b.Loop() {
		s, err := Open(path, arts, Options{})
		if err != nil {
			b.Fatal(err)
		}
		b.StopTimer()
		counts := map[model.Anchoring]int{}
		for _, a := range s.Annotations() {
			for _, t := range a.Targets {
				counts[t.Anchoring]++
			}
		}
		if counts[want] == 0 {
			b.Fatalf("no target anchored by %s: %v", want, counts)
		}
		s.Close()
		b.StartTimer()
	}
}

// Open and anchor 1,000 tags (2,000 targets) on unchanged articles: every
// saved position still holds.
func BenchmarkOpen1000Unchanged(b *testing.B) {
	path, arts := benchFile(b, 1000)
	benchOpen(b, path, arts, model.AnchorPosition)
}

// The same after a paragraph was inserted at the top of both articles:
// every target is found again by exact quote search.
func BenchmarkOpen1000Shifted(b *testing.B) {
	path, arts := benchFile(b, 1000)
	for i := range arts {
		arts[i].Text = "A new first paragraph, added after the tags were saved.\n\n" + arts[i].Text
	}
	benchOpen(b, path, arts, model.AnchorQuote)
}

// The same after every 50th word of both articles changed: many targets
// need the approximate search.
func BenchmarkOpen1000Edited(b *testing.B) {
	path, arts := benchFile(b, 1000)
	for i := range arts {
		words := strings.Split(arts[i].Text, " ")
		for j := 0; j < len(words); j += 50 {
			words[j] = "changed"
		}
		arts[i].Text = strings.Join(words, " ")
	}
	benchOpen(b, path, arts, model.AnchorFuzzy)
}

// Baseline for the Open figures: decoding the same file with
// encoding/json into generic values, no anchoring.
func BenchmarkOpen1000BaselineDecode(b *testing.B) {
	path, _ := benchFile(b, 1000)
	b.ReportAllocs()
	for b.Loop() {
		var v any
		if err := json.Unmarshal(readFile(b, path), &v); err != nil {
			b.Fatal(err)
		}
	}
}

// The bit-parallel matcher against the textbook dynamic programme on the
// same search: a 120-character quote in a 60 KB article.
func benchMatchInput() ([]rune, []rune) {
	r := rand.New(rand.NewPCG(7, 8))
	text := []rune(genArticle(r, 120))
	quote := append([]rune(nil), text[30000:30120]...)
	quote[10], quote[60], quote[100] = 'X', 'Y', 'Z'
	return text, quote
}

func BenchmarkFindApprox(b *testing.B) {
	text, quote := benchMatchInput()
	for b.Loop() {
		if ms := findApprox(text, quote, 60, fuzzyCandidates); len(ms) == 0 || ms[0].start != 30000 {
			b.Fatal("not found")
		}
	}
}

func BenchmarkFindApproxBaselineDP(b *testing.B) {
	text, quote := benchMatchInput()
	for b.Loop() {
		if d := referenceDistances(text, quote, false); d[30120] != 3 {
			b.Fatalf("distance %d", d[30120])
		}
	}
}

// Refresh on a timer when nothing changed: one stat of the file.
func BenchmarkRefreshUnchanged1000(b *testing.B) {
	path, arts := benchFile(b, 1000)
	s, err := Open(path, arts, Options{})
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	for b.Loop() {
		if changed, err := s.Refresh(); changed || err != nil {
			b.Fatal(changed, err)
		}
	}
}
