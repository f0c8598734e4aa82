package segment

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/parallax-reader/parallax/model"
)

// Sentences returns the sentences inside each paragraph, trimmed, as byte
// spans into text, in text order. A sentence never crosses a paragraph
// boundary. paragraphs must be sorted and non-overlapping, as Paragraphs
// returns them; nil means Paragraphs(text). Spans outside text are clamped.
func Sentences(text string, paragraphs []model.Span) []model.Span {
	if paragraphs == nil {
		paragraphs = Paragraphs(text)
	}
	sp := splitter{text: text, out: make([]model.Span, 0, len(text)/96+len(paragraphs))}
	for _, p := range paragraphs {
		start, end := max(0, p.Start), min(len(text), p.End)
		if start >= end {
			continue
		}
		sp.paragraph(start, end)
	}
	return sp.out
}

// splitter holds the state of one scan over a paragraph.
type splitter struct {
	text   string
	out    []model.Span
	ps, pe int // the paragraph
	start  int // where the current sentence began
	line   int // where the current line began
	widest int // widest line of the paragraph in runes; -1 until needed
}

// interesting marks the bytes the scan must look at: terminal punctuation,
// line breaks, and the lead bytes of the multi-byte terminals.
var interesting = [256]bool{'.': true, '?': true, '!': true, '\n': true, 0xE2: true, 0xE3: true, 0xEF: true}

func (sp *splitter) paragraph(ps, pe int) {
	sp.ps, sp.pe, sp.start, sp.line, sp.widest = ps, pe, ps, ps, -1
	text := sp.text
	for i := ps; i < pe; {
		c := text[i]
		if !interesting[c] {
			i++
			continue
		}
		if c == '\n' {
			if sp.breakAtNewline(i) {
				sp.cut(i, i+1)
			}
			sp.line = i + 1
			i++
			continue
		}
		i = sp.terminal(i)
	}
	sp.cut(pe, pe)
}

// cut ends the current sentence at end and starts the next one at next.
func (sp *splitter) cut(end, next int) {
	sp.out = appendTrimmed(sp.out, sp.text, sp.start, end)
	sp.start = next
}

// Multi-byte terminal punctuation.
const (
	ellipsis     = "…"
	interrobang  = "‽"
	ideoStop     = "。"
	fullQuestion = "？"
	fullExclaim  = "！"
)

// terminal handles a possible run of sentence-ending punctuation starting at
// i and returns where the scan continues.
func (sp *splitter) terminal(i int) int {
	text, pe := sp.text, sp.pe
	j, dots := i, 0
	strong, cjk := false, false
scan:
	for j < pe {
		switch c := text[j]; {
		case c == '.':
			dots++
			j++
		case c == '?' || c == '!':
			strong = true
			j++
		case c < utf8.RuneSelf:
			break scan
		case strings.HasPrefix(text[j:pe], ellipsis):
			dots += 3
			j += len(ellipsis)
		case strings.HasPrefix(text[j:pe], interrobang):
			strong = true
			j += len(interrobang)
		case strings.HasPrefix(text[j:pe], ideoStop), strings.HasPrefix(text[j:pe], fullQuestion),
			strings.HasPrefix(text[j:pe], fullExclaim):
			cjk = true
			j += 3
		default:
			break scan
		}
	}
	if j == i {
		return i + 1 // a lead byte of some other character
	}
	runEnd := j
	j = skipClosers(text, j, pe)
	if j >= pe {
		return j
	}
	if cjk {
		// Ideographic full stops need no following space.
		sp.cut(j, j)
		return j
	}
	if r, _ := utf8.DecodeRuneInString(text[j:pe]); !unicode.IsSpace(r) {
		return j // "3.5", "U.S.", "example.com"
	}
	if sp.endsSentence(i, runEnd, dots, strong, j) {
		sp.cut(j, j)
	}
	return j
}

// endsSentence decides whether the terminal run text[i:runEnd], followed by
// closing marks up to after, ends a sentence.
func (sp *splitter) endsSentence(i, runEnd, dots int, strong bool, after int) bool {
	text, pe := sp.text, sp.pe
	k := skipSpace(text, after, pe)
	if k >= pe {
		return true
	}
	if text[k] == '.' || strings.HasPrefix(text[k:pe], ellipsis) {
		return false // a spaced ellipsis ". . ." goes on
	}
	next := text[skipOpeners(text, k, pe):pe]
	r, _ := utf8.DecodeRuneInString(next)
	if unicode.IsLower(r) {
		return false // "e.g. the", `"Why?" he asked`, "9 a.m. today"
	}
	switch r {
	case ',', ';', ':', ')', ']', '}', '%', '?', '!':
		return false // "Acme Inc., a maker", "Jr. ; ": no sentence starts so
	}
	if strong || dots != 1 || runEnd-i != 1 {
		return true
	}
	word, raw := wordBefore(text, sp.ps, i)
	if word == "" {
		return true
	}
	if isListMarker(word) && strings.TrimSpace(text[sp.start:raw]) == "" {
		return false // "1. First item", "a. Option"
	}
	return splitAfter(word, next)
}

// wordBefore returns the word that ends at i (the period's position), without
// leading punctuation, and where its raw token began.
func wordBefore(text string, floor, i int) (word string, raw int) {
	const longest = 32 // longer tokens are never abbreviations
	start := i
	for start > floor && i-start <= longest {
		if c := text[start-1]; c < utf8.RuneSelf {
			if asciiSpace[c] {
				break
			}
			start--
			continue
		}
		r, n := utf8.DecodeLastRuneInString(text[floor:start])
		if unicode.IsSpace(r) {
			break
		}
		start -= n
	}
	raw = start
	if i-start > longest {
		return "", raw
	}
	for start < i {
		r, n := utf8.DecodeRuneInString(text[start:i])
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			break
		}
		start += n
	}
	return text[start:i], raw
}

// skipSpace returns the first position at or after i that is not white space.
func skipSpace(text string, i, end int) int {
	for i < end {
		c := text[i]
		if c < utf8.RuneSelf {
			if !asciiSpace[c] {
				return i
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(text[i:end])
		if !unicode.IsSpace(r) {
			return i
		}
		i += n
	}
	return i
}

// skipClosers passes the closing quotes and brackets that belong to the
// sentence just ended (`."`, `.”`, `?)`).
func skipClosers(text string, i, end int) int {
	for i < end {
		switch c := text[i]; c {
		case '"', '\'', ')', ']', '}':
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(text[i:end])
		switch r {
		case '”', '’', '»', '›', '」', '』', '）':
		default:
			return i
		}
		i += n
	}
	return i
}

// skipOpeners passes opening quotes, brackets and similar marks before the
// first word of a sentence.
func skipOpeners(text string, i, end int) int {
	for i < end {
		r, n := utf8.DecodeRuneInString(text[i:end])
		switch r {
		case '"', '\'', '(', '[', '{', '“', '‘', '«', '‹', '¿', '¡', '*', '_', '„', '‚', '「', '『', '（':
			i += n
		default:
			return i
		}
	}
	return i
}

// breakAtNewline decides whether the single line break at i ends a sentence.
// Hard-wrapped text has line breaks mid-sentence, so a break counts only
// after a line that has no final punctuation and does not look wrapped: a
// heading, a title-like first line, a line in capitals, a line the wrapper
// could have extended, or before a list item.
func (sp *splitter) breakAtNewline(i int) bool {
	text := sp.text
	s, e := trim(text, sp.start, i)
	if s >= e {
		return false
	}
	ls, le := trim(text, sp.line, i)
	if ls >= le {
		return false
	}
	line := text[ls:le]
	n := skipSpace(text, i+1, sp.pe)
	if n >= sp.pe {
		return false
	}
	next := text[n:sp.pe]
	if isBulletStart(next) {
		return true
	}
	if !openEnded(line) {
		return false
	}
	r, _ := utf8.DecodeRuneInString(next[skipOpeners(next, 0, len(next)):])
	if !unicode.IsUpper(r) && !unicode.IsDigit(r) {
		return false
	}
	switch {
	case line[0] == '#':
		return true
	case allCaps(line):
		return true
	case sp.line == sp.ps && titleLike(line):
		return true
	}
	// A greedy wrapper fills each line until the next word does not fit, so
	// when it would have fit under the paragraph's widest line the break was
	// written on purpose.
	width := utf8.RuneCountInString(text[sp.line:le]) + 1 + utf8.RuneCountInString(firstWord(next))
	return width <= sp.widestLine()
}

// widestLine measures the paragraph's widest line in runes, once.
func (sp *splitter) widestLine() int {
	if sp.widest >= 0 {
		return sp.widest
	}
	para := sp.text[sp.ps:sp.pe]
	for para != "" {
		line := para
		if nl := strings.IndexByte(para, '\n'); nl >= 0 {
			line, para = para[:nl], para[nl+1:]
		} else {
			para = ""
		}
		sp.widest = max(sp.widest, utf8.RuneCountInString(strings.TrimRightFunc(line, unicode.IsSpace)))
	}
	return sp.widest
}

// openEnded reports whether a line ends without punctuation that ends or
// continues a sentence (a title, a dateline, a name).
func openEnded(line string) bool {
	line = strings.TrimRight(line, "\"')]}”’»")
	r, _ := utf8.DecodeLastRuneInString(line)
	switch r {
	case utf8.RuneError, '.', '?', '!', '…', ',', ';', ':', '-', '–', '—', '/', '&', '(', '[', '“', '‘', '"', '\'':
		return false
	}
	return true
}

// isBulletStart reports whether s begins with a list marker: "- ", "* ",
// "• ", "1. ", "2) ".
func isBulletStart(s string) bool {
	r, n := utf8.DecodeRuneInString(s)
	switch r {
	case '-', '*', '+', '•', '–', '—', '▪', '◦':
		return n < len(s) && (s[n] == ' ' || s[n] == '\t')
	}
	i := 0
	for i < len(s) && i < 3 && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	return i > 0 && i+1 < len(s) && (s[i] == '.' || s[i] == ')') && (s[i+1] == ' ' || s[i+1] == '\t')
}

// allCaps reports whether line has at least two letters and none in lower
// case ("BAGHDAD, IRAQ").
func allCaps(line string) bool {
	letters := 0
	for _, r := range line {
		if unicode.IsLower(r) {
			return false
		}
		if unicode.IsLetter(r) {
			letters++
		}
	}
	return letters >= 2
}

// titleLike reports whether every word of line, other than short function
// words, starts with a capital ("Iran, U.S. Hold Talks in Baghdad").
func titleLike(line string) bool {
	capitals := 0
	for w := range strings.FieldsSeq(line) {
		first := strings.IndexFunc(w, unicode.IsLetter)
		if first < 0 {
			continue
		}
		r, _ := utf8.DecodeRuneInString(w[first:])
		switch {
		case unicode.IsUpper(r):
			capitals++
		case !titleMinorWords[strings.TrimRight(w[first:], ",;:")]:
			return false
		}
	}
	return capitals > 0
}

// firstWord returns the leading run of non-space characters of s.
func firstWord(s string) string {
	if i := strings.IndexFunc(s, unicode.IsSpace); i >= 0 {
		return s[:i]
	}
	return s
}
