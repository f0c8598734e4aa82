package compare

import (
	_ "embed"
	"hash/fnv"
	"strings"
	"sync"

	"github.com/kljensen/snowball/english"
)

// antonymList is WordNet 3.0's antonym pairs (see its header for the source
// and licence; gen_antonyms.go regenerates it).
//
//go:embed antonyms.txt
var antonymList string

//go:generate sh -c "go run gen_antonyms.go /usr/share/wordnet > antonyms.txt"

var (
	antonymOnce sync.Once
	// antonymSet holds a hash of each stem pair, both orders: an eighth of
	// the memory of the strings, and a false match between 64-bit hashes
	// of a few ten thousand pairs is not a practical concern.
	antonymSet map[uint64]struct{}
)

func pairHash(a, b string) uint64 {
	h := fnv.New64a()
	h.Write([]byte(a))
	h.Write([]byte{0})
	h.Write([]byte(b))
	return h.Sum64()
}

func loadAntonyms() {
	antonymSet = make(map[uint64]struct{}, 50000)
	for line := range strings.Lines(antonymList) {
		if strings.HasPrefix(line, "#") {
			continue
		}
		a, b, ok := strings.Cut(strings.TrimSpace(line), " ")
		if !ok {
			continue
		}
		// Stemmed directly: caching the stems of the whole list would keep
		// tens of thousands of words no article uses.
		sa, sb := english.Stem(a, true), english.Stem(b, true)
		if sa == sb {
			continue
		}
		antonymSet[pairHash(sa, sb)] = struct{}{}
		antonymSet[pairHash(sb, sa)] = struct{}{}
	}
}

// antonyms reports whether two words are opposites: a WordNet antonym pair
// (compared by stem, so "opening" meets "closing"), or one word is the other
// with a negative prefix ("named", "unnamed").
func antonyms(a, b *token) bool {
	antonymOnce.Do(loadAntonyms)
	for _, x := range adjectiveForms(a) {
		for _, y := range adjectiveForms(b) {
			if _, ok := antonymSet[pairHash(x, y)]; ok {
				return true
			}
		}
	}
	return negativePrefix(a.lower, b.lower) || negativePrefix(b.lower, a.lower)
}

// adjectiveForms returns the word's stem and, for a comparative or
// superlative ("highest", "worse"), the stem of its base form, so that
// "highest" meets "lowest" through "high" / "low".
func adjectiveForms(t *token) []string {
	forms := []string{t.key}
	if !t.word || len(t.lower) < 4 {
		return forms
	}
	nounsOnce.Do(loadNouns)
	known := func(s string) bool { return nouns.isOther(s) }
	for _, b := range nouns.bases(t.lower, "a", known) {
		if s := english.Stem(b, true); s != t.key {
			forms = append(forms, s)
		}
	}
	switch t.lower {
	case "most": // not in WordNet's lists: the superlatives of much and many
		forms = append(forms, english.Stem("much", true), english.Stem("many", true))
	case "least":
		forms = append(forms, english.Stem("little", true))
	}
	return forms
}

func negativePrefix(w, neg string) bool {
	if len(w) < 4 {
		return false
	}
	for _, p := range []string{"un", "non", "non-", "in", "im", "il", "ir", "dis"} {
		if neg == p+w {
			return true
		}
	}
	return false
}
