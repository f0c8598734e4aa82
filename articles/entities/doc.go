// Package entities finds named entities, dates and numbers in an article's
// text and links names within and across articles.
//
// Find is rule- and gazetteer-based: a hand-written tokenizer, capitalised
// runs cut at titles and sentence-initial capitals, and types from word
// lists (places, demonyms, given names, organisation and place cue words),
// from context and from the rest of the document. Link clusters name
// mentions by normalised form, alias, acronym and unique short form.
// The word lists in data/ name their sources and licences.
package entities
