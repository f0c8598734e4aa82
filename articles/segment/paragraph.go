// Package segment splits an article's cleaned text into paragraphs and
// sentences, as byte spans into the text.
//
// Sentence splitting is hand-written rather than built on Unicode text
// segmentation (UAX #29): that algorithm knows no abbreviations, so it splits
// "Dr. Smith" and "U.S. Ambassador Ryan C. Crocker" in the middle, and it has
// no notion of titles or datelines on lines of their own. The rules here are
// a small table of common English abbreviations plus a few contextual checks,
// and the scan is linear in the length of the text.
package segment

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/parallax-reader/parallax/model"
)

// Paragraphs returns the blocks of text separated by one or more blank lines
// (a line holding only white space is blank), each trimmed of surrounding
// white space, in text order.
func Paragraphs(text string) []model.Span {
	var out []model.Span
	paraStart, paraEnd := -1, 0
	for lineStart := 0; lineStart <= len(text); {
		lineEnd, next := len(text), len(text)+1
		if nl := strings.IndexByte(text[lineStart:], '\n'); nl >= 0 {
			lineEnd, next = lineStart+nl, lineStart+nl+1
		}
		if isBlank(text[lineStart:lineEnd]) {
			if paraStart >= 0 {
				out = appendTrimmed(out, text, paraStart, paraEnd)
				paraStart = -1
			}
		} else {
			if paraStart < 0 {
				paraStart = lineStart
			}
			paraEnd = lineEnd
		}
		lineStart = next
	}
	if paraStart >= 0 {
		out = appendTrimmed(out, text, paraStart, paraEnd)
	}
	return out
}

// isBlank reports whether s holds only white space.
func isBlank(s string) bool {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if !asciiSpace[c] {
				return false
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if !unicode.IsSpace(r) {
			return false
		}
		i += n
	}
	return true
}

var asciiSpace = [utf8.RuneSelf]bool{' ': true, '\t': true, '\n': true, '\v': true, '\f': true, '\r': true}

// trim narrows [start, end) to exclude leading and trailing white space.
func trim(text string, start, end int) (int, int) {
	for start < end {
		c := text[start]
		if c < utf8.RuneSelf {
			if !asciiSpace[c] {
				break
			}
			start++
			continue
		}
		r, n := utf8.DecodeRuneInString(text[start:end])
		if !unicode.IsSpace(r) {
			break
		}
		start += n
	}
	for end > start {
		c := text[end-1]
		if c < utf8.RuneSelf {
			if !asciiSpace[c] {
				break
			}
			end--
			continue
		}
		r, n := utf8.DecodeLastRuneInString(text[start:end])
		if !unicode.IsSpace(r) {
			break
		}
		end -= n
	}
	return start, end
}

// appendTrimmed appends [start, end) trimmed of white space, unless nothing
// is left.
func appendTrimmed(out []model.Span, text string, start, end int) []model.Span {
	start, end = trim(text, start, end)
	if start < end {
		out = append(out, model.Span{Start: start, End: end})
	}
	return out
}
