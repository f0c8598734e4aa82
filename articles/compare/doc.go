// Package compare aligns the sentences and quotations of several articles
// about one event and proposes likely discrepancies between them: numbers
// and dates that disagree (hedges such as "about" or "more than" widen a
// number into an interval, and only intervals that cannot meet disagree), a
// negation present in one wording only, opposite words, a different name or
// thing in the same statement, an entity given a different role, a
// quotation worded differently or credited to someone else, and who or
// what one article leaves out.
//
// Align pairs passages; Suggest turns the pairs (and the entity clusters and
// quotations of the analysis) into ranked, de-duplicated suggestions, each
// with a stable ID so that a dismissal can be remembered.
//
// Word knowledge comes from WordNet 3.0 (Princeton University; licence in
// the data files): antonyms.txt (opposite words) and nouns.txt.gz (the noun
// hierarchy that tells a reworded noun from a different thing). Both are
// generated from a WordNet installation by gen_antonyms.go and gen_nouns.go
// (go generate; Debian's wordnet-base package provides /usr/share/wordnet).
// The quality of the sentence detectors is measured on SummEdits news
// (TestQuality).
package compare
