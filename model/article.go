package model

import (
	"strings"
	"unicode"
)

// Article is one news article as parallax reads it: cleaned text plus the
// structure found in it. Everything that points into an article does so with
// byte offsets into Text.
type Article struct {
	// ID names the article inside one run ("a1", "a2", … in the order given).
	ID string `json:"id"`
	// Source is what the user gave: a path, a URL, "-" for standard input, or
	// "sample:NAME" for a built-in sample text.
	Source string `json:"source"`
	// URI identifies the article in annotation files: the URL, a file:// URI,
	// or urn:sha256:HEX for standard input and the built-in sample.
	URI string `json:"uri"`
	// Title comes from the source (HTML title, Markdown heading, a short first
	// line) or, failing that, from the file name or URL.
	Title string `json:"title"`
	// Outlet is the short label shown in pane headers and exports: the host of
	// a URL or the base name of a file.
	Outlet string `json:"outlet"`
	// Text is the cleaned text (see articles.Clean).
	Text string `json:"text"`
	// SHA256 is the hex SHA-256 of Text.
	SHA256 string `json:"sha256"`
	// Paragraphs and Sentences are sorted, non-overlapping spans into Text.
	Paragraphs []Span `json:"paragraphs"`
	Sentences  []Span `json:"sentences"`
	// Replaced counts invalid UTF-8 sequences replaced by U+FFFD at load.
	Replaced int `json:"replaced,omitempty"`
	// Warnings are short, user-facing notes about the load (shown in the
	// pane header), such as replaced bytes or a truncated download.
	Warnings []string `json:"warnings,omitempty"`
}

// Slice returns the text covered by s, clamped to the article.
func (a *Article) Slice(s Span) string {
	start, end := max(0, s.Start), min(len(a.Text), s.End)
	if start >= end {
		return ""
	}
	return a.Text[start:end]
}

// WordCount counts runs of letters or digits separated by anything else.
func (a *Article) WordCount() int {
	return len(strings.FieldsFunc(a.Text, func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '\'' && r != '’'
	}))
}

// SentenceAt returns the index of the sentence containing byte offset off, or
// the nearest sentence before it; -1 when there is none.
func (a *Article) SentenceAt(off int) int {
	if len(a.Sentences) == 0 {
		return -1
	}
	i := SpanIndex(a.Sentences, off)
	if i < 0 {
		return 0
	}
	return i
}
