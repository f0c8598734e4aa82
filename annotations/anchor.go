package annotations

import (
	"slices"
	"strings"
	"unicode"

	"github.com/parallax-reader/parallax/model"
)

// Anchoring finds a saved passage in the current text of its article, in
// the order the most robust web annotators use: the saved position if the
// text there is still the quote; else the quote itself, wherever it occurs,
// the occurrence chosen by its context and nearness to the old position;
// else an approximate search for the quote.

// Weights of the evidence when choosing among candidate places, as in
// Hypothesis's quote matcher: the quote matters most, its context next, the
// old position only breaks ties between otherwise equal places.
const (
	quoteWeight  = 50
	prefixWeight = 20
	suffixWeight = 20
	posWeight    = 2

	// maxFuzzyErrors caps the edits allowed in a quote; the cap is
	// min(maxFuzzyErrors, len/2).
	maxFuzzyErrors = 256
	// fuzzyCandidates bounds how many approximate places are scored.
	fuzzyCandidates = 32
	// maxOccurrences bounds how many exact occurrences of a very common
	// quote are scored.
	maxOccurrences = 10000
	// minJunctionSide is the shortest prefix or suffix that can show a
	// passage was cut out between them.
	minJunctionSide = 8
)

// contextMatcher scores how well the text around a place agrees with the
// prefix and suffix saved with a quote, and how near the place is to the
// old position.
type contextMatcher struct {
	ix             *textIndex
	prefix, suffix []rune
	pre, suf       *bitPattern
	hint           int // old start in code points, or -1
}

func newContextMatcher(ix *textIndex, t storedTarget) *contextMatcher {
	c := &contextMatcher{ix: ix, prefix: []rune(t.prefix), suffix: []rune(t.suffix), hint: -1}
	c.pre, c.suf = compilePattern(c.prefix), compilePattern(c.suffix)
	if t.hasPos {
		c.hint = t.start
	}
	return c
}

// contextScores returns the prefix and suffix agreement in [0, 1].
func (c *contextMatcher) contextScores(start, end int) (prefix, suffix float64) {
	prefix, suffix = 1, 1
	if n := len(c.prefix); n > 0 {
		window := c.ix.runes[max(0, start-n):start]
		prefix = 1 - float64(minDistance(c.pre, window))/float64(n)
	}
	if n := len(c.suffix); n > 0 {
		window := c.ix.runes[end:min(len(c.ix.runes), end+n)]
		suffix = 1 - float64(minDistance(c.suf, window))/float64(n)
	}
	return prefix, suffix
}

func (c *contextMatcher) posScore(start int) float64 {
	if c.hint < 0 {
		return 1
	}
	return 1 - float64(abs(start-c.hint))/float64(max(1, len(c.ix.runes)))
}

// score combines the evidence for a place with the given quote agreement.
func (c *contextMatcher) score(start, end int, quote float64) (total, prefix, suffix float64) {
	prefix, suffix = c.contextScores(start, end)
	total = (quoteWeight*quote + prefixWeight*prefix + suffixWeight*suffix + posWeight*c.posScore(start)) /
		(quoteWeight + prefixWeight + suffixWeight + posWeight)
	return total, prefix, suffix
}

func minDistance(bp *bitPattern, window []rune) int {
	best := bp.m
	bp.scan(window, false, func(_, d int) { best = min(best, d) })
	return best
}

// anchorIn places a stored target in an article's current text.
func anchorIn(ix *textIndex, t storedTarget) (model.Span, model.Anchoring) {
	n := ix.runeCount()
	switch {
	case t.whole():
		return model.Span{}, model.AnchorPosition
	case !t.hasQuote:
		if t.end <= n {
			return ix.span(t.start, t.end), model.AnchorPosition
		}
		return model.Span{}, model.AnchorOrphan
	case t.exact == "":
		return model.Span{}, model.AnchorOrphan
	}
	if t.hasPos && t.end <= n && ix.slice(t.start, t.end) == t.exact {
		return ix.span(t.start, t.end), model.AnchorPosition
	}
	cm := newContextMatcher(ix, t)
	if start, end, ok := bestOccurrence(ix, cm, t.exact); ok {
		return ix.span(start, end), model.AnchorQuote
	}
	if start, end, ok := bestApproximate(ix, cm, []rune(t.exact)); ok {
		return ix.span(start, end), model.AnchorFuzzy
	}
	return model.Span{}, model.AnchorOrphan
}

// span converts code point offsets to a byte span.
func (ix *textIndex) span(start, end int) model.Span {
	return model.Span{Start: ix.byteOffset(start), End: ix.byteOffset(end)}
}

// bestOccurrence finds the exact quote, choosing among several
// occurrences by context and nearness to the old position.
func bestOccurrence(ix *textIndex, cm *contextMatcher, exact string) (start, end int, ok bool) {
	quoteLen := len([]rune(exact))
	best := -1.0
	for from, count := 0, 0; count < maxOccurrences; count++ {
		i := strings.Index(ix.text[from:], exact)
		if i < 0 {
			break
		}
		b := from + i
		s := ix.runeOffset(b)
		score, _, _ := cm.score(s, s+quoteLen, 1)
		if score > best {
			best, start, end, ok = score, s, s+quoteLen, true
		}
		from = b + 1
		for from < len(ix.text) && !onBoundary(ix.text, from) {
			from++
		}
	}
	return start, end, ok
}

// bestApproximate searches for the quote allowing min(256, len/2) edits and
// keeps the best-scoring place that passes acceptFuzzy.
func bestApproximate(ix *textIndex, cm *contextMatcher, quote []rune) (start, end int, ok bool) {
	maxErrors := min(maxFuzzyErrors, len(quote)/2)
	if maxErrors == 0 {
		return 0, 0, false
	}
	best := -1.0
	for _, m := range findApprox(ix.runes, quote, maxErrors, fuzzyCandidates) {
		q := 1 - float64(m.errors)/float64(len(quote))
		score, prefix, suffix := cm.score(m.start, m.end, q)
		if !acceptFuzzy(q, prefix, suffix) || cm.removedAt(m.start, m.end, quote) {
			continue
		}
		if score > best {
			best, start, end, ok = score, m.start, m.end, true
		}
	}
	if ok {
		start, end = cm.snapToWords(start, end)
	}
	return start, end, ok
}

// snapToWords widens an approximate match that begins or ends inside a
// word to the whole word, when the saved passage began or ended at a word
// boundary: edit distance alone prefers "ve people" to "twelve people"
// when "12 people" was edited.
func (c *contextMatcher) snapToWords(start, end int) (int, int) {
	r := c.ix.runes
	if len(c.prefix) == 0 || !isWordRune(c.prefix[len(c.prefix)-1]) {
		for start > 0 && start < end && isWordRune(r[start-1]) && isWordRune(r[start]) {
			start--
		}
	}
	if len(c.suffix) == 0 || !isWordRune(c.suffix[0]) {
		for end < len(r) && end > start && isWordRune(r[end-1]) && isWordRune(r[end]) {
			end++
		}
	}
	return start, end
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// acceptFuzzy decides whether an approximate place is the passage, edited,
// rather than other text that happens to look alike: the text around it
// must agree too (on average over both sides, so an edit that spills into
// one side's context is still found), and more so when much of the quote
// differs. Measured on generated edits of news text, this finds over 99%
// of lightly edited passages and anchors under 1% of deleted ones
// elsewhere (TestAnchoringQualityOnNews).
func acceptFuzzy(quote, prefix, suffix float64) bool {
	return quote >= 0.5 && (prefix+suffix)/2 >= 0.75
}

// removedAt reports whether the text around a place is better explained by
// the passage having been cut (its prefix now runs straight into its
// suffix) than by the passage having been edited. Without this check a
// short deleted passage would anchor to the words that closed the gap.
func (c *contextMatcher) removedAt(start, end int, quote []rune) bool {
	// Near the start or end of the text one side of the context is too
	// short for the junction to say anything.
	if len(c.prefix) < minJunctionSide || len(c.suffix) < minJunctionSide {
		return false
	}
	reach := len(c.prefix) + len(c.suffix) + len(quote)
	window := c.ix.runes[max(0, start-reach):min(len(c.ix.runes), end+reach)]
	gap := slices.Concat(c.prefix, c.suffix)
	closed := distanceIn(window, gap)
	// Only a junction that is nearly intact counts: matching the longer
	// side alone and paying for the shorter one must not pass for it.
	if closed*2 >= min(len(c.prefix), len(c.suffix)) {
		return false
	}
	return closed < distanceIn(window, slices.Concat(c.prefix, quote, c.suffix))
}
