package entities

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// A hand-written tokenizer rather than regular expressions or a general
// segmenter: it must keep abbreviations ("U.S.", "a.m.", "Gen."), initials,
// numbers with separators ("1,200", "3.5", "9:30") and hyphenated names
// whole, split possessives off, and run at tens of MB/s.

type tokKind uint8

const (
	tWord  tokKind = iota // letters and/or digits
	tPunct                // one punctuation or symbol rune
	tPoss                 // a possessive 's / ’s / bare apostrophe after s
)

type tokFlag uint16

const (
	fCap         tokFlag = 1 << iota // first letter upper case
	fAllCaps                         // two or more letters, all upper case
	fDigit                           // starts with a digit
	fHyphen                          // contains a hyphen between letters
	fPeriod                          // ends with a period taken as an abbreviation
	fSentStart                       // first word of a sentence, line or quotation
	fCaseless                        // inside an all-caps or title-case heading
	fLineStart                       // first token of a line
	fSpaceBefore                     // whitespace precedes the token
)

type token struct {
	start, end int
	kind       tokKind
	flags      tokFlag
	// low is the lower-case text, with a trailing abbreviation period
	// removed ("Gen." → "gen"); periods inside ("u.s") stay.
	low string
}

func (t *token) is(f tokFlag) bool { return t.flags&f != 0 }

// sentenceFinalAbbrev are abbreviations whose period often ends the
// sentence too (company suffixes, "etc.").
var sentenceFinalAbbrev = set("inc", "corp", "ltd", "co", "cos", "bros", "etc", "jr", "sr", "plc", "llc")

// abbreviations take the period after them as part of the word.
var abbreviations = set(
	"mr", "mrs", "ms", "dr", "prof", "sr", "jr", "st", "gen", "sen", "rep", "gov",
	"lt", "col", "maj", "capt", "sgt", "adm", "cpl", "pvt", "brig", "rev", "supt",
	"pres", "atty", "dep", "gov", "inc", "corp", "ltd", "co", "cos", "bros", "dept",
	"univ", "assn", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept",
	"oct", "nov", "dec", "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri",
	"sat", "sun", "no", "nos", "vs", "etc", "mt", "ft", "ave", "blvd", "rd", "approx",
	"est", "vol", "fig", "op", "cf", "mln", "bln", "pct", "dlrs", "yr", "yrs", "mph",
)

func isApostrophe(r rune) bool { return r == '\'' || r == '’' }

func isHyphen(r rune) bool { return r == '-' || r == '‐' || r == '‑' }

func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

// tokenize splits text into tokens with byte offsets.
func tokenize(text string) []token {
	toks := make([]token, 0, len(text)/5)
	lineStart := true
	space := true
	i := 0
	for i < len(text) {
		r, size := rune(text[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(text[i:])
		}
		if r == '\n' {
			lineStart, space = true, true
			i += size
			continue
		}
		if r == ' ' || r == '\t' || r == '\r' || (r >= utf8.RuneSelf && unicode.IsSpace(r)) {
			space = true
			i += size
			continue
		}
		var t token
		switch {
		case isApostrophe(r) && possessiveAt(text, i):
			t = token{start: i, kind: tPoss}
			t.end = i + size
			if t.end < len(text) && (text[t.end] == 's' || text[t.end] == 'S') {
				t.end++
			}
		case isWordRune(r):
			t = scanWord(text, i)
		case isApostrophe(r) && i+size < len(text) && isDigitByte(text[i+size]):
			// '90s
			t = scanWord(text, i+size)
			t.start = i
		default:
			t = token{start: i, end: i + size, kind: tPunct}
		}
		if lineStart {
			t.flags |= fLineStart
		}
		if space {
			t.flags |= fSpaceBefore
		}
		lineStart, space = false, false
		if t.kind == tWord {
			setWordFlags(text, &t)
		} else {
			t.low = text[t.start:t.end]
		}
		toks = append(toks, t)
		i = t.end
	}
	return toks
}

func isDigitByte(b byte) bool { return b >= '0' && b <= '9' }

// possessiveAt reports whether the apostrophe at i ends a possessive: it
// follows a word character and is followed by "s" and a non-letter, or (after
// a word ending in s) by a non-letter.
func possessiveAt(text string, i int) bool {
	if i == 0 {
		return false
	}
	prev, _ := utf8.DecodeLastRuneInString(text[:i])
	_, size := utf8.DecodeRuneInString(text[i:])
	j := i + size
	if prev == ' ' {
		// "Iran 's" in pre-tokenised text.
		return j < len(text) && (text[j] == 's' || text[j] == 'S') && (j+1 == len(text) || !isWordRune(rune(text[j+1])))
	}
	if !isWordRune(prev) {
		return false
	}
	if j < len(text) && (text[j] == 's' || text[j] == 'S') {
		if j+1 == len(text) {
			return true
		}
		next, _ := utf8.DecodeRuneInString(text[j+1:])
		return !isWordRune(next)
	}
	if prev == 's' || prev == 'S' {
		if j == len(text) {
			return true
		}
		next, _ := utf8.DecodeRuneInString(text[j:])
		return !isWordRune(next)
	}
	return false
}

// scanWord reads one word from i: letters and digits, with internal
// apostrophes ("O'Brien", "don't"), hyphens ("al-Maliki"), number
// separators ("1,200", "3.5", "9:30") and abbreviation periods ("U.S.").
func scanWord(text string, i int) token {
	start := i
	letters := 0 // letters since the last period, for "U.S." style words
	dotted := false
	numeric := true // only digits and separators so far: "1,200", "3.5"
	for i < len(text) {
		r, size := rune(text[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(text[i:])
		}
		if isWordRune(r) {
			if r < utf8.RuneSelf && r >= 'A' || r >= utf8.RuneSelf && unicode.IsLetter(r) {
				letters++
			}
			if r < '0' || r > '9' {
				numeric = false
			}
			i += size
			continue
		}
		if i+size >= len(text) {
			break
		}
		next, nsize := utf8.DecodeRuneInString(text[i+size:])
		prev, _ := utf8.DecodeLastRuneInString(text[:i])
		switch {
		case isApostrophe(r) && unicode.IsLetter(next) && !possessiveAt(text, i):
			i += size
			numeric = false
			continue
		case isHyphen(r) && isWordRune(next):
			i += size
			letters = 0
			numeric = false
			continue
		case (r == ',' || r == '.' || r == ':') && numeric && isDigitByte(byte(prev)) && next >= '0' && next <= '9':
			i += size
			continue
		case r == '.' && letters == 1 && unicode.IsLetter(prev) && unicode.IsLetter(next) && i+size+nsize < len(text) && text[i+size+nsize] == '.':
			// U.S. / a.m. / P.O.: a single letter, a period, a letter, a period.
			i += size
			letters = 0
			dotted = true
			continue
		case r == '.' && dotted && unicode.IsLetter(next) && letters == 1:
			i += size
			letters = 0
			continue
		}
		break
	}
	end := i
	// A period after the word: an initial ("C."), a dotted abbreviation
	// ("U.S."), or a listed abbreviation ("Gen.", "Corp.").
	if end < len(text) && text[end] == '.' {
		w := text[start:end]
		if dotted || (letters == 1 && utf8.RuneCountInString(w) == 1 && unicode.IsLetter(rune(w[0]))) || abbreviations[strings.ToLower(w)] ||
			(startsUpper(w) && stateAbbrevs[strings.ToLower(w)]) {
			end++
		}
	}
	return token{start: start, end: end, kind: tWord}
}

func digitsOnly(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !isDigitByte(c) && c != ',' && c != '.' && c != ':' {
			return false
		}
	}
	return true
}

func setWordFlags(text string, t *token) {
	w := text[t.start:t.end]
	first, _ := utf8.DecodeRuneInString(w)
	if isApostrophe(first) {
		first, _ = utf8.DecodeRuneInString(w[len(string(first)):])
	}
	switch {
	case unicode.IsUpper(first) || unicode.IsTitle(first):
		t.flags |= fCap
	case unicode.IsDigit(first):
		t.flags |= fDigit
	}
	upper, lower := 0, 0
	for _, r := range w {
		switch {
		case 'a' <= r && r <= 'z':
			lower++
		case 'A' <= r && r <= 'Z':
			upper++
		case r < utf8.RuneSelf:
			if r == '-' {
				t.flags |= fHyphen
			}
		case unicode.IsUpper(r):
			upper++
		case unicode.IsLower(r):
			lower++
		case isHyphen(r):
			t.flags |= fHyphen
		}
	}
	if upper >= 2 && lower == 0 {
		t.flags |= fAllCaps
	}
	if w[len(w)-1] == '.' {
		t.flags |= fPeriod
		w = w[:len(w)-1]
	}
	t.low = strings.ToLower(w)
}

// markSentences sets fSentStart on the first word of each sentence, of each
// line, after terminal punctuation, and after an opening quotation mark or
// bracket at such a place; and fCaseless on the words of headings written in
// capitals or in title case, where capitals say nothing about names.
func markSentences(text string, toks []token, sentences []spanLike) {
	si := 0
	atStart := true
	straightQuotes := 0 // straight double quotes so far on this line
	for k := range toks {
		t := &toks[k]
		for si < len(sentences) && sentences[si].end() <= t.start {
			si++
		}
		if si < len(sentences) && sentences[si].start() <= t.start && (k == 0 || toks[k-1].end <= sentences[si].start()) {
			atStart = true
		}
		if t.is(fLineStart) {
			atStart = true
			straightQuotes = 0
		}
		switch t.kind {
		case tWord:
			// After an abbreviation's period, a capitalised function word
			// shows the period ended the sentence too ("… 3.20 pct. If …").
			if !atStart && k > 0 && toks[k-1].is(fPeriod) && t.is(fCap) && stopCaps[t.low] {
				atStart = true
			}
			if atStart {
				t.flags |= fSentStart
			}
			// "… Erskine Resources Ltd. Terms were …": an abbreviation that
			// often ends a sentence lets the next capital start one.
			atStart = t.is(fPeriod) && (sentenceFinalAbbrev[t.low] || stateAbbrevs[t.low] && t.is(fCap))
		case tPunct:
			switch text[t.start:t.end] {
			case ".", "!", "?", ":", "•", "|", "*", "#", "“", "«":
				// A quotation usually opens with a capital too.
				atStart = true
			case "\"":
				straightQuotes++
				if straightQuotes%2 == 1 {
					atStart = true
				}
			case "‘", "'", "(", "[", "-", "—", "–":
				// keep atStart as it is
			default:
				atStart = false
			}
		}
	}
	markHeadings(text, toks)
}

// markHeadings flags lines and sentences written in capitals or title
// case.
func markHeadings(text string, toks []token) {
	lineBegin := 0
	for k := 0; k <= len(toks); k++ {
		if k < len(toks) && (k == lineBegin || !toks[k].is(fLineStart) && !toks[k].is(fSentStart)) {
			continue
		}
		// toks[lineBegin:k] is one line.
		words, caps, allCaps, stopCapped := 0, 0, 0, 0
		for _, t := range toks[lineBegin:k] {
			if t.kind != tWord || t.is(fDigit) {
				continue
			}
			words++
			if t.is(fCap) {
				caps++
				if t.is(fAllCaps) || (utf8.RuneCountInString(t.low) == 1 && t.low != "a" && t.low != "i") {
					allCaps++
				}
				if stopCaps[t.low] && !t.is(fSentStart) {
					stopCapped++
				}
			}
		}
		caseless := (words >= 3 && allCaps*5 >= words*4) ||
			(words >= 4 && caps == words && stopCapped > 0)
		if caseless {
			for j := lineBegin; j < k; j++ {
				toks[j].flags |= fCaseless
			}
		}
		lineBegin = k
	}
}

// spanLike lets markSentences read model.Span values without copying them.
type spanLike struct{ s, e int }

func (s spanLike) start() int { return s.s }
func (s spanLike) end() int   { return s.e }
