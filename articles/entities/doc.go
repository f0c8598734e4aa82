// Package entities finds named entities, dates and numbers in an article's
// text and links names within and across articles.
//
// Find is rule- and gazetteer-based: a hand-written tokenizer, runs of
// capitalised words cut at titles, connectors and sentence-initial
// capitals, and types from word lists (places, demonyms, given names,
// organisation and place cue words), from the words around a name and from
// the rest of the document. A title given with a person's name is the
// mention's Role, not part of its span; names inside a role ("Iraqi",
// "Iran" in "Iran's ambassador") are mentions of their own, so a role may
// overlap other mentions. Events and works ("World War II") get no mention.
//
// Link clusters name mentions by normalised form, alias, acronym and unique
// short form; nationalities (NORP) never join places.
//
// The word lists in data/ name their sources and licences in their first
// lines; internal/gengazetteer rebuilds them. Quality is measured by
// TestQuality on the labelled data in shared/data.
package entities
