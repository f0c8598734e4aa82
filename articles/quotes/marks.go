package quotes

import (
	"unicode"
	"unicode/utf8"

	"github.com/parallax-reader/parallax/model"
)

// part is the piece of a quotation inside one paragraph.
type part struct {
	span  model.Span // marks included
	inner model.Span // the words inside the marks, trimmed
	para  int        // index of the paragraph
	// closed is false when the paragraph ended before a closing mark.
	closed bool
}

// quotation is one quotation: a single part, or one part per paragraph when
// it runs over several paragraphs.
type quotation struct {
	parts []part
	words int
}

// Double quotation marks. Single quotes are never read as marks: they are
// apostrophes (don't, '90s, Iranians’) or nested quotations, which stay
// inside the double-quoted one around them.
const (
	leftDouble  = "“"
	rightDouble = "”"
	lowDouble   = "„"
)

// markAt returns the length of the double quotation mark at i and whether it
// is a straight, opening or closing one; 0 when there is none.
func markAt(text string, i int) (n int, kind byte) {
	switch c := text[i]; {
	case c == '"':
		return 1, '"'
	case c != 0xE2 || i+3 > len(text) || text[i+1] != 0x80:
		return 0, 0
	}
	switch text[i : i+3] {
	case leftDouble, lowDouble:
		return 3, 'o'
	case rightDouble:
		return 3, 'c'
	}
	return 0, 0
}

// flanking tells whether the mark at [i, j) inside [ps, pe) can open a
// quotation (it is followed by a word and not preceded by one) and whether
// it can close one (it follows a word and is not followed by one).
func flanking(text string, ps, pe, i, j int) (open, close bool) {
	before, after := ' ', ' '
	if i > ps {
		before, _ = utf8.DecodeLastRuneInString(text[ps:i])
	}
	if j < pe {
		after, _ = utf8.DecodeRuneInString(text[j:pe])
	}
	spaceBefore, spaceAfter := unicode.IsSpace(before), unicode.IsSpace(after)
	wordBefore := unicode.IsLetter(before) || unicode.IsDigit(before)
	wordAfter := unicode.IsLetter(after) || unicode.IsDigit(after)
	return !spaceAfter && !wordBefore, !spaceBefore && !wordAfter
}

// scanMarks finds the quotations in the paragraphs. Inside a paragraph marks
// pair up in order; a paragraph that ends inside a quotation continues it
// when the next paragraph opens with a mark (the convention for quotations
// running over paragraphs) and otherwise ends it there, so that a stray mark
// never swallows the rest of the article.
func scanMarks(text string, paragraphs []model.Span) []quotation {
	var out []quotation
	carry := -1 // index in out of a quotation left open by the last paragraph
	for pi, p := range paragraphs {
		ps, pe := p.Start, p.End
		first, _ := trim(text, ps, pe) // where a re-opening mark must stand
		open, openLen := -1, 0
		cont := -1
		for i := ps; i < pe; {
			if c := text[i]; c != '"' && c != 0xE2 {
				i++
				continue
			}
			n, kind := markAt(text, i)
			if n == 0 {
				i++
				continue
			}
			canOpen, canClose := flanking(text, ps, pe, i, i+n)
			switch kind {
			case 'o':
				canOpen = true
			case 'c':
				canClose = true
			}
			if i == first && carry >= 0 && canOpen {
				cont = carry
			}
			switch {
			case open < 0 && canOpen:
				open, openLen = i, n
			case open >= 0 && canClose:
				out, _ = addPart(out, text, cont, part{
					span:   model.Span{Start: open, End: i + n},
					inner:  model.Span{Start: open + openLen, End: i},
					para:   pi,
					closed: true,
				})
				open, cont = -1, -1
			case open >= 0 && canOpen:
				open, openLen, cont = i, n, -1 // the earlier mark was stray
			}
			i += n
		}
		carry = -1
		if open >= 0 {
			out, carry = addPart(out, text, cont, part{
				span:  model.Span{Start: open, End: pe},
				inner: model.Span{Start: open + openLen, End: pe},
				para:  pi,
			})
		}
	}
	return out
}

// addPart appends p to quotation cont, or to a new quotation when cont is
// negative, unless it holds no words; it returns the index of the quotation
// it joined, or -1.
func addPart(out []quotation, text string, cont int, p part) ([]quotation, int) {
	p.inner.Start, p.inner.End = trim(text, p.inner.Start, p.inner.End)
	words := countWords(text[p.inner.Start:p.inner.End])
	if words == 0 {
		return out, -1
	}
	if cont < 0 {
		out = append(out, quotation{})
		cont = len(out) - 1
	}
	q := &out[cont]
	q.parts = append(q.parts, p)
	q.words += words
	return out, cont
}

// trim narrows [s, e) to exclude white space at either end.
func trim(text string, s, e int) (int, int) {
	for s < e {
		r, n := utf8.DecodeRuneInString(text[s:e])
		if !unicode.IsSpace(r) {
			break
		}
		s += n
	}
	for e > s {
		r, n := utf8.DecodeLastRuneInString(text[s:e])
		if !unicode.IsSpace(r) {
			break
		}
		e -= n
	}
	return s, e
}

// countWords counts runs of letters and digits; an apostrophe between two
// letters stays inside the word ("don't").
func countWords(s string) int {
	words, in := 0, false
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if !in {
				words++
			}
			in = true
		} else if r != '\'' && r != '’' || !in {
			in = false
		}
	}
	return words
}
