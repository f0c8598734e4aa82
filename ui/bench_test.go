package ui

import (
	"fmt"
	"runtime"
	"slices"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/parallax-reader/parallax/model"
	"github.com/parallax-reader/parallax/ui/internal/fixture"
)

// keystrokes is the mix a reader types: line, half page, sentence, bottom,
// top, sentence.
var keystrokes = []string{"j", "ctrl+d", "]", "G", "g", "]"}

// highlightKeystrokes adds the analysis keys: next entity, next
// quotation, previous entity.
var highlightKeystrokes = append([]string{"e", `"`, "E"}, keystrokes...)

// benchKeystrokes measures one key press (Update) and the frame after it
// (View) with two articles of size bytes side by side at 160×45. The line
// index makes the cost independent of the article's length. With
// highlights, the articles carry a mention every eight words (about 100,000
// in 5 MB) and a quotation every sixty, and e, " and E join the keys.
func benchKeystrokes(b *testing.B, size int, highlights bool) {
	a, c := fixture.Generate(size, 21), fixture.Generate(size, 22)
	a.ID, c.ID = "a1", "a2"
	arts := []model.Article{a, c}
	m := New(Options{Articles: arts, Theme: "dark"})
	m.Update(tea.WindowSizeMsg{Width: 160, Height: 45})
	keys := keystrokes
	if highlights {
		m.Update(AnalysisMsg{Analysis: syntheticAnalysis(arts)})
		keys = highlightKeystrokes
	}
	msgs := make([]tea.Msg, len(keys))
	for i, k := range keys {
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

func BenchmarkKeystrokeSmall(b *testing.B) { benchKeystrokes(b, 4<<10, false) }
func BenchmarkKeystroke5MB(b *testing.B)   { benchKeystrokes(b, 5<<20, false) }

// With highlights the cost per key must stay flat too: compare
// KeystrokeHighlights5MB with KeystrokeHighlightsSmall.
func BenchmarkKeystrokeHighlightsSmall(b *testing.B) { benchKeystrokes(b, 4<<10, true) }
func BenchmarkKeystrokeHighlights5MB(b *testing.B)   { benchKeystrokes(b, 5<<20, true) }

// BenchmarkAnalysisArrives5MB is the one-time cost of the analysis of two
// 5 MB articles arriving: sorting, the highlight layers and both panels.
func BenchmarkAnalysisArrives5MB(b *testing.B) {
	a, c := fixture.Generate(5<<20, 21), fixture.Generate(5<<20, 22)
	a.ID, c.ID = "a1", "a2"
	arts := []model.Article{a, c}
	an := syntheticAnalysis(arts)
	b.ReportAllocs()
	for b.Loop() {
		m := New(Options{Articles: arts, Theme: "dark"})
		m.Update(tea.WindowSizeMsg{Width: 160, Height: 45})
		m.Update(AnalysisMsg{Analysis: an})
	}
}

// syntheticAnalysis marks every eighth word of each article as a mention
// (types in turn, names linked into a few hundred clusters shared by the
// articles) and sixty-word stretches as quotations.
func syntheticAnalysis(arts []model.Article) *model.Analysis {
	types := []model.EntityType{model.Person, model.Org, model.GPE, model.NORP, model.Date, model.Cardinal}
	an := &model.Analysis{}
	clusters := map[string]*model.Cluster{}
	for _, art := range arts {
		aa := model.ArticleAnalysis{Article: art.ID}
		text := art.Text
		word, inWord, start := 0, false, 0
		qStart := -1
		for i := 0; i <= len(text); i++ {
			letter := i < len(text) && (text[i] >= 'a' && text[i] <= 'z' || text[i] >= 'A' && text[i] <= 'Z')
			switch {
			case letter && !inWord:
				start, inWord = i, true
			case !letter && inWord:
				inWord = false
				word++
				if word%8 == 0 {
					t := types[(word/8)%len(types)]
					mt := model.Mention{Span: model.Span{Start: start, End: i}, Text: text[start:i], Type: t}
					if t.IsName() {
						id := fmt.Sprintf("c%d", (word/8)%300)
						mt.Cluster = id
						cl := clusters[id]
						if cl == nil {
							cl = &model.Cluster{ID: id, Name: "Name " + id, Type: t, Mentions: map[string]int{}}
							clusters[id] = cl
						}
						cl.Mentions[art.ID]++
					}
					aa.Mentions = append(aa.Mentions, mt)
				}
				switch {
				case word%60 == 10:
					qStart = start
				case word%60 == 40 && qStart >= 0:
					aa.Quotes = append(aa.Quotes, model.Quote{Span: model.Span{Start: qStart, End: i},
						Text: text[qStart:i], Speaker: "Name c1", SpeakerCluster: "c1"})
					qStart = -1
				}
			}
		}
		an.Articles = append(an.Articles, aa)
	}
	for _, id := range sortedKeys(clusters) {
		an.Clusters = append(an.Clusters, *clusters[id])
	}
	return an
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

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

// BenchmarkPanelsOpen5MB is the first opening of the entities and the
// quotations panel over two 5 MB articles, when their rows are listed.
func BenchmarkPanelsOpen5MB(b *testing.B) {
	a, c := fixture.Generate(5<<20, 21), fixture.Generate(5<<20, 22)
	a.ID, c.ID = "a1", "a2"
	arts := []model.Article{a, c}
	m := New(Options{Articles: arts, Theme: "dark"})
	m.Update(tea.WindowSizeMsg{Width: 160, Height: 45})
	m.Update(AnalysisMsg{Analysis: syntheticAnalysis(arts)})
	b.ReportAllocs()
	for b.Loop() {
		m.buildPanels()
		m.openPanel(panelEntities)
		m.openPanel(panelQuotes)
		m.closePanel()
	}
}
