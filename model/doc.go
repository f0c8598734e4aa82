// Package model holds parallax's domain types: articles and the spans inside
// them, entity mentions and clusters, quotations, alignments, discrepancy kinds
// and annotations. It does no I/O, draws nothing and imports nothing of ours,
// so every other package can share these shapes.
//
// All offsets are byte offsets into an article's cleaned text (Article.Text).
// Only the annotation files count Unicode code points; the annotations package
// converts at its boundary.
package model
