package compare

import (
	"fmt"
	"strings"

	"github.com/parallax-reader/parallax/model"
)

// passage is one side of an aligned pair as the detectors see it.
type passage struct {
	article  int // index into the articles
	text     string
	span     model.Span
	toks     []token
	mentions []model.Mention // mentions inside span, in order
}

// finding is one discrepancy a detector saw in a pair of passages.
type finding struct {
	kind    model.DiscrepancyKind
	conf    float64
	summary string
}

// comparePassages runs every sentence-level detector on two aligned
// passages that tell the same thing.
func comparePassages(a, b *passage) []finding {
	// A "sentence" this long is text the segmenter could not split (a
	// table, a list without punctuation); word-by-word comparison says
	// nothing useful there and would cost quadratic time.
	const maxTokens = 1000
	if len(a.toks) > maxTokens || len(b.toks) > maxTokens {
		return nil
	}
	m := matchTokens(a.toks, b.toks)
	var out []finding
	out = append(out, numberFindings(a, b, m)...)
	out = append(out, negationFindings(a, b, m)...)
	out = append(out, antonymFindings(a, b, m)...)
	out = append(out, nameFindings(a, b, m)...)
	if len(out) == 0 {
		out = append(out, nounFindings(a, b, m)...)
	}
	return out
}

func (p *passage) phrase(i, j int) string {
	return oneLine(p.text[p.toks[i].start:p.toks[j].end])
}

// oneLine folds a passage onto one line and shortens it for a summary.
func oneLine(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if r := []rune(s); len(r) > 60 {
		s = string(r[:57]) + "…"
	}
	return s
}

// numberFindings reports numbers and dates whose intervals cannot both be
// true: a number in one passage that nothing in the other allows, against a
// number in the other counting the same thing (same unit) or standing in
// the same place of the sentence.
func numberFindings(a, b *passage, m wordMatch) []finding {
	qa, qb := quantities(a.toks), quantities(b.toks)
	if len(qa) == 0 || len(qb) == 0 {
		return nil
	}
	freeA := unmatchedQuantities(qa, qb)
	freeB := unmatchedQuantities(qb, qa)
	var out []finding
	usedB := make([]bool, len(qb))
	for i, x := range qa {
		if !freeA[i] {
			continue
		}
		for j, y := range qb {
			if !freeB[j] || usedB[j] {
				continue
			}
			sameUnit := x.unit != "" && x.unit == y.unit
			samePlace := unitsCompatible(x.unit, y.unit) && sharesGap(x, y, m)
			if !sameUnit && !samePlace {
				continue
			}
			usedB[j] = true
			conf := 0.8
			switch {
			case strings.HasPrefix(x.unit, "ord:"):
				conf = 0.6
			case !sameUnit:
				conf = 0.65
			case x.hedged || y.hedged:
				conf = 0.7
			}
			what := "Number"
			if strings.HasPrefix(x.unit, "date:") {
				what = "Date"
			}
			out = append(out, finding{kind: model.Number, conf: conf,
				summary: fmt.Sprintf("%s differs: %q vs %q", what, a.phrase(x.first, x.last), b.phrase(y.first, y.last))})
			break
		}
	}
	return out
}

// unmatchedQuantities marks the quantities of qs that no quantity of other
// allows.
func unmatchedQuantities(qs, other []quantity) []bool {
	free := make([]bool, len(qs))
	for i, x := range qs {
		free[i] = true
		for _, y := range other {
			if unitsCompatible(x.unit, y.unit) && x.overlaps(y) {
				free[i] = false
				break
			}
		}
	}
	return free
}

func unitsCompatible(x, y string) bool {
	if x == y {
		return true
	}
	strict := func(u string) bool {
		return strings.HasPrefix(u, "date:") || strings.HasPrefix(u, "ord:") || u == "tally"
	}
	if strict(x) || strict(y) {
		return false
	}
	return x == "" || y == ""
}

// sharesGap reports whether two quantities were replaced one by the other:
// some word of each is unmatched and sits between the same matched words.
func sharesGap(x, y quantity, m wordMatch) bool {
	for i := x.first; i <= x.last; i++ {
		if m.gapA[i] < 0 {
			continue
		}
		for j := y.first; j <= y.last; j++ {
			if m.gapB[j] == m.gapA[i] {
				return true
			}
		}
	}
	return false
}

// negations returns the indices of the tokens that negate.
func negations(toks []token) []int {
	var out []int
	for i := range toks {
		t := &toks[i]
		if !t.word {
			continue
		}
		next := ""
		if i+1 < len(toks) {
			next = toks[i+1].lower
		}
		switch {
		case negationWords[t.lower] && !notNegation[next]:
		case strings.HasSuffix(t.lower, "n't") && !notNegation[next]:
		case failVerbs[t.lower] && next == "to":
		case stopVerbs[t.lower] && (next == "to" || strings.HasSuffix(next, "ing")):
		default:
			continue
		}
		out = append(out, i)
	}
	return out
}

// negationFindings reports a negation present in one passage and not the
// other. Counting the negations (rather than requiring the same words)
// lets "did not" meet "failed to", and "no" meet "without".
func negationFindings(a, b *passage, m wordMatch) []finding {
	na, nb := negations(a.toks), negations(b.toks)
	if len(na) == len(nb) {
		return nil
	}
	more, less, idx, toOther := a, b, na, m.aToB
	if len(nb) > len(na) {
		more, less, idx, toOther = b, a, nb, m.bToA
	}
	// The negation to show: the first one the other passage does not
	// share, on a predicate it does share ("did not get" / "did get"); when
	// the words around the negation are not in the other passage, the two
	// sentences may well say different things, and nothing is reported.
	cue := -1
	for _, i := range idx {
		if toOther[i] < 0 && sharedPredicate(more.toks, i, toOther) {
			cue = i
			break
		}
	}
	if cue < 0 {
		return nil
	}
	lo, hi := contextAround(more.toks, cue, 1, 2)
	neg := more.phrase(lo, hi)
	other := ""
	// The same place in the other passage: between the counterparts of the
	// nearest matched words around the negation.
	pl, ph := -1, -1
	for i := cue - 1; i >= 0 && pl < 0; i-- {
		pl = toOther[i]
	}
	for i := cue + 1; i < len(more.toks) && ph < 0; i++ {
		ph = toOther[i]
	}
	if pl >= 0 && ph >= pl && ph-pl <= 6 {
		other = less.phrase(pl, ph)
	}
	var s string
	switch {
	case other == "":
		s = fmt.Sprintf("Negation in one wording only: %q", neg)
	case more == a:
		s = fmt.Sprintf("Negation differs: %q vs %q", neg, other)
	default:
		s = fmt.Sprintf("Negation differs: %q vs %q", other, neg)
	}
	return []finding{{kind: model.Contradiction, conf: 0.7, summary: s}}
}

// sharedPredicate reports whether the negated words after a negation (the
// next two content words, or the one just before) have a counterpart in the other passage.
func sharedPredicate(toks []token, cue int, toOther []int) bool {
	for k, n := cue+1, 0; k < len(toks) && n < 2; k++ {
		if !toks[k].word || !toks[k].content() {
			continue
		}
		n++
		if toOther[k] >= 0 {
			return true
		}
	}
	for k := cue - 1; k >= 0 && k >= cue-3; k-- {
		if toks[k].word && toks[k].content() {
			return toOther[k] >= 0
		}
	}
	return false
}

// contextAround widens token i to take in `before` words before and `after`
// words after it.
func contextAround(toks []token, i, before, after int) (int, int) {
	lo, hi := i, i
	for k, n := i-1, 0; k >= 0 && n < before; k-- {
		if toks[k].word || toks[k].digit {
			lo, n = k, n+1
		} else {
			break
		}
	}
	for k, n := i+1, 0; k < len(toks) && n < after; k++ {
		if toks[k].word || toks[k].digit {
			hi, n = k, n+1
		} else {
			break
		}
	}
	return lo, hi
}

// onlyIn returns the content words of p that the other passage does not
// use anywhere.
func onlyIn(p *passage, match []int, otherKeys map[string]bool) []int {
	var out []int
	for i := range p.toks {
		t := &p.toks[i]
		if match[i] >= 0 || !t.content() || t.digit || otherKeys[t.key] {
			continue
		}
		out = append(out, i)
	}
	return out
}

func keySet(toks []token) map[string]bool {
	s := make(map[string]bool, len(toks))
	for i := range toks {
		s[toks[i].key] = true
	}
	return s
}

// antonymFindings reports a word of one passage replaced by its opposite in
// the other ("opening" / "closing").
func antonymFindings(a, b *passage, m wordMatch) []finding {
	oa := onlyIn(a, m.aToB, keySet(b.toks))
	ob := onlyIn(b, m.bToA, keySet(a.toks))
	for _, i := range oa {
		for _, j := range ob {
			if m.replaced(i, j) && antonyms(&a.toks[i], &b.toks[j]) {
				return []finding{{kind: model.Contradiction, conf: 0.65,
					summary: fmt.Sprintf("Opposite wording: %q vs %q", a.toks[i].text, b.toks[j].text)}}
			}
		}
	}
	return nil
}
