package entities

import (
	_ "embed"
	"strings"
	"sync"

	"github.com/parallax-reader/parallax/model"
)

// The lists in data/ name their sources and licences in their first lines;
// internal/gengazetteer rebuilds them.

//go:embed data/places.txt
var placesData string

//go:embed data/demonyms.txt
var demonymsData string

//go:embed data/given-names.txt
var givenData string

//go:embed data/common-words.txt
var commonData string

type gazetteer struct {
	// places maps a lower-case place name to its type.
	places map[string]model.EntityType
	// demonyms maps a lower-case nationality adjective or plural noun
	// ("iranian", "iranians") to its country's name.
	demonyms map[string]string
	given    map[string]bool // lower case
	common   map[string]bool // lower case
	// maxPlaceWords is the longest place name in words; placeStart maps the
	// first word of every place name to the most words such a name has, so
	// most words are ruled out with one lookup.
	maxPlaceWords int
	placeStart    map[string]int
}

var (
	gazOnce sync.Once
	gaz     *gazetteer
)

func lexicon() *gazetteer {
	gazOnce.Do(func() { gaz = loadGazetteer() })
	return gaz
}

// extraPlaces are regions and continents (LOC) and common short forms of
// countries that the generated list lacks. This list and extraDemonyms were
// written by hand for parallax from general geographic knowledge (no
// external source) and share parallax's licence.
var extraPlaces = map[string]model.EntityType{
	"africa": model.Loc, "asia": model.Loc, "europe": model.Loc, "antarctica": model.Loc,
	"north america": model.Loc, "south america": model.Loc, "latin america": model.Loc,
	"central america": model.Loc, "middle east": model.Loc, "near east": model.Loc,
	"far east": model.Loc, "east asia": model.Loc, "southeast asia": model.Loc,
	"south asia": model.Loc, "central asia": model.Loc, "west africa": model.Loc,
	"east africa": model.Loc, "north africa": model.Loc, "southern africa": model.Loc,
	"sub-saharan africa": model.Loc, "eastern europe": model.Loc, "western europe": model.Loc,
	"central europe": model.Loc, "scandinavia": model.Loc, "balkans": model.Loc,
	"caribbean": model.Loc, "pacific": model.Loc, "atlantic": model.Loc, "arctic": model.Loc,
	"mediterranean": model.Loc, "persian gulf": model.Loc, "gulf": model.Loc,
	"west bank": model.GPE, "gaza": model.GPE, "gaza strip": model.GPE, "kurdistan": model.GPE,
	"sahara": model.Loc, "himalayas": model.Loc, "alps": model.Loc, "andes": model.Loc,
	"oceania": model.Loc, "siberia": model.Loc, "midwest": model.Loc, "new england": model.Loc,
	"the west": model.Loc, "horn of africa": model.Loc, "levant": model.Loc,
	"korea": model.GPE, "u.s.": model.GPE, "us": model.GPE, "u.s.a.": model.GPE,
	"usa": model.GPE, "america": model.GPE, "u.k.": model.GPE, "uk": model.GPE,
	"britain": model.GPE, "great britain": model.GPE, "england": model.GPE,
	"scotland": model.GPE, "wales": model.GPE, "northern ireland": model.GPE,
	"holland": model.GPE, "burma": model.GPE, "west germany": model.GPE,
	"east germany": model.GPE, "soviet union": model.GPE, "ussr": model.GPE,
	"uae": model.GPE, "persia": model.GPE, "palestine": model.GPE, "taiwan": model.GPE,
	"hong kong": model.GPE, "washington": model.GPE, "new york": model.GPE,
	"hollywood": model.GPE, "wall street": model.Loc, "silicon valley": model.Loc,
}

// extraDemonyms complete the generated list with forms it lacks.
var extraDemonyms = map[string]string{
	"arab": "", "arabs": "", "kurdish": "", "kurd": "", "kurds": "", "shiite": "",
	"shiites": "", "shia": "", "sunni": "", "sunnis": "", "muslim": "", "muslims": "",
	"christian": "", "christians": "", "jewish": "", "jew": "", "jews": "",
	"catholic": "", "catholics": "", "protestant": "", "protestants": "",
	"hindu": "", "hindus": "", "buddhist": "", "buddhists": "", "palestinian": "Palestine",
	"palestinians": "Palestine", "european": "", "europeans": "", "african": "",
	"africans": "", "asian": "", "asians": "", "western": "", "soviet": "Soviet Union",
	"soviets": "Soviet Union", "english": "England", "scottish": "Scotland",
	"welsh": "Wales", "scots": "Scotland", "dutch": "Netherlands", "latino": "",
	"latinos": "", "hispanic": "", "hispanics": "", "islamic": "", "islamist": "",
	"islamists": "", "democrat": "", "democrats": "", "republican": "", "republicans": "",
	"communist": "", "communists": "", "taliban": "", "persian": "Iran", "britons": "United Kingdom",
	"briton": "United Kingdom", "brits": "United Kingdom", "yankee": "", "texan": "",
	"californian": "", "kurdish-led": "", "pashtun": "", "baluch": "", "druze": "",
	"alawite": "", "alawites": "", "maronite": "", "sikh": "", "sikhs": "", "tamil": "",
	"tamils": "", "uighur": "", "uighurs": "", "uyghur": "", "uyghurs": "", "tibetan": "",
	"tibetans": "", "bavarian": "", "catalan": "", "basque": "", "flemish": "", "walloon": "",
	"iraqis": "Iraq", "iranians": "Iran", "americans": "United States",
	"gulf": "", "nordic": "", "scandinavian": "", "balkan": "", "caribbean": "",
	"latin": "", "anglo": "", "slavic": "", "berber": "", "bedouin": "",
}

func loadGazetteer() *gazetteer {
	g := &gazetteer{
		places:     make(map[string]model.EntityType, 8000),
		placeStart: make(map[string]int, 8000),
		demonyms:   make(map[string]string, 600),
		given:      make(map[string]bool, 9000),
		common:     make(map[string]bool, 11000),
	}
	for _, l := range dataLines(placesData) {
		name, typ, _ := strings.Cut(l, "\t")
		g.addPlace(strings.ToLower(name), model.EntityType(typ))
	}
	for k, t := range extraPlaces {
		g.addPlace(k, t)
	}
	for _, l := range dataLines(demonymsData) {
		adj, country, _ := strings.Cut(l, "\t")
		adj = strings.ToLower(adj)
		g.demonyms[adj] = country
		// Plural nouns: "Iranian" → "Iranians"; "Chinese", "Swiss" stay.
		if !strings.HasSuffix(adj, "ese") && !strings.HasSuffix(adj, "s") && !strings.HasSuffix(adj, "sh") && !strings.HasSuffix(adj, "ch") {
			g.demonyms[adj+"s"] = country
		}
	}
	for k, v := range extraDemonyms {
		g.demonyms[k] = v
	}
	for _, l := range dataLines(givenData) {
		g.given[strings.ToLower(l)] = true
	}
	for _, l := range dataLines(commonData) {
		g.common[l] = true
	}
	return g
}

func (g *gazetteer) addPlace(name string, t model.EntityType) {
	// Token keys drop a final abbreviation period ("u.s." → "u.s").
	name = strings.TrimSuffix(name, ".")
	g.places[name] = t
	n := strings.Count(name, " ") + 1
	g.maxPlaceWords = max(g.maxPlaceWords, n)
	first, _, _ := strings.Cut(name, " ")
	g.placeStart[first] = max(g.placeStart[first], n)
}

func dataLines(s string) []string {
	lines := strings.Split(s, "\n")
	out := lines[:0]
	for _, l := range lines {
		if l != "" && l[0] != '#' {
			out = append(out, l)
		}
	}
	return out
}
