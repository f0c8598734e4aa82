package ui

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/parallax-reader/parallax/model"
	"github.com/parallax-reader/parallax/ui/internal/fixture"
)

// filler is enough prose to push what follows below the first screen.
var filler = strings.Repeat("Officials discussed the border at length again. ", 60)

// analysisArticles are two accounts of a meeting and a hand-made analysis
// of them: Crocker in both, Tehran only in the second, Washington only in
// the first; an attributed, an unattributed and a short quotation in the
// first, an attributed one in the second.
func analysisArticles() ([]model.Article, *model.Analysis) {
	a := fixture.Article("a1", "one.example", "Talks in Baghdad",
		`Ryan Crocker met Iranian officials in Baghdad on Monday. "We laid out our concerns," Crocker said. The talks lasted four hours.`+"\n\n"+
			filler+"\n\n"+
			`"It was a very businesslike meeting," an aide noted afterwards. He called it "useful" later. Crocker left for Washington.`)
	b := fixture.Article("a2", "two.example", "Envoys meet",
		`The U.S. ambassador met Iran's envoy in Baghdad. "It was businesslike," said Ryan Crocker. Tehran welcomed the talks.`)
	at := func(text, sub string, nth int) model.Span {
		off := -1
		for range nth + 1 {
			i := strings.Index(text[off+1:], sub)
			if i < 0 {
				panic("no " + sub)
			}
			off += 1 + i
		}
		return model.Span{Start: off, End: off + len(sub)}
	}
	ment := func(text, sub string, nth int, typ model.EntityType, cluster, role string) model.Mention {
		return model.Mention{Span: at(text, sub, nth), Text: sub, Type: typ, Cluster: cluster, Role: role}
	}
	ta, tb := a.Text, b.Text
	crockerSaid := at(ta, "Crocker said", 0)
	crockerA := model.Span{Start: crockerSaid.Start, End: crockerSaid.Start + len("Crocker")}
	crockerB := at(tb, "Ryan Crocker", 0)
	an := &model.Analysis{
		Articles: []model.ArticleAnalysis{
			{Article: "a1", Mentions: []model.Mention{
				ment(ta, "Ryan Crocker", 0, model.Person, "c1", "U.S. Ambassador"),
				ment(ta, "Baghdad", 0, model.GPE, "c2", ""),
				ment(ta, "Monday", 0, model.Date, "", ""),
				{Span: crockerA, Text: "Crocker", Type: model.Person, Cluster: "c1"},
				ment(ta, "four hours", 0, model.Time, "", ""),
				ment(ta, "Crocker", 2, model.Person, "c1", ""),
				ment(ta, "Washington", 0, model.GPE, "c4", ""),
			}, Quotes: []model.Quote{
				{Span: at(ta, `"We laid out our concerns,"`, 0), Text: "We laid out our concerns,", Speaker: "Crocker", SpeakerCluster: "c1", SpeakerSpan: &crockerA},
				{Span: at(ta, `"It was a very businesslike meeting,"`, 0), Text: "It was a very businesslike meeting,"},
				{Span: at(ta, `"useful"`, 0), Text: "useful", Short: true},
			}},
			{Article: "a2", Mentions: []model.Mention{
				ment(tb, "Baghdad", 0, model.GPE, "c2", ""),
				{Span: crockerB, Text: "Ryan Crocker", Type: model.Person, Cluster: "c1"},
				ment(tb, "Tehran", 0, model.GPE, "c3", ""),
			}, Quotes: []model.Quote{
				{Span: at(tb, `"It was businesslike,"`, 0), Text: "It was businesslike,", Speaker: "Ryan Crocker", SpeakerCluster: "c1", SpeakerSpan: &crockerB},
			}},
		},
		Clusters: []model.Cluster{
			{ID: "c1", Name: "Ryan C. Crocker", Type: model.Person, Mentions: map[string]int{"a1": 3, "a2": 1}},
			{ID: "c2", Name: "Baghdad", Type: model.GPE, Mentions: map[string]int{"a1": 1, "a2": 1}},
			{ID: "c3", Name: "Tehran", Type: model.GPE, Mentions: map[string]int{"a2": 1}},
			{ID: "c4", Name: "Washington", Type: model.GPE, Mentions: map[string]int{"a1": 1}},
		},
	}
	return []model.Article{a, b}, an
}

// analysed is a reader on the analysis articles with the analysis
// delivered, sized w×h.
func analysed(t testing.TB, w, h int) (*Model, *model.Analysis) {
	t.Helper()
	arts, an := analysisArticles()
	m := newModel(t, arts, w, h)
	run(m, AnalysisMsg{Analysis: an})
	return m, an
}

// textSpan finds the nth occurrence of sub in pane i's text.
func textSpan(m *Model, i int, sub string, nth int) model.Span {
	text := m.Panes()[i].Article().Text
	off := -1
	for range nth + 1 {
		j := strings.Index(text[off+1:], sub)
		if j < 0 {
			return model.Span{Start: -1, End: -1}
		}
		off += 1 + j
	}
	return model.Span{Start: off, End: off + len(sub)}
}

// marked is the text of pane i's mark, or "".
func marked(m *Model, i int) string {
	p := m.Panes()[i]
	s, ok := p.MarkSpan()
	if !ok {
		return ""
	}
	return p.Article().Slice(s)
}

// resize delivers a new terminal size.
func resize(m *Model, w, h int) { run(m, tea.WindowSizeMsg{Width: w, Height: h}) }
