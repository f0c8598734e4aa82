package pane

import (
	"testing"

	"github.com/parallax-reader/parallax/model"
	"github.com/parallax-reader/parallax/ui/theme"
)

// The renderer writes cached escape sequences around runs of text; what it
// writes must be what lipgloss writes for the same merged style, for every
// class alone and under another, in every theme.
func TestRenderMatchesLipgloss(t *testing.T) {
	text := "Señor Crocker said: 東京 talks\tended."
	for _, st := range []*theme.Styles{theme.Dark(), theme.Light(), theme.Mono()} {
		var r lineRenderer
		for c := theme.Class(1); c < theme.NumClasses; c++ {
			for _, under := range []theme.Class{theme.Plain, theme.Quote, theme.Cursor} {
				decs := []Decoration{{Span: model.Span{Start: 0, End: len(text)}, Class: c}}
				style := st.Highlight[c]
				if under != theme.Plain && under.Priority() < c.Priority() {
					decs = append(decs, Decoration{Span: model.Span{Start: 0, End: len(text)}, Class: under})
					style = style.Inherit(st.Highlight[under])
				}
				var ls layers
				ls.set("a", newLayer("a", decs))
				got, _ := r.render(text, 0, len(text), 0, ls, st)
				want := style.Render(string(appendVisibleAll(text)))
				if string(got) != want {
					t.Fatalf("%s: %v over %v:\n got %q\nwant %q", st.Name, c, under, got, want)
				}
			}
		}
	}
}

// appendVisibleAll is the text as a pane draws it (tabs as spaces).
func appendVisibleAll(s string) []byte {
	var b []byte
	it := clusters{s: s}
	for {
		_, cl, _, ok := it.next()
		if !ok {
			return b
		}
		b = appendVisible(b, cl)
	}
}
