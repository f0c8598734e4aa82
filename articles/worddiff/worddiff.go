// Package worddiff compares two passages word by word: which words one
// wording drops, which it adds, and which the two share. The export uses it
// to show two wordings of one quotation; the UI can use it to mark them.
package worddiff

import (
	"unicode"
	"unicode/utf8"

	"github.com/clipperhouse/uax29/v2/words"
	"github.com/sergi/go-diff/diffmatchpatch"

	"github.com/parallax-reader/parallax/model"
)

// Kind says whether an Op's text is shared, only in the first passage, or
// only in the second.
type Kind int

const (
	Equal  Kind = iota // in both passages
	Delete             // only in the first passage
	Insert             // only in the second passage
)

// String names the kind in lower case ("equal", "delete", "insert").
func (k Kind) String() string {
	switch k {
	case Equal:
		return "equal"
	case Delete:
		return "delete"
	case Insert:
		return "insert"
	}
	return "unknown"
}

// Op is one run of the diff. A is its byte span in the first passage (empty,
// at the position where the insertion falls, for Insert) and B its span in
// the second (empty, likewise, for Delete). Text is the run's text.
type Op struct {
	Kind Kind
	Text string
	A, B model.Span
}

// Words returns the word-level diff that turns a into b. Concatenating the
// Equal and Delete texts gives a; the Equal and Insert texts give b.
//
// Tokens follow Unicode word boundaries (UAX #29): a word is a run of letters
// or digits with inner apostrophes and number separators ("don't",
// "O’Brien's", "1,000", "3.5"); each ideograph, emoji, punctuation mark and
// run of spaces is a token of its own. So "approximately four hours" against
// "four hours" deletes exactly "approximately ".
//
// The diff is minimal in tokens and deterministic (no time limit), so it is
// meant for passages and sentences rather than whole articles.
func Words(a, b string) []Op {
	ta, tb := tokenize(a), tokenize(b)
	ra, rb, ok := encode(a, b, ta, tb)
	if !ok {
		return coarse(a, b)
	}
	dmp := diffmatchpatch.New()
	// No deadline: a timed-out diff depends on machine speed, and exports
	// must be the same bytes for the same input.
	dmp.DiffTimeout = 0
	diffs := dmp.DiffMainRunes(ra, rb, false)

	ops := make([]Op, 0, len(diffs))
	ia, ib := 0, 0 // token cursors
	offA, offB := 0, 0
	for _, d := range diffs {
		n := utf8.RuneCountInString(d.Text)
		if n == 0 {
			continue
		}
		var op Op
		switch d.Type {
		case diffmatchpatch.DiffEqual:
			op.Kind = Equal
			op.A = model.Span{Start: offA, End: ta[ia+n-1].End}
			op.B = model.Span{Start: offB, End: tb[ib+n-1].End}
			op.Text = a[op.A.Start:op.A.End]
			ia, ib = ia+n, ib+n
		case diffmatchpatch.DiffDelete:
			op.Kind = Delete
			op.A = model.Span{Start: offA, End: ta[ia+n-1].End}
			op.B = model.Span{Start: offB, End: offB}
			op.Text = a[op.A.Start:op.A.End]
			ia += n
		case diffmatchpatch.DiffInsert:
			op.Kind = Insert
			op.A = model.Span{Start: offA, End: offA}
			op.B = model.Span{Start: offB, End: tb[ib+n-1].End}
			op.Text = b[op.B.Start:op.B.End]
			ib += n
		}
		offA, offB = op.A.End, op.B.End
		ops = append(ops, op)
	}
	return joinChanges(a, b, ops)
}

// joinChanges folds a run of changes separated only by shared spaces into one
// deletion and one insertion, so "two three" → "five six" reads as one
// replacement rather than two interleaved with a kept space. This is the only
// clean-up: it never moves or hides a shared word.
func joinChanges(a, b string, ops []Op) []Op {
	out := ops[:0:0]
	for i := 0; i < len(ops); {
		if ops[i].Kind == Equal {
			out = append(out, ops[i])
			i++
			continue
		}
		// Extend the change group over blank equalities that have a change
		// on their far side.
		j := i + 1
		for j < len(ops) {
			if ops[j].Kind != Equal {
				j++
				continue
			}
			if j+1 < len(ops) && isBlank(ops[j].Text) {
				j += 2 // ops[j+1] is a change: ops never hold two equalities in a row
				continue
			}
			break
		}
		if !hasEqual(ops[i:j]) {
			out = append(out, ops[i:j]...)
			i = j
			continue
		}
		first, last := ops[i], ops[j-1]
		as := model.Span{Start: first.A.Start, End: last.A.End}
		bs := model.Span{Start: first.B.Start, End: last.B.End}
		if !as.Empty() {
			out = append(out, Op{Kind: Delete, Text: a[as.Start:as.End], A: as, B: model.Span{Start: bs.Start, End: bs.Start}})
		}
		if !bs.Empty() {
			out = append(out, Op{Kind: Insert, Text: b[bs.Start:bs.End], A: model.Span{Start: as.End, End: as.End}, B: bs})
		}
		i = j
	}
	return out
}

func hasEqual(ops []Op) bool {
	for _, op := range ops {
		if op.Kind == Equal {
			return true
		}
	}
	return false
}

func isBlank(s string) bool {
	for _, r := range s {
		if !unicode.IsSpace(r) {
			return false
		}
	}
	return true
}

// Similarity is the share of words the two passages have in common, from 0
// (none) to 1 (the same words in the same order): twice the words in equal
// runs over the words on both sides. Spaces and punctuation do not count.
// Two passages without any words are 1 when identical and 0 otherwise.
func Similarity(a, b string) float64 {
	total := countWords(a) + countWords(b)
	if total == 0 {
		if a == b {
			return 1
		}
		return 0
	}
	shared := 0
	for _, op := range Words(a, b) {
		if op.Kind == Equal {
			shared += countWords(op.Text)
		}
	}
	return float64(2*shared) / float64(total)
}

// token is one word-boundary segment of a passage, by byte offsets.
type token struct{ Start, End int }

func tokenize(s string) []token {
	var ts []token
	it := words.FromString(s)
	for it.Next() {
		ts = append(ts, token{it.Start(), it.End()})
	}
	return ts
}

// isWord reports whether a token is a word (holds a letter or digit) rather
// than spaces, punctuation or symbols.
func isWord(t string) bool {
	for _, r := range t {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return true
		}
	}
	return false
}

func countWords(s string) int {
	n := 0
	it := words.FromString(s)
	for it.Next() {
		if isWord(it.Value()) {
			n++
		}
	}
	return n
}

// maxTokens is how many distinct tokens fit in the rune space once the
// surrogate range is skipped.
const maxTokens = utf8.MaxRune + 1 - (0xE000 - 0xD800)

// encode maps each distinct token to one rune, so the character diff of the
// rune strings is a token diff (the same trick go-diff uses for lines, which
// it only offers for lines). Runes skip the surrogate range, since go-diff
// converts through strings and a surrogate would turn into U+FFFD.
func encode(a, b string, ta, tb []token) (ra, rb []rune, ok bool) {
	ids := make(map[string]rune)
	conv := func(s string, ts []token) []rune {
		rs := make([]rune, len(ts))
		for i, t := range ts {
			text := s[t.Start:t.End]
			r, seen := ids[text]
			if !seen {
				n := len(ids)
				if n >= maxTokens {
					return nil
				}
				r = rune(n)
				if r >= 0xD800 {
					r += 0xE000 - 0xD800
				}
				ids[text] = r
			}
			rs[i] = r
		}
		return rs
	}
	ra = conv(a, ta)
	if ra == nil && len(ta) > 0 {
		return nil, nil, false
	}
	rb = conv(b, tb)
	if rb == nil && len(tb) > 0 {
		return nil, nil, false
	}
	return ra, rb, true
}

// coarse is the diff when the passages hold more distinct tokens than there
// are runes to name them: all of a deleted, all of b inserted. Still valid,
// only not fine-grained.
func coarse(a, b string) []Op {
	if a == b {
		if a == "" {
			return nil
		}
		return []Op{{Kind: Equal, Text: a, A: model.Span{End: len(a)}, B: model.Span{End: len(b)}}}
	}
	var ops []Op
	if a != "" {
		ops = append(ops, Op{Kind: Delete, Text: a, A: model.Span{End: len(a)}})
	}
	if b != "" {
		ops = append(ops, Op{Kind: Insert, Text: b, A: model.Span{Start: len(a), End: len(a)}, B: model.Span{End: len(b)}})
	}
	return ops
}
