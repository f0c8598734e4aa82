package export

import (
	"strings"
	"testing"
	"time"

	"github.com/parallax-reader/parallax/articles"
	"github.com/parallax-reader/parallax/model"
)

var (
	fixtureDate    = time.Date(2024, 5, 28, 9, 30, 0, 0, time.UTC)
	fixtureCreated = time.Date(2024, 5, 27, 18, 0, 0, 0, time.UTC)
)

// place builds a target placed at the first occurrence of exact in art.
func place(t testing.TB, art model.Article, exact, role string) model.Target {
	t.Helper()
	i := strings.Index(art.Text, exact)
	if i < 0 {
		t.Fatalf("%q not in article %s", exact, art.ID)
	}
	return model.Target{
		Source: art.URI, Exact: exact, Role: role, Article: art.ID,
		Span: model.Span{Start: i, End: i + len(exact)}, Anchoring: model.AnchorPosition,
	}
}

// sampleInput is the golden fixture: the two built-in sample articles with a
// fixed set of tags and a small hand-made analysis (hand-made so the golden
// file follows the export, not the entity finder).
func sampleInput(t testing.TB) Input {
	t.Helper()
	arts := articles.Sample()
	if len(arts) != 2 {
		t.Fatalf("want 2 sample articles, got %d", len(arts))
	}
	a, b := arts[0], arts[1]
	ann := func(id string, k model.DiscrepancyKind, s model.Severity, note string, targets ...model.Target) model.Annotation {
		return model.Annotation{ID: "urn:uuid:" + id, Kind: k, Severity: s, Note: note, Targets: targets,
			Created: fixtureCreated, Modified: fixtureCreated}
	}
	orphan := model.Target{Source: b.URI, Exact: "The talks lasted five hours and ended without a statement.",
		Prefix: "in Baghdad. ", Suffix: " Officials", Role: "counterpart", Anchoring: model.AnchorOrphan}
	anns := []model.Annotation{
		ann("00000000-0000-4000-8000-000000000006", model.Other, model.Low,
			"Second target no longer found after the article was re-saved.",
			place(t, a, "met for approximately four hours", "claim"), orphan),
		ann("00000000-0000-4000-8000-000000000001", model.Number, model.High,
			"Duration differs: *approximately four* against *four*.",
			place(t, a, "met for approximately four hours", "claim"),
			place(t, b, "met for four hours", "counterpart")),
		ann("00000000-0000-4000-8000-000000000002", model.Contradiction, model.High,
			"# Bilateral or not?\n\nOne says the meeting was **not** bilateral, the other calls it the first *bilateral* talks.\n\n- check the State Department transcript\n- <b>ask</b> the desk",
			place(t, a, "the meetings were not to be characterized as bilateral between the U.S. and Iran", "claim"),
			place(t, b, "the first formal bilateral talks between the two nations in more than a quarter century", "counterpart")),
		ann("00000000-0000-4000-8000-000000000003", model.QuoteWording, model.Medium, "",
			place(t, a, "We are hopeful that Washington's realistic outlook toward the current issues in Iraq, a confession about its failed policy there and the region as well as an indication of determination to change the policy would guarantee the success of the current talks and possible further negotiations.", "claim"),
			place(t, b, "We are hopeful that Washington’s realistic approach to the current issues of Iraq by confessing its failed policy in Iraq and the region and by showing a determination to changing the policy guarantees success of the talks and possible further talks,", "counterpart")),
		ann("00000000-0000-4000-8000-000000000004", model.Role, model.Medium,
			"Iraq's or Iran's foreign minister?\n```\nMottaki: Iran, 2005–2010\n",
			place(t, a, "Iraq's foreign minister, Manouchehr Mottaki", "claim"),
			place(t, b, "Iranian Foreign Minister Manouchehr Mottaki", "counterpart")),
		ann("00000000-0000-4000-8000-000000000005", model.Omission, model.Low,
			"Background on the 1980 break is only in the first article.",
			place(t, a, "The U.S. and Iran broke off diplomatic contact following the 1980 hostage crisis", "claim")),
	}

	count := func(art model.Article, names ...string) int {
		n := 0
		for _, s := range names {
			n += strings.Count(art.Text, s)
		}
		return n
	}
	cluster := func(id, name string, typ model.EntityType, forms ...string) model.Cluster {
		c := model.Cluster{ID: id, Name: name, Type: typ, Mentions: map[string]int{}}
		for _, art := range arts {
			if n := count(art, forms...); n > 0 {
				c.Mentions[art.ID] = n
			}
		}
		return c
	}
	quote := func(art model.Article, text, speaker, cluster string) model.Quote {
		i := strings.Index(art.Text, text)
		if i < 0 {
			t.Fatalf("quote %q not in %s", text, art.ID)
		}
		return model.Quote{Span: model.Span{Start: i - 1, End: i + len(text) + 1}, Text: text, Speaker: speaker, SpeakerCluster: cluster}
	}
	an := &model.Analysis{
		Clusters: []model.Cluster{
			cluster("c1", "Ryan C. Crocker", model.Person, "Crocker"),
			cluster("c2", "Hassan Kazemi-Qomi", model.Person, "Kazemi-Qomi", "Kazemi Qomi", "Qomi met"),
			cluster("c3", "Manouchehr Mottaki", model.Person, "Mottaki"),
			cluster("c4", "Joost Hiltermann", model.Person, "Hiltermann"),
			cluster("c5", "International Crisis Group", model.Org, "International Crisis Group"),
			cluster("c6", "Baghdad", model.GPE, "Baghdad"),
		},
		Articles: []model.ArticleAnalysis{
			{Article: a.ID, Quotes: []model.Quote{
				quote(a, "businesslike", "", ""),
				quote(a, "At the level of policy and principle, the Iranian position, as articulated by the Iranian Ambassador, was very close to our own,", "Crocker", "c1"),
				quote(a, "Some problems have been raised and studied and I think this was a positive step,", "Kazemi-Qomi", "c2"),
			}},
			{Article: b.ID, Quotes: []model.Quote{
				quote(b, "Neither country wants Iraq to fall apart,", "Hiltermann", "c4"),
				quote(b, "I would characterize the atmosphere of the talk as businesslike,", "Crocker", "c1"),
				quote(b, "There was pretty good congruence right down the line – support for a secure, stable, democratic Iraq, in control of its own security, at peace with its neighbors.", "", ""),
			}},
		},
	}
	an.Articles[0].Quotes[0].Short = true
	return Input{
		Title:       "Baghdad talks: two accounts",
		Date:        fixtureDate,
		Version:     "0.1.0",
		Articles:    arts,
		Analysis:    an,
		Annotations: anns,
	}
}
