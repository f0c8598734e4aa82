package entities

import "testing"

// candidates runs Find's name pass and returns its candidates, which say
// which rule typed them.
func candidates(text string) []cand {
	toks := tokenize(text)
	markSentences(text, toks, nil)
	used := make([]bool, len(toks))
	ns := numScanner{text: text, toks: toks, used: used}
	ns.scan()
	nf := nameFinder{text: text, toks: toks, used: used, g: lexicon()}
	nf.find()
	return nf.cands
}

func TestTypingRulesAreNamed(t *testing.T) {
	text := "Paxar Corp hired Joost Hiltermann in Atwick. Later Hiltermann left Atwick for Gulf of Mexico ports."
	want := map[string]string{
		"Paxar Corp":       "organisation cue last",
		"Joost Hiltermann": "default n=2",
		"Hiltermann":       "word of a name typed elsewhere",
		"Gulf of Mexico":   "place cue and of",
	}
	got := map[string]string{}
	for _, c := range candidates(text) {
		got[text[c.start:c.end]] = c.why
	}
	for name, why := range want {
		if got[name] != why {
			t.Errorf("%q typed by %q, want %q", name, got[name], why)
		}
	}
}
