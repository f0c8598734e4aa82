// Package articles gets articles in and understands them: loading from a
// file, a URL or standard input, cleaning, segmenting into paragraphs and
// sentences, and (in its sub-packages) entities, quotations, cross-article
// linking, alignment and discrepancy suggestions.
package articles
