package theme

import "testing"

// The counterpart of the cursor sentence has its own gutter mark, so linked
// scrolling reads without colour, and it yields to the cursor's mark on a
// line holding both while showing over a quotation's.
func TestLinkedMark(t *testing.T) {
	for _, st := range []*Styles{Dark(), Light(), Mono()} {
		g := st.Gutter[Linked].Glyph
		if g == "" || g == st.Gutter[Cursor].Glyph || g == st.Gutter[Quote].Glyph {
			t.Errorf("%s theme: linked gutter mark %q is missing or shared", st.Name, g)
		}
	}
	if !(Linked.Priority() > Quote.Priority() && Linked.Priority() < Cursor.Priority()) {
		t.Error("the linked sentence must rank between quotations and the cursor")
	}
	if Linked.String() != "linked" {
		t.Errorf("name %q", Linked.String())
	}
}
