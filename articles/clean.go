package articles

import (
	"bytes"
	"fmt"
	"unicode/utf8"
	"unsafe"

	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/unicode/norm"
)

// BinaryError reports input that holds a NUL byte outside UTF-16, which
// text, Markdown and HTML never do.
type BinaryError struct {
	Offset int // byte offset of the first NUL in the input
}

func (e *BinaryError) Error() string {
	return fmt.Sprintf("looks like a binary file (NUL byte at offset %d)", e.Offset)
}

// cleanReport says what cleaning changed, for the load warnings.
type cleanReport struct {
	replaced int  // invalid UTF-8 sequences or lone surrogates replaced by U+FFFD
	utf16    bool // the input was UTF-16 with a byte order mark
	escapes  int  // terminal escape sequences removed
	controls int  // other control characters removed
	bidi     int  // bidirectional override and isolate controls removed
}

// Clean turns raw article bytes into the text every offset in parallax
// points into: byte order mark removed, UTF-16 (with a byte order mark)
// decoded, invalid UTF-8 replaced by U+FFFD (replaced counts them), CRLF and
// CR turned into LF, terminal escape sequences and control characters other
// than "\n" and "\t" removed, bidirectional override and isolate controls
// removed, and the result in Unicode NFC. A NUL byte outside UTF-16 means
// the input is binary, and Clean returns a *BinaryError.
//
// The output is valid UTF-8 and NFC, holds no ESC and no control character
// but "\n" and "\t", and cleaning it again changes nothing.
func Clean(raw []byte) (text string, replaced int, err error) {
	text, rep, err := clean(raw)
	return text, rep.replaced, err
}

func clean(raw []byte) (string, cleanReport, error) {
	var rep cleanReport
	src := raw
	switch {
	case bytes.HasPrefix(raw, []byte{0xFF, 0xFE}), bytes.HasPrefix(raw, []byte{0xFE, 0xFF}):
		decoded, n := decodeUTF16(raw)
		src, rep.utf16, rep.replaced = decoded, true, n
	default:
		if i := bytes.IndexByte(raw, 0); i >= 0 {
			return "", rep, &BinaryError{Offset: i}
		}
		src = bytes.TrimPrefix(raw, []byte{0xEF, 0xBB, 0xBF})
	}
	out := sanitize(make([]byte, 0, len(src)), src, &rep)
	return finish(out), rep, nil
}

// cleanReported cleans text produced inside parallax (from HTML or
// Markdown), where a NUL is only one more control character to drop.
func cleanReported(s string) (string, cleanReport) {
	var rep cleanReport
	return finish(sanitize(make([]byte, 0, len(s)), []byte(s), &rep)), rep
}

// finish normalises to NFC. It runs after every removal, because removing a
// character between a base letter and a combining mark can leave a sequence
// that composes, and cleaning must be idempotent.
func finish(b []byte) string {
	b = norm.NFC.Bytes(b)
	if len(b) == 0 {
		return ""
	}
	// b is this call's own buffer and nothing writes to it again, so the
	// string can share it instead of copying megabytes (as strings.Builder
	// does).
	return unsafe.String(&b[0], len(b))
}

// decodeUTF16 decodes UTF-16 with a byte order mark. The decoder turns lone
// surrogates and a dangling final byte into U+FFFD; those are counted as
// replaced, not the U+FFFD characters the input already held.
func decodeUTF16(raw []byte) ([]byte, int) {
	big := raw[0] == 0xFE
	had := 0
	for i := 2; i+1 < len(raw); i += 2 {
		if (big && raw[i] == 0xFF && raw[i+1] == 0xFD) || (!big && raw[i] == 0xFD && raw[i+1] == 0xFF) {
			had++
		}
	}
	// The decoder never fails with ExpectBOM when the mark is present: bad
	// input becomes U+FFFD.
	out, _ := unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM).NewDecoder().Bytes(raw)
	return out, max(0, bytes.Count(out, []byte("\uFFFD"))-had)
}

// sanitize appends src to dst with invalid UTF-8 replaced, line ends
// normalised and escape sequences, controls and bidi overrides removed.
//
// It is written here rather than built on ansi.Strip because that keeps C0
// controls, passes the UTF-8 forms of C1 introducers (U+009B CSI, U+009D
// OSC, …) through as printable runes, and lets an unterminated OSC swallow
// the rest of the article; and because one linear pass keeps loading a
// large article fast.
//
// Raw 8-bit C1 bytes (0x9B, 0x9D, …) are not valid UTF-8, so they become
// U+FFFD like any other invalid byte and can never reach the terminal;
// reading them as escape introducers would eat text from Windows-1252 files,
// where the same bytes are letters and punctuation.
func sanitize(dst, src []byte, rep *cleanReport) []byte {
	s := stripper{src: src, noTermFrom: len(src) + 1}
	i := 0
	for i < len(src) {
		c := src[i]
		if c >= 0x20 && c < 0x7F {
			j := i + 1
			for j < len(src) && src[j] >= 0x20 && src[j] < 0x7F {
				j++
			}
			dst = append(dst, src[i:j]...)
			i = j
			continue
		}
		if c < 0x80 {
			i++
			switch c {
			case '\n', '\t':
				dst = append(dst, c)
			case '\r':
				dst = append(dst, '\n')
				if i < len(src) && src[i] == '\n' {
					i++
				}
			case '\v', '\f':
				// Line tabulation and form feed separate lines; dropping
				// them would glue words together.
				dst = append(dst, '\n')
			case 0x1B:
				i = s.escape(i)
				rep.escapes++
			default:
				rep.controls++
			}
			continue
		}
		r, size := utf8.DecodeRune(src[i:])
		if r == utf8.RuneError && size == 1 {
			dst = append(dst, "\uFFFD"...)
			rep.replaced++
			i++
			continue
		}
		next := i + size
		switch {
		case r >= 0x80 && r <= 0x9F:
			switch r {
			case 0x85: // next line
				dst = append(dst, '\n')
			case 0x9B: // CSI
				next = s.csi(next)
				rep.escapes++
			case 0x90, 0x98, 0x9D, 0x9E, 0x9F: // DCS, SOS, OSC, PM, APC
				next = s.str(next)
				rep.escapes++
			default:
				rep.controls++
			}
		case r >= 0x202A && r <= 0x202E, r >= 0x2066 && r <= 0x2069:
			rep.bidi++
		case r == 0x2028: // line separator
			dst = append(dst, '\n')
		case r == 0x2029: // paragraph separator
			dst = append(dst, '\n', '\n')
		case r == 0x00AD, r == 0xFEFF:
			// A soft hyphen or a stray byte order mark is invisible, but
			// terminals disagree on its width, which would misplace
			// highlights; search would also miss words holding one.
		default:
			dst = append(dst, src[i:next]...)
		}
		i = next
	}
	return dst
}

// stripper finds where escape sequences end, following the ECMA-48 syntax
// that terminals parse.
type stripper struct {
	src []byte
	// noTermFrom is a position from which no string terminator follows;
	// remembering it keeps many unterminated strings linear.
	noTermFrom int
}

// escape returns the end of the sequence whose ESC precedes i.
func (s *stripper) escape(i int) int {
	if i >= len(s.src) {
		return i
	}
	switch c := s.src[i]; {
	case c == '[':
		return s.csi(i + 1)
	case c == ']', c == 'P', c == 'X', c == '^', c == '_':
		return s.str(i + 1)
	case c >= 0x20 && c <= 0x2F: // intermediates, then a final byte
		j := i + 1
		for j < len(s.src) && s.src[j] >= 0x20 && s.src[j] <= 0x2F {
			j++
		}
		if j < len(s.src) && s.src[j] >= 0x30 && s.src[j] <= 0x7E {
			j++
		}
		return j
	case c >= 0x30 && c <= 0x7E: // two-byte sequence such as ESC c (reset)
		return i + 1
	}
	// ESC before anything else is dropped alone; what follows is read
	// normally (another ESC starts a new sequence, as in a terminal).
	return i
}

// csi returns the end of a control sequence whose introducer ends before i:
// parameter and intermediate bytes, then a final byte. A sequence broken off
// by any other byte ends there, and that byte is read normally.
func (s *stripper) csi(i int) int {
	for i < len(s.src) {
		c := s.src[i]
		switch {
		case c >= 0x20 && c <= 0x3F:
			i++
		case c >= 0x40 && c <= 0x7E:
			return i + 1
		default:
			return i
		}
	}
	return i
}

// str returns the end of a control string (OSC, DCS, SOS, PM, APC) whose
// introducer ends before i. A string terminated by BEL or ST (ESC \ or
// U+009C), or cancelled by CAN or SUB, is removed up to there, across lines
// if need be, as a terminal would. A string that is cut short by another
// ESC or never terminated ends at that ESC or at the end of its line,
// whichever comes first, so a stray introducer cannot swallow the article.
func (s *stripper) str(i int) int {
	stop := len(s.src)
	if i < s.noTermFrom {
	scan:
		for j := i; j < len(s.src); j++ {
			switch s.src[j] {
			case 0x07, 0x18, 0x1A:
				return j + 1
			case 0x1B:
				if j+1 < len(s.src) && s.src[j+1] == '\\' {
					return j + 2
				}
				stop = j
				break scan
			case 0xC2:
				if j+1 < len(s.src) && s.src[j+1] == 0x9C {
					return j + 2
				}
			}
		}
		if stop == len(s.src) {
			s.noTermFrom = i
		}
	}
	if j := bytes.IndexAny(s.src[i:stop], "\r\n"); j >= 0 {
		return i + j
	}
	return stop
}
