package compare

import (
	"strings"
	"testing"

	"github.com/parallax-reader/parallax/model"
)

func TestAlignReorderedParaphrasedCrossing(t *testing.T) {
	a := article("a1",
		"The United States ambassador met Iranian officials for approximately four hours in Baghdad on Monday.",
		"It was the first formal meeting between the two countries in 27 years.",
		"The talks focused solely on security in Iraq.",
		"Iran's ambassador described the talks as positive and said another meeting was likely.",
	)
	b := article("a2",
		"Iran's envoy called the talks positive, and said the two sides would likely meet again.",
		"Security in Iraq was the sole focus of the talks.",
		"The American ambassador and Iranian officials met for four hours in Baghdad on Monday.",
		"The meeting was the first formal contact between the countries in more than a quarter century.",
	)
	al := Align([]model.Article{a, b}, nil)
	got := pairs(al, a, b)
	want := map[int]int{0: 2, 1: 3, 2: 1, 3: 0}
	for i, j := range want {
		if got[i] != j {
			t.Errorf("sentence %d of a1 aligned to %d, want %d (all: %v)", i, got[i], j, got)
		}
	}
	crossing := false
	for _, x := range al {
		for _, y := range al {
			if x.A.Start < y.A.Start && x.B.Start > y.B.Start {
				crossing = true
			}
		}
		if x.Score < alignThreshold || x.Score > 1 {
			t.Errorf("score %v out of range", x.Score)
		}
	}
	if !crossing {
		t.Error("reordered sentences should give crossing alignments")
	}
}

func TestAlignThresholdLeavesUnrelatedUnaligned(t *testing.T) {
	a := article("a1",
		"Crocker met Iranian officials in Baghdad on Monday.",
		"The weather in the capital was hot and dusty all week.",
	)
	b := article("a2",
		"Crocker and Iranian officials met in Baghdad on Monday.",
		"Oil prices fell after the central bank raised interest rates.",
		"The ambassador's office declined to comment on the weather forecast.",
	)
	got := pairs(Align([]model.Article{a, b}, nil), a, b)
	if got[0] != 0 {
		t.Errorf("matching sentences not aligned: %v", got)
	}
	if _, ok := got[1]; ok {
		t.Errorf("unrelated sentence aligned: %v", got)
	}
}

func TestAlignOneToOne(t *testing.T) {
	a := article("a1", "Rebels seized the northern town of Kidal on Sunday.", "Rebels seized the northern town of Kidal on Sunday, officials said.")
	b := article("a2", "On Sunday rebels seized Kidal, a northern town.")
	al := Align([]model.Article{a, b}, nil)
	if n := len(pairs(al, a, b)); n != 1 {
		t.Fatalf("got %d alignments for one counterpart, want 1: %+v", n, al)
	}
}

func TestAlignNumbersNormalised(t *testing.T) {
	// Only the number and one word are shared once "four" = 4 is known.
	a := article("a1", "Four soldiers died in the ambush.")
	b := article("a2", "An ambush killed 4 troops.")
	if got := pairs(Align([]model.Article{a, b}, nil), a, b); got[0] != 0 {
		t.Errorf("number words and digits should match: %v", got)
	}
}

func TestAlignEntityClusters(t *testing.T) {
	// Different surface forms of one person link through the analysis.
	a := article("a1", "Maliki welcomed the delegations at his office.")
	b := article("a2", "Nouri al-Maliki greeted the delegations warmly.")
	an := &model.Analysis{Articles: []model.ArticleAnalysis{
		{Article: "a1", Mentions: []model.Mention{mention(&a, "Maliki", model.Person, "c1", "")}},
		{Article: "a2", Mentions: []model.Mention{mention(&b, "Nouri al-Maliki", model.Person, "c1", "")}},
	}}
	if got := pairs(Align([]model.Article{a, b}, nil), a, b); len(got) != 0 {
		t.Errorf("without the clusters one shared word should not align: %v", got)
	}
	if got := pairs(Align([]model.Article{a, b}, an), a, b); got[0] != 0 {
		t.Errorf("linked names should align the sentences: %v", got)
	}
}

func TestAlignThreeArticles(t *testing.T) {
	a := article("a1", "The court sentenced Tate to 30 days in detention.")
	b := article("a2", "Tate was sentenced by the court to 30 days of detention.")
	c := article("a3", "A court ordered 30 days of detention for Tate.")
	al := Align([]model.Article{a, b, c}, nil)
	seen := map[[2]string]bool{}
	for _, x := range al {
		seen[[2]string{x.A.Article, x.B.Article}] = true
	}
	for _, p := range [][2]string{{"a1", "a2"}, {"a1", "a3"}, {"a2", "a3"}} {
		if !seen[p] {
			t.Errorf("no alignment between %s and %s: %+v", p[0], p[1], al)
		}
	}
}

func TestAlignQuotes(t *testing.T) {
	a := article("a1",
		`"We are hopeful that Washington's realistic outlook will guarantee the success of the talks," Mottaki said.`,
		`"The weather was fine," Crocker said.`,
	)
	b := article("a2",
		`Mottaki said: "We are hopeful that Washington's realistic approach guarantees success of the talks."`,
		`"Nothing was fixed about a follow-on meeting," Crocker said.`,
	)
	an := &model.Analysis{Articles: []model.ArticleAnalysis{
		{Article: "a1", Quotes: []model.Quote{
			quote(&a, "We are hopeful that Washington's realistic outlook will guarantee the success of the talks,", "Mottaki", "c1"),
			quote(&a, "The weather was fine,", "Crocker", "c2"),
		}},
		{Article: "a2", Quotes: []model.Quote{
			quote(&b, "We are hopeful that Washington's realistic approach guarantees success of the talks.", "Mottaki", "c1"),
			quote(&b, "Nothing was fixed about a follow-on meeting,", "Crocker", "c2"),
		}},
	}}
	var qs []model.Alignment
	for _, x := range Align([]model.Article{a, b}, an) {
		if x.Quote {
			qs = append(qs, x)
		}
	}
	if len(qs) != 1 {
		t.Fatalf("got %d quotation pairs, want 1 (same speaker but different words stays unpaired): %+v", len(qs), qs)
	}
	if qs[0].A.Span != an.Articles[0].Quotes[0].Span || qs[0].B.Span != an.Articles[1].Quotes[0].Span {
		t.Errorf("wrong quotation pair: %+v", qs[0])
	}
}

func TestAlignEmpty(t *testing.T) {
	if al := Align(nil, nil); len(al) != 0 {
		t.Errorf("no articles: %v", al)
	}
	a := article("a1", "One sentence about the talks.")
	b := model.Article{ID: "a2"}
	if al := Align([]model.Article{a, b}, &model.Analysis{}); len(al) != 0 {
		t.Errorf("empty article: %v", al)
	}
}

// A headline pairs only with a headline: it must not take the body sentence
// it resembles away from that sentence's real counterpart.
func TestHeadlineDoesNotStealBodySentence(t *testing.T) {
	a := article("a1", "City council approves new tram line",
		"The city council voted 7 to 2 on Tuesday to approve a new tram line linking the central station with the university, the mayor said.")
	a.Title = "City council approves new tram line"
	b := article("a2", "After a six-hour debate, the city council on Tuesday approved a new tram line by 8 votes to 1.")
	al := Align([]model.Article{a, b}, nil)
	if len(al) != 1 {
		t.Fatalf("want one alignment, got %d: %+v", len(al), al)
	}
	if got := a.Slice(al[0].A.Span); !strings.HasPrefix(got, "The city council voted") {
		t.Fatalf("the body sentence should be aligned, got %q", got)
	}
}

// Two sentences that give the same kind of amount differently (a cost in
// euros) align on what is counted even when the numbers differ, so the
// difference can be proposed.
func TestAmountsOfOneKindAlign(t *testing.T) {
	a := article("a1", "The line will cost €240 million and open in 2029.", "Opposition councillors called the plan reckless.")
	b := article("a2", "The project is expected to cost €260 million.", "Councillors who voted against it warned of delays.")
	al := Align([]model.Article{a, b}, nil)
	found := false
	for _, x := range al {
		if strings.Contains(a.Slice(x.A.Span), "€240") && strings.Contains(b.Slice(x.B.Span), "€260") {
			found = true
		}
	}
	if !found {
		t.Fatalf("the two costs were not aligned: %+v", al)
	}
}
