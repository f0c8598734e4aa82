package ui

import (
	"strings"
	"testing"

	"github.com/parallax-reader/parallax/annotations"
	"github.com/parallax-reader/parallax/model"
	"github.com/parallax-reader/parallax/ui/keys"
	"github.com/parallax-reader/parallax/ui/tagform"
	"github.com/parallax-reader/parallax/ui/theme"
)

// suggestArticles are compareArticles with three suggestions, listed worst
// first so the panel's ranking shows: an omission (one passage), a number
// and a quotation worded differently.
func suggestArticles(t *testing.T) ([]model.Article, *model.Analysis) {
	t.Helper()
	arts := compareArticles()
	an := compareAnalysis(t, arts)
	ev := func(i int, prefix string) model.Evidence {
		sp := cmpSentence(t, &arts[i], prefix)
		return model.Evidence{Passage: model.Passage{Article: arts[i].ID, Span: sp}, Text: arts[i].Slice(sp)}
	}
	an.Suggestions = []model.Suggestion{
		{ID: "sugg-omit", Kind: model.Omission, Confidence: 0.41,
			Summary: "The weather only in wire-one.example", Evidence: []model.Evidence{ev(0, "The weather")}},
		{ID: "sugg-count", Kind: model.Number, Confidence: 0.9,
			Summary: "Count of the hurt differs: 40 vs 14", Evidence: []model.Evidence{ev(0, "Officials said 40"), ev(1, "Officials said 14")}},
		{ID: "sugg-quote", Kind: model.QuoteWording, Confidence: 0.666,
			Summary: "Quotation worded differently: We will rebuild {+the whole+} market", Evidence: []model.Evidence{ev(0, "“We will"), ev(1, "“We will")}},
	}
	return arts, an
}

// newSuggestModel is a reader with a store (nil for none) and the
// suggestions' analysis delivered.
func newSuggestModel(t *testing.T, st *annotations.Store, w, h int) (*Model, []model.Article, *model.Analysis) {
	t.Helper()
	arts, an := suggestArticles(t)
	var m *Model
	if st != nil {
		m = newTagModel(t, arts, st, w, h)
	} else {
		m = newModel(t, arts, w, h)
	}
	run(m, AnalysisMsg{Analysis: an})
	return m, arts, an
}

// suggestionRows are the IDs the panel lists, in order.
func suggestionRows(m *Model) []string {
	var out []string
	for _, s := range m.suggestionsPanel().Sections() {
		for _, it := range s.Items {
			out = append(out, it.Value.(string))
		}
	}
	return out
}

// x opens the panel with the suggestions best first, each with its kind,
// confidence, articles and summary; x again closes it.
func TestSuggestionsPanelRanked(t *testing.T) {
	m, _, _ := newSuggestModel(t, nil, 160, 30)
	typeKeys(m, "x")
	if m.State() != keys.PanelOpen || m.side.open != panelSuggestions {
		t.Fatalf("x did not open the suggestions panel (state %d, open %q)", m.State(), m.side.open)
	}
	if got := strings.Join(suggestionRows(m), " "); got != "sugg-count sugg-quote sugg-omit" {
		t.Fatalf("rows %s, want best first", got)
	}
	sc := screen(m)
	for _, want := range []string{"Suggestions", "KIND", "CONF", "number", "90%", "1 2", "Count of the hurt differs",
		"quote-wording", "67%", "omission", "41%"} {
		if !strings.Contains(sc, want) {
			t.Errorf("panel lacks %q:\n%s", want, sc)
		}
	}
	typeKeys(m, "x")
	if m.State() != keys.Reading || m.side.open != "" {
		t.Fatalf("x again did not close the panel (state %d)", m.State())
	}
}

// enter scrolls every pane to its passage of the suggestion and marks it;
// the pane of the first passage takes the focus.
func TestSuggestionEnterJumpsToEvidence(t *testing.T) {
	m, arts, _ := newSuggestModel(t, nil, 160, 24)
	typeKeys(m, "x", "j", "enter") // the quotation, second best
	a, b := m.Panes()[0], m.Panes()[1]
	wantA, wantB := cmpSentence(t, &arts[0], "“We will"), cmpSentence(t, &arts[1], "“We will")
	if sp, ok := a.MarkSpan(); !ok || sp != wantA || !a.Shows(wantA) {
		t.Fatalf("article 1 mark %v %v, want %v on screen", sp, ok, wantA)
	}
	if sp, ok := b.MarkSpan(); !ok || sp != wantB || !b.Shows(wantB) {
		t.Fatalf("article 2 mark %v %v, want %v on screen", sp, ok, wantB)
	}
	if d := a.Decorations("mark"); len(d) != 1 || d[0].Class != theme.Current {
		t.Fatalf("mark layer %+v", d)
	}
	if m.Focus() != 0 || m.Status() != "quote-wording 67%: Quotation worded differently: We will rebuild {+the whole+} market" {
		t.Fatalf("focus %d, status %q", m.Focus(), m.Status())
	}

	// An omission marks its one passage and leaves the other pane alone.
	typeKeys(m, "x", "x", "G", "enter")
	if sp, _ := a.MarkSpan(); sp != cmpSentence(t, &arts[0], "The weather") {
		t.Fatalf("omission marked %q", a.Article().Slice(sp))
	}
}

// With linked scrolling on, a jump leaves each pane on its evidence; the
// linked marks follow the focused pane's cursor without scrolling away.
func TestSuggestionJumpWhileLinked(t *testing.T) {
	m, arts, _ := newSuggestModel(t, nil, 160, 24)
	typeKeys(m, "s", "x", "G", "enter") // the omission, at the middle of article 1
	b := m.Panes()[1]
	top := b.Top()
	typeKeys(m, "k", "enter") // the quotation: both panes jump
	wantB := cmpSentence(t, &arts[1], "“We will")
	if !b.Shows(wantB) {
		t.Fatalf("linked scrolling moved article 2 off its evidence (top %d, was %d)", b.Top(), top)
	}
	if got := cmpLayerText(m, 1, LayerLinked); len(got) != 1 || !strings.HasPrefix(got[0], "“We will rebuild the whole") {
		t.Fatalf("linked %q", got)
	}
}

// y saves the suggestion as a tag through the store: its kind, its
// passages (claim first), its summary as the note. It leaves the list, and
// comes back when the tag is undone.
func TestSuggestionAccept(t *testing.T) {
	arts, _ := suggestArticles(t)
	st, path := openTestStore(t, arts, false)
	m, _, _ := newSuggestModel(t, st, 160, 30)
	typeKeys(m, "x", "y")
	if got := m.Status(); !strings.HasPrefix(got, "accepted: medium number tag — Count of the hurt") {
		t.Fatalf("status %q", got)
	}
	if got := strings.Join(suggestionRows(m), " "); got != "sugg-quote sugg-omit" {
		t.Fatalf("rows after accepting %s", got)
	}
	anns := reopenStore(t, path, arts, true).Annotations()
	if len(anns) != 1 {
		t.Fatalf("file holds %d tags", len(anns))
	}
	a := anns[0]
	if a.Kind != model.Number || a.Note != "Count of the hurt differs: 40 vs 14" || len(a.Targets) != 2 {
		t.Fatalf("saved %+v", a)
	}
	if a.Targets[0].Role != tagform.RoleClaim || !strings.HasPrefix(a.Targets[0].Exact, "Officials said 40") ||
		a.Targets[1].Role != tagform.RoleCounterpart || !strings.HasPrefix(a.Targets[1].Exact, "Officials said 14") {
		t.Fatalf("targets %+v", a.Targets)
	}
	// The tag shows in the panes at once.
	if len(m.Panes()[1].Decorations(LayerTags)) != 1 {
		t.Fatal("accepted tag not highlighted")
	}

	// An omission becomes a tag with one passage.
	typeKeys(m, "G", "y")
	last := st.Annotations()[len(st.Annotations())-1]
	if last.Kind != model.Omission || len(last.Targets) != 1 || last.Targets[0].Role != tagform.RoleClaim {
		t.Fatalf("omission saved as %+v", last)
	}

	// Undo brings the suggestion back.
	typeKeys(m, "x", "u")
	if got := strings.Join(suggestionRows(m), " "); got != "sugg-quote sugg-omit" {
		t.Fatalf("rows after undo %s", got)
	}
}

// d dismisses: the suggestion leaves the list, and a reader opened later on
// the same file does not list it.
func TestSuggestionDismissRemembered(t *testing.T) {
	arts, an := suggestArticles(t)
	st, path := openTestStore(t, arts, false)
	m, _, _ := newSuggestModel(t, st, 160, 30)
	typeKeys(m, "x", "j", "d")
	if got := m.Status(); !strings.HasPrefix(got, "dismissed: Quotation worded differently") {
		t.Fatalf("status %q", got)
	}
	if got := strings.Join(suggestionRows(m), " "); got != "sugg-count sugg-omit" {
		t.Fatalf("rows after dismissing %s", got)
	}
	if len(st.Annotations()) != 0 {
		t.Fatal("dismissing made a tag")
	}
	st.Close()

	st2 := reopenStore(t, path, arts, false)
	if !st2.Dismissed("sugg-quote") {
		t.Fatal("the file does not remember the dismissal")
	}
	m2 := newTagModel(t, arts, st2, 160, 30)
	run(m2, AnalysisMsg{Analysis: an})
	typeKeys(m2, "x")
	if got := strings.Join(suggestionRows(m2), " "); got != "sugg-count sugg-omit" {
		t.Fatalf("rows after reopening %s", got)
	}
	if strings.Contains(screen(m2), "worded differently") {
		t.Error("dismissed suggestion drawn")
	}
}

// A read-only store says why y and d cannot save, and saves nothing.
func TestSuggestionReadOnly(t *testing.T) {
	arts, _ := suggestArticles(t)
	st, _ := openTestStore(t, arts, true)
	m, _, _ := newSuggestModel(t, st, 160, 30)
	typeKeys(m, "x", "y")
	if got := m.Status(); !strings.HasPrefix(got, "read-only: ") {
		t.Fatalf("y on a read-only store: %q", got)
	}
	typeKeys(m, "d")
	if got := m.Status(); !strings.Contains(got, "read-only") || !strings.Contains(got, "dismissal cannot be saved") {
		t.Fatalf("d on a read-only store: %q", got)
	}
	if len(st.Annotations()) != 0 || st.Dismissed("sugg-count") || len(suggestionRows(m)) != 3 {
		t.Fatal("a read-only store changed")
	}
}

// Without an annotation file, y and d say there is nowhere to save.
func TestSuggestionNoStore(t *testing.T) {
	m, _, _ := newSuggestModel(t, nil, 160, 30)
	typeKeys(m, "x", "y")
	if got := m.Status(); got != errNoStore.Error() {
		t.Fatalf("y without a store: %q", got)
	}
	typeKeys(m, "d")
	if got := m.Status(); !strings.Contains(got, "no annotation file") {
		t.Fatalf("d without a store: %q", got)
	}
}

// Help lists x (and s) once the analysis is here, and y and d while the
// suggestions panel is open; before the analysis x is off and says why.
func TestSuggestionKeysInHelp(t *testing.T) {
	arts, an := suggestArticles(t)
	m := newModel(t, arts, 160, 40)
	run(m, AnalysisStartedMsg{})
	typeKeys(m, "x")
	if m.State() != keys.Reading || !strings.Contains(m.Status(), "analysis") {
		t.Fatalf("x before the analysis: state %d, status %q", m.State(), m.Status())
	}
	typeKeys(m, "?")
	if strings.Contains(screen(m), "suggestions panel") {
		t.Error("help lists x before the analysis")
	}
	typeKeys(m, "esc")
	run(m, AnalysisMsg{Analysis: an})
	typeKeys(m, "?")
	if sc := screen(m); !strings.Contains(sc, "suggestions panel") || !strings.Contains(sc, "linked scrolling") {
		t.Errorf("reading help lacks x or s:\n%s", sc)
	}
	typeKeys(m, "esc", "x", "?")
	sc := screen(m)
	for _, want := range []string{"accept as a tag", "dismiss", "go to it", "linked scrolling"} {
		if !strings.Contains(sc, want) {
			t.Errorf("suggestions panel help lacks %q:\n%s", want, sc)
		}
	}
}

// s works beside the panel, and not while its filter takes the keys.
func TestLinkBesidePanel(t *testing.T) {
	m, _, _ := newSuggestModel(t, nil, 160, 30)
	typeKeys(m, "x", "s")
	if !m.Linked() || m.State() != keys.PanelOpen {
		t.Fatalf("s beside the panel: linked %v, state %d", m.Linked(), m.State())
	}
	typeKeys(m, "/", "s")
	if !m.Linked() || m.suggestionsPanel().Filter() != "s" {
		t.Fatalf("s while filtering: linked %v, filter %q", m.Linked(), m.suggestionsPanel().Filter())
	}
}
