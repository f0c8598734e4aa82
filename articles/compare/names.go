package compare

import (
	"fmt"
	"sort"
	"strings"
	"unicode"

	"github.com/parallax-reader/parallax/model"
)

// nameFindings reports a name in one passage replaced by another name in
// the other: "President Zelenskyy" against "President Poroshenko". A name
// only one passage has, with nothing in its place, is extra detail, not a
// disagreement, so both passages must have a name the other lacks.
func nameFindings(a, b *passage, m wordMatch) []finding {
	na := namesOnlyIn(a, b, m.aToB)
	nb := namesOnlyIn(b, a, m.bToA)
	if len(na) == 0 || len(nb) == 0 {
		return nil
	}
	// A name replaced by another: runs in the same short gap.
	var run [2][2]int
	found := false
	for _, x := range nameRuns(a, na) {
		for _, y := range nameRuns(b, nb) {
			if !found && m.replaced(x[0], y[0]) {
				run, found = [2][2]int{x, y}, true
			}
		}
	}
	if !found {
		return nil
	}
	ra, rb := run[0], run[1]
	x, y := a.phrase(ra[0], ra[1]), b.phrase(rb[0], rb[1])
	switch {
	case modifiesName(a, ra, m.aToB) && modifiesName(b, rb, m.bToA):
		return []finding{{kind: model.Role, conf: 0.6, summary: fmt.Sprintf("Role differs: %q vs %q", x, y)}}
	case nearSpeech(a.toks, ra) && nearSpeech(b.toks, rb):
		return []finding{{kind: model.Attribution, conf: 0.6, summary: fmt.Sprintf("Attributed to different sources: %q vs %q", x, y)}}
	}
	return []finding{{kind: model.Contradiction, conf: 0.6, summary: fmt.Sprintf("Different name: %q vs %q", x, y)}}
}

// namesOnlyIn returns the name words of p that other does not have in any
// form: not the same word, not its country for a nationality ("Iranian",
// "Iran"), not its acronym, and not a linked mention of the same entity.
func namesOnlyIn(p, other *passage, match []int) []int {
	clusters := map[string]bool{}
	for _, mm := range other.mentions {
		if mm.Cluster != "" {
			clusters[mm.Cluster] = true
		}
	}
	// A name counts as missing from the other passage when it is used
	// there fewer times ("in Italy … in Italy" against "in France … in
	// Italy" replaced one of the two).
	here, there := keyCounts(p.toks), keyCounts(other.toks)
	var out []int
	for i := range p.toks {
		t := &p.toks[i]
		if match[i] >= 0 || !t.properNoun() || there[t.key] >= here[t.key] {
			continue
		}
		if mm := mentionAt(p.mentions, t.start); mm != nil {
			if clusters[mm.Cluster] && mm.Cluster != "" {
				continue
			}
			if mm.Type.IsNumeric() {
				continue
			}
		}
		if there[t.key] == 0 && sameNameSomewhere(p.toks, i, other.toks) {
			continue
		}
		out = append(out, i)
	}
	return out
}

// mentionAt finds the mention covering byte offset off; ms is sorted and
// non-overlapping, as entities.Find returns it.
func mentionAt(ms []model.Mention, off int) *model.Mention {
	i := sort.Search(len(ms), func(i int) bool { return ms[i].End > off })
	if i < len(ms) && ms[i].Contains(off) {
		return &ms[i]
	}
	return nil
}

// sameNameSomewhere reports whether other names p.toks[i] in another form.
func sameNameSomewhere(p []token, i int, other []token) bool {
	t := &p[i]
	for _, part := range strings.Split(t.lower, "-") {
		if len(part) < 3 {
			continue
		}
		for k := range other {
			o := &other[k]
			if !o.word {
				continue
			}
			for _, op := range strings.Split(o.lower, "-") {
				if op == part || sameCountry(part, op) {
					return true
				}
			}
		}
	}
	if _, ok := acronymRun(t.text, other); ok {
		return true
	}
	// t may be a word of a name the other passage gives as an acronym.
	for k := range other {
		if run, ok := acronymRun(other[k].text, p); ok && run[0] <= i && i <= run[1] {
			return true
		}
	}
	return false
}

// sameCountry matches a nationality to its country ("iranian" / "iran",
// "chinese" / "china", "french" / "france") without matching two
// different countries ("iraq" / "iran").
func sameCountry(x, y string) bool {
	if c, ok := demonyms[x]; ok && (c == y || demonyms[y] == c) {
		return true
	}
	if c, ok := demonyms[y]; ok && c == x {
		return true
	}
	bx, by := countryBase(x), countryBase(y)
	return len(bx) >= 4 && bx == by
}

func countryBase(w string) string {
	for _, suf := range []string{"ese", "ian", "ans", "an", "ish", "i", "n"} {
		if strings.HasSuffix(w, suf) && len(w)-len(suf) >= 4 {
			w = w[:len(w)-len(suf)]
			break
		}
	}
	return strings.TrimRight(w, "aeiouy")
}

// acronymRun finds a run of capitalised words in toks ("United Nations")
// whose initials spell word ("UN", "U.N."), and returns its token range.
func acronymRun(word string, toks []token) ([2]int, bool) {
	letters := strings.ReplaceAll(word, ".", "")
	if len(letters) < 2 || len(letters) > 8 || strings.ToUpper(letters) != letters || strings.ToLower(letters) == letters {
		return [2]int{}, false
	}
	for i := range toks {
		if !toks[i].cap || !toks[i].word {
			continue
		}
		var initials strings.Builder
		last := i
		for k := i; k < len(toks) && initials.Len() < len(letters); k++ {
			t := &toks[k]
			if !t.word {
				break
			}
			if !t.cap {
				if t.lower == "of" || t.lower == "and" || t.lower == "for" || t.lower == "the" {
					continue
				}
				break
			}
			initials.WriteRune(unicode.ToUpper([]rune(t.text)[0]))
			last = k
		}
		if initials.String() == letters {
			return [2]int{i, last}, true
		}
	}
	return [2]int{}, false
}

// nameRuns groups name words into runs of adjacent tokens.
func nameRuns(p *passage, idx []int) [][2]int {
	var runs [][2]int
	for _, i := range idx {
		if n := len(runs); n > 0 && adjacent(p.toks, runs[n-1][1], i) {
			runs[n-1][1] = i
			continue
		}
		runs = append(runs, [2]int{i, i})
	}
	return runs
}

func adjacent(toks []token, i, j int) bool {
	for k := i + 1; k < j; k++ {
		if toks[k].text != "-" && toks[k].text != "." && toks[k].text != "'" {
			return false
		}
	}
	return true
}

// modifiesName reports whether the run qualifies a name both passages share
// ("Iraq's foreign minister Zebari" / "Iranian Foreign Minister Zebari"):
// a shared name follows within three words, with nothing but title words
// between.
func modifiesName(p *passage, run [2]int, match []int) bool {
	for k, n := run[1]+1, 0; k < len(p.toks) && n < 3; k++ {
		t := &p.toks[k]
		if !t.word {
			if t.text == "'" || t.text == "’" {
				continue
			}
			return false
		}
		n++
		if match[k] >= 0 && t.properNoun() {
			return true
		}
		if !t.content() {
			return false
		}
	}
	return false
}

// nearSpeech reports whether reported speech is attributed to the run: a
// speech word within three words of it.
func nearSpeech(toks []token, run [2]int) bool {
	for k := max(0, run[0]-3); k < len(toks) && k <= run[1]+3; k++ {
		if speechWords[toks[k].lower] {
			return true
		}
	}
	return false
}

func keyCounts(toks []token) map[string]int {
	c := make(map[string]int, len(toks))
	for i := range toks {
		c[toks[i].key]++
	}
	return c
}
