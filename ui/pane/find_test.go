package pane

import (
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/parallax-reader/parallax/model"
)

// reference is what regexp's case-insensitive literal match finds; Find
// must agree with it.
func reference(text, query string) []model.Span {
	var out []model.Span
	for _, m := range regexp.MustCompile("(?i)"+regexp.QuoteMeta(query)).FindAllStringIndex(text, -1) {
		out = append(out, model.Span{Start: m[0], End: m[1]})
	}
	return out
}

func TestFind(t *testing.T) {
	text := "Talks in Baghdad. TALKS resumed; the talks' end. Kelvin \u212a, straße STRASSE. Ἀθῆναι ἈΘΗΝΑΙ"
	cases := []struct {
		query string
		want  int
	}{
		{"talks", 3}, {"TALKS", 3}, {"baghdad", 1}, {"k", 5}, {"straße", 1}, {"ss", 1},
		{"ἀθῆναι", 1}, {"zzz", 0}, {"", 0}, {". ", 3},
	}
	for _, c := range cases {
		got := Find(text, c.query)
		if len(got) != c.want {
			t.Errorf("Find(%q) found %d, want %d: %v", c.query, len(got), c.want, got)
		}
		if c.query != "" && !slices.Equal(got, reference(text, c.query)) {
			t.Errorf("Find(%q) = %v, regexp finds %v", c.query, got, reference(text, c.query))
		}
		for _, s := range got {
			if !strings.EqualFold(text[s.Start:s.End], c.query) {
				t.Errorf("Find(%q) matched %q", c.query, text[s.Start:s.End])
			}
		}
	}
}

func TestFindNonOverlapping(t *testing.T) {
	if got := Find("aaaa", "aa"); !slices.Equal(got, []model.Span{{Start: 0, End: 2}, {Start: 2, End: 4}}) {
		t.Errorf("Find(aaaa, aa) = %v", got)
	}
}

func FuzzFind(f *testing.F) {
	f.Add("The Talks in BAGHDAD talks", "talks")
	f.Add("Kelvin \u212a k K", "k")
	f.Add("ǅǆǄ dž", "ǆ")
	f.Add("aaaa", "aa")
	f.Add("Σίσυφος ΣΊΣΥΦΟΣ", "σ")
	f.Fuzz(func(t *testing.T, text, query string) {
		if !utf8.ValidString(text) || !utf8.ValidString(query) || query == "" || strings.ContainsRune(query, utf8.RuneError) {
			return
		}
		if got, want := Find(text, query), reference(text, query); !slices.Equal(got, want) {
			t.Fatalf("Find(%q, %q) = %v, regexp finds %v", text, query, got, want)
		}
	})
}
