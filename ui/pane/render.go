package pane

import (
	"bytes"
	"slices"

	"charm.land/lipgloss/v2"

	"github.com/parallax-reader/parallax/ui/theme"
)

// replacement is drawn for every control character or invalid byte, so
// nothing in an article can drive the terminal.
const replacement = "\uFFFD"

// appendVisible appends a grapheme as a pane draws it: tabs as spaces,
// unsafe clusters as U+FFFD.
func appendVisible(b []byte, cl string) []byte {
	if cl == "\t" {
		return append(b, "    "[:tabWidth]...)
	}
	if unsafeCluster(cl) {
		return append(b, replacement...)
	}
	return append(b, cl...)
}

// Visible returns s as a pane would draw it: tabs as spaces, control
// characters and invalid bytes as U+FFFD. Use it for any article-derived
// string shown outside the body (titles, outlets, warnings).
func Visible(s string) string {
	it := clusters{s: s}
	var b []byte
	for {
		_, cl, _, ok := it.next()
		if !ok {
			return string(b)
		}
		b = appendVisible(b, cl)
	}
}

// lineRenderer draws body lines; it keeps its buffers between lines and
// frames so drawing allocates little.
type lineRenderer struct {
	decs   []Decoration
	bounds []int
	run    []byte
	out    bytes.Buffer
}

// render draws the line text[s:e], styled by its decorations and padded
// with spaces to exactly width columns, and returns it (valid until the
// next call) with the gutter mark of the highest-priority decoration on the
// line that has one.
func (r *lineRenderer) render(text string, s, e, width int, ls layers, st *theme.Styles) ([]byte, theme.Mark) {
	out := &r.out
	out.Reset()
	r.decs = ls.collect(s, e, r.decs)
	var mark theme.Mark
	for _, d := range r.decs {
		if m := st.Gutter[d.Class]; m.Glyph != "" {
			mark = m // later decorations have higher priority
		}
	}

	// Cut the line where any decoration starts or ends; between two cuts
	// the covering decorations, and so the style, stay the same.
	r.bounds = append(r.bounds[:0], s, e)
	for _, d := range r.decs {
		if d.Start > s && d.Start < e {
			r.bounds = append(r.bounds, d.Start)
		}
		if d.End > s && d.End < e {
			r.bounds = append(r.bounds, d.End)
		}
	}
	slices.Sort(r.bounds)
	r.bounds = slices.Compact(r.bounds)

	col := 0
	seg := -1 // index into bounds of the current interval's start
	var style lipgloss.Style
	styled := false
	flush := func() {
		if len(r.run) == 0 {
			return
		}
		if styled {
			out.WriteString(style.Render(string(r.run)))
		} else {
			out.Write(r.run)
		}
		r.run = r.run[:0]
	}
	it := clusters{s: text[:e], i: s}
	for {
		gs, cl, w, ok := it.next()
		if !ok {
			break
		}
		if seg < 0 || gs >= r.bounds[seg+1] {
			// A cluster belongs to the interval it starts in, so a cut
			// inside a cluster never splits it.
			flush()
			for seg < 0 || gs >= r.bounds[seg+1] {
				seg++
			}
			style, styled = r.styleAt(r.bounds[seg], r.bounds[seg+1], st)
		}
		r.run = appendVisible(r.run, cl)
		col += w
	}
	flush()
	for ; col < width; col++ {
		out.WriteByte(' ')
	}
	return out.Bytes(), mark
}

// styleAt merges the styles of the decorations covering [a, b): the highest
// priority first, each lower one filling in only what is still unset.
func (r *lineRenderer) styleAt(a, b int, st *theme.Styles) (lipgloss.Style, bool) {
	var style lipgloss.Style
	found := false
	for i := len(r.decs) - 1; i >= 0; i-- {
		d := r.decs[i]
		if d.Start > a || d.End < b {
			continue
		}
		if !found {
			style, found = st.Highlight[d.Class], true
		} else {
			style = style.Inherit(st.Highlight[d.Class])
		}
	}
	return style, found
}
