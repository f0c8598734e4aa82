package pane

import (
	"bytes"
	"slices"
	"strings"
	"unicode"

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

	// sgr caches, per combination of classes, the escape sequences that
	// open and close their merged style, for the styles of theme sgrFor.
	sgr    map[styleKey]sgrPair
	sgrFor *theme.Styles
}

// styleKey names a merged style by the classes that make it, highest
// priority first.
type styleKey struct {
	n uint8
	c [maxKeyClasses]theme.Class
}

// maxKeyClasses is how many overlapping classes a cached style may have;
// more (never seen in practice) are styled without the cache.
const maxKeyClasses = 8

// sgrPair is how a style wraps text: open, the text, close. An underlined
// or struck-through style wraps each character on its own, spaces with
// their own pair, exactly as lipgloss draws it.
type sgrPair struct {
	open, close           string
	perRune               bool
	spaceOpen, spaceClose string
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

	if r.sgrFor != st {
		r.sgr, r.sgrFor = map[styleKey]sgrPair{}, st
	}
	col := 0
	seg := -1 // index into bounds of the current interval's start
	var key styleKey
	flush := func() {
		if len(r.run) == 0 {
			return
		}
		if key.n == 0 {
			out.Write(r.run)
		} else if key.n > maxKeyClasses {
			out.WriteString(r.merge(r.bounds[seg], r.bounds[seg+1], st).Render(string(r.run)))
		} else {
			p := r.sequences(key, st)
			if !p.perRune {
				out.WriteString(p.open)
				out.Write(r.run)
				out.WriteString(p.close)
			} else {
				for _, c := range string(r.run) {
					if unicode.IsSpace(c) {
						out.WriteString(p.spaceOpen)
						out.WriteRune(c)
						out.WriteString(p.spaceClose)
					} else {
						out.WriteString(p.open)
						out.WriteRune(c)
						out.WriteString(p.close)
					}
				}
			}
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
			key = r.classesAt(r.bounds[seg], r.bounds[seg+1])
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

// classesAt lists the classes of the decorations covering [a, b), highest
// priority first; n counts past maxKeyClasses when there are more.
func (r *lineRenderer) classesAt(a, b int) styleKey {
	var k styleKey
	for i := len(r.decs) - 1; i >= 0; i-- {
		d := r.decs[i]
		if d.Start > a || d.End < b {
			continue
		}
		if int(k.n) < maxKeyClasses {
			k.c[k.n] = d.Class
		}
		k.n++
	}
	return k
}

// sequences returns the escape sequences around text in the merged style of
// the key's classes: lipgloss renders the style once, around a letter and
// around a space, and runs of text are then wrapped in those, byte for byte
// what lipgloss would write. Rendering every run through lipgloss instead
// took most of a frame's time.
func (r *lineRenderer) sequences(k styleKey, st *theme.Styles) sgrPair {
	if p, ok := r.sgr[k]; ok {
		return p
	}
	style := st.Highlight[k.c[0]]
	for i := 1; i < int(k.n); i++ {
		style = style.Inherit(st.Highlight[k.c[i]])
	}
	s := style.Render("x")
	i := strings.IndexByte(s, 'x')
	p := sgrPair{open: s[:i], close: s[i+1:]}
	if style.Render("xx") != p.open+"xx"+p.close {
		sp := style.Render(" ")
		j := strings.IndexByte(sp, ' ')
		p.perRune, p.spaceOpen, p.spaceClose = true, sp[:j], sp[j+1:]
	}
	r.sgr[k] = p
	return p
}

// merge merges the styles of the decorations covering [a, b): the highest
// priority first, each lower one filling in only what is still unset.
func (r *lineRenderer) merge(a, b int, st *theme.Styles) lipgloss.Style {
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
	return style
}
