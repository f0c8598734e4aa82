package panel

import (
	"strings"
	"unicode"

	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
)

// filterText is what the filter searches in an item.
func filterText(it Item) string {
	if it.Filter != "" {
		return it.Filter
	}
	parts := make([]string, len(it.Cells))
	for i, c := range it.Cells {
		parts[i] = c.Text
	}
	return strings.Join(parts, " ")
}

// fold lowers case and drops accents, so "maliki" finds "al-Mālikī" and
// "quebec" finds "Québec".
func fold(s string) string {
	t := transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn)), norm.NFC)
	out, _, err := transform.String(t, s)
	if err != nil {
		out = s
	}
	return strings.ToLower(out)
}

// filterTerms are the folded words of a filter; an item passes when it
// holds every one.
func filterTerms(f string) []string { return strings.Fields(fold(f)) }

func matches(folded string, terms []string) bool {
	for _, t := range terms {
		if !strings.Contains(folded, t) {
			return false
		}
	}
	return true
}
