package pane

import (
	"slices"

	"github.com/parallax-reader/parallax/model"
	"github.com/parallax-reader/parallax/ui/theme"
)

// Decoration marks a span of the article text with a highlight class.
type Decoration struct {
	model.Span
	Class theme.Class
	// Priority orders overlapping decorations (higher is drawn on top);
	// zero means the class's own priority.
	Priority int
}

func (d Decoration) priority() int {
	if d.Priority != 0 {
		return d.Priority
	}
	return d.Class.Priority()
}

// Names of the layers the pane maintains itself. Later features add their
// own layers (entities, quotes, tags, diff marks) with SetDecorations.
const (
	LayerCursor       = "cursor"
	LayerSearch       = "search"
	LayerSearchActive = "search-current"
)

// layer is one named list of decorations, sorted by start, with the running
// maximum of their ends so the decorations overlapping a line are found by
// binary search even when a long one (a quotation) starts many lines above.
//
// A layer of sorted, non-overlapping spans of one class (search matches,
// which can run to a million on a large article) keeps just the spans.
type layer struct {
	name   string
	decs   []Decoration
	maxEnd []int

	spans []model.Span
	class theme.Class
}

func newLayer(name string, decs []Decoration) *layer {
	sorted := slices.Clone(decs)
	slices.SortStableFunc(sorted, func(a, b Decoration) int { return a.Start - b.Start })
	maxEnd := make([]int, len(sorted))
	m := 0
	for i, d := range sorted {
		m = max(m, d.End)
		maxEnd[i] = m
	}
	return &layer{name: name, decs: sorted, maxEnd: maxEnd}
}

// newSpanLayer keeps spans as they are when sorted and disjoint, and falls
// back to a decoration list otherwise.
func newSpanLayer(name string, spans []model.Span, class theme.Class) *layer {
	for i := 1; i < len(spans); i++ {
		if spans[i].Start < spans[i-1].End {
			decs := make([]Decoration, len(spans))
			for j, sp := range spans {
				decs[j] = Decoration{Span: sp, Class: class}
			}
			return newLayer(name, decs)
		}
	}
	return &layer{name: name, spans: spans, class: class}
}

// overlapping calls fn for each non-empty decoration overlapping [s, e).
func (l *layer) overlapping(s, e int, fn func(Decoration)) {
	if l.spans != nil {
		i := model.SpanIndex(l.spans, s)
		if i < 0 || l.spans[i].End <= s {
			i++
		}
		for ; i < len(l.spans) && l.spans[i].Start < e; i++ {
			if !l.spans[i].Empty() {
				fn(Decoration{Span: l.spans[i], Class: l.class})
			}
		}
		return
	}
	// The first decoration that could reach past s.
	i, _ := slices.BinarySearchFunc(l.maxEnd, s+1, func(m, target int) int { return m - target })
	for ; i < len(l.decs) && l.decs[i].Start < e; i++ {
		if d := l.decs[i]; d.End > s && !d.Empty() {
			fn(d)
		}
	}
}

// layers is a pane's set of decoration layers, in the order they were
// first set (the tie-break between equal priorities).
type layers []*layer

// set replaces (or adds) a layer; nil removes it.
func (ls *layers) set(name string, l *layer) {
	i := slices.IndexFunc(*ls, func(l *layer) bool { return l.name == name })
	switch {
	case l == nil && i >= 0:
		*ls = slices.Delete(*ls, i, i+1)
	case l == nil:
	case i >= 0:
		(*ls)[i] = l
	default:
		*ls = append(*ls, l)
	}
}

func (ls layers) get(name string) []Decoration {
	for _, l := range ls {
		if l.name != name {
			continue
		}
		if l.spans == nil {
			return l.decs
		}
		decs := make([]Decoration, len(l.spans))
		for i, sp := range l.spans {
			decs[i] = Decoration{Span: sp, Class: l.class}
		}
		return decs
	}
	return nil
}

// collect gathers the decorations overlapping [s, e) from every layer into
// buf, ordered from lowest to highest priority.
func (ls layers) collect(s, e int, buf []Decoration) []Decoration {
	buf = buf[:0]
	for _, l := range ls {
		l.overlapping(s, e, func(d Decoration) { buf = append(buf, d) })
	}
	slices.SortStableFunc(buf, func(a, b Decoration) int { return a.priority() - b.priority() })
	return buf
}
