package entities

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/parallax-reader/parallax/model"
)

// hyphenShape says how a hyphenated word takes part in names.
type hyphenShape uint8

const (
	hNone   hyphenShape = iota // lower-case compound: "techno-based"
	hName                      // one name: "Kazemi-Qomi", "al-Maliki", "Mercedes-Benz"
	hSplit                     // places or peoples side by side: "U.S.-Iranian", "Iran-Iraq"
	hAdj                       // a name then lower case: "Iranian-backed", "U.S.-led"
	hPrefix                    // lower case then a name: "pro-Iranian", "mid-May"
)

type part struct{ start, end int }

// hyphenParts splits the word text[start:end] at its hyphens.
func hyphenParts(text string, start, end int) []part {
	var parts []part
	p := start
	for i := start; i < end; {
		r, size := utf8.DecodeRuneInString(text[i:])
		if isHyphen(r) {
			parts = append(parts, part{p, i})
			p = i + size
		}
		i += size
	}
	return append(parts, part{p, end})
}

func startsUpper(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}

// knownName returns the type a gazetteer gives a single word or dotted
// abbreviation ("U.S.", "Iranian"), or "".
func (g *gazetteer) knownName(w string) model.EntityType {
	low := strings.ToLower(w)
	if t, ok := g.places[low]; ok {
		return t
	}
	if _, ok := g.demonyms[low]; ok {
		return model.NORP
	}
	if t, ok := g.places[strings.TrimSuffix(low, ".")]; ok {
		return t
	}
	return ""
}

// shapeOf classifies a hyphenated word.
func (g *gazetteer) shapeOf(text string, t *token) (hyphenShape, []part) {
	parts := hyphenParts(text, t.start, t.end)
	if len(parts) < 2 {
		return hNone, parts
	}
	upper := 0
	for _, p := range parts {
		if startsUpper(text[p.start:p.end]) {
			upper++
		}
	}
	first := text[parts[0].start:parts[0].end]
	last := text[parts[len(parts)-1].start:parts[len(parts)-1].end]
	switch {
	case upper == len(parts):
		known := 0
		for _, p := range parts {
			if g.knownName(text[p.start:p.end]) != "" {
				known++
			}
		}
		if known == len(parts) {
			return hSplit, parts
		}
		return hName, parts
	case !startsUpper(first) && hyphenPrefixes[strings.ToLower(first)] && startsUpper(last):
		return hName, parts
	case startsUpper(first) && !startsUpper(last):
		return hAdj, parts
	case !startsUpper(first) && startsUpper(last):
		return hPrefix, parts
	}
	return hNone, parts
}
