// Package compare aligns the sentences and quotations of several articles
// about one event and proposes likely discrepancies between them: numbers
// and dates that disagree, a negation present in one wording only, opposite
// words, a different name in the same statement, an entity given a different
// role, a quotation worded differently or credited to someone else, and who
// or what one article leaves out.
//
// Align pairs passages; Suggest turns the pairs (and the entity clusters and
// quotations of the analysis) into ranked, de-duplicated suggestions, each
// with a stable ID so that a dismissal can be remembered.
package compare
