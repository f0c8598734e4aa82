package segment

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/parallax-reader/parallax/model"
)

// FuzzSentences checks the invariants every caller relies on: paragraphs and
// sentences are sorted, non-overlapping, non-empty, trimmed, inside their
// bounds (sentences inside one paragraph), on UTF-8 boundaries for valid
// text, and together cover every byte that is not white space.
func FuzzSentences(f *testing.F) {
	for _, s := range []string{
		"", "Hello.", "Dr. Smith met the U.S. envoy at 9 a.m. Officials said. Then?! “Yes.” (No.)",
		"Title Line\nBody text follows here.\n\nSecond paragraph . . . ends… Here.",
		"- one\n- two\n1. three\n# Heading\nBAGHDAD\nText.", "会议结束了。他们离开了。",
		"a.\u00a0B", "\u00a0\n\u2028.\n", "x.\xc2 Y", ". . .", "?\"\n.'",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		paras := Paragraphs(text)
		checkSpans(t, text, "paragraph", paras, model.Span{Start: 0, End: len(text)})
		sents := Sentences(text, paras)
		prev := 0
		for _, p := range paras {
			i := model.SpanIndex(sents, p.Start)
			if i < 0 || sents[i].Start < p.Start {
				i++
			}
			j := i
			for j < len(sents) && sents[j].Start < p.End {
				j++
			}
			checkSpans(t, text, "sentence", sents[i:j], p)
			prev += j - i
		}
		if prev != len(sents) {
			t.Fatalf("%d sentences, %d inside paragraphs", len(sents), prev)
		}
	})
}

// checkSpans verifies spans inside outer and that they cover all of outer's
// non-space text.
func checkSpans(t *testing.T, text, what string, spans []model.Span, outer model.Span) {
	t.Helper()
	valid := utf8.ValidString(text)
	at := outer.Start
	for _, s := range spans {
		if s.Start < at || s.End > outer.End || s.Start >= s.End {
			t.Fatalf("%s %v out of order or outside %v (after %d) in %q", what, s, outer, at, text)
		}
		got := text[s.Start:s.End]
		if strings.TrimSpace(got) != got {
			t.Fatalf("%s %v not trimmed: %q", what, s, got)
		}
		if valid && (!utf8.RuneStart(text[s.Start]) || s.End < len(text) && !utf8.RuneStart(text[s.End])) {
			t.Fatalf("%s %v splits a character in %q", what, s, text)
		}
		if gap := text[at:s.Start]; strings.TrimSpace(gap) != "" {
			t.Fatalf("%s gap %q before %v left uncovered in %q", what, gap, s, text)
		}
		at = s.End
	}
	if gap := text[at:outer.End]; strings.TrimSpace(gap) != "" {
		t.Fatalf("%s gap %q at the end of %v left uncovered in %q", what, gap, outer, text)
	}
}
