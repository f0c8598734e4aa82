package annotations

import "unicode/utf8"

// textIndex converts between the byte offsets used everywhere inside
// parallax and the Unicode code point offsets the W3C files count. It is
// built once per article and anchoring pass; this package is the only place
// where code points appear.
type textIndex struct {
	text  string
	runes []rune
	// starts[i] is the byte offset of rune i; starts[len(runes)] is
	// len(text). Nil when the text is ASCII, where both offsets agree.
	starts []int
}

func newTextIndex(text string) *textIndex {
	ix := &textIndex{text: text, runes: []rune(text)}
	if len(ix.runes) != len(text) {
		ix.starts = make([]int, 0, len(ix.runes)+1)
		for i := range text {
			ix.starts = append(ix.starts, i)
		}
		ix.starts = append(ix.starts, len(text))
	}
	return ix
}

// runeCount is the length of the text in code points.
func (ix *textIndex) runeCount() int { return len(ix.runes) }

// byteOffset converts a code point offset (clamped to the text) to bytes.
func (ix *textIndex) byteOffset(cp int) int {
	cp = max(0, min(cp, len(ix.runes)))
	if ix.starts == nil {
		return cp
	}
	return ix.starts[cp]
}

// runeOffset converts a byte offset to code points. An offset inside a
// multi-byte character counts as that character's start.
func (ix *textIndex) runeOffset(b int) int {
	b = max(0, min(b, len(ix.text)))
	if ix.starts == nil {
		return b
	}
	lo, hi := 0, len(ix.starts)-1
	for lo < hi { // last start <= b
		mid := (lo + hi + 1) / 2
		if ix.starts[mid] <= b {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	return lo
}

// slice returns the text between two code point offsets.
func (ix *textIndex) slice(start, end int) string {
	if start >= end {
		return ""
	}
	return ix.text[ix.byteOffset(start):ix.byteOffset(end)]
}

// onBoundary reports whether byte offset b starts a character (or ends the
// text), so that a span can be cut there without splitting one.
func onBoundary(text string, b int) bool {
	if b < 0 || b > len(text) {
		return false
	}
	return b == len(text) || utf8.RuneStart(text[b])
}
