package export

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/parallax-reader/parallax/articles/worddiff"
)

// diffSimilarity is the share of shared words from which two passages count
// as two wordings of one sentence or quotation and get a word-level diff.
const diffSimilarity = 0.5

// quoteDiffSimilarity is the lower bar for tags the user marked as
// quote-wording: they have said the passages are one quotation.
const quoteDiffSimilarity = 0.3

// maxDiffBytes bounds the passages that get a word diff: the diff is exact
// and costs time with the square of the words changed, and a diff of longer
// passages is no longer readable on one line anyway.
const maxDiffBytes = 16 << 10

// diffPiece is a run of the displayed diff: shared text, or a change with
// what the first passage has (del) and what the second has instead (ins).
type diffPiece struct {
	change   bool
	eq       string
	del, ins string
}

// markdownDiff renders the word-level diff of a against b on one line:
// shared words plain, removed ones ~~struck~~, added ones **bold**.
//
// CommonMark only honours a marker that "flanks" its text: "~~,~~" right
// after a letter does not open. Where a change's edge is punctuation glued to
// a shared word, the change is widened to the whole word on that side
// ("~~hours,~~ **hours.**" rather than "hours~~,~~**.**"), which always
// parses and reads well.
func markdownDiff(a, b string) string {
	a, b = oneLine(cleanControls(a)), oneLine(cleanControls(b))
	var pieces []diffPiece
	for _, op := range worddiff.Words(a, b) {
		if op.Kind == worddiff.Equal {
			pieces = append(pieces, diffPiece{eq: op.Text})
			continue
		}
		if n := len(pieces); n == 0 || !pieces[n-1].change {
			pieces = append(pieces, diffPiece{change: true})
		}
		p := &pieces[len(pieces)-1]
		if op.Kind == worddiff.Delete {
			p.del += op.Text
		} else {
			p.ins += op.Text
		}
	}
	for widenOnce(&pieces) {
	}

	var out strings.Builder
	for i, p := range pieces {
		if !p.change {
			out.WriteString(edgeEntities(inline(p.eq, false)))
			continue
		}
		del := marked(p.del, "~~", false)
		ins := marked(p.ins, "**", true)
		out.WriteString(del)
		// A space between the removed and the added words reads better, and
		// only where the change stands between spaces can it not join two
		// words that were one.
		free := (i == 0 || endsSpace(pieces[i-1].eq)) && (i+1 == len(pieces) || startsSpace(pieces[i+1].eq))
		if free && del != "" && ins != "" && !endsSpace(del) && !startsSpace(ins) {
			out.WriteByte(' ')
		}
		out.WriteString(ins)
	}
	return lineStart(strings.TrimSpace(out.String()))
}

// marked wraps the non-blank core of s in marker, keeping its edge white
// space outside. A blank deletion shows as nothing; a blank insertion as the
// white space itself.
func marked(s, marker string, keepBlank bool) string {
	core := strings.TrimSpace(s)
	if core == "" {
		if keepBlank {
			return s
		}
		return ""
	}
	lead := s[:strings.Index(s, core)]
	trail := s[len(lead)+len(core):]
	return lead + marker + edgeEntities(inline(core, false)) + marker + trail
}

// edgeEntities writes an escaped '~' or '*' at either end of escaped text as
// a character reference: goldmark counts "\~" next to "~~" into one
// delimiter run, so the marker would not parse.
func edgeEntities(esc string) string {
	for _, c := range []struct{ esc, ref string }{{`\~`, "&#126;"}, {`\*`, "&#42;"}} {
		if strings.HasPrefix(esc, c.esc) {
			esc = c.ref + esc[len(c.esc):]
		}
		// inline escapes every '~' and '*', so a trailing "\~" is always
		// an escaped tilde, even after an escaped backslash.
		if strings.HasSuffix(esc, c.esc) {
			esc = esc[:len(esc)-len(c.esc)] + c.ref
		}
	}
	return esc
}

// widenOnce widens the first change whose markers would not parse, merging
// it with a neighbouring change when the shared text between them is used up.
// It reports whether it changed anything.
func widenOnce(pieces *[]diffPiece) bool {
	ps := *pieces
	for i := range ps {
		if !ps[i].change {
			continue
		}
		first, last := edgeRunes(ps[i])
		if first == 0 {
			continue // only white space changed: nothing is marked
		}
		if i > 0 && !opens(lastRune(ps[i-1].eq), first, ps[i]) {
			eq := ps[i-1].eq
			cut := lastSpaceEnd(eq)
			word := eq[cut:]
			ps[i].del, ps[i].ins = word+ps[i].del, word+ps[i].ins
			ps[i-1].eq = eq[:cut]
			*pieces = compact(ps)
			return true
		}
		if i+1 < len(ps) && !closes(last, firstRune(ps[i+1].eq), ps[i]) {
			eq := ps[i+1].eq
			cut := strings.IndexFunc(eq, unicode.IsSpace)
			if cut < 0 {
				cut = len(eq)
			}
			word := eq[:cut]
			ps[i].del, ps[i].ins = ps[i].del+word, ps[i].ins+word
			ps[i+1].eq = eq[cut:]
			*pieces = compact(ps)
			return true
		}
	}
	return false
}

// compact drops emptied shared runs and merges the changes they separated.
func compact(ps []diffPiece) []diffPiece {
	out := ps[:0]
	for _, p := range ps {
		if !p.change && p.eq == "" {
			continue
		}
		if n := len(out); n > 0 && p.change && out[n-1].change {
			out[n-1].del += p.del
			out[n-1].ins += p.ins
			continue
		}
		out = append(out, p)
	}
	return out
}

// edgeRunes returns the first and last characters of the marked text of a
// change: the first non-blank of whichever side is shown first, the last
// non-blank of whichever is shown last. 0 when nothing is marked.
func edgeRunes(p diffPiece) (first, last rune) {
	d, i := strings.TrimSpace(p.del), strings.TrimSpace(p.ins)
	switch {
	case d != "" && i != "":
		first, _ = utf8.DecodeRuneInString(d)
		last, _ = utf8.DecodeLastRuneInString(i)
	case d != "":
		first, _ = utf8.DecodeRuneInString(d)
		last, _ = utf8.DecodeLastRuneInString(d)
	case i != "":
		first, _ = utf8.DecodeRuneInString(i)
		last, _ = utf8.DecodeLastRuneInString(i)
	}
	return first, last
}

// opens reports whether the opening marker of change p, preceded by the
// shared character before (0 at the start), can open: a marker followed by
// punctuation opens only after white space or punctuation.
func opens(before, first rune, p diffPiece) bool {
	if leadsWithSpace(p) || before == 0 || !isPunct(first) {
		return true
	}
	return unicode.IsSpace(before) || isPunct(before)
}

// closes mirrors opens for the closing marker and the shared character after.
func closes(last, after rune, p diffPiece) bool {
	if trailsWithSpace(p) || after == 0 || !isPunct(last) {
		return true
	}
	return unicode.IsSpace(after) || isPunct(after)
}

func leadsWithSpace(p diffPiece) bool {
	s := p.del
	if strings.TrimSpace(s) == "" {
		s = p.ins
	}
	return startsSpace(s)
}

func trailsWithSpace(p diffPiece) bool {
	s := p.ins
	if strings.TrimSpace(s) == "" {
		s = p.del
	}
	return endsSpace(s)
}

// isPunct is CommonMark's "Unicode punctuation character".
func isPunct(r rune) bool { return unicode.IsPunct(r) || unicode.IsSymbol(r) }

func firstRune(s string) rune {
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 {
		return 0
	}
	return r
}

func lastRune(s string) rune {
	r, n := utf8.DecodeLastRuneInString(s)
	if n == 0 {
		return 0
	}
	return r
}

// lastSpaceEnd is the offset just past the last white space in s, or 0.
func lastSpaceEnd(s string) int {
	i := strings.LastIndexFunc(s, unicode.IsSpace)
	if i < 0 {
		return 0
	}
	_, n := utf8.DecodeRuneInString(s[i:])
	return i + n
}

func startsSpace(s string) bool { return s != "" && unicode.IsSpace(firstRune(s)) }
func endsSpace(s string) bool   { return s != "" && unicode.IsSpace(lastRune(s)) }
