package panel

import (
	"strings"
	"unicode"
	"unicode/utf8"

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

// folder lowers case and drops accents, so "maliki" finds "al-Mālikī" and
// "quebec" finds "Québec". One folder serves many strings in turn (building
// the accent remover costs more than most strings it folds).
type folder struct{ t transform.Transformer }

func newFolder() *folder {
	return &folder{t: transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn)), norm.NFC)}
}

func (f *folder) fold(s string) string {
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	if ascii {
		return strings.ToLower(s)
	}
	out, _, err := transform.String(f.t, s)
	if err != nil {
		out = s
	}
	return strings.ToLower(out)
}

// fold folds one string.
func fold(s string) string { return newFolder().fold(s) }

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
