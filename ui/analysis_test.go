package ui

import (
	"errors"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/parallax-reader/parallax/model"
	"github.com/parallax-reader/parallax/ui/keys"
	"github.com/parallax-reader/parallax/ui/pane"
	"github.com/parallax-reader/parallax/ui/theme"
)

// Text shows at once; the highlights appear, by type, when the analysis
// arrives.
func TestHighlightsArriveWithAnalysis(t *testing.T) {
	arts, an := analysisArticles()
	m := newModel(t, arts, 100, 30)
	before := m.Render()
	if !strings.Contains(screen(m), "Ryan Crocker met") {
		t.Fatal("text not shown before the analysis")
	}
	for _, layer := range []string{LayerEntities, LayerQuotes, LayerSpeakers} {
		if len(m.Panes()[0].Decorations(layer)) != 0 {
			t.Fatalf("%s highlighted before the analysis", layer)
		}
	}
	run(m, AnalysisMsg{Analysis: an})
	if m.Render() == before {
		t.Fatal("the screen did not change when the analysis arrived")
	}
	classOf := map[string]theme.Class{}
	p := m.Panes()[0]
	for _, d := range p.Decorations(LayerEntities) {
		classOf[p.Article().Slice(d.Span)] = d.Class
	}
	want := map[string]theme.Class{
		"Ryan Crocker": theme.Person, "Baghdad": theme.Place, "Monday": theme.DateTime,
		"four hours": theme.DateTime, "Washington": theme.Place, "Crocker": theme.Person,
	}
	for text, c := range want {
		if classOf[text] != c {
			t.Errorf("%q highlighted as %v, want %v", text, classOf[text], c)
		}
	}
	quotes := p.Decorations(LayerQuotes)
	if len(quotes) != 3 || quotes[0].Class != theme.Quote {
		t.Fatalf("quotation layer %v", quotes)
	}
	sp := p.Decorations(LayerSpeakers)
	if len(sp) != 1 || p.Article().Slice(sp[0].Span) != "Crocker" || sp[0].Class != theme.Speaker {
		t.Fatalf("speaker layer %v", sp)
	}
	// Quotations carry a gutter mark, which shows without colour.
	if !strings.Contains(screen(m), "┊ ") {
		t.Errorf("no quotation mark in the gutter:\n%s", screen(m))
	}
}

func TestAnalysisKeysWaitForAnalysis(t *testing.T) {
	arts, an := analysisArticles()
	m := newModel(t, arts, 100, 30)
	run(m, AnalysisStartedMsg{})
	for _, k := range []string{"e", "E", `"`, "i", "o"} {
		typeKeys(m, k)
		if m.State() != keys.Reading {
			t.Fatalf("%s opened something before the analysis", k)
		}
		if _, ok := m.Panes()[0].MarkSpan(); ok {
			t.Fatalf("%s marked something before the analysis", k)
		}
		if !strings.Contains(m.Status(), "when the analysis is done") {
			t.Errorf("%s before the analysis: status %q", k, m.Status())
		}
	}
	typeKeys(m, "?")
	if s := screen(m); strings.Contains(s, "next entity") || strings.Contains(s, "entities panel") {
		t.Errorf("help lists the analysis keys before the analysis:\n%s", s)
	}
	typeKeys(m, "?")
	run(m, AnalysisMsg{Analysis: an})
	typeKeys(m, "?")
	s := screen(m)
	for _, want := range []string{"next entity", "previous entity", "next quotation", "entities panel", "quotations panel"} {
		if !strings.Contains(s, want) {
			t.Errorf("help after the analysis lacks %q", want)
		}
	}
}

// A failed analysis is a warning in the status bar, for good, and the
// analysis keys say why they do nothing.
func TestAnalysisFailureIsShown(t *testing.T) {
	arts, _ := analysisArticles()
	m := newModel(t, arts, 100, 30)
	run(m, AnalysisStartedMsg{})
	run(m, AnalysisMsg{Err: errors.New("analysis failed: entity model missing\nat line 2")})
	st := statusLine(m)
	if !strings.Contains(st, "analysis failed: entity model missing") || strings.Contains(st, "failed: analysis failed") ||
		strings.Contains(st, "line 2") {
		t.Fatalf("failure status %q", st)
	}
	typeKeys(m, "j")
	if !strings.Contains(statusLine(m), "no highlights") {
		t.Errorf("the warning went away after a key: %q", statusLine(m))
	}
	typeKeys(m, "i")
	if m.State() != keys.Reading || !strings.Contains(m.Status(), "entity model missing") {
		t.Errorf("i after a failure: state %v, status %q", m.State(), m.Status())
	}
	checkFrame(t, m.Render(), 100, 30)
	// A nil analysis without an error is a failure too, not a crash.
	m = newModel(t, arts, 80, 24)
	run(m, AnalysisMsg{})
	typeKeys(m, "e", "i", `"`)
	checkFrame(t, m.Render(), 80, 24)
}

func TestEntityKeys(t *testing.T) {
	m, _ := analysed(t, 100, 24)
	p := m.Panes()[0]
	order := []string{"Ryan Crocker", "Baghdad", "Monday", "Crocker", "four hours", "Crocker", "Washington"}
	for i, want := range order {
		typeKeys(m, "e")
		if got := marked(m, 0); got != want {
			t.Fatalf("e #%d marked %q, want %q", i+1, got, want)
		}
	}
	// The last mention is far below the first screen: the view followed,
	// and the sentence cursor is on the sentence holding it.
	last := textSpan(m, 0, "Washington", 0)
	if !p.Shows(last) {
		t.Fatal("e did not scroll to the mention")
	}
	if s, ok := p.CursorSpan(); !ok || !s.Contains(last.Start) {
		t.Fatalf("cursor %v does not hold the mention", s)
	}
	typeKeys(m, "e")
	if marked(m, 0) != "Ryan Crocker" || !strings.Contains(m.Status(), "wrapped to the first entity") {
		t.Fatalf("e past the last: %q, status %q", marked(m, 0), m.Status())
	}
	typeKeys(m, "E")
	if marked(m, 0) != "Washington" || !strings.Contains(m.Status(), "wrapped to the last entity") {
		t.Fatalf("E before the first: %q, status %q", marked(m, 0), m.Status())
	}
	typeKeys(m, "E")
	if marked(m, 0) != "Crocker" || m.Status() != "" {
		t.Fatalf("E: %q, status %q", marked(m, 0), m.Status())
	}
	// Without a mark, e starts from the cursor sentence.
	typeKeys(m, "g")
	p.SetCursor(2)
	if _, ok := p.MarkSpan(); ok {
		t.Fatal("moving the cursor elsewhere kept the mark")
	}
	typeKeys(m, "e")
	if marked(m, 0) != "four hours" {
		t.Fatalf("e from the third sentence marked %q", marked(m, 0))
	}
	// e works in the focused pane only.
	typeKeys(m, "tab", "e")
	if marked(m, 1) != "Baghdad" || marked(m, 0) != "four hours" {
		t.Fatalf("e in the second pane: %q, first pane %q", marked(m, 1), marked(m, 0))
	}
}

func TestQuoteKey(t *testing.T) {
	m, _ := analysed(t, 100, 24)
	want := []string{`"We laid out our concerns,"`, `"It was a very businesslike meeting,"`, `"useful"`, `"We laid out our concerns,"`}
	for i, w := range want {
		typeKeys(m, `"`)
		if got := marked(m, 0); got != w {
			t.Fatalf("\" #%d marked %q, want %q", i+1, got, w)
		}
	}
	if !strings.Contains(m.Status(), "wrapped to the first quotation") {
		t.Errorf("wrap not reported: %q", m.Status())
	}
	// One article without quotations: the key is off there and says so.
	arts, an := analysisArticles()
	an.Articles[1].Quotes = nil
	m = newModel(t, arts, 100, 24)
	run(m, AnalysisMsg{Analysis: an})
	typeKeys(m, "tab", `"`)
	if marked(m, 1) != "" || !strings.Contains(m.Status(), "no quotations found in this article") {
		t.Fatalf("\" without quotations: mark %q, status %q", marked(m, 1), m.Status())
	}
}

// The status bar says what the cursor is on: an entity's type, name, role
// and the articles that name it; a quotation's speaker.
func TestCursorContext(t *testing.T) {
	m, _ := analysed(t, 200, 30)
	typeKeys(m, "e")
	if st := statusLine(m); !strings.Contains(st, "PERSON Ryan C. Crocker · role: U.S. Ambassador · in 2/2 articles") {
		t.Fatalf("entity context: %q", st)
	}
	typeKeys(m, "e", "e", "e", "e", "e", "e")
	if st := statusLine(m); !strings.Contains(st, "GPE Washington · in 1/2 articles, not in 2 two.example") {
		t.Fatalf("entity absent from an article: %q", st)
	}
	typeKeys(m, "e", "e")
	if st := statusLine(m); !strings.Contains(st, "GPE Baghdad · in 2/2 articles") {
		t.Fatalf("%q", st)
	}
	typeKeys(m, "e")
	if st := statusLine(m); !strings.Contains(st, "DATE Monday") || strings.Contains(st, "articles") {
		t.Fatalf("date context: %q", st)
	}
	// The cursor sentence inside a quotation names its speaker by the
	// linked full name.
	typeKeys(m, "g")
	m.Panes()[0].SetCursor(1)
	if st := statusLine(m); !strings.Contains(st, "“We laid out our concerns,” — Ryan C. Crocker") {
		t.Fatalf("quotation context: %q", st)
	}
	// " marks the quotation in the cursor sentence first, then the next.
	typeKeys(m, `"`)
	if marked(m, 0) != `"We laid out our concerns,"` {
		t.Fatalf("\" from the cursor sentence marked %q", marked(m, 0))
	}
	typeKeys(m, `"`)
	if st := statusLine(m); !strings.Contains(st, "— speaker unknown") {
		t.Fatalf("unattributed quotation: %q", st)
	}
	typeKeys(m, `"`)
	if st := statusLine(m); !strings.Contains(st, "short quotation, not attributed") {
		t.Fatalf("short quotation: %q", st)
	}
	// A sentence outside quotations, with nothing marked, has no context.
	typeKeys(m, "g")
	m.Panes()[0].SetCursor(2)
	if st := statusLine(m); strings.Contains(st, "—") || strings.Contains(st, "PERSON") {
		t.Fatalf("context outside a quotation: %q", st)
	}
	// At 80 columns the context still shows, shortened.
	resize(m, 80, 24)
	m.Panes()[0].ClearCursor()
	typeKeys(m, "g", "e")
	if st := statusLine(m); !strings.Contains(st, "PERSON Ryan C. Crocker") || !strings.Contains(st, "? help") {
		t.Fatalf("context at 80 columns: %q", st)
	}
	checkFrame(t, m.Render(), 80, 24)
}

// Highlights are set once; a 5 MB article's frame costs no more with them
// (see BenchmarkKeystroke5MB); here the lookups are checked against the
// obvious scan.
func TestMentionLookupMatchesScan(t *testing.T) {
	ms := []model.Mention{{Span: model.Span{Start: 0, End: 3}}, {Span: model.Span{Start: 5, End: 9}},
		{Span: model.Span{Start: 5, End: 7}}, {Span: model.Span{Start: 20, End: 25}}}
	starts := func(i int) int { return ms[i].Start }
	for off := -1; off < 30; off++ {
		for _, strict := range []bool{false, true} {
			want := len(ms)
			for i := range ms {
				if ms[i].Start > off || (!strict && ms[i].Start == off) {
					want = i
					break
				}
			}
			if got := searchStart(len(ms), starts, position{off: off, strict: strict}); got != want {
				t.Fatalf("searchStart(%d, strict %v) = %d, want %d", off, strict, got, want)
			}
		}
		for _, s := range ms {
			if got := mentionAt(ms, s.Span); got == nil || got.Span != s.Span {
				t.Fatalf("mentionAt(%v) = %v", s.Span, got)
			}
		}
	}
	qs := []model.Quote{{Span: model.Span{Start: 10, End: 20}}, {Span: model.Span{Start: 30, End: 40}}}
	for _, c := range []struct {
		s    model.Span
		want int
	}{{model.Span{Start: 0, End: 10}, -1}, {model.Span{Start: 0, End: 11}, 0}, {model.Span{Start: 15, End: 35}, 0},
		{model.Span{Start: 20, End: 30}, -1}, {model.Span{Start: 35, End: 36}, 1}, {model.Span{Start: 39, End: 39}, 1}} {
		got := quoteOver(qs, c.s)
		if (got == nil) != (c.want < 0) || (got != nil && got.Start != qs[c.want].Start) {
			t.Errorf("quoteOver(%v) = %v, want %d", c.s, got, c.want)
		}
	}
}

// The highlight classes read apart without colour: the mono theme draws
// the sample's person, place and quotation differently from plain text.
func TestHighlightsWithoutColour(t *testing.T) {
	t.Setenv("NO_COLOR", "1")
	arts, an := analysisArticles()
	m := New(Options{Articles: arts})
	run(m, tea.WindowSizeMsg{Width: 100, Height: 24})
	run(m, AnalysisMsg{Analysis: an})
	if m.Styles().Name != theme.MonoName {
		t.Fatal("NO_COLOR did not pick the mono theme")
	}
	frame := m.Render()
	st := m.Styles()
	for _, c := range []struct {
		text  string
		class theme.Class
	}{{"Ryan Crocker", theme.Person}, {"Baghdad", theme.Place}} {
		if !strings.Contains(frame, st.Highlight[c.class].Render(c.text)) {
			t.Errorf("%q not drawn as %v without colour", c.text, c.class)
		}
	}
	_ = pane.LayerMark
}
