package entities

import (
	"testing"
	"unicode/utf8"

	"github.com/parallax-reader/parallax/model"
)

// FuzzFind checks Find's promises on any input: no panic, spans inside the
// text on UTF-8 boundaries, sorted, non-overlapping, Text equal to the
// spanned text; and Link accepts the result.
func FuzzFind(f *testing.F) {
	seeds := []string{
		"Iraqi Prime Minister Nouri al-Maliki met U.S. Ambassador Ryan C. Crocker.",
		"Iran's envoy Hassan Kazemi-Qomi said the U.S.-Iranian talks lasted four hours.",
		"IRAN AND U.S. HOLD TALKS IN BAGHDAD\nOfficials met on Monday, May 28, 2007.",
		"It cost $5 million, €3bn, 500 dollars, 12%, 12 percent, US$ 3 and 10 km.",
		"Iran 's envoy , Mr. Qomi , said \" we agree \" .",
		"J. K. Rowling and Ludwig van Beethoven's O'Brien McCartney ibn bin al-",
		"'90s 1990s the 1990s 9:30 a.m. 9 p.m noon midnight three-year twenty-one",
		"U.S.-", "-U.S.", "’s", "'s", "s'", "A.", "a.m.", "$", "€", "US$", "\u00e9\u0301",
		"Caf\u00e9 Mottak\u00ed of the of and", "\xff\xfeIran", "Bank of", "of Bank",
		"May", "March 5th", "the past three years", "within the", "more than a",
	}
	for _, s := range seeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		ms := Find(text, []model.Span{{Start: 0, End: len(text)}})
		// Odd sentence spans (out of range, unsorted) must not break it.
		Find(text, []model.Span{{Start: len(text) / 2, End: len(text) + 7}, {Start: -3, End: 2}, {Start: len(text) / 3, End: len(text) / 4}})
		// Article text is valid UTF-8 after cleaning; other input must
		// still not panic, but has no rune boundaries to keep.
		valid := utf8.ValidString(text)
		end := 0
		for _, m := range ms {
			if m.Start < 0 || m.End > len(text) || m.Start >= m.End {
				t.Fatalf("bad span %d:%d in %d bytes", m.Start, m.End, len(text))
			}
			if m.Start < end {
				t.Fatalf("mention %q at %d overlaps or precedes the previous one ending at %d", m.Text, m.Start, end)
			}
			if valid && (!boundary(text, m.Start) || !boundary(text, m.End)) {
				t.Fatalf("span %d:%d not on UTF-8 boundaries", m.Start, m.End)
			}
			if m.Text != text[m.Start:m.End] {
				t.Fatalf("Text %q differs from the span's text %q", m.Text, text[m.Start:m.End])
			}
			if m.Type == "" {
				t.Fatalf("mention %q has no type", m.Text)
			}
			end = m.End
		}
		clusters := Link(map[string][]model.Mention{"a": ms})
		for _, m := range ms {
			if m.Type.IsName() != (m.Cluster != "") {
				t.Fatalf("mention %q (%s) has cluster %q", m.Text, m.Type, m.Cluster)
			}
		}
		for _, c := range clusters {
			if c.ID == "" || c.Mentions["a"] == 0 {
				t.Fatalf("bad cluster %+v", c)
			}
		}
	})
}

func boundary(s string, i int) bool {
	return i == 0 || i == len(s) || utf8.RuneStart(s[i])
}
