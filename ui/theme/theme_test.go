package theme

import (
	"bytes"
	"testing"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/ansi"

	"github.com/parallax-reader/parallax/model"
)

// asciiRender renders s as a terminal without colour would receive it:
// colours dropped, attributes kept.
func asciiRender(t *testing.T, st lipgloss.Style, s string) string {
	t.Helper()
	var buf bytes.Buffer
	w := &colorprofile.Writer{Forward: &buf, Profile: colorprofile.ASCII}
	if _, err := w.WriteString(st.Render(s)); err != nil {
		t.Fatal(err)
	}
	return buf.String()
}

// Every highlight class must look different from plain text and from every
// other class when colour is gone, in every theme (NO_COLOR, or a dark
// theme forced onto a monochrome terminal).
func TestClassesDistinctWithoutColour(t *testing.T) {
	for _, st := range []*Styles{Dark(), Light(), Mono()} {
		seen := map[string]Class{}
		for c := Plain; c < NumClasses; c++ {
			look := asciiRender(t, st.Highlight[c], "word") + "|" + st.Gutter[c].Glyph
			if prev, dup := seen[look]; dup {
				t.Errorf("%s theme: %s and %s look the same without colour (%q)", st.Name, prev, c, look)
			}
			seen[look] = c
		}
	}
}

// The mono theme must carry no colour at all: downsampling to a colourless
// terminal changes nothing.
func TestMonoHasNoColour(t *testing.T) {
	st := Mono()
	if st.Color {
		t.Fatal("mono theme claims colour")
	}
	styles := []lipgloss.Style{st.StatusBar, st.FocusedBorderStyle, st.BorderStyle, st.FocusedTitle, st.Warning}
	for c := Plain; c < NumClasses; c++ {
		styles = append(styles, st.Highlight[c], st.Gutter[c].Style)
	}
	for i, s := range styles {
		if got, ascii := s.Render("x"), asciiRender(t, s, "x"); got != ascii {
			t.Errorf("style %d has colour in mono: %q (without colour %q)", i, got, ascii)
		}
	}
	if got, ascii := Dark().Highlight[Person].Render("x"), asciiRender(t, Dark().Highlight[Person], "x"); got == ascii {
		t.Error("the check cannot see colour: dark person style rendered without colour")
	}
}

func TestGutterMarksAreOneColumn(t *testing.T) {
	for _, st := range []*Styles{Dark(), Light(), Mono()} {
		for c := Plain; c < NumClasses; c++ {
			if g := st.Gutter[c].Glyph; g != "" && ansi.StringWidth(g) != 1 {
				t.Errorf("%s: gutter mark %q of %s is %d columns", st.Name, g, c, ansi.StringWidth(g))
			}
		}
	}
}

func TestFocusedBorderDiffersWithoutColour(t *testing.T) {
	st := Mono()
	if st.Border.Top == st.FocusedBorder.Top || st.Border.Left == st.FocusedBorder.Left {
		t.Fatal("focused and unfocused borders use the same lines; focus would only show in colour")
	}
}

func TestNamed(t *testing.T) {
	for _, name := range []string{DarkName, LightName, MonoName} {
		st, ok := Named(name)
		if !ok || st.Name != name {
			t.Errorf("Named(%q) = %q, %v", name, st.Name, ok)
		}
	}
	if st, ok := Named("solarized"); ok || st.Name != DarkName {
		t.Errorf("unknown name gave %q, %v; want dark, false", st.Name, ok)
	}
	if Light().Dark || !Dark().Dark {
		t.Error("Dark flag wrong")
	}
}

func TestEntityClass(t *testing.T) {
	want := map[model.EntityType]Class{
		model.Person: Person, model.Org: Org, model.GPE: Place, model.Loc: Place,
		model.NORP: NORP, model.Date: DateTime, model.Time: DateTime,
		model.Cardinal: Number, model.Quantity: Number, model.Money: Number, model.Percent: Number,
	}
	for _, et := range model.EntityTypes {
		if got := EntityClass(et); got != want[et] {
			t.Errorf("EntityClass(%s) = %s, want %s", et, got, want[et])
		}
	}
	if EntityClass("WORK_OF_ART") != Plain {
		t.Error("unknown entity type should be plain")
	}
}

func TestPriorityOrder(t *testing.T) {
	if !(CurrentMatch.Priority() > Match.Priority() && Match.Priority() > Person.Priority() &&
		Person.Priority() > Speaker.Priority() && Speaker.Priority() > Quote.Priority()) {
		t.Error("search matches must stack over entities, entities over speakers, speakers over quotes")
	}
	// Where a line holds both, the cursor's gutter mark must win over a
	// quotation's: without colour it is all that shows the cursor.
	if !(Cursor.Priority() > Quote.Priority() && Person.Priority() > Cursor.Priority()) {
		t.Error("the cursor sentence must rank between quotations and entities")
	}
	if !(Current.Priority() > Person.Priority() && Current.Priority() < Match.Priority()) {
		t.Error("the current mention must show over its entity class and under search matches")
	}
	if Class(200).String() != "unknown" || Person.String() != "person" {
		t.Error("class names")
	}
}

// A panel's selected row and its group headers must stand out from plain
// rows when colour is gone, in every theme.
func TestPanelStylesWithoutColour(t *testing.T) {
	for _, st := range []*Styles{Dark(), Light(), Mono()} {
		plain := asciiRender(t, lipgloss.NewStyle(), "row")
		for name, s := range map[string]lipgloss.Style{
			"selected": st.PanelSelected, "group": st.PanelGroup, "heading": st.PanelHeading,
		} {
			if asciiRender(t, s, "row") == plain {
				t.Errorf("%s theme: panel %s row looks plain without colour", st.Name, name)
			}
		}
	}
}
