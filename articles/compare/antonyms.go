package compare

import (
	_ "embed"
	"strings"
	"sync"
)

// antonymList is WordNet 3.0's antonym pairs (see its header for the source
// and licence; gen_antonyms.go regenerates it).
//
//go:embed antonyms.txt
var antonymList string

//go:generate sh -c "go run gen_antonyms.go /usr/share/wordnet > antonyms.txt"

var (
	antonymOnce sync.Once
	antonymSet  map[[2]string]bool // stem pairs, both orders
)

func loadAntonyms() {
	antonymSet = make(map[[2]string]bool, 8000)
	for line := range strings.Lines(antonymList) {
		if strings.HasPrefix(line, "#") {
			continue
		}
		a, b, ok := strings.Cut(strings.TrimSpace(line), " ")
		if !ok {
			continue
		}
		sa, sb := stem(a), stem(b)
		if sa == sb {
			continue
		}
		antonymSet[[2]string{sa, sb}] = true
		antonymSet[[2]string{sb, sa}] = true
	}
}

// antonyms reports whether two words are opposites: a WordNet antonym pair
// (compared by stem, so "opening" meets "closing"), or one word is the other
// with a negative prefix ("named", "unnamed").
func antonyms(a, b *token) bool {
	antonymOnce.Do(loadAntonyms)
	if antonymSet[[2]string{a.key, b.key}] {
		return true
	}
	return negativePrefix(a.lower, b.lower) || negativePrefix(b.lower, a.lower)
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
