package articles

import (
	"bufio"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/parallax-reader/parallax/articles/segment"
	"github.com/parallax-reader/parallax/model"
)

// newsArticles builds n articles of about size bytes each from the news
// documents in the shared SummEdits data, so the benchmark reads real
// reporting rather than text written here.
func newsArticles(tb testing.TB, n, size int) []model.Article {
	tb.Helper()
	f, err := os.Open(filepath.Join("..", "..", "shared", "data", "summedits", "news_test.jsonl"))
	if err != nil {
		tb.Skipf("benchmark data not available: %v", err)
	}
	defer f.Close()
	var docs []string
	seen := map[string]bool{}
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 16<<20)
	for sc.Scan() {
		var rec struct {
			Doc string `json:"doc"`
		}
		if json.Unmarshal(sc.Bytes(), &rec) == nil && rec.Doc != "" && !seen[rec.Doc] {
			seen[rec.Doc] = true
			docs = append(docs, rec.Doc)
		}
	}
	if len(docs) == 0 {
		tb.Skip("no news documents in the benchmark data")
	}
	arts := make([]model.Article, n)
	next := 0
	for i := range arts {
		var sb strings.Builder
		for sb.Len() < size {
			sb.WriteString(docs[next%len(docs)])
			sb.WriteString("\n\n")
			next++
		}
		text := sb.String()
		paras := segment.Paragraphs(text)
		arts[i] = model.Article{ID: "a" + string(rune('1'+i)), URI: "urn:test:" + string(rune('1'+i)),
			Text: text, Paragraphs: paras, Sentences: segment.Sentences(text, paras)}
	}
	return arts
}

// BenchmarkAnalyze2MB runs the whole analysis (entities, linking, quotations,
// alignment, suggestions) on two 1 MB news articles; MB/s is over both.
func BenchmarkAnalyze2MB(b *testing.B) {
	arts := newsArticles(b, 2, 1<<20)
	b.SetBytes(int64(len(arts[0].Text) + len(arts[1].Text)))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := Analyze(context.Background(), arts); err != nil {
			b.Fatal(err)
		}
	}
}

func TestAnalyzeStopsWhenCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := Analyze(ctx, Sample()); err != context.Canceled {
		t.Fatalf("Analyze on a cancelled context: %v, want context.Canceled", err)
	}
}
