package annotations

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/parallax-reader/parallax/model"
)

// Two short articles with non-ASCII text, so byte and code point offsets
// differ.
const (
	textA = "Officials in Zürich said on Monday that 12 people were killed when the river flooded.\n\n" +
		"“We have never seen water this high,” said Mayor Anna Müller. Rescue teams worked through the night.\n\n" +
		"The federal government promised 5 million francs in aid."
	textB = "At least 15 people died in floods in Zürich, the city's police said on Tuesday.\n\n" +
		"“The water has never been this high,” Mayor Müller told reporters. Rescuers searched all night.\n\n" +
		"Aid of 5 million francs was pledged by the government."
)

func testArticles() []model.Article {
	return []model.Article{
		testArticle("a1", "https://news.example/zurich-flood", "Floods in Zürich kill 12", textA),
		testArticle("a2", "file:///home/me/flood-b.txt", "Zürich floods", textB),
	}
}

// fixedClock is a clock the test moves by hand.
type fixedClock struct{ t time.Time }

func (c *fixedClock) now() time.Time { return c.t }
func (c *fixedClock) advance(d time.Duration) {
	c.t = c.t.Add(d)
}

func newClock() *fixedClock {
	return &fixedClock{t: time.Date(2025, 3, 14, 9, 26, 53, 0, time.UTC)}
}

// span finds the byte span of the first occurrence of s in text.
func span(t testing.TB, text, s string) model.Span {
	t.Helper()
	i := strings.Index(text, s)
	if i < 0 {
		t.Fatalf("%q not in text", s)
	}
	return model.Span{Start: i, End: i + len(s)}
}

// numberTag is a tag comparing the death tolls of the two articles.
func numberTag(t testing.TB) model.Annotation {
	return model.Annotation{
		Kind: model.Number, Severity: model.High, Note: "Death toll differs: **12** vs **15**.",
		Targets: []model.Target{
			{Article: "a1", Span: span(t, textA, "12 people were killed"), Role: "claim"},
			{Article: "a2", Span: span(t, textB, "At least 15 people died"), Role: "counterpart"},
		},
	}
}

func tempFile(t testing.TB) string {
	t.Helper()
	return filepath.Join(t.TempDir(), "notes.jsonld")
}

func openStore(t testing.TB, path string, arts []model.Article, clock *fixedClock) *Store {
	t.Helper()
	opt := Options{Generator: "parallax test"}
	if clock != nil {
		opt.Now = clock.now
	}
	s, err := Open(path, arts, opt)
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func readFile(t testing.TB, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// fileIDs parses the file as it is on disk and returns its annotation ids.
func fileIDs(t testing.TB, path string) map[string]bool {
	t.Helper()
	d, err := parseDocument(readFile(t, path))
	if err != nil {
		t.Fatalf("%s does not parse: %v", path, err)
	}
	ids := map[string]bool{}
	if d != nil {
		for _, it := range d.items {
			ids[it.id] = true
		}
	}
	return ids
}
