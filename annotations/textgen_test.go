package annotations

import (
	"bufio"
	"encoding/json"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/parallax-reader/parallax/model"
)

// Text for tests: generated prose (self-contained, deterministic), and real
// news text from ../shared/data when it is there.

var genWords = strings.Fields(`the a of to in and said on for that with by was is at from
	minister police officials city government report people two three five twelve hundred
	year week Monday Tuesday attack talks agreement president forces troops border water
	flood rescue village capital spokesman statement killed injured according about after
	before during new old several local national foreign military election vote council
	court judge ruling protest crowd market prices oil bank percent million dollars
	Ahmed García Müller Zhou Okafor Lindqvist São Paulo Kraków Αθήνα 北京 Zürich`)

// genParagraph writes a paragraph of n sentences.
func genParagraph(r *rand.Rand, n int) string {
	var b strings.Builder
	for s := range n {
		if s > 0 {
			b.WriteByte(' ')
		}
		words := 6 + r.IntN(14)
		for w := range words {
			word := genWords[r.IntN(len(genWords))]
			if w == 0 {
				word = strings.ToUpper(word[:1]) + word[1:]
			} else {
				b.WriteByte(' ')
			}
			b.WriteString(word)
			if w > 1 && w < words-1 && r.IntN(9) == 0 {
				b.WriteByte(',')
			}
		}
		if r.IntN(8) == 0 {
			b.WriteString(`, he said`)
		}
		b.WriteByte('.')
	}
	return b.String()
}

// genArticle writes an article of the given number of paragraphs.
func genArticle(r *rand.Rand, paragraphs int) string {
	ps := make([]string, paragraphs)
	for i := range ps {
		ps[i] = genParagraph(r, 2+r.IntN(4))
	}
	return strings.Join(ps, "\n\n")
}

// newsStories reads the Reuters stories in ../shared/data, or returns nil.
func newsStories(t testing.TB) []string {
	t.Helper()
	f, err := os.Open(filepath.Join("..", "..", "shared", "data", "n3-reuters128", "reuters128.jsonl"))
	if err != nil {
		return nil
	}
	defer f.Close()
	var out []string
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		var rec struct{ Text string }
		if json.Unmarshal(sc.Bytes(), &rec) == nil && rec.Text != "" {
			out = append(out, rec.Text)
		}
	}
	return out
}

// testArticle builds an article as the loader would.
func testArticle(id, uri, title, text string) model.Article {
	return model.Article{ID: id, URI: uri, Title: title, Source: uri, Text: text}
}

// randomPassage picks a passage of about n bytes on word boundaries.
func randomPassage(r *rand.Rand, text string, n int) model.Span {
	for range 1000 {
		start := r.IntN(max(1, len(text)-n))
		for start > 0 && text[start-1] != ' ' {
			start--
		}
		end := min(len(text), start+n)
		for end < len(text) && text[end] != ' ' && text[end] != '\n' {
			end++
		}
		s := model.Span{Start: start, End: end}
		if s.Len() > 0 && utf8.ValidString(text[start:end]) && !strings.Contains(text[start:end], "\n") {
			return s
		}
	}
	return model.Span{Start: 0, End: min(n, len(text))}
}
