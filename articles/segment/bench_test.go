package segment

import (
	"strings"
	"testing"

	"github.com/clipperhouse/uax29/v2/sentences"
)

// newsLikeText builds about size bytes of news-style prose with the
// constructs the rules look at: abbreviations, initials, quotations,
// decimals, hard-wrapped lines and titles.
func newsLikeText(size int) string {
	parts := []string{
		"Talks Resume After Long Silence\n",
		"U.S. Ambassador John Q. Public met his counterpart at 10:30 a.m. on Monday in the capital. ",
		"“We had a businesslike meeting,” Dr. Jane Roe said. \"It lasted 4.5 hours.\" ",
		"Sen. Doe, Gov. Smith and Lt. Col. Brown (all of whom attended) left by Jan. 5, e.g. early. ",
		"Officials said the talks would continue... Nobody knew when. Was it over?! No. 3 on the agenda was\n",
		"security, trade, etc. The group, based in Springfield, Ill., was not invited to the meeting.\n\n",
	}
	var b strings.Builder
	for b.Len() < size {
		for _, p := range parts {
			b.WriteString(p)
		}
	}
	return b.String()
}

var sink int

func BenchmarkSentences(b *testing.B) {
	text := newsLikeText(5 << 20)
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		sink = len(Sentences(text, Paragraphs(text)))
	}
}

func BenchmarkParagraphs(b *testing.B) {
	text := newsLikeText(5 << 20)
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		sink = len(Paragraphs(text))
	}
}

// BenchmarkBaselineUAX29 segments the same text with plain Unicode sentence
// boundaries, which know no abbreviations, for a speed comparison.
func BenchmarkBaselineUAX29(b *testing.B) {
	text := newsLikeText(5 << 20)
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		n := 0
		for it := sentences.FromString(text); it.Next(); {
			n++
		}
		sink = n
	}
}
