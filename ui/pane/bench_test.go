package pane

import (
	"regexp"
	"testing"

	"github.com/parallax-reader/parallax/ui/internal/fixture"
)

var sink []Line

// BenchmarkWrap5MB is the first wrap of a 5 MB article at a typical pane
// width: what stands between loading it and its first screen.
func BenchmarkWrap5MB(b *testing.B) {
	art := fixture.Generate(5<<20, 1)
	b.SetBytes(int64(len(art.Text)))
	b.ReportAllocs()
	for b.Loop() {
		sink = Wrap(art.Text, 72)
	}
	b.ReportMetric(float64(len(sink)), "lines")
}

// BenchmarkFind5MB searches a 5 MB article for a common word, a word that
// is absent and a single letter; "regexp" is the (?i) baseline Find replaces.
func BenchmarkFind5MB(b *testing.B) {
	art := fixture.Generate(5<<20, 1)
	for _, q := range []string{"Council", "zyzzyva", "e"} {
		b.Run("find/"+q, func(b *testing.B) {
			b.SetBytes(int64(len(art.Text)))
			for b.Loop() {
				Find(art.Text, q)
			}
		})
		b.Run("regexp/"+q, func(b *testing.B) {
			b.SetBytes(int64(len(art.Text)))
			re := regexp.MustCompile("(?i)" + regexp.QuoteMeta(q))
			for b.Loop() {
				re.FindAllStringIndex(art.Text, -1)
			}
		})
	}
}
