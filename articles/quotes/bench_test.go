package quotes

import (
	"strings"
	"testing"

	"github.com/parallax-reader/parallax/articles/segment"
	"github.com/parallax-reader/parallax/model"
)

// newsParagraphs are invented news paragraphs with the constructs Find
// looks at: both kinds of marks, attributions before and after, pronouns,
// appositives, scare quotes and a quotation over two paragraphs.
var newsParagraphs = []string{
	`Jane Roe met the delegation on Monday. "We had a long and useful meeting," said Foreign Minister Jane Roe. "There is more to do."`,
	"“The talks will continue next month,” John Q. Public, the deputy envoy, told reporters after the session in the capital.",
	`She said the proposal was "businesslike" but added that "no agreement was reached on the main points of the plan."`,
	"A senior official, speaking on condition of anonymity, said: “We expect them to respond within weeks,” and left.",
	`According to the ministry, "the sides agreed on a timetable for further rounds of talks in the region." It gave no dates.`,
	`Public said: "The first part of the statement runs on into the next paragraph, as long quotations do.`,
	`"And here it ends, with the speaker named only in the paragraph before," the statement concluded.`,
	"Officials declined to comment on the report, which cited unnamed sources and described the plan as a “first step” only.",
}

func newsText(size int) (string, []model.Mention) {
	var b strings.Builder
	var names []model.Mention
	for b.Len() < size {
		for _, p := range newsParagraphs {
			base := b.Len()
			for _, n := range []string{"Jane Roe", "John Q. Public"} {
				for off := 0; ; {
					i := strings.Index(p[off:], n)
					if i < 0 {
						break
					}
					s := base + off + i
					names = append(names, model.Mention{Span: model.Span{Start: s, End: s + len(n)}, Text: n, Type: model.Person, Cluster: n})
					off += i + len(n)
				}
			}
			b.WriteString(p)
			b.WriteString("\n\n")
		}
	}
	text := b.String()
	return text, names
}

var sink int

func BenchmarkFind(b *testing.B) {
	text, _ := newsText(2 << 20)
	paras := segment.Paragraphs(text)
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		sink = len(Find(text, paras, nil))
	}
}

func BenchmarkFindWithNames(b *testing.B) {
	text, names := newsText(2 << 20)
	paras := segment.Paragraphs(text)
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		sink = len(Find(text, paras, names))
	}
}

// BenchmarkBaselineSentences segments the same text into sentences, which
// Find does once inside, for comparison.
func BenchmarkBaselineSentences(b *testing.B) {
	text, _ := newsText(2 << 20)
	paras := segment.Paragraphs(text)
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		sink = len(segment.Sentences(text, paras))
	}
}
