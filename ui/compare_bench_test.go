package ui

import (
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/parallax-reader/parallax/model"
	"github.com/parallax-reader/parallax/ui/internal/fixture"
)

// linkedKeystrokes move the sentence cursor near and far, so each press
// looks up the counterpart, scrolls the other pane and diffs the pair.
var linkedKeystrokes = []string{"]", "]", "j", "[", "G", "]", "g", "]", "ctrl+d", "]"}

// benchLinked measures one key press and the frame after it with two
// articles of size bytes side by side at 160×45, every other sentence of
// the first aligned with a sentence of the second in reverse order (so a
// cursor move sends the other pane far away). With linked off it is the
// baseline for the same keys; with it on, the cost must stay flat in the
// article's size, as the alignments are indexed once.
func benchLinked(b *testing.B, size int, linked bool) {
	a, c := fixture.Generate(size, 21), fixture.Generate(size, 22)
	a.ID, c.ID = "a1", "a2"
	n := min(len(a.Sentences), len(c.Sentences))
	an := &model.Analysis{}
	for i := 0; i < n; i += 2 {
		an.Alignments = append(an.Alignments, model.Alignment{
			A:     model.Passage{Article: "a1", Span: a.Sentences[i]},
			B:     model.Passage{Article: "a2", Span: c.Sentences[n-1-i]},
			Score: 0.5,
		})
	}
	m := New(Options{Articles: []model.Article{a, c}, Theme: "dark"})
	m.Update(tea.WindowSizeMsg{Width: 160, Height: 45})
	m.Update(AnalysisMsg{Analysis: an})
	if linked {
		m.Update(press("s"))
		if !m.Linked() {
			b.Fatal("s did not turn linking on")
		}
	}
	msgs := make([]tea.Msg, len(linkedKeystrokes))
	for i, k := range linkedKeystrokes {
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

func BenchmarkLinkedOffSmall(b *testing.B) { benchLinked(b, 4<<10, false) }
func BenchmarkLinkedOff5MB(b *testing.B)   { benchLinked(b, 5<<20, false) }
func BenchmarkLinkedSmall(b *testing.B)    { benchLinked(b, 4<<10, true) }
func BenchmarkLinked5MB(b *testing.B)      { benchLinked(b, 5<<20, true) }
