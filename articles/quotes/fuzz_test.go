package quotes

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/parallax-reader/parallax/model"
)

// FuzzFind checks that Find never panics and that its quotations are
// sorted, non-overlapping, inside the text and their paragraphs, on UTF-8
// boundaries for valid text, with Text inside Span and the speaker's words
// inside the text.
func FuzzFind(f *testing.F) {
	for _, s := range []string{
		`"We will meet again soon," said U.S. Ambassador Ryan C. Crocker.`,
		"Smith said: “Part one runs on.\n\n“Part two ends it,” he added.",
		`He said "this never closes` + "\n\nNext.",
		`"A "B" C" 6' 2" "" “ ” „x“`,
		"Rock 'n' roll's '90s. \"It is, she said, 'fine' by me,\" a senior official said.",
		`According to the ministry, "it was done." "Then more came," they said.`,
		"\"\xff\xfe bad bytes \xe2\x80\" said Jones.",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		names := []model.Mention{{Span: model.Span{Start: len(text) / 3, End: len(text) / 2}, Type: model.Person, Text: "x"}}
		for _, ms := range [][]model.Mention{nil, names} {
			quotes := Find(text, nil, ms)
			valid := utf8.ValidString(text)
			at := 0
			for _, q := range quotes {
				if q.Start < at || q.End > len(text) || q.Start >= q.End {
					t.Fatalf("quote %v out of order or bounds (after %d) in %q", q.Span, at, text)
				}
				at = q.End
				if valid && (!utf8.RuneStart(text[q.Start]) || q.End < len(text) && !utf8.RuneStart(text[q.End])) {
					t.Fatalf("quote %v splits a character in %q", q.Span, text)
				}
				if q.Text == "" || !strings.Contains(text[q.Start:q.End], q.Text) {
					t.Fatalf("text %q not inside span %q", q.Text, text[q.Start:q.End])
				}
				if s := q.SpeakerSpan; s != nil && (s.Start < 0 || s.End > len(text) || s.Start >= s.End || q.Speaker == "") {
					t.Fatalf("bad speaker span %v (%q) in %q", *s, q.Speaker, text)
				}
				if q.Short && q.Speaker != "" {
					t.Fatalf("short quote %q attributed to %q", q.Text, q.Speaker)
				}
			}
		}
	})
}
