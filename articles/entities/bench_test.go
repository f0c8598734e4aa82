package entities

import (
	"strings"
	"testing"

	"github.com/parallax-reader/parallax/model"
)

// benchText builds about 2 MB of news-like text from the quality data
// (Reuters stories, then Wikipedia articles with their token spacing
// undone), repeated as needed.
func benchText(b *testing.B) string {
	b.Helper()
	var parts []string
	for _, d := range readGold(b, "n3-reuters128/reuters128.jsonl") {
		parts = append(parts, d.Text)
	}
	for _, d := range readGold(b, "wikigold/wikigold.jsonl") {
		t := strings.NewReplacer(" ,", ",", " .", ".", " 's", "'s", " )", ")", "( ", "(").Replace(d.Text)
		parts = append(parts, t)
	}
	corpus := strings.Join(parts, "\n\n")
	var sb strings.Builder
	for sb.Len() < 2<<20 {
		sb.WriteString(corpus)
		sb.WriteString("\n\n")
	}
	return sb.String()
}

// BenchmarkTokenize is the floor the other benchmarks compare with: the
// tokenizer alone.
func BenchmarkTokenize(b *testing.B) {
	text := benchText(b)
	b.SetBytes(int64(len(text)))
	b.ResetTimer()
	for b.Loop() {
		tokenize(text)
	}
}

func BenchmarkFind(b *testing.B) {
	text := benchText(b)
	lexicon()
	b.SetBytes(int64(len(text)))
	b.ResetTimer()
	for b.Loop() {
		Find(text, nil)
	}
}

// BenchmarkFindAndLink finds mentions in the text split into articles of
// about 20 KB and links them all, as the reader does for a set of articles.
func BenchmarkFindAndLink(b *testing.B) {
	text := benchText(b)
	var articles []string
	for len(text) > 0 {
		n := min(len(text), 20<<10)
		for n < len(text) && text[n-1] != '\n' {
			n++
		}
		articles = append(articles, text[:n])
		text = text[n:]
	}
	total := 0
	for _, a := range articles {
		total += len(a)
	}
	lexicon()
	b.SetBytes(int64(total))
	b.ResetTimer()
	for b.Loop() {
		byArticle := make(map[string][]model.Mention, len(articles))
		for i, a := range articles {
			byArticle[string(rune('a'+i%26))+strings.Repeat("x", i/26)] = Find(a, nil)
		}
		Link(byArticle)
	}
}
