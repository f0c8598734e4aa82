package ui

import (
	"fmt"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/parallax-reader/parallax/model"
)

// analysisFrom builds an analysis of arts from arbitrary bytes: mentions
// and quotations with spans that may overlap, run backwards or past the
// text, unknown types, clusters that do not exist. Five bytes make one.
func analysisFrom(arts []model.Article, data []byte) *model.Analysis {
	an := &model.Analysis{Clusters: []model.Cluster{
		{ID: "c0", Name: "Zero", Type: model.Person, Mentions: map[string]int{"a1": 2}},
		{ID: "c1", Name: "", Type: model.GPE},
	}}
	for _, a := range arts {
		an.Articles = append(an.Articles, model.ArticleAnalysis{Article: a.ID})
	}
	types := append(append([]model.EntityType(nil), model.EntityTypes...), "WORK_OF_ART", "")
	for len(data) >= 5 {
		b := data[:5]
		data = data[5:]
		aa := &an.Articles[int(b[0])%len(an.Articles)]
		n := len(arts[int(b[0])%len(arts)].Text)
		start := int(int8(b[1])) * max(n/100, 1)
		span := model.Span{Start: start, End: start + int(int8(b[2]))*3}
		cluster := fmt.Sprintf("c%d", b[4]%4)
		if b[0]&0x80 == 0 {
			aa.Mentions = append(aa.Mentions, model.Mention{Span: span, Text: "x", Type: types[int(b[3])%len(types)], Cluster: cluster, Role: "r"})
		} else {
			q := model.Quote{Span: span, Text: "words\nover lines", Speaker: cluster, SpeakerCluster: cluster, Short: b[3]&1 == 1}
			if b[3]&2 == 2 {
				sp := model.Span{Start: span.End, End: span.End + int(b[4])}
				q.SpeakerSpan = &sp
			}
			aa.Quotes = append(aa.Quotes, q)
		}
	}
	return an
}

// Whatever the analysis holds, the reader neither panics nor draws a
// frame of the wrong size, through every analysis key and both panels.
func FuzzAnalysis(f *testing.F) {
	f.Add([]byte{0, 10, 5, 0, 0, 0x80, 9, 20, 2, 1, 1, 200, 3, 4, 2}, uint8(100))
	f.Add([]byte{0, 0x7f, 0x7f, 1, 3, 0x81, 0x80, 0x7f, 3, 9}, uint8(40))
	f.Add([]byte{0x80, 5, 0xf0, 0, 0, 0, 5, 0xf0, 7, 1}, uint8(160))
	f.Fuzz(func(t *testing.T, data []byte, width uint8) {
		arts, _ := analysisArticles()
		w, h := max(int(width), 1), 24
		m := newModel(t, arts, w, h)
		run(m, AnalysisMsg{Analysis: analysisFrom(arts, data)})
		for _, keys := range [][]string{
			{"e", "e", "E", `"`, `"`, "tab", "e", "E", `"`},
			{"i", "j", "enter", "enter", "G", "enter", "/", "z", "enter", "esc", "esc"},
			{"o", "j", "enter", "k", "enter", "q"},
		} {
			typeKeys(m, keys...)
			checkFrame(t, m.Render(), w, h)
		}
		run(m, tea.WindowSizeMsg{Width: 30, Height: 8})
		checkFrame(t, m.Render(), 30, 8)
	})
}
