package annotations

import "slices"

// Approximate matching for re-anchoring quotes in edited articles.
//
// This is Myers' bit-parallel edit-distance algorithm in Hyyrö's blocked
// form, so patterns of any length work (a tagged passage can be a whole
// paragraph, and up to 256 edits are allowed). It is written here because
// the Go matchers at hand do not fit: the diff-match-patch Match in
// github.com/sergi/go-diff handles patterns of at most 32 characters, and
// the Levenshtein packages compare whole strings rather than finding a
// pattern inside a longer text.

const wordBits = 64

// approxMatch is a place where a pattern occurs in a text with some edits.
// Offsets are code point indexes into the text; end is exclusive.
type approxMatch struct {
	start, end int
	errors     int
}

// bitPattern is a pattern prepared for scanning: for each character, the
// rows of the pattern where it occurs, as one bit mask per 64-row block.
type bitPattern struct {
	m      int
	blocks int
	peq    map[rune][]uint64
	// ascii finds the masks of ASCII characters without a map lookup
	// (which was most of the scanning time): 1 + an index into asciiEq, or
	// 0 for a character not in the pattern.
	ascii   [128]uint8
	asciiEq [][]uint64
	// lastRow masks the pattern's final row inside the final block.
	lastRow uint64
}

func compilePattern(p []rune) *bitPattern {
	bp := &bitPattern{m: len(p), blocks: (len(p) + wordBits - 1) / wordBits, peq: map[rune][]uint64{}}
	for i, c := range p {
		eq := bp.peq[c]
		if eq == nil {
			eq = make([]uint64, bp.blocks)
			bp.peq[c] = eq
		}
		eq[i/wordBits] |= 1 << (i % wordBits)
	}
	if bp.m > 0 {
		bp.lastRow = 1 << ((bp.m - 1) % wordBits)
	}
	for c, eq := range bp.peq {
		if c >= 0 && c < 128 {
			bp.asciiEq = append(bp.asciiEq, eq)
			bp.ascii[c] = uint8(len(bp.asciiEq))
		}
	}
	return bp
}

// scan computes, for every prefix text[:end] of the text, the edit
// distance between the pattern and the best substring of the text ending at
// end, and calls fn(end, distance) for end = 1…len(text). With anchored,
// the substring must start at 0 (it is then text[:end] itself).
func (bp *bitPattern) scan(text []rune, anchored bool, fn func(end, dist int)) {
	if bp.m == 0 {
		for j := range text {
			if anchored {
				fn(j+1, j+1)
			} else {
				fn(j+1, 0)
			}
		}
		return
	}
	pv := make([]uint64, bp.blocks)
	mv := make([]uint64, bp.blocks)
	for b := range pv {
		pv[b] = ^uint64(0)
	}
	score := bp.m
	last := bp.blocks - 1
	zero := make([]uint64, bp.blocks)
	for j, c := range text {
		eqs := zero
		if c >= 0 && c < 128 {
			if i := bp.ascii[c]; i > 0 {
				eqs = bp.asciiEq[i-1]
			}
		} else if eq, ok := bp.peq[c]; ok {
			eqs = eq
		}
		// hin is the change of the top row's distance across this column:
		// 0 when the match may start anywhere, +1 when it must start at 0.
		hin := 0
		if anchored {
			hin = 1
		}
		for b := 0; b <= last; b++ {
			mask := uint64(1) << (wordBits - 1)
			if b == last {
				mask = bp.lastRow
			}
			hin = advanceBlock(&pv[b], &mv[b], eqs[b], hin, mask)
		}
		score += hin
		fn(j+1, score)
	}
}

// advanceBlock moves one 64-row block of the distance matrix to the next
// text column (Hyyrö 2003, "A bit-vector algorithm for computing
// Levenshtein and Damerau edit distances"). hin is the horizontal delta
// entering the block's top row; the delta leaving the row selected by
// outMask is returned.
func advanceBlock(pvp, mvp *uint64, eq uint64, hin int, outMask uint64) int {
	pv, mv := *pvp, *mvp
	var hinNeg uint64
	if hin < 0 {
		hinNeg = 1
	}
	eq |= hinNeg
	xv := eq | mv
	xh := (((eq & pv) + pv) ^ pv) | eq
	ph := mv | ^(xh | pv)
	mh := pv & xh
	hout := 0
	if ph&outMask != 0 {
		hout = 1
	} else if mh&outMask != 0 {
		hout = -1
	}
	ph <<= 1
	mh <<= 1
	mh |= hinNeg
	if hin > 0 {
		ph |= 1
	}
	*pvp = mh | ^(xv | ph)
	*mvp = ph & xv
	return hout
}

// findApprox finds where pattern occurs in text with at most maxErrors
// edits (insertions, deletions, substitutions of code points). Each run of
// neighbouring end positions within the limit yields one match, at the run's
// lowest distance; at most limit matches are returned, fewest errors first.
func findApprox(text, pattern []rune, maxErrors, limit int) []approxMatch {
	if len(pattern) == 0 || len(text) == 0 || limit <= 0 {
		return nil
	}
	var ends []approxMatch // end and errors only
	inRun := false
	bp := compilePattern(pattern)
	bp.scan(text, false, func(end, dist int) {
		if dist > maxErrors {
			inRun = false
			return
		}
		if inRun {
			if cur := &ends[len(ends)-1]; dist < cur.errors {
				cur.end, cur.errors = end, dist
			}
			return
		}
		inRun = true
		ends = append(ends, approxMatch{end: end, errors: dist})
	})
	slices.SortStableFunc(ends, func(a, b approxMatch) int { return a.errors - b.errors })
	if len(ends) > limit {
		ends = ends[:limit]
	}
	rev := slices.Clone(pattern)
	slices.Reverse(rev)
	back := compilePattern(rev)
	for i := range ends {
		ends[i].start = matchStart(text, back, ends[i].end, maxErrors)
	}
	return ends
}

// matchStart finds where a match ending at end begins: the reversed
// pattern is matched against the text read backwards from end, and the
// start giving the fewest errors wins, preferring a length nearest the
// pattern's.
func matchStart(text []rune, back *bitPattern, end, maxErrors int) int {
	lo := max(0, end-back.m-maxErrors)
	window := slices.Clone(text[lo:end])
	slices.Reverse(window)
	best, bestDist, bestGap := end, back.m, back.m
	back.scan(window, true, func(n, dist int) {
		gap := abs(n - back.m)
		if dist < bestDist || (dist == bestDist && gap < bestGap) {
			best, bestDist, bestGap = end-n, dist, gap
		}
	})
	return best
}

// distanceIn is the fewest edits turning pattern into some substring of
// window; len(pattern) when the window is empty.
func distanceIn(window, pattern []rune) int {
	if len(pattern) == 0 {
		return 0
	}
	best := len(pattern)
	compilePattern(pattern).scan(window, false, func(_, dist int) {
		best = min(best, dist)
	})
	return best
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}
