package preview

import (
	"bytes"
	"testing"

	"github.com/parallax-reader/parallax/ui/theme"
)

// bigNote is the fixed note's body a hundred times over: about 300 tags,
// 250 KB, 8000 rendered lines at 80 columns.
func bigNote(b *testing.B) []byte {
	md := fixedNote(b)
	body := md[bytes.Index(md, []byte("\n# ")):]
	return append(md, bytes.Repeat(body, 100)...)
}

// BenchmarkPreview compares drawing a frame, which touches only the lines
// on screen, with rendering the whole note through glamour, which happens
// only on a width or theme change: frame/op should be a tiny fraction of
// render/op and independent of the note's length.
func BenchmarkPreview(b *testing.B) {
	md := bigNote(b)
	b.Run("frame", func(b *testing.B) {
		m := newPreview(b, theme.Dark(), md, "notes.md", 80, 24)
		m.Search("bridge") // matches on screen are drawn too
		b.ReportAllocs()
		b.ResetTimer()
		for i := range b.N {
			m.ScrollTo(i % m.Lines())
			_ = m.View()
		}
	})
	b.Run("render", func(b *testing.B) {
		m := newPreview(b, theme.Dark(), md, "notes.md", 80, 24)
		b.ReportAllocs()
		b.ResetTimer()
		for i := range b.N {
			m.SetSize(80+i%2, 24) // a new width each time
		}
	})
	b.Run("render-3-tags", func(b *testing.B) {
		m := newPreview(b, theme.Dark(), fixedNote(b), "notes.md", 80, 24)
		b.ReportAllocs()
		b.ResetTimer()
		for i := range b.N {
			m.SetSize(80+i%2, 24)
		}
	})
	b.Run("search", func(b *testing.B) {
		m := newPreview(b, theme.Dark(), md, "notes.md", 80, 24)
		b.ReportAllocs()
		b.ResetTimer()
		for range b.N {
			m.Search("thirty years")
		}
	})
}
