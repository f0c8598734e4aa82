package entities

import "github.com/parallax-reader/parallax/model"

// Roles: titles and offices given with a person's name and kept out of it.
// They are found in three places: inside the capitalised run ("Iraqi Prime
// Minister Nouri al-Maliki"), in lower case before the name ("Iran's
// ambassador to Iraq, Hassan Qomi"), and in an appositive after it
// ("Ryan Crocker, the U.S. ambassador, said").

// roleOf returns the span of the role given with a person's name, or an
// empty span.
func (f *nameFinder) roleOf(c *cand) model.Span {
	if c.roleValid {
		k := f.tokenAt(c.role.Start) - 1
		return model.Span{Start: f.ownerBefore(k, c.role.Start), End: c.role.End}
	}
	if r := f.roleBefore(c); r.End > r.Start {
		return r
	}
	return f.roleAfter(c)
}

// ownerBefore extends a role starting at byte start back over a possessive
// or adjacent name ending at token k ("Iran's", "White House").
func (f *nameFinder) ownerBefore(k, start int) int {
	if k >= 0 && f.toks[k].kind == tPoss {
		k--
	}
	if k >= 0 {
		if i, ok := f.byEnd[f.toks[k].end]; ok {
			return f.cands[i].start
		}
	}
	return start
}

// titleWordsBack returns the first of the lower-case title words ending at
// token k, or k+1 when there are none or they hold no title head.
func (f *nameFinder) titleWordsBack(k int) int {
	j := k
	head := false
	for j >= 0 && f.toks[j].kind == tWord && !f.toks[j].is(fCap) &&
		(titleWords[f.low(j)] || titleModifiers[f.low(j)]) && !f.toks[j].is(fLineStart) {
		if titleHeads[f.low(j)] {
			head = true
		}
		j--
	}
	if !head {
		return k + 1
	}
	return j + 1
}

// roleBefore reads a lower-case role before the name: title words, an
// optional "to"/"of"/"at" and a name ("ambassador to Iraq"), an optional
// comma, and an owner before the title words.
func (f *nameFinder) roleBefore(c *cand) model.Span {
	k := f.tokenAt(c.start) - 1
	if k >= 0 && f.low(k) == "," {
		k--
	}
	end := k
	// "… to Iraq" / "… of the Interior"
	if k >= 0 {
		if i, ok := f.byEnd[f.toks[k].end]; ok {
			p := f.tokenAt(f.cands[i].start) - 1
			if p >= 1 && (f.low(p) == "to" || f.low(p) == "of" || f.low(p) == "at") {
				k = p - 1
			}
		}
	}
	j := f.titleWordsBack(k)
	if j > k {
		return model.Span{}
	}
	return model.Span{Start: f.ownerBefore(j-1, f.toks[j].start), End: f.toks[end].end}
}

// roleAfter reads an appositive after the name: a comma, an optional
// article, then up to twelve words of names, title words and "of"/"to",
// holding a title head, closed by a comma, a full stop or "said".
func (f *nameFinder) roleAfter(c *cand) model.Span {
	k := f.tokenAt(c.end)
	if k >= len(f.toks) || f.low(k) != "," {
		return model.Span{}
	}
	k++
	if w := f.low(k); w == "the" || w == "a" || w == "an" {
		k++
	}
	start := k
	head := false
	for k < len(f.toks) && k-start < 12 {
		t := &f.toks[k]
		w := t.low
		switch {
		case t.kind == tPoss || w == "of" || w == "to" || w == "for" || w == "in" || w == "with" || w == "at" || w == "the":
		case t.kind == tWord && !t.is(fCap) && (titleWords[w] || titleModifiers[w]):
			if titleHeads[w] {
				head = true
			}
		case t.kind == tWord && t.is(fCap):
			if titleHeads[w] {
				head = true
			}
		default:
			if head && k > start && (w == "," || w == "." || w == "said" || w == ";" || w == ")") {
				last := k - 1
				for last > start && (f.low(last) == "of" || f.low(last) == "to" || f.low(last) == "for" || f.low(last) == "in" || f.low(last) == "with" || f.low(last) == "at" || f.low(last) == "the") {
					last--
				}
				return model.Span{Start: f.toks[start].start, End: f.toks[last].end}
			}
			return model.Span{}
		}
		k++
	}
	return model.Span{}
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
