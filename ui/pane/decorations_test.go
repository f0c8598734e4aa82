package pane

import (
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/parallax-reader/parallax/model"
	"github.com/parallax-reader/parallax/ui/theme"
)

// bruteOverlap is the decorations overlapping [s, e), found the slow way.
func bruteOverlap(decs []Decoration, s, e int) []model.Span {
	var out []model.Span
	for _, d := range decs {
		if d.Start < e && d.End > s && !d.Empty() {
			out = append(out, d.Span)
		}
	}
	return out
}

func sortSpans(x []model.Span) []model.Span {
	slices.SortFunc(x, func(a, b model.Span) int {
		if a.Start != b.Start {
			return a.Start - b.Start
		}
		return a.End - b.End
	})
	return x
}

// The binary searches over a layer find exactly the overlapping decorations,
// whether the layer holds arbitrary decorations (long ones starting far
// above) or sorted disjoint spans.
func TestLayerOverlappingMatchesBruteForce(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for trial := 0; trial < 300; trial++ {
		var decs []Decoration
		var spans []model.Span
		pos := 0
		for i := r.IntN(40); i > 0; i-- {
			s := r.IntN(1000)
			decs = append(decs, Decoration{Span: model.Span{Start: s, End: s + r.IntN(300)}, Class: theme.Person})
			pos += r.IntN(30)
			sp := model.Span{Start: pos, End: pos + r.IntN(10)}
			pos = sp.End
			spans = append(spans, sp)
		}
		dl := newLayer("d", decs)
		sl := newSpanLayer("s", spans, theme.Match)
		if len(spans) > 0 && sl.spans == nil {
			t.Fatal("sorted disjoint spans were copied into decorations")
		}
		spanDecs := make([]Decoration, len(spans))
		for i, sp := range spans {
			spanDecs[i] = Decoration{Span: sp, Class: theme.Match}
		}
		for q := 0; q < 20; q++ {
			s := r.IntN(1300)
			e := s + r.IntN(80)
			for _, c := range []struct {
				l    *layer
				decs []Decoration
			}{{dl, decs}, {sl, spanDecs}} {
				var got []model.Span
				c.l.overlapping(s, e, func(d Decoration) { got = append(got, d.Span) })
				if want := bruteOverlap(c.decs, s, e); !slices.Equal(sortSpans(got), sortSpans(want)) {
					t.Fatalf("overlap [%d,%d): got %v, want %v", s, e, got, want)
				}
			}
		}
	}
}

func TestSpanLayerFallsBackWhenOverlapping(t *testing.T) {
	l := newSpanLayer("x", []model.Span{{Start: 0, End: 10}, {Start: 5, End: 8}}, theme.Org)
	if l.spans != nil || len(l.decs) != 2 {
		t.Fatal("overlapping spans must become decorations")
	}
	var got int
	l.overlapping(6, 7, func(Decoration) { got++ })
	if got != 2 {
		t.Errorf("found %d of 2 overlapping", got)
	}
}

func TestLayersOrderAndReplace(t *testing.T) {
	var ls layers
	ls.set("a", newLayer("a", []Decoration{{Span: model.Span{Start: 0, End: 5}, Class: theme.Match}}))
	ls.set("b", newLayer("b", []Decoration{{Span: model.Span{Start: 0, End: 5}, Class: theme.Person}}))
	ls.set("c", newLayer("c", []Decoration{{Span: model.Span{Start: 0, End: 5}, Class: theme.Quote, Priority: 99}}))
	got := ls.collect(0, 5, nil)
	if len(got) != 3 || got[0].Class != theme.Person || got[1].Class != theme.Match || got[2].Class != theme.Quote {
		t.Fatalf("collect order %v: want person, match, then the quote whose priority was raised", got)
	}
	ls.set("a", nil)
	if len(ls) != 2 || ls.get("a") != nil {
		t.Fatal("removing a layer")
	}
}
