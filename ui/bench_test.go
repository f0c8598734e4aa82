package ui

import (
	"runtime"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/parallax-reader/parallax/model"
	"github.com/parallax-reader/parallax/ui/internal/fixture"
)

// keystrokes is the mix a reader types: line, half page, sentence, bottom,
// top, sentence.
var keystrokes = []string{"j", "ctrl+d", "]", "G", "g", "]"}

// benchKeystrokes measures one key press (Update) and the frame after it
// (View) with two articles of size bytes side by side at 160×45. The line
// index makes the cost independent of the article's length.
func benchKeystrokes(b *testing.B, size int) {
	a, c := fixture.Generate(size, 21), fixture.Generate(size, 22)
	a.ID, c.ID = "a1", "a2"
	m := New(Options{Articles: []model.Article{a, c}, Theme: "dark"})
	m.Update(tea.WindowSizeMsg{Width: 160, Height: 45})
	msgs := make([]tea.Msg, len(keystrokes))
	for i, k := range keystrokes {
		msgs[i] = press(k)
	}
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		m.Update(msgs[i%len(msgs)])
		_ = m.View()
		i++
	}
}

func BenchmarkKeystrokeSmall(b *testing.B) { benchKeystrokes(b, 4<<10) }
func BenchmarkKeystroke5MB(b *testing.B)   { benchKeystrokes(b, 5<<20) }

// heapMB is the live heap after a collection.
func heapMB() float64 {
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	return float64(ms.HeapAlloc) / (1 << 20)
}

// A 5 MB article, wrapped, scrolled, cursor placed and searched for a letter
// that matches a million times, keeps the reader's heap well under the
// 250 MB budget. The article text itself is counted.
func TestMemory5MB(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a 5 MB article")
	}
	before := heapMB()
	art := fixture.Generate(5<<20, 31)
	m := newModel(t, []model.Article{art}, 160, 45)
	typeKeys(m, "G", "]", "/", "e", "enter", "n")
	for _, w := range []int{80, 120, 160} {
		run(m, tea.WindowSizeMsg{Width: w, Height: 45})
		_ = m.Render()
	}
	used := heapMB() - before
	t.Logf("heap for a 5 MB article after wrap, search and resizes: %.1f MB", used)
	if used > 120 {
		t.Errorf("heap grew %.1f MB for a 5 MB article; budget is well under 250 MB", used)
	}
	runtime.KeepAlive(m)
}

// BenchmarkFirstScreen5MB is the time from a loaded 5 MB article to its
// first frame: building the reader, the first wrap, and drawing.
func BenchmarkFirstScreen5MB(b *testing.B) {
	art := fixture.Generate(5<<20, 41)
	arts := []model.Article{art}
	b.ReportAllocs()
	for b.Loop() {
		m := New(Options{Articles: arts, Theme: "dark"})
		m.Update(tea.WindowSizeMsg{Width: 160, Height: 45})
		_ = m.View()
	}
}
