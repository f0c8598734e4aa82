package preview

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/ansi"

	"github.com/parallax-reader/parallax/ui/theme"
)

// firstBodyRow is the text of the first row of the note on screen, without
// the border and the gutter.
func firstBodyRow(m *Model) string {
	r := []rune(rows(m)[1])
	return strings.TrimRight(string(r[1+gutterCols:len(r)-1]), " ")
}

func TestScrollKeys(t *testing.T) {
	m := newPreview(t, theme.Dark(), longNote(), "notes.md", 80, 24)
	rowsShown := m.BodyRows()
	if rowsShown != 21 {
		t.Fatalf("body rows = %d, want 21 at 24 rows high", rowsShown)
	}
	half, page, last := rowsShown/2, rowsShown-1, m.Lines()-rowsShown
	steps := []struct {
		keys []string
		want int
	}{
		{[]string{"j"}, 1},
		{[]string{"down", "down"}, 3},
		{[]string{"k"}, 2},
		{[]string{"up", "up", "up"}, 0}, // stops at the top
		{[]string{"ctrl+d"}, half},
		{[]string{"ctrl+u"}, 0},
		{[]string{"space"}, page},
		{[]string{"pgdown"}, 2 * page},
		{[]string{"b"}, page},
		{[]string{"pgup"}, 0},
		{[]string{"G"}, last},
		{[]string{"j"}, last}, // stops at the bottom
		{[]string{"g"}, 0},
		{[]string{"end"}, last},
		{[]string{"home"}, 0},
	}
	for _, s := range steps {
		typeKeys(m, s.keys...)
		if m.Top() != s.want {
			t.Fatalf("after %v top = %d, want %d", s.keys, m.Top(), s.want)
		}
		if got, want := firstBodyRow(m), strings.TrimRight(m.LineText(m.Top()), " "); got != want {
			t.Fatalf("after %v the first row shows %q, want line %d %q", s.keys, got, m.Top(), want)
		}
	}

	wheel := func(b tea.MouseButton) tea.Msg { return tea.MouseWheelMsg{X: 10, Y: 5, Button: b} }
	run(m, wheel(tea.MouseWheelDown), wheel(tea.MouseWheelDown))
	if m.Top() != 2*wheelLines {
		t.Fatalf("two wheel steps down: top = %d, want %d", m.Top(), 2*wheelLines)
	}
	run(m, wheel(tea.MouseWheelUp))
	if m.Top() != wheelLines {
		t.Fatalf("a wheel step up: top = %d, want %d", m.Top(), wheelLines)
	}

	// The bottom border tells where the view is.
	typeKeys(m, "G")
	r := rows(m)
	if bottom := r[len(r)-2]; !strings.Contains(bottom, "100%") {
		t.Errorf("bottom border at the end lacks 100%%: %q", bottom)
	}
}

func TestCloseKeys(t *testing.T) {
	closed := func(out []tea.Msg) bool {
		for _, msg := range out {
			if _, ok := msg.(ClosedMsg); ok {
				return true
			}
		}
		return false
	}
	for _, k := range []string{"esc", "q", "m"} {
		m := newPreview(t, theme.Dark(), fixedNote(t), "notes.md", 80, 24)
		if !closed(typeKeys(m, k)) {
			t.Errorf("%s did not close the preview", k)
		}
	}

	// esc first closes an open prompt; q and m are typed into it.
	m := newPreview(t, theme.Dark(), fixedNote(t), "notes.md", 80, 24)
	if closed(typeKeys(m, "/", "q", "m")) {
		t.Fatal("q or m in the search prompt closed the preview")
	}
	if got := statusRow(m); !strings.Contains(got, "/qm") {
		t.Fatalf("search prompt should hold the typed qm: %q", got)
	}
	if closed(typeKeys(m, "esc")) {
		t.Fatal("esc in the search prompt closed the preview instead of the prompt")
	}
	if strings.Contains(statusRow(m), "/qm") {
		t.Fatalf("esc left the search prompt open: %q", statusRow(m))
	}

	if closed(typeKeys(m, "w", "q", "m", "esc")) {
		t.Fatal("keys in the path input closed the preview")
	}
	if strings.Contains(statusRow(m), "write to:") {
		t.Fatalf("esc left the path input open: %q", statusRow(m))
	}
	if !closed(typeKeys(m, "esc")) {
		t.Fatal("esc with no prompt open did not close the preview")
	}
}

func TestResizeAndBack(t *testing.T) {
	m := newPreview(t, theme.Dark(), fixedNote(t), "a/rather/long/folder/name/for/the/notes.md", 80, 24)
	wide := m.Lines()
	typeKeys(m, "/")
	typeText(m, "bridge")
	typeKeys(m, "enter", "n", "n")
	want := m.SearchInfo()
	for _, size := range [][2]int{{80, 24}, {40, 10}, {80, 24}, {MinWidth, MinHeight}, {120, 40}} {
		m.SetSize(size[0], size[1])
		checkFrame(t, m.View(), size[0], size[1])
		for i := range m.Lines() {
			if w := ansi.StringWidth(m.lines[i]); w > m.textWidth() {
				t.Fatalf("%dx%d: rendered line %d is %d columns, more than the text width %d", size[0], size[1], i, w, m.textWidth())
			}
		}
		// The same occurrence stays current at every width.
		if got := m.SearchInfo(); got.Current != want.Current {
			t.Errorf("%dx%d: current match %d, want %d", size[0], size[1], got.Current, want.Current)
		}
		cur := m.search.matches[m.search.current]
		if cur.line < m.Top() || cur.line >= m.Top()+m.BodyRows() {
			t.Errorf("%dx%d: the current match (line %d) is off screen (top %d)", size[0], size[1], cur.line, m.Top())
		}
	}
	m.SetSize(40, 10)
	if m.Lines() <= wide {
		t.Errorf("at 40 columns the note has %d lines, not more than the %d at 80", m.Lines(), wide)
	}
	m.SetSize(80, 24)
	if m.Lines() != wide {
		t.Errorf("back at 80 columns the note has %d lines, want %d", m.Lines(), wide)
	}

	// Too small for any text: a message, still exactly the size.
	for _, size := range [][2]int{{MinWidth - 1, 24}, {80, MinHeight - 1}, {1, 1}} {
		m.SetSize(size[0], size[1])
		checkFrame(t, m.View(), size[0], size[1])
	}
	m.SetSize(0, 0)
	if v := m.View(); v != "" {
		t.Errorf("0x0 view = %q, want empty", v)
	}
}

// Glamour runs once per width: a height change, scrolling and frames reuse
// the rendered lines.
func TestRendersOncePerWidth(t *testing.T) {
	m := newPreview(t, theme.Dark(), longNote(), "notes.md", 80, 24)
	first := &m.lines[0]
	m.SetSize(80, 30)
	typeKeys(m, "j", "G", "g")
	m.View()
	m.View()
	if &m.lines[0] != first {
		t.Fatal("the note was rendered again without a width or theme change")
	}
	m.SetSize(81, 30)
	if &m.lines[0] == first {
		t.Fatal("a width change did not render the note again")
	}
}

// styledView is the view as a terminal with the profile receives it.
func styledView(t *testing.T, m *Model, p colorprofile.Profile) string {
	t.Helper()
	var buf bytes.Buffer
	w := &colorprofile.Writer{Forward: &buf, Profile: p}
	if _, err := w.WriteString(m.View()); err != nil {
		t.Fatal(err)
	}
	return buf.String()
}

func TestThemes(t *testing.T) {
	md := fixedNote(t)
	dark := newPreview(t, theme.Dark(), md, "notes.md", 80, 60)
	light := newPreview(t, theme.Light(), md, "notes.md", 80, 60)
	mono := newPreview(t, theme.Mono(), md, "notes.md", 80, 60)

	if dark.View() == light.View() {
		t.Fatal("dark and light previews are drawn the same")
	}
	if screen(dark) != screen(light) {
		t.Errorf("dark and light differ in text, not only in colour:\n%s\n---\n%s", screen(dark), screen(light))
	}
	// Glamour's colour styles show emphasis by style, not by Markdown marks.
	for _, m := range []*Model{dark, light} {
		if s := screen(m); strings.Contains(s, "**coast-gazette.txt**") || strings.Contains(s, "~~9 to 4~~") {
			t.Errorf("%s preview shows raw Markdown marks:\n%s", m.c.Styles.Name, s)
		}
		if v := m.View(); !strings.Contains(v, "\x1b[38;") {
			t.Errorf("%s preview has no colour", m.c.Styles.Name)
		}
	}

	// Without colour: no colour at all, and the marks carry the meaning.
	if v := mono.View(); v != styledView(t, mono, colorprofile.ASCII) {
		t.Error("mono preview has colour in it")
	}
	s := screen(mono)
	for _, want := range []string{"# Harbour bridge vote", "**coast-gazette.txt**", "~~9 to 4~~ **7 to 6**", "| The council voted"} {
		if !strings.Contains(s, want) {
			t.Errorf("mono preview lacks %q:\n%s", want, s)
		}
	}
	// The front matter is for tools: none of it is shown.
	for _, m := range []*Model{dark, light, mono} {
		if strings.Contains(screen(m), "sha256") {
			t.Errorf("%s preview shows the front matter", m.c.Styles.Name)
		}
	}
}

// A theme switch by the root shows in the next frame.
func TestThemeSwitch(t *testing.T) {
	m := newPreview(t, theme.Dark(), fixedNote(t), "notes.md", 80, 24)
	dark := m.View()
	m.c.Styles = theme.Light()
	light := m.View()
	if dark == light {
		t.Fatal("switching to the light theme did not change the preview")
	}
	ref := newPreview(t, theme.Light(), fixedNote(t), "notes.md", 80, 24)
	if light != ref.View() {
		t.Error("after a switch the preview differs from one opened in the light theme")
	}
}

func TestSetMarkdown(t *testing.T) {
	m := newPreview(t, theme.Dark(), fixedNote(t), "notes.md", 80, 24)
	typeKeys(m, "/")
	typeText(m, "needle")
	typeKeys(m, "enter")
	if m.SearchInfo().Total != 0 {
		t.Fatal("the fixed note has no needle")
	}
	m.SetMarkdown(longNote())
	if got := m.SearchInfo(); got.Total != 3 {
		t.Errorf("after SetMarkdown the search finds %d needles, want 3", got.Total)
	}
	if !bytes.Equal(m.Markdown(), longNote()) {
		t.Error("Markdown() is not the new note")
	}
	if !strings.Contains(screen(m), "A long note") {
		t.Errorf("the new note is not shown:\n%s", screen(m))
	}
}

func TestHelpFollowsState(t *testing.T) {
	m := newPreview(t, theme.Dark(), fixedNote(t), "notes.md", 80, 24)
	helpKeys := func() []string {
		var out []string
		for _, g := range m.FullHelp() {
			for _, b := range g {
				if b.Enabled() {
					out = append(out, b.Help().Key)
				}
			}
		}
		return out
	}
	check := func(when string, want, notWant []string) {
		t.Helper()
		got := helpKeys()
		for _, k := range want {
			if !slices.Contains(got, k) {
				t.Errorf("%s: help %v lacks %s", when, got, k)
			}
		}
		for _, k := range notWant {
			if slices.Contains(got, k) {
				t.Errorf("%s: help %v lists %s, which does nothing now", when, got, k)
			}
		}
	}
	check("before a search", []string{"j/↓", "G/end", "/", "w", "esc/q/m"}, []string{"n", "N"})
	typeKeys(m, "/")
	check("in the search prompt", []string{"enter", "esc"}, []string{"w", "j/↓", "esc/q/m"})
	typeText(m, "bridge")
	typeKeys(m, "enter")
	check("after a search", []string{"n", "N", "w"}, nil)
	typeKeys(m, "w")
	check("in the path input", []string{"enter", "esc"}, []string{"n", "/", "esc/q/m"})
}

// Whatever bytes the note holds, only styles and hyperlinks reach the
// terminal.
func TestHostileNote(t *testing.T) {
	md := []byte("# Ti\x1b]0;evil title\x07tle\n\nclear \x1b[2J here \x9b31m c1, cr\r, del\x7f, bell\x07, bad \xff byte\r\n\n" +
		"[link](http://example.com/\x1b]0;t\x07) and `code \x1b[5m`\n\n```\nblock \x1bc reset\n```\n")
	for _, st := range []*theme.Styles{theme.Dark(), theme.Light(), theme.Mono()} {
		m := newPreview(t, st, md, "notes.md", 80, 24)
		v := m.View()
		checkFrame(t, v, 80, 24)
		checkSafe(t, v)
		if !strings.Contains(screen(m), "Ti\uFFFD") {
			t.Errorf("%s: the escape character is not shown as U+FFFD:\n%s", st.Name, screen(m))
		}
	}
	// The file written is still the bytes given.
	path := filepath.Join(t.TempDir(), "n.md")
	m := newPreview(t, theme.Dark(), md, path, 80, 24)
	typeKeys(m, "w", "enter")
	if got, _ := os.ReadFile(path); !bytes.Equal(got, md) {
		t.Error("the file written is not the note as given")
	}
}
