package entities

import (
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
	capCount map[string]int
	// votes holds the type the context of some mention gave a name.
	votes map[string]model.EntityType
	cands []cand
	out   []model.Mention
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
			if f.capCount == nil {
				f.capCount = map[string]int{}
			}
			f.capCount[t.low]++
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
		if t.kind != tWord || f.used[k] {
			continue
		}
		if t.is(fDigit) {
			// "6PR", "3M": letters in capitals after digits make a name,
			// when the number rules found no number there.
			if kind, _ := classifyDigits(t.low); kind == numNone && t.is(fAllCaps) {
				f.capWord[k] = true
			}
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
	if c := f.personStart(a, b); c > a {
		f.handleRun(a, c)
		f.handleRun(c, b)
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

// roleModifierRun reports whether tokens [a,b) before a title describe it
// ("Iraqi", "U.S.", "White House"): short, and not a person's name.
func (f *nameFinder) roleModifierRun(a, b int) bool {
	return b-a <= 3
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
			if k-segStart >= 2 && orgCues[f.low(k-1)] && e-(k+1) >= 2 && w == "and" && !suffix {
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

// personStart finds a person's name that begins inside the run [a,b) after
// words that are no part of it: a nationality ("Minnesotan Scott LeDoux"),
// common words ("Tower Man George Hauser") or a whole organisation's name
// ("Exchange Commission John Shad"). It returns the index of the
// given name, or -1.
func (f *nameFinder) personStart(a, b int) int {
	last := f.low(b - 1)
	if orgCues[last] || locCues[last] || gpeCues[last] || eventCues[last] {
		return -1 // the run ends as no person's name does ("West Palm Beach")
	}
	for i := a + 1; i < b-1; i++ {
		if !f.g.given[f.low(i)] || f.g.common[f.low(i)] || !f.capWord[i+1] {
			continue
		}
		if f.placeAt(a) > i {
			return -1 // "New York NASDAQ": the given name is part of a place
		}
		if orgCues[f.low(i-1)] && i-a >= 2 {
			return i // "Exchange Commission John Shad"
		}
		for k := a; k < i; k++ {
			w := f.low(k)
			_, norp := f.g.demonyms[w]
			if !(norp || f.g.common[w]) || orgCues[w] || locCues[w] || gpeCues[w] || titleWords[w] || titleModifiers[w] || !f.capWord[k] {
				return -1
			}
		}
		return i
	}
	return -1
}
