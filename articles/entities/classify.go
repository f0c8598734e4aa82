package entities

// Typing a name: gazetteers first, then cue words inside the name, its
// shape, and the words around it. A name nothing types is settled later
// from the rest of the document (see resolve).

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/parallax-reader/parallax/model"
)

// key is the lower-case text of tokens [a,b) with single spaces.
func (f *nameFinder) key(a, b int) string {
	if b-a == 1 {
		return f.toks[a].low
	}
	var sb strings.Builder
	for k := a; k < b; k++ {
		if k > a {
			sb.WriteByte(' ')
		}
		sb.WriteString(f.toks[k].low)
	}
	return sb.String()
}

// classify types the name in [a,b). It returns "" when unsure (resolved
// later from the rest of the document), "-" for events and works.
func (f *nameFinder) classify(a, b int, titled bool) (model.EntityType, bool) {
	g := f.g
	n := b - a
	key := f.key(a, b)
	f.why = "gazetteer"
	if t, ok := g.places[key]; ok {
		return t, true
	}
	if _, ok := g.demonyms[key]; ok {
		f.why = "demonym"
		return model.NORP, true
	}
	if strings.HasPrefix(key, "the ") {
		if t, ok := g.places[key[4:]]; ok {
			return t, true
		}
	}
	ak := key
	if strings.ContainsAny(key, ".-'’&") || !isASCII(key) {
		ak = aliasKey(key)
	}
	if t, ok := knownOrgs[ak]; ok {
		return t, true
	}
	first, last := f.low(a), f.low(b-1)
	if n == 1 && f.toks[a].is(fPeriod) && stateAbbrevs[first] && f.low(a-1) == "," {
		f.why = "state abbreviation after a city"
		return model.GPE, true
	}
	hasConnector := false
	for k := a; k < b; k++ {
		if !f.capWord[k] {
			hasConnector = true
		}
	}
	if n >= 3 && isRoman(last) {
		last = f.low(b - 2) // "World War II"
	}
	switch {
	case n >= 2 && eventCues[last] && !orgCues[last]:
		f.why = "event or work"
		return "-", true
	case orgCues[last] && !(n == 1 && !f.toks[a].is(fAllCaps)):
		f.why = "organisation cue last"
		return model.Org, true
	case locCues[last] && n >= 2:
		f.why = "place cue last"
		return model.Loc, true
	case gpeCues[last] && n >= 2:
		f.why = "political place cue last"
		return model.GPE, true
	case n >= 3 && f.low(a+1) == "of":
		switch {
		case orgCues[first]:
			f.why = "organisation cue and of"
			return model.Org, true
		case locCues[first]:
			f.why = "place cue and of"
			return model.Loc, true
		case gpeCues[first]:
			f.why = "political place cue and of"
			return model.GPE, true
		case eventCues[first]:
			f.why = "event cue and of"
			return "-", true
		}
	}
	for k := a; k < b; k++ {
		if orgCues[f.low(k)] && f.capWord[k] && n >= 2 && !particles[f.low(k)] {
			f.why = "organisation cue inside"
			return model.Org, true
		}
	}
	if hasConnector && !f.hasParticle(a, b) {
		f.why = "connector without cue"
		return "", false
	}
	// A name that starts with a place and goes on is a team, company or
	// body named after it ("Perth Glory", "Montreal HC"), not a person.
	if n >= 2 && !titled && !g.given[first] {
		if e := f.placeAt(a); e > a && e < b {
			f.why = "place first"
			return model.Org, false
		}
	}
	if titled {
		f.why = "title before"
		// "Bowling Green Falcons", "St. Louis Eagles": a team, named by a plural
		// common noun.
		if n >= 2 && !titled && strings.HasSuffix(last, "s") && len(last) > 3 && g.common[last[:len(last)-1]] && f.capWord[b-1] {
			f.why = "plural common noun last"
			return model.Org, false
		}
		return model.Person, true
	}
	if n == 1 && f.toks[a].is(fAllCaps) && !f.toks[a].is(fCaseless) && len(first) <= 6 {
		// Two-letter capitals are more often abbreviations ("CD", "KO")
		// than bodies; they count when the rest of the document types them.
		if len(first) <= 2 {
			f.why = "two-letter capitals"
			return "", false
		}
		f.why = "acronym"
		return model.Org, true
	}
	if n == 1 && strings.Count(first, ".") >= 2 {
		f.why = "dotted abbreviation"
		return model.Org, true
	}
	_, lastPlace := g.places[last]
	if n >= 2 && g.given[first] && !f.toks[a].is(fAllCaps) && !(n >= 3 && g.common[last]) {
		// A given name first makes a person, unless a place ("Jordan
		// Valley"… "Victoria, Texas") or a thing ("James Webb Space
		// Telescope") ends the name.
		if !lastPlace || n >= 3 {
			f.why = "given name first"
			return model.Person, true
		}
	}
	if n >= 2 && directions[first] && (lastPlace || f.placeAt(a+1) == b) {
		f.why = "direction and place"
		return model.GPE, false // "East Palestine", "Northern Iraq"
	}
	if n >= 2 && lastPlace && !g.given[first] {
		// "Airservices Australia", "Virgin Atlantic": a body named with a
		// place at the end.
		f.why = "place last"
		return model.Org, false
	}
	if n >= 2 && f.hasParticle(a, b) {
		f.why = "name particle"
		return model.Person, true
	}
	if n >= 3 && f.hasInitial(a, b) {
		f.why = "middle initial"
		return model.Person, true
	}
	if n >= 2 && len(first) == 2 && f.toks[a].is(fPeriod) {
		f.why = "initial first"
		return model.Person, true // "J. Smith"
	}
	if typ := f.contextType(a, b); typ != "" {
		f.why = "context"
		return typ, false
	}
	if n == 1 && g.given[first] && !g.common[first] {
		f.why = "lone given name"
		return model.Person, false
	}
	f.why = "unknown"
	return "", false
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

func isRoman(w string) bool {
	switch w {
	case "i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii":
		return true
	}
	return false
}

func (f *nameFinder) hasParticle(a, b int) bool {
	for k := a; k < b; k++ {
		w := f.low(k)
		if !f.capWord[k] && particles[w] && !orgConnectors[w] {
			return true
		}
		if f.toks[k].is(fHyphen) {
			if i := strings.IndexAny(w, "-‐‑"); i > 0 && hyphenPrefixes[w[:i]] {
				return true
			}
		}
		if (strings.HasPrefix(w, "mc") || strings.HasPrefix(w, "o'") || strings.HasPrefix(w, "o’")) && len(w) > 3 {
			return true
		}
	}
	return false
}

func (f *nameFinder) hasInitial(a, b int) bool {
	for k := a + 1; k < b-1; k++ {
		if len(f.low(k)) == 1 && f.toks[k].is(fPeriod) {
			return true
		}
	}
	return false
}

// speechAfter are words after a name that suggest a person.
var personAfter = set("said", "says", "told", "added", "stated", "wrote", "who", "whose", "himself", "herself", "asked", "replied", "explained", "insisted", "argued", "warned", "recalled", "admitted", "believes", "thinks", "died", "was born", "married")

// leaderNouns after a lone name make it a person's ("the Biden
// administration", "the Kennedy family").
var leaderNouns = set("administration", "presidency", "campaign", "family", "aides", "loyalists", "supporters", "government's")

// camelCase reports whether a word has a capital after a lower-case letter
// inside it, as brand and company names do ("TikTok", "eBay").
func camelCase(w string) bool {
	sawLower := false
	for _, r := range w {
		switch {
		case unicode.IsLower(r):
			sawLower = true
		case unicode.IsUpper(r) && sawLower:
			return true
		case !unicode.IsLetter(r):
			return false
		}
	}
	return false
}

// directions begin place names ("East Palestine", "Upper Austria").
var directions = set("north", "south", "east", "west", "northern", "southern", "eastern", "western",
	"central", "upper", "lower", "greater", "new", "northeast", "northwest", "southeast", "southwest")

// personNouns are lower-case words for people that often stand before a
// name ("writer Henrique Lopes", "his daughter Anna").
var personNouns = set(
	"writer", "author", "poet", "novelist", "journalist", "reporter", "singer", "actor",
	"actress", "artist", "painter", "composer", "musician", "guitarist", "drummer",
	"bassist", "pianist", "rapper", "producer", "player", "striker", "midfielder",
	"defender", "goalkeeper", "quarterback", "pitcher", "footballer", "cricketer",
	"teammate", "countryman", "compatriot", "wife", "husband", "son", "daughter",
	"brother", "sister", "father", "mother", "uncle", "aunt", "nephew", "niece", "cousin",
	"grandson", "granddaughter", "friend", "colleague", "partner", "widow", "boyfriend",
	"girlfriend", "fiancé", "fiancee", "scientist", "physicist", "chemist", "economist",
	"historian", "philosopher", "architect", "engineer", "lawyer", "doctor", "professor",
	"student", "teacher", "priest", "monk", "nun", "saint", "bishop", "queen", "king",
	"emperor", "empress", "sorcerer", "activist", "businessman", "businesswoman",
	"entrepreneur", "investor", "candidate", "incumbent", "challenger", "rival",
	"opponent", "successor", "predecessor", "boss", "coach", "manager", "captain",
	"star", "comedian", "director", "filmmaker", "photographer", "designer", "chef",
	"model", "dancer", "boxer", "wrestler", "driver", "rider", "cyclist", "skater",
	"swimmer", "runner", "sprinter", "tennis", "golfer", "senator", "deputy", "mr",
)

// placeNouns are lower-case words for places, with the type of a place so
// described ("a village", "the river").
var placeNouns = map[string]model.EntityType{
	"village": model.GPE, "villages": model.GPE, "town": model.GPE, "towns": model.GPE,
	"city": model.GPE, "cities": model.GPE, "municipality": model.GPE, "suburb": model.GPE,
	"hamlet": model.GPE, "parish": model.GPE, "county": model.GPE, "district": model.GPE,
	"province": model.GPE, "state": model.GPE, "capital": model.GPE, "township": model.GPE,
	"commune": model.GPE, "borough": model.GPE, "neighbourhood": model.GPE,
	"neighborhood": model.GPE, "settlement": model.GPE, "outskirts": model.GPE,
	"country": model.GPE, "kingdom": model.GPE, "republic": model.GPE, "port": model.GPE,
	"region": model.Loc, "island": model.Loc, "river": model.Loc, "lake": model.Loc,
	"mountain": model.Loc, "valley": model.Loc, "peninsula": model.Loc, "north": model.GPE,
	"south": model.GPE, "east": model.GPE, "west": model.GPE, "northeast": model.GPE,
	"northwest": model.GPE, "southeast": model.GPE, "southwest": model.GPE,
	"resident": model.GPE, "residents": model.GPE, "mayor": model.GPE, "people": model.GPE,
	"villagers": model.GPE, "inhabitants": model.GPE, "streets": model.GPE,
}

// placeBefore are words before a name that suggest a place.
var placeBefore = set("in", "at", "near", "outside", "across", "into", "inside", "throughout", "toward", "towards")

// contextType guesses a type from the words around [a,b).
func (f *nameFinder) contextType(a, b int) model.EntityType {
	next := b
	if next < len(f.toks) && f.toks[next].kind == tPunct && f.toks[next].low == "," {
		if f.low(next+1) == "who" {
			return model.Person
		}
		// "Salem, New Jersey", "Debden, England": a place within a place.
		if end := f.placeAt(next + 1); end > next+1 && f.appositiveEnd(end) {
			return model.GPE
		}
		if st := next + 1; st < len(f.toks) && f.toks[st].is(fPeriod) && f.toks[st].is(fCap) && stateAbbrevs[f.low(st)] {
			return model.GPE // "Paramus, N.J."
		}
	}
	if f.isWord(next) && personAfter[f.low(next)] && b-a <= 3 {
		return model.Person
	}
	if b-a == 1 && f.isWord(next) && !f.toks[next].is(fCap) && leaderNouns[f.low(next)] {
		return model.Person // "the Biden administration"
	}
	if b-a == 1 && camelCase(f.text[f.toks[a].start:f.toks[a].end]) {
		return model.Org // "TikTok", "YouTube", "eBay"
	}
	if f.low(next) == "(" && (f.low(next+1) == "born" || f.low(next+1) == "b") {
		return model.Person
	}
	// "X is a village in …", "X was a small town"
	if (f.low(next) == "is" || f.low(next) == "was") && (f.low(next+1) == "a" || f.low(next+1) == "an" || f.low(next+1) == "the") {
		for k := next + 2; k < next+5 && k < len(f.toks); k++ {
			if t, ok := placeNouns[f.low(k)]; ok {
				return t
			}
			if f.toks[k].kind != tWord || f.toks[k].is(fCap) {
				break
			}
		}
	}
	// "the village of X", "a suburb of X", "north of X"
	if f.low(a-1) == "of" && a >= 2 && !f.toks[a-2].is(fCap) {
		if t, ok := placeNouns[f.low(a-2)]; ok {
			return t
		}
	}
	// "from Poolesville to Sandy Hook"
	if f.low(a-1) == "from" && f.low(b) == "to" && b+1 < len(f.toks) && f.toks[b+1].is(fCap) {
		return model.GPE
	}
	if f.low(a-1) == "to" && f.low(a-3) == "from" && a >= 3 && f.toks[a-2].is(fCap) {
		return model.GPE
	}
	prev := a - 1
	if prev >= 0 && f.toks[prev].kind == tWord && !f.toks[prev].is(fCap) {
		switch {
		case titleHeads[f.low(prev)] || personNouns[f.low(prev)]:
			return model.Person
		case placeBefore[f.low(prev)]:
			return model.GPE
		}
	}
	return ""
}

// appositiveEnd reports whether token k closes an appositive: punctuation
// other than a possessive, or the end of the text or line.
func (f *nameFinder) appositiveEnd(k int) bool {
	if k >= len(f.toks) || f.toks[k].is(fLineStart) {
		return true
	}
	switch f.low(k) {
	case ",", ".", ";", ":", ")", "!", "?", "and":
		return true
	}
	return false
}

// placeAt returns the end of a gazetteer place name starting at token k
// (up to the longest listed place), or k.
func (f *nameFinder) placeAt(k int) int {
	if k >= len(f.toks) || !f.capWord[k] && !f.toks[k].is(fCap) {
		return k
	}
	for n := min(f.g.placeStart[f.low(k)], len(f.toks)-k); n >= 1; n-- {
		if t, ok := f.g.places[f.key(k, k+n)]; ok && t == model.GPE {
			return k + n
		}
	}
	return k
}

// knownOrgs are organisations named by the alias table.
var knownOrgs = func() map[string]model.EntityType {
	m := map[string]model.EntityType{}
	for _, grp := range aliasGroups {
		if grp.typ != model.Org {
			continue
		}
		for _, k := range grp.names {
			// Short keys that are also common words stay out ("who").
			if len(k) > 2 || k == "un" || k == "eu" || k == "ap" {
				m[k] = model.Org
			}
		}
	}
	delete(m, "who")
	delete(m, "fed")
	delete(m, "sec")
	return m
}()
