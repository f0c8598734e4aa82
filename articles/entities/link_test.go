package entities

import (
	"testing"

	"github.com/parallax-reader/parallax/model"
)

func mention(text string, typ model.EntityType) model.Mention {
	return model.Mention{Text: text, Type: typ}
}

// sameCluster reports whether two mentions were linked (both have a
// cluster and it is the same).
func sameCluster(a, b model.Mention) bool { return a.Cluster != "" && a.Cluster == b.Cluster }

func TestLinkNormalisedForms(t *testing.T) {
	a := []model.Mention{
		mention("Hassan Kazemi-Qomi", model.Person),
		mention("Paxar Corp", model.Org),
		mention("Mottakí", model.Person),
		mention("Iran’s", model.GPE),
	}
	b := []model.Mention{
		mention("Hassan Kazemi Qomi", model.Person),
		mention("Paxar Corporation", model.Org),
		mention("MOTTAKI", model.Person),
		mention("Iran", model.GPE),
		mention("PAXAR INC.", model.Org),
	}
	Link(map[string][]model.Mention{"a1": a, "a2": b})
	for i := range a {
		if !sameCluster(a[i], b[i]) {
			t.Errorf("%q and %q not linked (clusters %q, %q)", a[i].Text, b[i].Text, a[i].Cluster, b[i].Cluster)
		}
	}
	if !sameCluster(a[1], b[4]) {
		t.Errorf("corporate suffixes: %q and %q not linked", a[1].Text, b[4].Text)
	}
}

func TestLinkAliases(t *testing.T) {
	ms := []model.Mention{
		mention("U.S.", model.GPE), mention("United States", model.GPE), mention("US", model.GPE),
		mention("America", model.GPE), mention("United States of America", model.GPE),
		mention("Britain", model.GPE), mention("U.K.", model.GPE), mention("United Kingdom", model.GPE),
		mention("U.N.", model.Org), mention("United Nations", model.Org), mention("UN", model.Org),
	}
	clusters := Link(map[string][]model.Mention{"a": ms})
	groups := [][]int{{0, 1, 2, 3, 4}, {5, 6, 7}, {8, 9, 10}}
	for _, g := range groups {
		for _, i := range g[1:] {
			if !sameCluster(ms[g[0]], ms[i]) {
				t.Errorf("%q and %q not linked", ms[g[0]].Text, ms[i].Text)
			}
		}
	}
	if sameCluster(ms[0], ms[5]) || sameCluster(ms[5], ms[8]) {
		t.Error("different alias groups were linked")
	}
	if len(clusters) != 3 {
		t.Errorf("got %d clusters, want 3: %+v", len(clusters), clusters)
	}
}

func TestLinkAcronyms(t *testing.T) {
	ms := []model.Mention{
		mention("Associated Press", model.Org), mention("AP", model.Org),
		mention("International Atomic Energy Agency", model.Org), mention("IAEA", model.Org),
		mention("Bank of America", model.Org), mention("BOA", model.Org),
		mention("XYZ", model.Org),
	}
	Link(map[string][]model.Mention{"a": ms})
	for _, p := range [][2]int{{0, 1}, {2, 3}, {4, 5}} {
		if !sameCluster(ms[p[0]], ms[p[1]]) {
			t.Errorf("%q and %q not linked", ms[p[0]].Text, ms[p[1]].Text)
		}
	}
	for i := 0; i < 6; i++ {
		if sameCluster(ms[i], ms[6]) {
			t.Errorf("%q linked to unrelated acronym XYZ", ms[i].Text)
		}
	}
}

func TestLinkShortForms(t *testing.T) {
	a := []model.Mention{
		mention("Ryan C. Crocker", model.Person),
		mention("Crocker", model.Person),
		mention("Thermo-Print GmbH", model.Org),
	}
	b := []model.Mention{
		mention("Ryan Crocker", model.Person),
		mention("Mr. Crocker", model.Person),
		mention("Thermo-Print", model.Org),
	}
	Link(map[string][]model.Mention{"a": a, "b": b})
	for _, m := range append(a[1:2], b[0], b[1]) {
		if !sameCluster(a[0], m) {
			t.Errorf("%q not linked to %q", m.Text, a[0].Text)
		}
	}
	if !sameCluster(a[2], b[2]) {
		t.Errorf("%q not linked to %q", b[2].Text, a[2].Text)
	}
}

func TestLinkAmbiguousShortFormStaysApart(t *testing.T) {
	ms := []model.Mention{
		mention("Hassan Kazemi Qomi", model.Person),
		mention("Mohammad Qomi", model.Person),
		mention("Qomi", model.Person),
	}
	Link(map[string][]model.Mention{"a": ms})
	if sameCluster(ms[2], ms[0]) || sameCluster(ms[2], ms[1]) || sameCluster(ms[0], ms[1]) {
		t.Errorf("ambiguous short form linked: %q %q %q", ms[0].Cluster, ms[1].Cluster, ms[2].Cluster)
	}
	if ms[2].Cluster == "" {
		t.Error("the short form has no cluster of its own")
	}
}

func TestLinkKeepsNationalitiesApartFromCountries(t *testing.T) {
	ms := []model.Mention{
		mention("Iran", model.GPE), mention("Iranian", model.NORP), mention("Iranians", model.NORP),
		mention("Iranian", model.NORP),
	}
	Link(map[string][]model.Mention{"a": ms})
	if sameCluster(ms[0], ms[1]) {
		t.Error("NORP Iranian linked to GPE Iran")
	}
	if !sameCluster(ms[1], ms[3]) {
		t.Error("two mentions of Iranian not linked")
	}
}

func TestLinkPlacesDoNotJoinPeople(t *testing.T) {
	ms := []model.Mention{mention("Michael Jordan", model.Person), mention("Jordan", model.GPE)}
	Link(map[string][]model.Mention{"a": ms})
	if sameCluster(ms[0], ms[1]) {
		t.Error("the country Jordan linked to a person")
	}
}

func TestLinkClustersIDsNamesTypesCounts(t *testing.T) {
	byArticle := map[string][]model.Mention{
		"a2": {
			mention("Crocker", model.Person),
			mention("Baghdad", model.GPE),
			{Text: "Monday", Type: model.Date},
		},
		"a1": {
			mention("Baghdad", model.GPE),
			mention("Ryan C. Crocker", model.Person),
			mention("Crocker", model.Org), // a typing slip in one article
			mention("Crocker", model.Org),
		},
	}
	clusters := Link(byArticle)
	if len(clusters) != 2 {
		t.Fatalf("got %d clusters, want 2: %+v", len(clusters), clusters)
	}
	// IDs follow the first mention in sorted article order: a1 first.
	if c := clusters[0]; c.ID != "c1" || c.Name != "Baghdad" || c.Type != model.GPE ||
		c.Mentions["a1"] != 1 || c.Mentions["a2"] != 1 {
		t.Errorf("first cluster = %+v", c)
	}
	if c := clusters[1]; c.ID != "c2" || c.Name != "Ryan C. Crocker" || c.Type != model.Person ||
		c.Mentions["a1"] != 3 || c.Mentions["a2"] != 1 {
		t.Errorf("second cluster = %+v (PERSON should win over ORG for a person's name)", c)
	}
	if byArticle["a2"][2].Cluster != "" {
		t.Error("a date got a cluster")
	}
	if byArticle["a1"][1].Cluster != "c2" || byArticle["a2"][0].Cluster != "c2" {
		t.Error("mentions were not given their cluster IDs in place")
	}
	// The same input gives the same clusters.
	again := Link(byArticle)
	for i := range again {
		if again[i].ID != clusters[i].ID || again[i].Name != clusters[i].Name {
			t.Errorf("second run differs: %+v vs %+v", again[i], clusters[i])
		}
	}
}

func TestLinkOmissionSignal(t *testing.T) {
	byArticle := map[string][]model.Mention{
		"a1": {mention("Ali Larijani", model.Person)},
		"a2": {mention("Baghdad", model.GPE)},
	}
	for _, c := range Link(byArticle) {
		if len(c.Mentions) != 1 {
			t.Errorf("cluster %q is in %d articles, want 1", c.Name, len(c.Mentions))
		}
	}
}

func TestLinkPossessiveWithoutApostrophe(t *testing.T) {
	ms := []model.Mention{mention("Texaco Inc", model.Org), mention("Texacos", model.Org), mention("West Germany", model.GPE), mention("West Germanys", model.GPE)}
	Link(map[string][]model.Mention{"a": ms})
	if !sameCluster(ms[0], ms[1]) || !sameCluster(ms[2], ms[3]) {
		t.Errorf("possessives without apostrophe not linked: %q %q %q %q", ms[0].Cluster, ms[1].Cluster, ms[2].Cluster, ms[3].Cluster)
	}
}

func TestLinkAcronymOfSuffixedAndQualifiedNames(t *testing.T) {
	ms := []model.Mention{
		mention("General Electric Co Plc", model.Org), mention("GEC", model.Org),
		mention("Victorian Corporate Affairs Commission", model.Org), mention("CAC", model.Org),
	}
	Link(map[string][]model.Mention{"a": ms})
	if !sameCluster(ms[0], ms[1]) || !sameCluster(ms[2], ms[3]) {
		t.Errorf("acronyms not linked: %q %q %q %q", ms[0].Cluster, ms[1].Cluster, ms[2].Cluster, ms[3].Cluster)
	}
}

func TestLinkPlaceInsideLongerNameStaysApart(t *testing.T) {
	ms := []model.Mention{mention("Ohio", model.GPE), mention("U.S. District Court in Ohio", model.Org), mention("New York", model.GPE), mention("New York City", model.GPE)}
	Link(map[string][]model.Mention{"a": ms})
	if sameCluster(ms[0], ms[1]) {
		t.Error("a place joined the longer name that contains it")
	}
	if !sameCluster(ms[2], ms[3]) {
		t.Error("New York not linked to New York City")
	}
}

func TestLinkEmpty(t *testing.T) {
	if c := Link(nil); len(c) != 0 {
		t.Errorf("Link(nil) = %v", c)
	}
	if c := Link(map[string][]model.Mention{"a": nil, "b": {{Text: "5", Type: model.Cardinal}}}); len(c) != 0 {
		t.Errorf("no names gave clusters %v", c)
	}
}
