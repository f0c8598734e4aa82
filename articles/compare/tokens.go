package compare

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/kljensen/snowball/english"
)

// token is one word, number or punctuation mark of a passage, with byte
// offsets into the article text.
type token struct {
	start, end int
	text       string
	// lower is the text in lower case with curly apostrophes made straight
	// and a possessive "'s" removed.
	lower string
	// key is what two wordings share when they use the same word: the stem
	// of lower for words, the digits for numbers, the mark for punctuation.
	key     string
	word    bool // letters (possibly with digits, hyphens, apostrophes)
	digit   bool // starts with a digit
	cap     bool // starts with an upper-case letter
	initial bool // first word of its sentence or of a quotation
}

// tokenize splits text (a passage starting at byte offset base of its
// article) into tokens. A word keeps inner apostrophes, hyphens and periods
// ("don't", "twenty-seven", "U.S"); a number keeps inner commas and periods
// ("1,200", "3.5"). Everything else that is not a space is a one-rune mark.
func tokenize(text string, base int) []token {
	var toks []token
	initial := true
	i := 0
	for i < len(text) {
		r, size := utf8.DecodeRuneInString(text[i:])
		switch {
		case unicode.IsSpace(r):
			i += size
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			j := i + size
			for j < len(text) {
				r2, s2 := utf8.DecodeRuneInString(text[j:])
				if unicode.IsLetter(r2) || unicode.IsDigit(r2) || unicode.Is(unicode.Mn, r2) {
					j += s2
					continue
				}
				if isJoiner(r2) && j+s2 < len(text) {
					prev, _ := utf8.DecodeLastRuneInString(text[:j])
					next, _ := utf8.DecodeRuneInString(text[j+s2:])
					if joins(r2, prev, next) {
						j += s2
						continue
					}
				}
				break
			}
			toks = append(toks, newWord(text[i:j], base+i, initial))
			initial = false
			i = j
		default:
			toks = append(toks, token{start: base + i, end: base + i + size, text: text[i : i+size], lower: text[i : i+size], key: text[i : i+size]})
			switch r {
			case '.', '!', '?', '"', '“', '”', ':', '‘', '(':
				initial = true
			}
			i += size
		}
	}
	return toks
}

func isJoiner(r rune) bool {
	switch r {
	case '\'', '’', '-', '‐', '.', ',':
		return true
	}
	return false
}

// joins reports whether a joiner between prev and next keeps one token:
// commas and periods only inside numbers or (periods) between letters, as in
// "U.S"; apostrophes and hyphens between any letters or digits.
func joins(j, prev, next rune) bool {
	alnum := func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }
	switch j {
	case ',':
		return unicode.IsDigit(prev) && unicode.IsDigit(next)
	case '.':
		return (unicode.IsDigit(prev) && unicode.IsDigit(next)) || (unicode.IsLetter(prev) && unicode.IsUpper(next))
	}
	return alnum(prev) && alnum(next)
}

func newWord(s string, start int, initial bool) token {
	first, _ := utf8.DecodeRuneInString(s)
	t := token{start: start, end: start + len(s), text: s, initial: initial}
	t.digit = unicode.IsDigit(first)
	t.word = !t.digit
	t.cap = unicode.IsUpper(first)
	lower := strings.ToLower(strings.ReplaceAll(s, "’", "'"))
	if strings.HasSuffix(lower, "'s") && len(lower) > 2 {
		lower = lower[:len(lower)-2]
	} else if strings.HasSuffix(lower, "s'") {
		lower = lower[:len(lower)-1]
	}
	t.lower = lower
	if t.digit {
		t.key = strings.ReplaceAll(lower, ",", "")
	} else {
		t.key = stem(lower)
	}
	return t
}

var stems sync.Map // lower-case word → stem; the vocabulary is far smaller than the text

// stem reduces a lower-case word to its Snowball (Porter 2) stem, so that
// "talks", "talked" and "talking" share one key.
func stem(w string) string {
	if v, ok := stems.Load(w); ok {
		return v.(string)
	}
	s := w
	if !strings.ContainsAny(w, "-.'") {
		s = english.Stem(w, true)
	}
	stems.Store(w, s)
	return s
}

// content reports whether the token carries meaning of its own: a word or
// number that is not a stop word.
func (t *token) content() bool {
	if t.digit {
		return true
	}
	if !t.word || len(t.lower) < 2 {
		return false
	}
	return !english.IsStopWord(t.lower) && !extraStop[t.lower]
}

// properNoun reports whether the token looks like part of a name: capitalised
// where a common word would not be.
func (t *token) properNoun() bool {
	if !t.word || !t.cap || t.initial || t.lower == "i" {
		return false
	}
	if _, ok := months[t.lower]; ok {
		return false
	}
	if _, ok := weekdays[t.lower]; ok {
		return false
	}
	return !english.IsStopWord(t.lower)
}

// extraStop holds reporting and filler words that Snowball's list keeps but
// that say nothing about which event a sentence describes.
var extraStop = map[string]bool{
	"said": true, "says": true, "say": true, "told": true, "also": true, "would": true,
	"could": true, "mr": true, "mrs": true, "ms": true, "according": true, "added": true,
	"including": true, "since": true, "may": true, "might": true, "must": true,
	"shall": true, "yet": true, "still": true, "however": true,
}
