package compare

import (
	"strings"
	"testing"

	"github.com/parallax-reader/parallax/model"
)

func alignedPair(a, b model.Article, ia, ib int, score float64) model.Alignment {
	return model.Alignment{
		A:     model.Passage{Article: a.ID, Span: a.Sentences[ia]},
		B:     model.Passage{Article: b.ID, Span: b.Sentences[ib]},
		Score: score,
	}
}

func findKind(ss []model.Suggestion, k model.DiscrepancyKind) *model.Suggestion {
	for i := range ss {
		if ss[i].Kind == k {
			return &ss[i]
		}
	}
	return nil
}

func TestSuggestEvidenceAndIDs(t *testing.T) {
	a := article("a1", "The gunman executed seven people on Tuesday.")
	b := article("a2", "The gunman executed five people on Tuesday.")
	arts := []model.Article{a, b}
	al := []model.Alignment{alignedPair(a, b, 0, 0, 0.9)}
	ss := Suggest(arts, nil, al)
	if len(ss) != 1 {
		t.Fatalf("got %d suggestions, want 1: %+v", len(ss), ss)
	}
	s := ss[0]
	if s.Kind != model.Number || !strings.Contains(s.Summary, `"seven people" vs "five people"`) {
		t.Errorf("unexpected suggestion %+v", s)
	}
	if len(s.Evidence) != 2 || s.Evidence[0].Text != a.Text || s.Evidence[1].Text != b.Text || s.Evidence[1].Article != "a2" {
		t.Errorf("evidence should be both sentences with their text: %+v", s.Evidence)
	}
	if s.Confidence <= 0 || s.Confidence > 1 {
		t.Errorf("confidence %v out of range", s.Confidence)
	}
	// Stable: the same input gives the same ID; other text or another
	// article URI gives another.
	if again := Suggest(arts, nil, al); again[0].ID != s.ID {
		t.Errorf("ID changed between runs: %s, %s", s.ID, again[0].ID)
	}
	c := article("a2", "The gunman executed six people on Tuesday.")
	if other := Suggest([]model.Article{a, c}, nil, []model.Alignment{alignedPair(a, c, 0, 0, 0.9)}); len(other) == 0 || other[0].ID == s.ID {
		t.Errorf("different evidence text should change the ID: %+v", other)
	}
	moved := b
	moved.URI = "file:///elsewhere.txt"
	if other := Suggest([]model.Article{a, moved}, nil, al); len(other) == 0 || other[0].ID == s.ID {
		t.Errorf("a different article URI should change the ID")
	}
}

func TestSuggestMergesFindingsOnOnePair(t *testing.T) {
	// A number and a negation in the same pair of sentences: one suggestion.
	a := article("a1", "Officials said seven people were hurt and the bridge was closed.")
	b := article("a2", "Officials said five people were hurt and the bridge was not closed.")
	ss := Suggest([]model.Article{a, b}, nil, []model.Alignment{alignedPair(a, b, 0, 0, 0.9)})
	if len(ss) != 1 {
		t.Fatalf("got %d suggestions, want 1 merged: %+v", len(ss), ss)
	}
	if !strings.Contains(ss[0].Summary, "seven") || !strings.Contains(ss[0].Summary, "Negation") {
		t.Errorf("merged summary should name both findings: %q", ss[0].Summary)
	}
}

func TestSuggestDeduplicatesRepeatedFinding(t *testing.T) {
	// The same sentence twice in each article: one finding, one ID.
	a := article("a1", "Seven people died.", "Rescuers searched all night.", "Seven people died.")
	b := article("a2", "Five people died.", "Rescuers searched all night.", "Five people died.")
	al := []model.Alignment{alignedPair(a, b, 0, 0, 0.9), alignedPair(a, b, 2, 2, 0.9)}
	ss := Suggest([]model.Article{a, b}, nil, al)
	if len(ss) != 1 {
		t.Fatalf("got %d suggestions, want 1: %+v", len(ss), ss)
	}
}

func TestSuggestNothingForHedges(t *testing.T) {
	a := article("a1", "Crocker met Iranian officials for approximately four hours, the first talks in 27 years.")
	b := article("a2", "Crocker met Iranian officials for four hours, the first talks in more than a quarter century.")
	if ss := Suggest([]model.Article{a, b}, nil, []model.Alignment{alignedPair(a, b, 0, 0, 0.8)}); len(ss) != 0 {
		t.Errorf("hedged numbers are consistent, got %+v", ss)
	}
}

func TestSuggestQuotations(t *testing.T) {
	a := article("a1",
		`"We will not leave until the work is done," Smith said.`,
		`"Prices must come down," Lee said.`,
		`"The bridge is safe," Ortiz said.`,
	)
	b := article("a2",
		`"We won't leave until the job is done," Smith said.`,
		`"Prices must come down," Park said.`,
		`"The bridge is safe," Ortiz said.`,
	)
	qa := []model.Quote{
		quote(&a, "We will not leave until the work is done,", "Smith", "p1"),
		quote(&a, "Prices must come down,", "Lee", "p2"),
		quote(&a, "The bridge is safe,", "Ortiz", "p4"),
	}
	qb := []model.Quote{
		quote(&b, "We won't leave until the job is done,", "Smith", "p1"),
		quote(&b, "Prices must come down,", "Park", "p3"),
		quote(&b, "The bridge is safe,", "Ortiz", "p4"),
	}
	an := &model.Analysis{Articles: []model.ArticleAnalysis{{Article: "a1", Quotes: qa}, {Article: "a2", Quotes: qb}}}
	al := []model.Alignment{
		{A: model.Passage{Article: "a1", Span: qa[0].Span}, B: model.Passage{Article: "a2", Span: qb[0].Span}, Score: 0.7, Quote: true},
		{A: model.Passage{Article: "a1", Span: qa[1].Span}, B: model.Passage{Article: "a2", Span: qb[1].Span}, Score: 1, Quote: true},
		{A: model.Passage{Article: "a1", Span: qa[2].Span}, B: model.Passage{Article: "a2", Span: qb[2].Span}, Score: 1, Quote: true},
	}
	ss := Suggest([]model.Article{a, b}, an, al)
	w := findKind(ss, model.QuoteWording)
	if w == nil || !strings.Contains(w.Summary, "[-work-]{+job+}") || w.Evidence[0].Text != `"`+qa[0].Text+`"` {
		t.Errorf("want a quote-wording suggestion with the word diff, got %+v", ss)
	}
	at := findKind(ss, model.Attribution)
	if at == nil || !strings.Contains(at.Summary, "Lee vs Park") {
		t.Errorf("want an attribution suggestion, got %+v", ss)
	}
	for _, s := range ss {
		if strings.Contains(s.Evidence[0].Text, "bridge") {
			t.Errorf("identical quotation by the same speaker flagged: %+v", s)
		}
	}
}

func TestSuggestRole(t *testing.T) {
	a := article("a1", "Iraq's foreign minister, Manouchehr Mottaki, stressed that the policy failed.", "Mottaki spoke in Baghdad.")
	b := article("a2", "Iranian Foreign Minister Manouchehr Mottaki said in Tehran that the policy failed.")
	an := &model.Analysis{
		Articles: []model.ArticleAnalysis{
			{Article: "a1", Mentions: []model.Mention{
				mention(&a, "Iraq", model.GPE, "g1", ""),
				mention(&a, "Manouchehr Mottaki", model.Person, "p1", ""),
				mention(&a, "Baghdad", model.GPE, "g3", ""),
			}},
			{Article: "a2", Mentions: []model.Mention{
				mention(&b, "Iranian", model.NORP, "g2", ""),
				mention(&b, "Manouchehr Mottaki", model.Person, "p1", "Iranian Foreign Minister"),
				mention(&b, "Tehran", model.GPE, "g4", ""),
			}},
		},
		Clusters: []model.Cluster{
			{ID: "p1", Name: "Manouchehr Mottaki", Type: model.Person, Mentions: map[string]int{"a1": 2, "a2": 1}},
		},
	}
	ss := Suggest([]model.Article{a, b}, an, nil)
	r := findKind(ss, model.Role)
	if r == nil || !strings.Contains(r.Summary, `"Iraq's foreign minister" vs "Iranian Foreign Minister"`) {
		t.Fatalf("want a role suggestion, got %+v", ss)
	}
	// The same nationality given as country and as adjective agrees.
	a2 := article("a1", "Iran's foreign minister, Manouchehr Mottaki, stressed that the policy failed.")
	an.Articles[0].Mentions = []model.Mention{mention(&a2, "Iran", model.GPE, "g2", ""), mention(&a2, "Manouchehr Mottaki", model.Person, "p1", "")}
	if r := findKind(Suggest([]model.Article{a2, b}, an, nil), model.Role); r != nil {
		t.Errorf("Iran's foreign minister and Iranian Foreign Minister agree, got %+v", r)
	}
	// A role given in part is no disagreement.
	a3 := article("a1", "The minister, Manouchehr Mottaki, stressed that the policy failed.")
	an.Articles[0].Mentions = []model.Mention{mention(&a3, "Manouchehr Mottaki", model.Person, "p1", "")}
	if r := findKind(Suggest([]model.Article{a3, b}, an, nil), model.Role); r != nil {
		t.Errorf("minister and Foreign Minister agree, got %+v", r)
	}
	// Another office is.
	a4 := article("a1", "Prime Minister Manouchehr Mottaki stressed that the policy failed.")
	an.Articles[0].Mentions = []model.Mention{mention(&a4, "Manouchehr Mottaki", model.Person, "p1", "Prime Minister")}
	if r := findKind(Suggest([]model.Article{a4, b}, an, nil), model.Role); r == nil {
		t.Errorf("Prime Minister and Foreign Minister differ")
	}
}

func TestSuggestOmissions(t *testing.T) {
	a := article("a1", "Hiltermann, an analyst, said the talks mattered.", "Hiltermann added that Tehran wanted calm.", "The Red Cross sent aid.")
	b := article("a2", "Analysts said the talks mattered.", "Mayor Ortiz thanked the Red Cross.")
	an := &model.Analysis{
		Articles: []model.ArticleAnalysis{
			{Article: "a1", Mentions: []model.Mention{
				mention(&a, "Hiltermann", model.Person, "p1", ""),
				mention(&a, "Tehran", model.GPE, "g1", ""),
				mention(&a, "Red Cross", model.Org, "o1", ""),
			}, Quotes: nil},
			{Article: "a2", Mentions: []model.Mention{
				mention(&b, "Ortiz", model.Person, "p2", "Mayor"),
				mention(&b, "Red Cross", model.Org, "o1", ""),
			}},
		},
		Clusters: []model.Cluster{
			{ID: "p1", Name: "Joost Hiltermann", Type: model.Person, Mentions: map[string]int{"a1": 2}},
			{ID: "p2", Name: "Ortiz", Type: model.Person, Mentions: map[string]int{"a2": 1}},
			{ID: "o1", Name: "Red Cross", Type: model.Org, Mentions: map[string]int{"a1": 1, "a2": 1}},
			{ID: "g1", Name: "Tehran", Type: model.GPE, Mentions: map[string]int{"a1": 1}},
		},
	}
	ss := Suggest([]model.Article{a, b}, an, nil)
	var om []model.Suggestion
	for _, s := range ss {
		if s.Kind == model.Omission {
			om = append(om, s)
		}
	}
	if len(om) != 2 {
		t.Fatalf("want 2 omissions (the two people; not the shared organisation or a place named once), got %+v", om)
	}
	if !strings.HasPrefix(om[0].Summary, "Joost Hiltermann (person, 2 mentions) only in outlet-a1, not in outlet-a2") {
		t.Errorf("the most mentioned missing person should rank first: %q", om[0].Summary)
	}
	if om[0].Confidence <= om[1].Confidence || len(om[0].Evidence) != 1 || om[0].Evidence[0].Text != a.Slice(a.Sentences[0]) {
		t.Errorf("bad ranking or evidence: %+v", om)
	}
}

func TestSuggestQuoteOmissionSkipsToldQuotations(t *testing.T) {
	a := article("a1", `"Nothing was fixed about another meeting," Crocker said.`, `"We will study the offer," Qomi said.`)
	b := article("a2", "Crocker said nothing was fixed about another meeting.")
	qa := []model.Quote{
		quote(&a, "Nothing was fixed about another meeting,", "Crocker", "p1"),
		quote(&a, "We will study the offer,", "Qomi", "p2"),
	}
	an := &model.Analysis{Articles: []model.ArticleAnalysis{{Article: "a1", Quotes: qa}, {Article: "a2"}}}
	al := Align([]model.Article{a, b}, an)
	ss := Suggest([]model.Article{a, b}, an, al)
	var om []string
	for _, s := range ss {
		if s.Kind == model.Omission {
			om = append(om, s.Summary)
		}
	}
	if len(om) != 1 || !strings.Contains(om[0], "Qomi") {
		t.Errorf("want only the quotation the other article does not tell, got %q", om)
	}
}

func TestSuggestRanked(t *testing.T) {
	a := article("a1", "Seven people died in Kidal.", "The ministry confirmed the strike.", "Rebels held the town.")
	b := article("a2", "Five people died in Kidal.", "The ministry denied the strike.", "Rebels held the city.")
	al := []model.Alignment{alignedPair(a, b, 0, 0, 0.9), alignedPair(a, b, 1, 1, 0.5), alignedPair(a, b, 2, 2, 0.7)}
	ss := Suggest([]model.Article{a, b}, nil, al)
	if len(ss) != 2 {
		t.Fatalf("want 2 suggestions, got %+v", ss)
	}
	for i := 1; i < len(ss); i++ {
		if ss[i].Confidence > ss[i-1].Confidence {
			t.Errorf("not ranked by confidence: %+v", ss)
		}
	}
}

func TestSuggestIgnoresBadAlignments(t *testing.T) {
	a := article("a1", "Seven people died.")
	b := article("a2", "Five people died.")
	al := []model.Alignment{
		{A: model.Passage{Article: "zz", Span: model.Span{Start: 0, End: 5}}, B: model.Passage{Article: "a2", Span: b.Sentences[0]}},
		{A: model.Passage{Article: "a1", Span: model.Span{Start: 500, End: 900}}, B: model.Passage{Article: "a2", Span: b.Sentences[0]}},
		{A: model.Passage{Article: "a1", Span: a.Sentences[0]}, B: model.Passage{Article: "a2", Span: b.Sentences[0]}, Quote: true},
	}
	if ss := Suggest([]model.Article{a, b}, nil, al); len(ss) != 0 {
		t.Errorf("alignments to unknown articles, outside the text or to missing quotations should give nothing: %+v", ss)
	}
}

func TestSuggestRoleDestinationIsNoAffiliation(t *testing.T) {
	// "to Iraq" says where the ambassador serves, not whose he is.
	a := article("a1", "Iran's ambassador to Iraq Hassan Qomi called the talks positive.")
	b := article("a2", "Iranian Ambassador Hassan Qomi said the sides would meet again.")
	an := &model.Analysis{
		Articles: []model.ArticleAnalysis{
			{Article: "a1", Mentions: []model.Mention{
				mention(&a, "Iran", model.GPE, "g1", ""),
				mention(&a, "Iraq", model.GPE, "g2", ""),
				mention(&a, "Hassan Qomi", model.Person, "p1", "Iran's ambassador to Iraq"),
			}},
			{Article: "a2", Mentions: []model.Mention{
				mention(&b, "Iranian", model.NORP, "g1", ""),
				mention(&b, "Hassan Qomi", model.Person, "p1", "Iranian Ambassador"),
			}},
		},
		Clusters: []model.Cluster{{ID: "p1", Name: "Hassan Qomi", Type: model.Person, Mentions: map[string]int{"a1": 1, "a2": 1}}},
	}
	if r := findKind(Suggest([]model.Article{a, b}, an, nil), model.Role); r != nil {
		t.Errorf("same affiliation reported as different: %+v", r)
	}
	a.Text = strings.Replace(a.Text, "Iran's", "Iraq's", 1)
	an.Articles[0].Mentions[0] = mention(&a, "Iraq", model.GPE, "g2", "")
	an.Articles[0].Mentions[1].Text = "Iraq"
	an.Articles[0].Mentions[1].Start = strings.Index(a.Text, "to Iraq") + 3
	an.Articles[0].Mentions[1].End = an.Articles[0].Mentions[1].Start + 4
	an.Articles[0].Mentions[2].Role = "Iraq's ambassador to Iraq"
	if r := findKind(Suggest([]model.Article{a, b}, an, nil), model.Role); r == nil {
		t.Errorf("Iraq's ambassador and Iranian Ambassador differ")
	}
}

func TestSuggestAttributionInAlignedSentences(t *testing.T) {
	// Short quotations are never paired on their own, but the sentences
	// are; the speakers are named far from the words the sentences share.
	a := article("a1", `Crocker, who led the delegation, called the talks "businesslike and frank" on Monday.`)
	b := article("a2", `Qomi, who spoke to reporters later, called the talks "businesslike and frank" on Monday.`)
	an := &model.Analysis{Articles: []model.ArticleAnalysis{
		{Article: "a1", Quotes: []model.Quote{quote(&a, "businesslike and frank", "Crocker", "p1")}},
		{Article: "a2", Quotes: []model.Quote{quote(&b, "businesslike and frank", "Qomi", "p2")}},
	}}
	ss := Suggest([]model.Article{a, b}, an, []model.Alignment{alignedPair(a, b, 0, 0, 0.9)})
	if len(ss) != 1 || ss[0].Kind != model.Attribution || !strings.Contains(ss[0].Summary, "Crocker") || strings.Contains(ss[0].Summary, ";") {
		t.Errorf("want one attribution suggestion, got %+v", ss)
	}
	an.Articles[1].Quotes[0].Speaker, an.Articles[1].Quotes[0].SpeakerCluster = "Crocker", "p1"
	b2 := article("a2", `Crocker, who spoke to reporters later, called the talks "businesslike and frank" on Monday.`)
	if ss := Suggest([]model.Article{a, b2}, an, []model.Alignment{alignedPair(a, b2, 0, 0, 0.9)}); len(ss) != 0 {
		t.Errorf("same speaker: want nothing, got %+v", ss)
	}
}
