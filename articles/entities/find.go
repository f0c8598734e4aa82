package entities

import (
	"sort"
	"strconv"
	"strings"

	"github.com/parallax-reader/parallax/model"
)

// Find returns the entity mentions in text: names (PERSON, ORG, GPE, LOC,
// NORP) and dates, times and numbers (DATE, TIME, CARDINAL, QUANTITY, MONEY,
// PERCENT), with byte offsets into text, sorted and non-overlapping.
// sentences are the text's sentences (sorted byte spans, may be nil): a
// capital at the start of one is not by itself evidence of a name. A title
// or office given with a person's name is not part of the name but its Role
// ("Iraqi Prime Minister" for "Nouri al-Maliki"); words inside a role are
// also mentions of their own ("Iraqi" is NORP).
func Find(text string, sentences []model.Span) []model.Mention {
	toks := tokenize(text)
	spans := make([]spanLike, len(sentences))
	for i, s := range sentences {
		spans[i] = spanLike{s.Start, s.End}
	}
	markSentences(text, toks, spans)
	used := make([]bool, len(toks))

	ns := numScanner{text: text, toks: toks, used: used}
	ns.scan()

	nf := nameFinder{text: text, toks: toks, used: used, g: lexicon()}
	nf.find()

	out := append(ns.out, nf.out...)
	sort.Slice(out, func(i, j int) bool {
		if out[i].Start != out[j].Start {
			return out[i].Start < out[j].Start
		}
		return out[i].End > out[j].End
	})
	// Drop overlaps, keeping the earlier (and, at one start, the longer).
	kept := out[:0]
	end := 0
	for _, m := range out {
		if m.Start < end || m.End <= m.Start {
			continue
		}
		kept = append(kept, m)
		end = m.End
	}
	return kept
}

// resolve types the names left open by the first pass from the rest of the
// document ("Crocker" after "Ryan Crocker"), adds roles given before a name
// in lower case ("ambassador Ryan Crocker"), and writes the mentions.
func (f *nameFinder) resolve() {
	full := map[string]model.EntityType{}
	word := map[string]model.EntityType{}
	for i := range f.cands {
		c := &f.cands[i]
		if c.typ != "" && c.a >= 0 && c.sure {
			f.learn(c, full, word)
		}
	}
	// What the words around one mention of a name say types its other
	// mentions too ("in Atwick" … "Atwick's church").
	f.votes = map[string]model.EntityType{}
	for i := range f.cands {
		c := &f.cands[i]
		if c.a >= 0 && !c.sure && c.typ != "" {
			if key := f.key(c.a, c.b); f.votes[key] == "" {
				f.votes[key] = c.typ
			}
		}
	}
	// Names of several words first, so that their words can type the lone
	// words after them ("Bertil Nordin" … "Nordin").
	for pass := 0; pass < 2; pass++ {
		for i := range f.cands {
			c := &f.cands[i]
			if c.a < 0 || c.sure || (c.b-c.a == 1) != (pass == 1) {
				continue
			}
			f.settle(i, full, word)
			if pass == 0 && c.typ != "" {
				f.learn(c, full, word)
			}
		}
	}
	f.byEnd = make(map[int]int, len(f.cands))
	for i := range f.cands {
		if c := &f.cands[i]; c.typ != "" && c.typ != model.Person {
			f.byEnd[c.end] = i
		}
	}
	for i := range f.cands {
		c := &f.cands[i]
		if c.typ == "" {
			continue
		}
		start, end := c.start, c.end
		if c.a >= 0 {
			end = f.trimEnd(c.b-1, end)
		}
		m := model.Mention{Span: model.Span{Start: start, End: end}, Text: f.text[start:end], Type: c.typ}
		if c.typ == model.Person && c.a >= 0 {
			role := f.roleOf(c)
			if role.End > role.Start {
				m.Role = f.text[role.Start:role.End]
			}
		}
		f.out = append(f.out, m)
	}
}

// learn records what a typed name tells about its words: a person's
// surname and given name stand for them later; an organisation's distinctive
// words stand for it ("Philips" for "NV Philips Gloeilampenfabrieken").
func (f *nameFinder) learn(c *cand, full, word map[string]model.EntityType) {
	key := f.key(c.a, c.b)
	if _, ok := full[key]; !ok {
		full[key] = c.typ
	}
	if c.b-c.a < 2 {
		return
	}
	teach := func(w string, t model.EntityType) {
		if _, ok := word[w]; !ok {
			word[w] = t
		}
	}
	switch c.typ {
	case model.Person:
		teach(f.low(c.b-1), model.Person)
		if f.g.given[f.low(c.a)] {
			teach(f.low(c.a), model.Person)
		}
	case model.Org:
		// The first word after any leading suffix ("NV Philips"), when it
		// is distinctive.
		k := c.a
		for k < c.b-1 && corporateSuffixes[f.low(k)] {
			k++
		}
		w := f.low(k)
		if f.capWord[k] && !orgCues[w] && !f.g.common[w] && !f.g.given[w] && len(w) >= 3 {
			if _, place := f.g.places[w]; !place {
				teach(w, model.Org)
			}
		}
	}
}

// settle types the unsure candidate i from the rest of the document, its
// neighbours, or the default.
func (f *nameFinder) settle(i int, full, word map[string]model.EntityType) {
	c := &f.cands[i]
	key := f.key(c.a, c.b)
	if t, ok := full[key]; ok {
		c.typ, c.why = t, "same name typed elsewhere"
		return
	}
	if c.b-c.a == 1 {
		if t, ok := word[key]; ok {
			c.typ, c.why = t, "word of a name typed elsewhere"
			return
		}
		if f.g.common[key] {
			// A lone capitalised common word ("Century", "Port") with no
			// support from the rest of the document is no name.
			c.typ = ""
			return
		}
	}
	if c.typ != "" {
		return
	}
	if t := f.votes[key]; t != "" {
		c.typ, c.why = t, "context of another mention"
		return
	}
	if t := f.coordinated(i); t != "" {
		c.typ, c.why = t, "coordinated"
		return
	}
	c.typ, c.why = f.defaultType(c.a, c.b), "default n="+strconv.Itoa(min(c.b-c.a, 4))
}

// defaultType types a name nothing else explains. Capitalised common words
// with no other evidence ("Version", "Special Events") are more often titles
// of works than names: no mention. A word that reads as an adjective of
// nationality or culture before a lower-case word ("Victorian era") is NORP;
// other lone words are organisations when they recur and left out when not.
// Two or three words that begin and end with uncommon ones are a person's
// name ("Joost Hiltermann"); anything else an organisation.
func (f *nameFinder) defaultType(a, b int) model.EntityType {
	n := b - a
	allCommon := true
	for k := a; k < b; k++ {
		if !f.g.common[f.low(k)] && f.capWord[k] {
			allCommon = false
		}
	}
	if allCommon {
		return ""
	}
	if n == 1 {
		w := f.low(a)
		nextLower := b < len(f.toks) && f.toks[b].kind == tWord && !f.toks[b].is(fCap) && !f.toks[b].is(fDigit)
		if nextLower && (strings.HasSuffix(w, "ian") || strings.HasSuffix(w, "ean") || strings.HasSuffix(w, "ese") ||
			strings.HasSuffix(w, "ish") || strings.HasSuffix(w, "ic") || strings.HasSuffix(w, "an")) {
			return model.NORP
		}
		// A lone unknown word capitalised mid-sentence more than once is a
		// name the article keeps coming back to ("Hamas", "Binance"); most
		// such names in news are organisations. Met once, with nothing in
		// the gazetteers, its context or the rest of the document to type
		// it, it is as often a title, a term or part of a longer name as a
		// name: no mention. (On wikigold this costs 1.6 points of typed F1
		// and gains 1.9 of untyped F1.)
		if f.capCount[w] >= 2 && !f.toks[a].is(fAllCaps) {
			return model.Org
		}
		return ""
	}
	if n >= 2 && n <= 3 && !f.g.common[f.low(a)] && !f.g.common[f.low(b-1)] && !orgCues[f.low(a)] && f.capWord[a] && f.low(a) != "the" {
		for k := a; k < b; k++ {
			if !f.capWord[k] {
				return model.Org
			}
		}
		return model.Person
	}
	return model.Org
}

// coordinated types a name from the places and people listed with it
// ("Bridgeton and Salem", "Lyon and Nice"): the type of a typed neighbour
// joined by a conjunction. Organisations are left out: lists mix bodies
// with works and events too often.
func (f *nameFinder) coordinated(i int) model.EntityType {
	c := &f.cands[i]
	// Joined by "and", "or", "&" or "/" (with an optional comma); a comma
	// alone too often opens an appositive ("Iraq, Hassan Qomi, said").
	joined := func(from, to int) bool { // tokens strictly between
		if to-from < 1 || to-from > 2 {
			return false
		}
		conj := false
		for k := from; k < to; k++ {
			switch f.low(k) {
			case ",":
			case "and", "or", "&", "/":
				conj = true
			default:
				return false
			}
		}
		return conj
	}
	if i > 0 {
		p := &f.cands[i-1]
		if p.a >= 0 && p.typ != "" && p.typ != model.NORP && p.typ != model.Org && joined(p.b, c.a) {
			return p.typ
		}
	}
	if i+1 < len(f.cands) {
		q := &f.cands[i+1]
		if q.a >= 0 && q.typ != "" && !strings.HasPrefix(q.why, "default") && q.typ != model.NORP && q.typ != model.Org && joined(c.b, q.a) {
			return q.typ
		}
	}
	return ""
}

// trimEnd leaves a sentence-final period out of a name that ends in an
// abbreviation ("Erskine Resources Ltd."), where it ends the sentence too.
func (f *nameFinder) trimEnd(k, end int) int {
	t := &f.toks[k]
	if !t.is(fPeriod) || end != t.end || len(t.low) <= 1 {
		return end
	}
	if k+1 == len(f.toks) || f.toks[k+1].is(fSentStart) || f.toks[k+1].is(fLineStart) {
		if corporateSuffixes[t.low] {
			return end - 1
		}
	}
	return end
}

// tokenAt returns the index of the token starting at byte offset off.
func (f *nameFinder) tokenAt(off int) int {
	i := sort.Search(len(f.toks), func(i int) bool { return f.toks[i].start >= off })
	return i
}
