package model

// Span is a half-open byte range [Start, End) into an article's cleaned text.
type Span struct {
	Start int `json:"start"`
	End   int `json:"end"`
}

// Len is the number of bytes the span covers.
func (s Span) Len() int { return s.End - s.Start }

// Empty reports whether the span covers no bytes.
func (s Span) Empty() bool { return s.End <= s.Start }

// Contains reports whether byte offset off lies inside the span.
func (s Span) Contains(off int) bool { return off >= s.Start && off < s.End }

// Overlaps reports whether the two spans share at least one byte.
func (s Span) Overlaps(o Span) bool { return s.Start < o.End && o.Start < s.End }

// Union is the smallest span covering both.
func (s Span) Union(o Span) Span {
	return Span{Start: min(s.Start, o.Start), End: max(s.End, o.End)}
}

// Passage is a span inside one article, named by the article's ID.
type Passage struct {
	Article string `json:"article"`
	Span
}

// SpanIndex returns the index of the span in spans (sorted, non-overlapping)
// that contains off, or the index of the last span starting before off when
// off falls in a gap; -1 when spans is empty or off precedes them all.
func SpanIndex(spans []Span, off int) int {
	lo, hi := 0, len(spans)
	for lo < hi {
		mid := (lo + hi) / 2
		if spans[mid].Start <= off {
			lo = mid + 1
		} else {
			hi = mid
		}
	}
	return lo - 1
}
