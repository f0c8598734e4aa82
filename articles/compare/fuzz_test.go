package compare

import (
	"math"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/parallax-reader/parallax/model"
)

func FuzzQuantities(f *testing.F) {
	for _, s := range []string{
		"approximately four hours", "more than a quarter century", "$1.8 billion worth",
		"twenty-seven years", "one hundred and five soldiers", "Jan. 18, 2023", "10-15 boats",
		"a 20-year-old man", "5 per cent", "dozens of people", "the 1990s", "half a million",
		"3.5 million dollars", "a dozen or so", "1,2,3,,4", "9e999", "99999999999999999999999",
		"May May May 31 31", "a quarter of a century", "$", "—-–", "’s n't don’t",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		toks := tokenize(s, 7)
		last := 7
		for _, tk := range toks {
			if tk.start < last || tk.end <= tk.start || tk.end > len(s)+7 || s[tk.start-7:tk.end-7] != tk.text {
				t.Fatalf("bad token %+v in %q", tk, s)
			}
			last = tk.end
		}
		for _, q := range quantities(toks) {
			if q.first < 0 || q.last < q.first || q.last >= len(toks) {
				t.Fatalf("bad quantity range %+v for %q", q, s)
			}
			if math.IsNaN(q.lo) || math.IsNaN(q.hi) || q.lo > q.hi {
				t.Fatalf("bad interval [%g, %g] for %q", q.lo, q.hi, s)
			}
		}
	})
}

func FuzzSuggestPair(f *testing.F) {
	f.Add("Seven people died on Tuesday.", "Five people died on Wednesday.")
	f.Add(`"We will not leave," Smith said.`, `"We won't leave," Jones said.`)
	f.Add("Iraqi Foreign Minister Zebari spoke.", "Iranian Foreign Minister Zebari spoke.")
	f.Add("Oman is opening its airspace.", "Oman is closing its airspace.")
	f.Add("", "\xff\xfe not")
	f.Fuzz(func(t *testing.T, a, b string) {
		arts := []model.Article{article("a1", a), article("a2", b)}
		al := Align(arts, nil)
		al = append(al, alignedPair(arts[0], arts[1], 0, 0, 1))
		for _, s := range Suggest(arts, nil, al) {
			if s.Confidence < 0 || s.Confidence > 1 || s.ID == "" || !s.Kind.Valid() {
				t.Fatalf("bad suggestion %+v", s)
			}
			if strings.ContainsAny(s.Summary, "\n\r") || !utf8.ValidString(s.Summary) && utf8.ValidString(a+b) {
				t.Fatalf("summary not one clean line: %q", s.Summary)
			}
			for _, e := range s.Evidence {
				art := arts[0]
				if e.Article == "a2" {
					art = arts[1]
				}
				if art.Slice(e.Span) != e.Text {
					t.Fatalf("evidence text does not match its span: %+v", e)
				}
			}
		}
	})
}
