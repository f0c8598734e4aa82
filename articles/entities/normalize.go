package entities

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"

	"github.com/parallax-reader/parallax/model"
)

// foldAccents removes diacritics ("Mottakí" → "Mottaki") by decomposing and
// dropping combining marks.
func foldAccents(s string) string {
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	if ascii {
		return s
	}
	t := transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn)), norm.NFC)
	out, _, err := transform.String(t, s)
	if err != nil {
		return s
	}
	return out
}

// nameWords splits a name into normalised words: accents folded, lower
// case, possessive dropped, hyphens and slashes as spaces, periods and other
// punctuation removed ("U.S." → "us", "Kazemi-Qomi" → "kazemi qomi").
func nameWords(s string) []string {
	s = foldAccents(s)
	s = strings.TrimSpace(s)
	for _, suf := range []string{"'s", "’s", "'S", "’S", "'", "’"} {
		if strings.HasSuffix(s, suf) {
			s = strings.TrimSpace(s[:len(s)-len(suf)])
			break
		}
	}
	var words []string
	var b strings.Builder
	flush := func() {
		if b.Len() > 0 {
			words = append(words, b.String())
			b.Reset()
		}
	}
	for _, r := range s {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			b.WriteRune(unicode.ToLower(r))
		case r == '.' || r == '\'' || r == '’':
			// "U.S." → "us", "O'Brien" → "obrien"
		case r == '&':
			flush()
			words = append(words, "and")
		default:
			flush()
		}
	}
	flush()
	return words
}

// aliasKey normalises a name for the alias table.
func aliasKey(s string) string {
	return strings.Join(nameWords(s), " ")
}

// aliasCanon maps every alias key to its group's canonical key.
var aliasCanon = func() map[string]string {
	m := map[string]string{}
	for _, grp := range aliasGroups {
		canon := aliasKey(grp.names[0])
		for _, n := range grp.names {
			m[aliasKey(n)] = canon
		}
	}
	return m
}()

// aliasPlace holds the canonical keys of alias groups that are places.
var aliasPlace = func() map[string]bool {
	m := map[string]bool{}
	for _, grp := range aliasGroups {
		if grp.typ == model.GPE || grp.typ == model.Loc {
			m[aliasKey(grp.names[0])] = true
		}
	}
	return m
}()

// linkWords are the words of a name as compared for linking: normalised,
// without a leading "the", leading titles (for people) and trailing
// corporate suffixes ("Paxar Corp" = "Paxar").
func linkWords(text string, person bool) []string {
	w := nameWords(text)
	if len(w) > 1 && w[0] == "the" {
		w = w[1:]
	}
	if person {
		for len(w) > 1 && titleWords[w[0]] {
			w = w[1:]
		}
	}
	for len(w) > 1 && corporateSuffixes[w[len(w)-1]] {
		w = w[:len(w)-1]
	}
	// "Paxar Corp." leaves "and" from "Oil & Gas Co" intact; a trailing
	// "and" after stripping would be meaningless.
	for len(w) > 1 && (w[len(w)-1] == "and" || w[len(w)-1] == "of") {
		w = w[:len(w)-1]
	}
	return w
}
