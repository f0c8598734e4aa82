package tagform

import (
	"bytes"
	"regexp"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"

	"github.com/parallax-reader/parallax/model"
	"github.com/parallax-reader/parallax/ui/component"
	"github.com/parallax-reader/parallax/ui/theme"
)

// checkFits asserts the view is a box no wider and no taller than w×h,
// with rows of one width.
func checkFits(t *testing.T, view string, w, h int) {
	t.Helper()
	rows := strings.Split(view, "\n")
	if len(rows) > h {
		t.Fatalf("%d rows in %d:\n%s", len(rows), h, ansi.Strip(view))
	}
	first := ansi.StringWidth(rows[0])
	for i, r := range rows {
		rw := ansi.StringWidth(r)
		if rw > w {
			t.Fatalf("row %d is %d columns in %d: %q", i, rw, w, ansi.Strip(r))
		}
		if rw != first {
			t.Fatalf("row %d is %d columns, row 0 %d:\n%s", i, rw, first, ansi.Strip(view))
		}
	}
}

// states drives a form through situations that change its look: each
// field focused, a long note, an error, the esc warning.
func states(t *testing.T, w, h int) map[string]*Model {
	t.Helper()
	long := Passage{ArticleID: "a3", Label: "A very long outlet name that goes on · Section · Subsection",
		Span: model.Span{Start: 0, End: 900},
		Text: strings.Repeat("伝えられた数字は異なる。 Wide characters and emoji 🇺🇳 mixed with text. ", 20)}
	out := map[string]*Model{}
	for f := KindField; f < numFields; f++ {
		cp := other
		m := open(t, Params{Claim: long, Counterpart: &cp}, w, h)
		keys(m, "q")
		for m.Field() != f {
			keys(m, "tab")
		}
		out["focus-"+f.String()] = m
	}
	m := open(t, Params{Claim: claim}, w, h)
	keys(m, "tab", "tab", "tab")
	typeText(m, strings.Repeat("A long note line that wraps. ", 12)+"\n\n- a list\n- of points\n")
	out["long-note"] = m
	m = open(t, Params{Claim: claim}, w, h)
	keys(m, "ctrl+s")
	out["error"] = m
	m = open(t, Params{Claim: claim, Existing: &model.Annotation{ID: "urn:x", Kind: model.Omission}}, w, h)
	keys(m, "tab", "tab", "tab")
	typeText(m, "typed")
	keys(m, "esc")
	out["esc-warning"] = m
	return out
}

func TestViewFitsWidth(t *testing.T) {
	for _, size := range [][2]int{{40, 10}, {40, 24}, {80, 24}, {80, 12}, {160, 45}, {160, 10}} {
		for name, m := range states(t, size[0], size[1]) {
			v := m.View()
			checkFits(t, v, size[0], size[1])
			if lw := ansi.StringWidth(strings.SplitN(v, "\n", 2)[0]); lw != min(size[0], MaxWidth) {
				t.Errorf("%dx%d %s: box %d wide, want %d", size[0], size[1], name, lw, min(size[0], MaxWidth))
			}
			if !strings.Contains(ansi.Strip(v), "›") {
				t.Errorf("%dx%d %s: focused field scrolled out of sight:\n%s", size[0], size[1], name, ansi.Strip(v))
			}
		}
	}
}

// Every small size, down to none at all, and the widths around the
// layout's switches draw something that fits.
func TestViewFitsEverySize(t *testing.T) {
	var widths, heights []int
	for i := range 25 {
		widths, heights = append(widths, i), append(heights, i%15)
	}
	widths = append(widths, 30, 40, 51, 52, 53, 60, 76, 77, 90)
	heights = append(heights[:15], 18, 24, 30)
	for name, m := range states(t, 0, 0) {
		if name == "focus-severity" || name == "focus-counterpart" {
			continue // drawn like focus-kind, for this purpose
		}
		for _, w := range widths {
			for _, h := range heights {
				m.SetSize(w, h)
				v := m.View()
				if w == 0 || h == 0 {
					if v != "" {
						t.Fatalf("%dx%d drew %q", w, h, v)
					}
					continue
				}
				checkFits(t, v, w, h)
			}
		}
	}
}

func TestViewAt40x10(t *testing.T) {
	m := newForm(t)
	m.SetSize(40, 10)
	keys(m, "n")
	s := screen(m)
	if !strings.Contains(s, "Tag a discrepancy") || !strings.Contains(s, "› Severity") || !strings.Contains(s, "m [medium]") {
		t.Errorf("severity not in sight at 40×10:\n%s", s)
	}
	if !strings.Contains(s, "ctrl+s save") || !strings.Contains(s, "esc cancel") {
		t.Errorf("save and cancel keys dropped at 40×10:\n%s", s)
	}
	keys(m, "h", "enter")
	typeText(m, "visible note")
	if s := screen(m); !strings.Contains(s, "visible note") || !strings.Contains(s, "↑") {
		t.Errorf("note not scrolled into sight, or no mark for the rows above:\n%s", s)
	}
}

// Focus and choices show without colour: a mark, brackets, letters.
func TestViewWithoutColour(t *testing.T) {
	m := newForm(t)
	keys(m, "n")
	s := screen(m)
	if !strings.Contains(focusedLine(t, m), "› Severity") {
		t.Errorf("focus line %q", focusedLine(t, m))
	}
	for _, k := range model.Kinds {
		opt := string(k.Key()) + " " + string(k)
		if k == model.Number {
			opt = "n [number]"
		}
		if !strings.Contains(s, opt) {
			t.Errorf("%q not shown:\n%s", opt, s)
		}
	}
	if strings.Count(s, "[") != 2 { // [number] and [medium]
		t.Errorf("want exactly the two choices bracketed:\n%s", s)
	}
	// The focused label is bold in the no-colour theme.
	if !strings.Contains(m.View(), "\x1b[1m› Severity") {
		t.Errorf("focused label not bold: %q", m.View())
	}
}

var sgr = regexp.MustCompile("\x1b\\[[0-9;:]*m")

// Article text is drawn as plain characters: escape sequences and control
// characters in a passage or its label never reach the terminal.
func TestPassageCannotDriveTheTerminal(t *testing.T) {
	hostile := Passage{ArticleID: "a9", Label: "evil\x1b]0;pwned\x07 outlet",
		Span: model.Span{Start: 0, End: 10},
		Text: "clear\x1b[2J screen \x1b]52;c;aGVsbG8=\x07 clipboard \u009b31m csi \x1bPtmux\x1b\\ and\r\nmore"}
	cp := hostile
	m := open(t, Params{Claim: hostile, Counterpart: &cp}, 80, 24)
	v := m.View()
	rest := sgr.ReplaceAllString(v, "")
	for _, bad := range []string{"\x1b", "\x07", "\u009b", "\r"} {
		if strings.Contains(rest, bad) {
			t.Errorf("view carries %q: %q", bad, v)
		}
	}
	if !strings.Contains(ansi.Strip(v), "clear") || !strings.Contains(ansi.Strip(v), "clipboard") {
		t.Errorf("passage text lost:\n%s", ansi.Strip(v))
	}
}

func TestThemeSwitch(t *testing.T) {
	c := component.NewCommon(theme.Mono())
	m := New(c, Params{Claim: claim})
	m.SetSize(80, 24)
	mono := m.View()
	c.Styles = theme.Dark()
	dark := m.View()
	if mono == dark || ansi.Strip(mono) != ansi.Strip(dark) {
		t.Error("a theme switch should change the colours and nothing else")
	}
	if !strings.Contains(dark, "\x1b[38;2;") {
		t.Error("dark theme drew no colour")
	}
}

// TestGolden compares the form at 80×24 with testdata/TestGolden/NAME.golden
// (as a 256-colour terminal receives it) and NAME/plain.golden (the text
// alone). Update them with: go test ./ui/tagform -run TestGolden -update
func TestGolden(t *testing.T) {
	cases := []struct {
		name  string
		drive func(m *Model)
	}{
		{"new", func(*Model) {}},
		{"number-high-note", func(m *Model) {
			keys(m, "n", "h", "enter")
			typeText(m, "Twelve hurt here, **fifteen** there.\n\nCheck the ministry's figure.")
		}},
		{"counterpart-omission", func(m *Model) { keys(m, "o", "enter") }},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			cp := other
			m := New(component.NewCommon(theme.Dark()), Params{Claim: claim, Counterpart: &cp})
			m.SetSize(80, 24)
			c.drive(m)
			frame := m.View()
			checkFits(t, frame, 80, 24)
			var styled bytes.Buffer
			w := &colorprofile.Writer{Forward: &styled, Profile: colorprofile.ANSI256}
			if _, err := w.WriteString(frame); err != nil {
				t.Fatal(err)
			}
			golden.RequireEqual(t, styled.Bytes())
			t.Run("plain", func(t *testing.T) { golden.RequireEqual(t, ansi.Strip(frame)) })
		})
	}
}

// FuzzView draws arbitrary passages, labels and notes at arbitrary sizes:
// the box always fits, and nothing but colour codes reaches the terminal.
func FuzzView(f *testing.F) {
	f.Add("The ministry said 12 people were hurt.", "wire-one.example", "note", 80, 24)
	f.Add("", "", "", 40, 10)
	f.Add("\x1b[2J\x1b]0;title\x07\u009b\r\n\t", "\x1b[31mred", "\x1b]52;c;eA==\x07", 20, 5)
	f.Add(strings.Repeat("漢字🇺🇳e\u0301 ", 200), strings.Repeat("ラベル", 30), strings.Repeat("x", 300), 160, 45)
	f.Add("a\xff\xfeb", "\xc3", "\xed\xa0\x80", 47, 11)
	f.Fuzz(func(t *testing.T, text, label, note string, w, h int) {
		w, h = min(max(w, 0), 300), min(max(h, 0), 100)
		// The text area draws every line of a note each frame; a long
		// note only slows the search down without reaching new code.
		note = note[:min(len(note), 600)]
		p := Passage{ArticleID: "a1", Label: label, Span: model.Span{Start: 0, End: len(text)}, Text: text}
		cp := p
		m := open(t, Params{Claim: p, Counterpart: &cp}, w, h)
		m.Update(tea.PasteMsg{Content: note})
		v := m.View()
		if w == 0 || h == 0 {
			return
		}
		checkFits(t, v, w, h)
		rest := sgr.ReplaceAllString(v, "")
		for _, r := range rest {
			if r == 0x1b || r == 0x07 || (r < 0x20 && r != '\n') || (r >= 0x80 && r < 0xa0) {
				t.Fatalf("control character %U in the view: %q", r, v)
			}
		}
	})
}

// The box takes the room it needs, not all it is given, and Offset
// centres it in that room.
func TestOffsetCentresTheBox(t *testing.T) {
	m := newForm(t)
	m.SetSize(160, 45)
	v := m.View()
	rows := strings.Split(v, "\n")
	if len(rows) >= 45 || len(rows) < 12 {
		t.Fatalf("box is %d rows in 45", len(rows))
	}
	x, y := m.Offset()
	if x != (160-MaxWidth)/2 || y != (45-len(rows))/2 {
		t.Errorf("offset %d,%d for a %dx%d box in 160x45", x, y, MaxWidth, len(rows))
	}
	m.SetSize(40, 10)
	m.View()
	if x, y := m.Offset(); x != 0 || y != 0 {
		t.Errorf("offset %d,%d for a box filling 40x10", x, y)
	}
}

// Without colour, the form draws attributes only, even in the note's
// cursor and prompt.
func TestMonoDrawsNoColour(t *testing.T) {
	colour := regexp.MustCompile(`\x1b\[[0-9;]*(3[0-9]|4[0-9]|9[0-7]|10[0-7])[;m]`)
	for name, m := range states(t, 80, 24) {
		if v := m.View(); colour.MatchString(v) {
			t.Errorf("%s: colour in the no-colour theme: %q", name, colour.FindString(v))
		}
	}
}
