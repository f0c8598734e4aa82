package pane

import (
	"os"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/clipperhouse/displaywidth"
)

// Line is one wrapped display line: the bytes [Start, End) of the article
// text, without the newline or the spaces a soft break swallowed. Two int32s
// per line keep the index of a 5 MB article well under a megabyte; article
// text never reaches 2 GiB (the loader caps sizes far lower).
type Line struct{ Start, End int32 }

// Span returns the line's byte range as ints.
func (l Line) span() (int, int) { return int(l.Start), int(l.End) }

// tabWidth is how many columns a tab takes. Tabs are drawn as spaces so the
// terminal's tab stops cannot shift a pane's columns.
const tabWidth = 4

// widthOptions measure graphemes the way the Charm ansi package does (it
// uses the same library), honouring RUNEWIDTH_EASTASIAN like it, so the
// widths here agree with lipgloss.Width and the renderer.
var widthOptions = displaywidth.Options{EastAsianWidth: eastAsian()}

func eastAsian() bool {
	ea, err := strconv.ParseBool(os.Getenv("RUNEWIDTH_EASTASIAN"))
	return err == nil && ea
}

// Wrap breaks text into display lines at most width columns wide (a single
// grapheme wider than width gets a line of its own). Lines break at spaces
// and tabs (which the break swallows), after dashes and after wide (CJK)
// characters; a word longer than the width is broken where it reaches it.
// Every newline ends a line; an empty line stays an empty line.
//
// The rules are written here rather than taken from a full Unicode line
// breaker (uniseg) because Wrap runs over whole articles on every resize:
// this one pass over grapheme clusters wraps a 5 MB article about four times
// faster than uniseg merely segments it, and breaks prose the same way.
func Wrap(text string, width int) []Line {
	width = max(width, 1)
	lines := make([]Line, 0, len(text)/max(width/2, 1)/4+8)
	for start := 0; ; {
		nl := strings.IndexByte(text[start:], '\n')
		end := len(text)
		if nl >= 0 {
			end = start + nl
		}
		lines = wrapHardLine(lines, text, start, end, width)
		if nl < 0 || end+1 == len(text) {
			// A final newline does not open another, empty line.
			return lines
		}
		start = end + 1
	}
}

// wrapHardLine wraps text[s:e], which holds no newline, onto lines.
func wrapHardLine(lines []Line, text string, s, e, width int) []Line {
	if s == e {
		return append(lines, Line{int32(s), int32(s)})
	}
	var (
		lineStart = s
		col       = 0
		// The last break opportunity on the current line: the line would
		// end at brkEnd and the next begin at brkNext, brkCol columns in.
		brkEnd, brkNext, brkCol = -1, -1, 0
		inSpace, skipping       bool
		pos                     = s
		emitted                 = len(lines)
	)
	it := clusters{s: text[:e], i: s}
	for {
		gs, cl, w, ok := it.next()
		if !ok {
			break
		}
		pos = gs + len(cl)

		if cl == " " || cl == "\t" {
			if skipping {
				lineStart = pos
				continue
			}
			if !inSpace {
				brkEnd, inSpace = gs, true
			}
			if col+w > width {
				// The run of spaces reaches the edge: end the line before
				// it (or before this space when the line is all spaces)
				// and swallow the rest of the run.
				end := brkEnd
				if end == lineStart {
					end = gs
				}
				lines = append(lines, Line{int32(lineStart), int32(end)})
				lineStart, col, brkEnd, skipping = pos, 0, -1, true
				continue
			}
			col += w
			brkNext, brkCol = pos, col
			continue
		}
		inSpace, skipping = false, false

		for col > 0 && col+w > width {
			if brkEnd > lineStart {
				lines = append(lines, Line{int32(lineStart), int32(brkEnd)})
				lineStart, col = brkNext, col-brkCol
			} else {
				lines = append(lines, Line{int32(lineStart), int32(gs)})
				lineStart, col = gs, 0
			}
			brkEnd = -1
		}
		col += w
		if w == 2 || isDash(cl) {
			brkEnd, brkNext, brkCol = pos, pos, col
		}
	}
	if lineStart < e || len(lines) == emitted {
		lines = append(lines, Line{int32(lineStart), int32(e)})
	}
	return lines
}

// isDash reports whether a line may break after the grapheme.
func isDash(cl string) bool {
	switch cl {
	case "-", "\u2010", "\u2013", "\u2014":
		return true
	}
	return false
}

// clusterWidth is the columns a grapheme takes as drawn by a pane: tabs
// become tabWidth spaces, and control characters and invalid bytes become
// one U+FFFD each (see visible).
func clusterWidth(cl string, w int) int {
	if cl == "\t" {
		return tabWidth
	}
	if unsafeCluster(cl) {
		return 1
	}
	return w
}

// unsafeCluster reports whether a grapheme must not reach the terminal as
// is: a C0 or C1 control character, DEL, or an invalid UTF-8 sequence.
// Controls never join a grapheme cluster, so checking the first rune is
// enough.
func unsafeCluster(cl string) bool {
	b := cl[0]
	if b < 0x20 || b == 0x7f {
		return true
	}
	if b < utf8.RuneSelf {
		return false
	}
	r, size := utf8.DecodeRuneInString(cl)
	return (r == utf8.RuneError && size == 1) || (r >= 0x80 && r < 0xa0)
}

// clusters walks the grapheme clusters of s from byte i on, with their
// widths as a pane draws them. Runs of ASCII, the bulk of most articles,
// skip the Unicode segmenter: an ASCII byte followed by another ASCII byte
// is a cluster of its own.
type clusters struct {
	s string
	i int
}

// next returns the next cluster, its byte offset in s and its width.
func (it *clusters) next() (start int, cl string, w int, ok bool) {
	i := it.i
	if i >= len(it.s) {
		return i, "", 0, false
	}
	if b := it.s[i]; b < utf8.RuneSelf && (i+1 == len(it.s) || it.s[i+1] < utf8.RuneSelf) {
		it.i++
		switch {
		case b == '\t':
			w = tabWidth
		default:
			w = 1 // printable, or a control drawn as U+FFFD
		}
		return i, it.s[i : i+1], w, true
	}
	g := widthOptions.StringGraphemes(it.s[i:])
	g.Next()
	cl = g.Value()
	it.i += len(cl)
	return i, cl, clusterWidth(cl, g.Width()), true
}

// measure is the width of s as a pane draws it.
func measure(s string) int {
	n := 0
	it := clusters{s: s}
	for {
		_, _, w, ok := it.next()
		if !ok {
			return n
		}
		n += w
	}
}

// lineAt returns the index of the line holding byte offset off: the last line
// starting at or before it (offsets in swallowed spaces or on a newline
// belong to the line before them).
func lineAt(lines []Line, off int) int {
	lo, hi := 0, len(lines)
	for lo < hi {
		mid := int(uint(lo+hi) >> 1)
		if int(lines[mid].Start) <= off {
			lo = mid + 1
		} else {
			hi = mid
		}
	}
	return max(lo-1, 0)
}
