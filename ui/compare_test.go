package ui

import (
	"fmt"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/parallax-reader/parallax/model"
	"github.com/parallax-reader/parallax/ui/internal/fixture"
	"github.com/parallax-reader/parallax/ui/keys"
	"github.com/parallax-reader/parallax/ui/theme"
)

// cmpFiller is n numbered sentences that align with nothing, a line each.
func cmpFiller(tag string, n int) string {
	var b strings.Builder
	for i := range n {
		fmt.Fprintf(&b, "Filler %s sentence number %d.\n", tag, i+1)
	}
	return b.String()
}

// Two accounts that tell the same facts in a different order: article 1
// opens with the count and ends with the quotation; article 2 opens with
// the quotation and gives the count near its end. "The weather was mild."
// is in article 1 only.
func compareArticles() []model.Article {
	a := fixture.Article("a1", "wire-one.example", "Blast in the market",
		"Officials said 40 people were hurt in the blast that struck the old market early on Tuesday morning.\n"+cmpFiller("one", 12)+
			"The weather was mild.\n"+cmpFiller("two", 12)+
			"“We will rebuild the market,” the mayor said on Tuesday.")
	b := fixture.Article("a2", "wire-two.example", "Market blast",
		"“We will rebuild the whole market,” the mayor said.\n"+cmpFiller("three", 30)+
			"Officials said 14 people were injured in the blast that struck the old market early on Tuesday morning.\n"+cmpFiller("four", 20))
	a.URI, b.URI = "urn:test:a1", "urn:test:a2"
	return []model.Article{a, b}
}

// cmpAlign pairs the sentence of article 1 that starts with sa with the
// sentence of article 2 that starts with sb.
func cmpAlign(t *testing.T, arts []model.Article, sa, sb string, score float64) model.Alignment {
	t.Helper()
	return model.Alignment{
		A:     model.Passage{Article: arts[0].ID, Span: cmpSentence(t, &arts[0], sa)},
		B:     model.Passage{Article: arts[1].ID, Span: cmpSentence(t, &arts[1], sb)},
		Score: score,
	}
}

func cmpSentence(t *testing.T, a *model.Article, prefix string) model.Span {
	t.Helper()
	for _, s := range a.Sentences {
		if strings.HasPrefix(a.Slice(s), prefix) {
			return s
		}
	}
	t.Fatalf("no sentence starting %q in %s", prefix, a.ID)
	return model.Span{}
}

// compareAnalysis aligns the count and the quotation of compareArticles.
func compareAnalysis(t *testing.T, arts []model.Article) *model.Analysis {
	return &model.Analysis{Alignments: []model.Alignment{
		cmpAlign(t, arts, "Officials said 40", "Officials said 14", 0.8),
		cmpAlign(t, arts, "“We will rebuild", "“We will rebuild", 0.7),
	}}
}

// newCompareModel is a reader on compareArticles with their analysis
// delivered, sized w×h.
func newCompareModel(t *testing.T, w, h int) (*Model, []model.Article) {
	t.Helper()
	arts := compareArticles()
	m := newModel(t, arts, w, h)
	run(m, AnalysisMsg{Analysis: compareAnalysis(t, arts)})
	return m, arts
}

// cmpLayerText lists the texts a layer of pane i covers.
func cmpLayerText(m *Model, i int, layer string) []string {
	p := m.Panes()[i]
	var out []string
	for _, d := range p.Decorations(layer) {
		out = append(out, p.Article().Slice(d.Span))
	}
	return out
}

// The cursor on the first sentence of article 1 brings the last sentence
// of article 2 into view, at the same height, marked; the quotation at the
// end of article 1 brings the first of article 2 back.
func TestLinkedScrollingFollowsReorderedSentences(t *testing.T) {
	m, arts := newCompareModel(t, 120, 24)
	if !m.c.Keys.Link.Enabled() {
		t.Fatal("s disabled with the analysis here")
	}
	typeKeys(m, "s")
	if !m.Linked() || !strings.Contains(statusLine(m), "linked") {
		t.Fatalf("s did not turn linking on: %q", statusLine(m))
	}
	a, b := m.Panes()[0], m.Panes()[1]
	count := cmpSentence(t, &arts[1], "Officials said 14")
	if cur, _ := a.CursorSpan(); !strings.HasPrefix(a.Article().Slice(cur), "Officials said 40 people were hurt") {
		t.Fatalf("s placed the cursor on %q", a.Article().Slice(cur))
	}
	if !b.Shows(count) {
		t.Fatal("the counterpart at the end of article 2 was not scrolled into view")
	}
	if got, want := b.RowOf(count), a.RowOf(cmpSentence(t, &arts[0], "Officials said 40")); got != want {
		t.Errorf("counterpart at row %d, cursor sentence at row %d", got, want)
	}
	if got := cmpLayerText(m, 1, LayerLinked); len(got) != 1 || !strings.HasPrefix(got[0], "Officials said 14 people were injured in the blast that") {
		t.Fatalf("linked layer %q", got)
	}
	if d := b.Decorations(LayerLinked); d[0].Class != theme.Linked {
		t.Fatalf("linked class %s", d[0].Class)
	}
	// The mark reads without colour: its own gutter sign beside the lines
	// without a changed word, the diff's sign beside the others.
	if sc := screen(m); !strings.Contains(sc, "+ Officials said 14") || !strings.Contains(sc, "≈ struck the old") {
		t.Errorf("no linked gutter mark beside the counterpart:\n%s", screen(m))
	}

	// To the quotation at the end of article 1: article 2 scrolls back up.
	typeKeys(m, "G", "]")
	for range 40 {
		typeKeys(m, "]")
	}
	if cur, _ := a.CursorSpan(); !strings.HasPrefix(a.Article().Slice(cur), "“We will rebuild") {
		t.Fatalf("cursor on %q", a.Article().Slice(cur))
	}
	quote := cmpSentence(t, &arts[1], "“We will rebuild")
	if !b.Shows(quote) || b.Top() != 0 {
		t.Fatalf("article 2 did not scroll back to its first sentence (top %d)", b.Top())
	}
	if got := cmpLayerText(m, 1, LayerLinked); len(got) != 1 || !strings.HasPrefix(got[0], "“We will rebuild the whole") {
		t.Fatalf("linked layer %q", got)
	}
}

// A sentence with no counterpart says so, marks nothing and diffs nothing;
// the view of the other pane stays where it was.
func TestLinkedSentenceWithoutCounterpart(t *testing.T) {
	m, arts := newCompareModel(t, 120, 24)
	typeKeys(m, "s")
	b := m.Panes()[1]
	top := b.Top()
	mild := cmpSentence(t, &arts[0], "The weather was mild.")
	m.Panes()[0].SetCursorAt(mild.Start)
	m.Panes()[0].Reveal(mild)
	run(m, press("j")) // any message syncs; j scrolls without moving the cursor
	if got := statusLine(m); !strings.Contains(got, "linked · no counterpart in 2") {
		t.Fatalf("status %q", got)
	}
	if len(b.Decorations(LayerLinked)) != 0 || len(b.Decorations(LayerDiff)) != 0 || len(m.Panes()[0].Decorations(LayerDiff)) != 0 {
		t.Fatal("marks left over from the previous sentence")
	}
	if b.Top() != top {
		t.Errorf("article 2 scrolled from %d to %d with nothing to show", top, b.Top())
	}
}

// The pair under the cursor is diffed word by word: removed words in the
// cursor's pane, added words in the counterpart's, with a gutter mark each.
func TestLinkedDiffMarksThePair(t *testing.T) {
	m, _ := newCompareModel(t, 120, 24)
	typeKeys(m, "s")
	if got := cmpLayerText(m, 0, LayerDiff); strings.Join(got, "|") != "40|hurt" {
		t.Fatalf("removed words %q, want 40|hurt", got)
	}
	if got := cmpLayerText(m, 1, LayerDiff); strings.Join(got, "|") != "14|injured" {
		t.Fatalf("added words %q, want 14|injured", got)
	}
	for i, c := range []theme.Class{theme.DiffRemoved, theme.DiffAdded} {
		for _, d := range m.Panes()[i].Decorations(LayerDiff) {
			if d.Class != c {
				t.Fatalf("pane %d diff class %s, want %s", i+1, d.Class, c)
			}
		}
	}
	sc := screen(m)
	if !strings.Contains(sc, "- Officials said 40") || !strings.Contains(sc, "+ Officials said 14") {
		t.Errorf("no diff gutter marks:\n%s", sc)
	}
	// Drawn struck through and underlined (as without colour).
	mono := theme.Mono()
	mm := New(Options{Articles: m.arts, Theme: "mono"})
	run(mm, tea.WindowSizeMsg{Width: 120, Height: 24}, AnalysisMsg{Analysis: m.analysis})
	typeKeys(mm, "s")
	frame := mm.Render()
	if !strings.Contains(frame, mono.Highlight[theme.DiffRemoved].Render("40")) ||
		!strings.Contains(frame, mono.Highlight[theme.DiffAdded].Render("injured")) {
		t.Errorf("diff words not styled without colour")
	}

	// Moving to a sentence without counterpart clears the diff; coming back
	// draws it again; s clears it all.
	typeKeys(m, "]")
	if len(m.Panes()[0].Decorations(LayerDiff))+len(m.Panes()[1].Decorations(LayerDiff)) != 0 {
		t.Fatal("diff kept on a sentence without counterpart")
	}
	typeKeys(m, "[")
	if len(cmpLayerText(m, 1, LayerDiff)) != 2 {
		t.Fatal("diff not drawn again on the aligned sentence")
	}
	typeKeys(m, "s")
	if m.Linked() || strings.Count(statusLine(m), "linked") != 1 || !strings.Contains(statusLine(m), "linked scrolling off") {
		t.Fatalf("s did not turn linking off: %q", statusLine(m))
	}
	for i := range 2 {
		if len(m.Panes()[i].Decorations(LayerDiff))+len(m.Panes()[i].Decorations(LayerLinked)) != 0 {
			t.Fatalf("pane %d keeps marks after linking is off", i+1)
		}
	}
	// The cursor moves freely again: article 2 stays put.
	top := m.Panes()[1].Top()
	typeKeys(m, "G", "]")
	if m.Panes()[1].Top() != top {
		t.Error("article 2 followed with linking off")
	}
}

// tab to the other pane puts its cursor on the linked passage, and linking
// goes on from there in the other direction.
func TestLinkedFocusMovesToCounterpart(t *testing.T) {
	m, arts := newCompareModel(t, 120, 24)
	typeKeys(m, "s", "tab")
	b := m.Panes()[1]
	if cur, _ := b.CursorSpan(); cur != cmpSentence(t, &arts[1], "Officials said 14") {
		t.Fatalf("cursor in article 2 on %q", b.Article().Slice(cur))
	}
	// Removed words are now article 2's, added ones article 1's.
	if got := cmpLayerText(m, 1, LayerDiff); strings.Join(got, "|") != "14|injured" {
		t.Fatalf("removed in article 2: %q", got)
	}
	if d := b.Decorations(LayerDiff); len(d) == 0 || d[0].Class != theme.DiffRemoved {
		t.Fatalf("article 2 diff %+v", d)
	}
	if got := cmpLayerText(m, 0, LayerLinked); len(got) != 1 || !strings.HasPrefix(got[0], "Officials said 40") {
		t.Fatalf("linked in article 1: %q", got)
	}
}

// Before the analysis, s is disabled, left out of help, and says why.
func TestLinkWaitsForAnalysis(t *testing.T) {
	arts := compareArticles()
	m := newModel(t, arts, 120, 24)
	run(m, AnalysisStartedMsg{})
	if m.c.Keys.Link.Enabled() {
		t.Fatal("s enabled before the analysis")
	}
	typeKeys(m, "s")
	if m.Linked() || !strings.Contains(m.Status(), "analysis") {
		t.Fatalf("s before the analysis: linked %v, status %q", m.Linked(), m.Status())
	}
	typeKeys(m, "?")
	if strings.Contains(screen(m), "linked scrolling") {
		t.Error("help lists s before the analysis")
	}
	typeKeys(m, "esc")
	run(m, AnalysisMsg{Analysis: compareAnalysis(t, arts)})
	typeKeys(m, "?")
	if !strings.Contains(screen(m), "linked scrolling") {
		t.Errorf("help lacks s once the analysis is here:\n%s", screen(m))
	}
	if m.State() != keys.HelpOpen {
		t.Fatal("help not open")
	}
}

// One article: nothing to compare, and s says so.
func TestLinkOneArticle(t *testing.T) {
	arts := compareArticles()[:1]
	m := newModel(t, arts, 80, 24)
	run(m, AnalysisMsg{Analysis: &model.Analysis{}})
	typeKeys(m, "s")
	if m.Linked() || !strings.Contains(m.Status(), "one article") {
		t.Fatalf("linked %v, status %q", m.Linked(), m.Status())
	}
}

// A quotation pair stands for its sentence when the sentences themselves
// were not paired, and only the quotations are diffed.
func TestLinkedQuotationPair(t *testing.T) {
	arts := compareArticles()
	m := newModel(t, arts, 120, 24)
	qa := cmpSentence(t, &arts[0], "“We will rebuild")
	qb := cmpSentence(t, &arts[1], "“We will rebuild")
	quoteA := model.Span{Start: qa.Start, End: qa.Start + len("“We will rebuild the market,”")}
	quoteB := model.Span{Start: qb.Start, End: qb.Start + len("“We will rebuild the whole market,”")}
	run(m, AnalysisMsg{Analysis: &model.Analysis{Alignments: []model.Alignment{{
		A: model.Passage{Article: "a1", Span: quoteA}, B: model.Passage{Article: "a2", Span: quoteB}, Score: 0.9, Quote: true,
	}}}})
	m.Panes()[0].SetCursorAt(qa.Start)
	m.Panes()[0].Reveal(qa)
	typeKeys(m, "s")
	if got := cmpLayerText(m, 1, LayerLinked); len(got) != 1 || got[0] != "“We will rebuild the whole market,”" {
		t.Fatalf("linked %q", got)
	}
	if got := cmpLayerText(m, 1, LayerDiff); strings.Join(got, "|") != "whole" {
		t.Fatalf("added %q, want whole", got)
	}
	if got := cmpLayerText(m, 0, LayerDiff); len(got) != 0 {
		t.Fatalf("removed %q, want none", got)
	}
}

// With three articles the status bar names the pane the removed words are
// measured against, and each other pane is marked on its own.
func TestLinkedThreeArticles(t *testing.T) {
	arts := compareArticles()
	c := fixture.Article("a3", "wire-three.example", "Blast", "Officials said 40 people died in the blast. The end.")
	arts = append(arts, c)
	m := newModel(t, arts, 150, 24)
	an := compareAnalysis(t, arts)
	an.Alignments = append(an.Alignments, model.Alignment{
		A: model.Passage{Article: "a1", Span: cmpSentence(t, &arts[0], "Officials said 40")},
		B: model.Passage{Article: "a3", Span: cmpSentence(t, &arts[2], "Officials said 40")}, Score: 0.9,
	})
	run(m, AnalysisMsg{Analysis: an})
	typeKeys(m, "s")
	if got := statusLine(m); !strings.Contains(got, "linked · diff with 2") {
		t.Fatalf("status %q", got)
	}
	if got := cmpLayerText(m, 2, LayerDiff); strings.Join(got, "|") != "died" {
		t.Fatalf("added in article 3 %q", got)
	}
	typeKeys(m, "]")
	if got := statusLine(m); !strings.Contains(got, "no counterpart in 2, 3") {
		t.Fatalf("status %q", got)
	}
}
