package tagform

import "testing"

// BenchmarkView draws the form at 80×24 with a note being typed: the cost
// of one frame while the form is open.
func BenchmarkView(b *testing.B) {
	m := newForm(b)
	keys(m, "n", "h", "enter")
	typeText(m, "Twelve here, fifteen there.\nSecond line of the note.")
	b.ReportAllocs()
	for b.Loop() {
		_ = m.View()
	}
}
