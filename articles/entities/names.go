package entities

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/parallax-reader/parallax/model"
)

// nameFinder finds names: runs of capitalised words, cut at titles and
// sentence-initial capitals, typed by gazetteers, cue words and context.
type nameFinder struct {
	text string
	toks []token
	used []bool
	g    *gazetteer
	// capWord marks tokens that may be part of a name.
	capWord []bool
	// docCaps holds words seen capitalised away from a sentence start;
	// docLower words seen in lower case: evidence for sentence-initial words.
	docCaps  map[string]bool
	docLower map[string]bool
	cands    []cand
	out      []model.Mention
	// byEnd maps the end offset of each typed name other than a person's
	// to its candidate, for roles such as "Iran's ambassador".
	byEnd map[int]int
	// why names the rule that typed the last name classified, kept on the
	// candidate to explain and test typing decisions.
	why string
}

// cand is a name found in the first pass, typed or not yet.
type cand struct {
	a, b      int // token range
	start     int // byte offsets (may be inside a hyphenated token)
	end       int
	typ       model.EntityType
	sure      bool
	why       string // the rule that typed it
	titled    bool   // a title came before it
	role      model.Span
	roleValid bool
}

func (f *nameFinder) low(k int) string {
	if k < 0 || k >= len(f.toks) {
		return ""
	}
	return f.toks[k].low
}

func (f *nameFinder) isWord(k int) bool {
	return k >= 0 && k < len(f.toks) && f.toks[k].kind == tWord && !f.used[k]
}

func (f *nameFinder) find() {
	f.collectEvidence()
	f.markCapWords()
	for k := 0; k < len(f.toks); {
		if !f.capWord[k] {
			k++
			continue
		}
		end := f.runEnd(k)
		f.handleRun(k, end)
		k = end
	}
	f.resolve()
}

func (f *nameFinder) collectEvidence() {
	f.docCaps = make(map[string]bool)
	f.docLower = make(map[string]bool)
	initial := make(map[string]bool) // capitalised words met where capitals say nothing
	for k := range f.toks {
		t := &f.toks[k]
		if t.kind != tWord || t.is(fDigit) || !t.is(fCap) {
			continue
		}
		if t.is(fSentStart) || t.is(fCaseless) {
			initial[t.low] = true
		} else {
			f.docCaps[t.low] = true
		}
	}
	// Lower-case uses matter only for words that also appear capitalised
	// where capitals say nothing; the others need no map entry.
	for k := range f.toks {
		t := &f.toks[k]
		if t.kind == tWord && !t.is(fCap) && !t.is(fDigit) && initial[t.low] {
			f.docLower[t.low] = true
		}
	}
}

// markCapWords decides which tokens may belong to a name, and emits
// mentions inside hyphenated words ("U.S.-Iranian", "Iranian-backed").
func (f *nameFinder) markCapWords() {
	f.capWord = make([]bool, len(f.toks))
	for k := range f.toks {
		t := &f.toks[k]
		if t.kind != tWord || f.used[k] || t.is(fDigit) {
			continue
		}
		if t.is(fHyphen) {
			shape, parts := f.g.shapeOf(f.text, t)
			switch shape {
			case hName:
				f.capWord[k] = !t.is(fCaseless) || !f.g.common[t.low]
				continue
			case hSplit:
				for _, p := range parts {
					f.emitPart(p)
				}
				f.used[k] = true
				continue
			case hAdj:
				f.emitPart(parts[0])
				f.used[k] = true
				continue
			case hPrefix:
				last := parts[len(parts)-1]
				f.emitPart(last)
				f.used[k] = true
				continue
			}
			continue
		}
		if t.is(fCaseless) {
			f.capWord[k] = f.caselessName(t.low)
			continue
		}
		if !t.is(fCap) {
			continue
		}
		if (months[t.low] > 0 || weekdays[t.low]) && !f.nextIsCap(k) {
			continue // a month or weekday the date rules did not take
		}
		if (t.low == "i" || t.low == "a") && !t.is(fPeriod) {
			continue // the pronoun and the article, not initials
		}
		if t.is(fSentStart) {
			f.capWord[k] = f.initialName(k)
			continue
		}
		f.capWord[k] = true
	}
}

func (f *nameFinder) nextIsCap(k int) bool {
	return k+1 < len(f.toks) && f.toks[k+1].kind == tWord && f.toks[k+1].is(fCap) && !f.toks[k+1].is(fLineStart)
}

// emitPart adds a mention for one part of a hyphenated word when a
// gazetteer knows it.
func (f *nameFinder) emitPart(p part) {
	w := f.text[p.start:p.end]
	if typ := f.g.knownName(w); typ != "" {
		f.cands = append(f.cands, cand{start: p.start, end: p.end, a: -1, b: -1, typ: typ, sure: true})
	}
}

// caselessName decides whether a word of a heading in capitals is a name:
// known names are, common words are not, other words are.
func (f *nameFinder) caselessName(low string) bool {
	g := f.g
	if _, ok := g.places[low]; ok {
		return true
	}
	if _, ok := g.demonyms[low]; ok {
		return true
	}
	if g.given[low] || f.docCaps[low] {
		return true
	}
	if stopCaps[low] || g.common[low] || f.docLower[low] {
		return orgCues[low] && !stopCaps[low]
	}
	return len(low) > 1
}

// initialName decides whether a capitalised word at the start of a
// sentence is a name.
func (f *nameFinder) initialName(k int) bool {
	low := f.toks[k].low
	g := f.g
	if f.placeAt(k) > k+1 {
		return true // "New York", "Sri Lanka"
	}
	if directions[low] && f.nextIsCap(k) {
		return true // "East Palestine", "North Waziristan"
	}
	if stopCaps[low] {
		return false
	}
	if f.toks[k].is(fAllCaps) && len(low) <= 6 {
		return true
	}
	if _, ok := g.places[low]; ok {
		return true
	}
	if _, ok := g.demonyms[low]; ok {
		return true
	}
	if f.docCaps[low] {
		return true
	}
	nextCap := k+1 < len(f.toks) && f.toks[k+1].kind == tWord && f.toks[k+1].is(fCap) && !f.toks[k+1].is(fLineStart)
	if g.common[low] || f.docLower[low] {
		// "Bank of America", "President Bush" start with common words that
		// belong to the name or its title.
		if nextCap || (orgConnectors[f.low(k+1)] && k+2 < len(f.toks) && f.toks[k+2].is(fCap)) {
			next := f.low(k + 1)
			return orgCues[low] || titleHeads[low] || locCues[low] || gpeCues[low] || g.given[low] ||
				(nextCap && (orgCues[next] || locCues[next] || gpeCues[next])) || f.placeAt(k) > k+1 ||
				f.companyAhead(k+1)
		}
		return false
	}
	return true
}

// companyAhead reports whether the capitalised words from k end in a
// company suffix within a few words ("Key Tronic corp said").
func (f *nameFinder) companyAhead(k int) bool {
	for j := k; j < len(f.toks) && j < k+5; j++ {
		t := &f.toks[j]
		if t.kind != tWord || t.is(fLineStart) {
			return false
		}
		if corporateSuffixes[t.low] && j > k {
			return true
		}
		if !t.is(fCap) {
			return false
		}
	}
	return false
}

// runEnd returns the end of the run of name words starting at k, allowing
// particles and connectors between capitalised words.
func (f *nameFinder) runEnd(k int) int {
	end := k + 1
	for end < len(f.toks) && end-k < maxRun {
		t := &f.toks[end]
		if t.is(fLineStart) || t.is(fSentStart) {
			break
		}
		prev := f.low(end - 1)
		if end-1 > k && corporateSuffixes[prev] && !corporateSuffixes[t.low] && prev != "group" && prev != "holdings" && prev != "holding" {
			break // a company's name ends at its suffix ("Cetus Corp CTUS")
		}
		if f.capWord[end] {
			end++
			continue
		}
		// A lower-case corporate suffix ends the name ("Key Tronic corp").
		if t.kind == tWord && corporateSuffixes[t.low] && len(t.low) <= 4 && !f.used[end] {
			end++
			break
		}
		// A connector or particle, then a name word; "to" only after a
		// title ("Ambassador to Iraq").
		if f.low(end) == "to" && titleHeads[f.low(end-1)] && end+1 < len(f.toks) && f.capWord[end+1] && !f.toks[end+1].is(fLineStart) {
			end += 2
			continue
		}
		j := end
		for j < len(f.toks) && j-end < 3 && !f.toks[j].is(fLineStart) && (f.isConnector(j)) {
			j++
		}
		if j > end && j < len(f.toks) && f.capWord[j] && !f.toks[j].is(fLineStart) {
			end = j + 1
			continue
		}
		break
	}
	return end
}

// maxRun bounds a run of name words: longer runs are no single name, and
// the bound keeps the work on each run small.
const maxRun = 16

func (f *nameFinder) isConnector(k int) bool {
	t := &f.toks[k]
	if f.used[k] {
		return false
	}
	if t.kind == tPunct {
		return t.low == "&"
	}
	if t.kind != tWord || t.is(fCap) && !t.is(fCaseless) {
		return false
	}
	return particles[t.low] || orgConnectors[t.low]
}

// handleRun splits a run at titles and connectors and records candidates.
func (f *nameFinder) handleRun(a, b int) {
	if c := f.badConnector(a, b); c > a {
		f.handleRun(a, c)
		f.handleRun(c+1, b)
		return
	}
	// Titles: a title phrase followed by a name.
	if ts, te := f.titlePhrase(a, b); te > ts {
		if ts > a {
			f.handleRun(a, ts)
		}
		// A place named inside the title is a mention of its own
		// ("Ambassador to Iraq").
		for k := ts; k+1 < te; k++ {
			if f.low(k) == "to" {
				f.addName(k+1, te, false, model.Span{})
				break
			}
		}
		if te < b {
			role := model.Span{Start: f.toks[a].start, End: f.toks[te-1].end}
			if ts > a && !f.roleModifierRun(a, ts) {
				role.Start = f.toks[ts].start
			}
			f.addName(te, b, true, role)
		}
		return
	}
	// A title with no name after it ("the Iranian Ambassador", "Prime
	// Minister"): only what comes before the title may be a name.
	if t := f.trailingTitle(a, b); t < b {
		if t > a {
			f.handleRun(a, t)
		}
		return
	}
	f.addName(a, b, false, model.Span{})
}

// trailingTitle returns where a title phrase that ends the run [a,b)
// starts, or b when the run does not end in one.
func (f *nameFinder) trailingTitle(a, b int) int {
	i := b
	head := false
	for i > a && (titleWords[f.low(i-1)] || titleModifiers[f.low(i-1)]) && f.capWord[i-1] {
		if titleHeads[f.low(i-1)] {
			head = true
		}
		i--
	}
	if !head || !titleHeads[f.low(b-1)] {
		return b
	}
	// Modifiers that begin a name are not part of the title ("General
	// Motors" never reaches here: "motors" is no title word).
	for i < b && !titleHeads[f.low(i)] && !titleWords[f.low(i)] {
		i++
	}
	return i
}

// roleModifierRun reports whether tokens [a,b) before a title describe it
// ("Iraqi", "U.S.", "White House"): short, and not a person's name.
func (f *nameFinder) roleModifierRun(a, b int) bool {
	return b-a <= 3
}

// titlePhrase finds a title phrase inside [a,b) that is followed by a name:
// title words containing at least one title head ("Prime Minister",
// "Secretary of State", "Gen."). It returns the phrase's token range.
func (f *nameFinder) titlePhrase(a, b int) (int, int) {
	for i := a; i < b; i++ {
		if !titleWords[f.low(i)] || f.toks[i].is(fHyphen) || (i > a && !f.capWord[i-1]) {
			continue
		}
		j := i
		head := false
		for j < b {
			w := f.low(j)
			if titleWords[w] || titleModifiers[w] {
				if titleHeads[w] {
					head = true
				}
				j++
				continue
			}
			if w == "of" && j+1 < b && (titleWords[f.low(j+1)] || titleModifiers[f.low(j+1)]) && head {
				j++
				continue
			}
			break
		}
		// Back off title words that are really the start of the name.
		for j > i && !titleHeads[f.low(j-1)] && !titleModifiers[f.low(j-1)] {
			j--
		}
		// "Ambassador to Iraq Ryan Crocker": a known place after "to"
		// belongs to the title.
		if head && j+1 < b && f.low(j) == "to" {
			if e := f.placeAt(j + 1); e > j+1 && e < b {
				j = e
			}
		}
		if head && j < b && j > i && f.capWord[j] {
			if f.nameAfterTitle(j, b) {
				return i, j
			}
		}
		if j > i {
			i = j - 1
		}
	}
	return 0, 0
}

// titleModifiers are words that may sit inside a title phrase after its
// first word ("Minister of Foreign Affairs", "Oil Minister").
var titleModifiers = set(
	"affairs", "defense", "defence", "health", "education", "justice", "trade",
	"energy", "oil", "economy", "economic", "labor", "labour", "agriculture",
	"commerce", "transport", "transportation", "industry", "culture", "information",
	"intelligence", "homeland", "housing", "environment", "finance", "treasury",
	"interior", "foreign", "state", "general", "staff", "joint", "chiefs", "armed",
	"forces", "police", "army", "navy", "air", "force", "marine", "corps", "executive",
	"operating", "financial", "communications", "press", "public", "relations",
)

// nameAfterTitle reports whether [j,b) after a title is a person's name
// rather than the rest of an organisation ("General Motors" is not
// "General" + "Motors").
func (f *nameFinder) nameAfterTitle(j, b int) bool {
	last := f.low(b - 1)
	if orgCues[last] || locCues[last] || gpeCues[last] || eventCues[last] {
		return false
	}
	if b-j == 1 {
		if _, ok := f.g.places[f.low(j)]; ok {
			return false
		}
		if _, ok := f.g.demonyms[f.low(j)]; ok {
			return false
		}
	}
	for k := j; k < b; k++ {
		if f.capWord[k] {
			return true
		}
	}
	return false
}

// addName validates connectors in [a,b), classifies and records the name.
func (f *nameFinder) addName(a, b int, titled bool, role model.Span) {
	// Trim connectors at either end.
	for a < b && !f.capWord[a] {
		a++
	}
	for b > a && !f.capWord[b-1] && !corporateSuffixes[f.low(b-1)] {
		b--
	}
	if a >= b {
		return
	}
	if c := f.badConnector(a, b); c > a {
		f.addName(a, c, titled, role)
		f.addName(c+1, b, false, model.Span{})
		return
	}
	typ, sure := f.classify(a, b, titled)
	if typ == "" && !sure {
		// No type: split at connectors and try the parts.
		if parts := f.splitConnectors(a, b); len(parts) > 1 {
			for _, p := range parts {
				f.addName(p[0], p[1], titled && p[0] == a, role)
			}
			return
		}
	}
	if typ == "-" {
		return // an event or work: consumed, no mention
	}
	c := cand{a: a, b: b, start: f.toks[a].start, end: f.toks[b-1].end, typ: typ, sure: sure, titled: titled, why: f.why}
	if titled && role.End > role.Start {
		c.role, c.roleValid = role, true
	}
	f.cands = append(f.cands, c)
}

// badConnector returns the index of a connector in [a,b) that should not
// join its neighbours, or -1. "of" joins after a cue word ("University of
// Texas", "Gulf of Mexico", "Battle of Midway"); "and", "for" and "on" join
// only inside an organisation's name that ends in a cue word ("Bashaw Oil
// and Gas Ltd"), not two names ("the Institute and the Museum").
func (f *nameFinder) badConnector(a, b int) int {
	company := corporateSuffixes[f.low(b-1)]
	segStart := a // start of the words since the last connector
	for k := a + 1; k < b-1; k++ {
		if f.capWord[k] {
			continue
		}
		w := f.low(k)
		switch w {
		case "of":
			p := f.low(k - 1)
			if corporateSuffixes[p] {
				return k // "Paxar Corp of Ohio": the name ends at the suffix
			}
			if k-segStart >= 3 && f.placeAt(k+1) == b {
				return k // "Capital Investigations Agency of Hackensack"
			}
			if !(company && k-segStart == 1 || orgCues[p] || locCues[p] || gpeCues[p] || eventCues[p] || titleWords[p] || titleModifiers[p] || ofHeads[p]) {
				return k
			}
		case "the":
			if f.low(k-1) != "of" && f.low(k-1) != "for" && f.low(k-1) != "on" {
				return k
			}
		case "and", "for", "on":
			// The words after the connector, up to the next "of" or the
			// end, must be a short tail ending in a cue word; and two
			// complete names of two or more words each stay apart ("the
			// Institute and the Museum"), while "Securities and Exchange
			// Commission" and "Oil and Gas Ltd" hold together.
			e := k + 1
			for e < b && f.low(e) != "of" {
				e++
			}
			if !orgCues[f.low(e-1)] {
				return k
			}
			words, suffix := 0, false
			for x := k + 1; x < e; x++ {
				if corporateSuffixes[f.low(x)] {
					suffix = true
				} else {
					words++
				}
			}
			if words > 2 || suffix && words > 1 {
				return k // "Asher Edelman and Dominion Textiles Inc"
			}
			if k-segStart >= 2 && orgCues[f.low(k-1)] && e-(k+1) >= 2 && w == "and" {
				return k
			}
		}
		segStart = k + 1
	}
	return -1
}

// ofHeads are words other than cue words that take "of" inside a name
// ("Church of England", "Lady of Compassion", "Isle of Man").
var ofHeads = set("lady", "saint", "lord", "sisters", "brothers", "daughters", "sons", "friends",
	"house", "knights", "order", "chamber", "tower", "cathedral", "temple", "state", "states",
	"bay", "cape", "isle", "mouth", "straits", "kingdom", "duchy", "republic", "prince", "queen", "king")

// splitConnectors cuts [a,b) at organisation connectors ("of", "and").
func (f *nameFinder) splitConnectors(a, b int) [][2]int {
	var parts [][2]int
	s := a
	for k := a; k < b; k++ {
		if !f.capWord[k] && !particles[f.low(k)] {
			if k > s {
				parts = append(parts, [2]int{s, k})
			}
			s = k + 1
		}
	}
	if b > s {
		parts = append(parts, [2]int{s, b})
	}
	return parts
}

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
	if t, ok := g.places[key]; ok {
		return t, true
	}
	if _, ok := g.demonyms[key]; ok {
		f.why = "if  ok  gdemonymskey ok "
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
		f.why = "case n  2  eventCueslast  orgCueslast"
		return "-", true
	case orgCues[last] && !(n == 1 && !f.toks[a].is(fAllCaps)):
		f.why = "case orgCueslast  n  1  ftoksaisfAllCaps"
		return model.Org, true
	case locCues[last] && n >= 2:
		f.why = "case locCueslast  n  2"
		return model.Loc, true
	case gpeCues[last] && n >= 2:
		f.why = "case gpeCueslast  n  2"
		return model.GPE, true
	case n >= 3 && f.low(a+1) == "of":
		switch {
		case orgCues[first]:
			f.why = "case orgCuesfirst"
			return model.Org, true
		case locCues[first]:
			f.why = "case locCuesfirst"
			return model.Loc, true
		case gpeCues[first]:
			f.why = "case gpeCuesfirst"
			return model.GPE, true
		case eventCues[first]:
			f.why = "case eventCuesfirst"
			return "-", true
		}
	}
	for k := a; k < b; k++ {
		if orgCues[f.low(k)] && f.capWord[k] && n >= 2 && !particles[f.low(k)] {
			f.why = "if orgCuesflowk  fcapWordk  n  2  partic"
			return model.Org, true
		}
	}
	if hasConnector && !f.hasParticle(a, b) {
		f.why = "if hasConnector  fhasParticlea b "
		return "", false
	}
	// A name that starts with a place and goes on is a team, company or
	// body named after it ("Perth Glory", "Montreal HC"), not a person.
	if n >= 2 && !titled && !g.given[first] {
		if e := f.placeAt(a); e > a && e < b {
			f.why = "if e  fplaceAta e  a  e  b "
			return model.Org, false
		}
	}
	if titled {
		f.why = "if titled "
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
		// than bodies; they count when a name in the document spells them.
		if len(first) <= 2 {
			f.why = "if lenfirst  2 "
			return "", false
		}
		f.why = ""
		return model.Org, true
	}
	if n == 1 && strings.Count(first, ".") >= 2 {
		f.why = "if n  1  stringsCountfirst   2 "
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
		f.why = "if n  2  fhasParticlea b "
		return model.Person, true
	}
	if n >= 3 && f.hasInitial(a, b) {
		f.why = "if n  3  fhasInitiala b "
		return model.Person, true
	}
	if n >= 2 && len(first) == 2 && f.toks[a].is(fPeriod) {
		f.why = "if n  2  lenfirst  2  ftoksaisfPeriod "
		return model.Person, true // "J. Smith"
	}
	if typ := f.contextType(a, b); typ != "" {
		f.why = "if typ  fcontextTypea b typ   "
		return typ, false
	}
	if n == 1 && g.given[first] && !g.common[first] {
		f.why = "if n  1  ggivenfirst  gcommonfirst "
		return model.Person, false
	}
	f.why = ""
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
