package ui

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/parallax-reader/parallax/ui/keys"
	"github.com/parallax-reader/parallax/ui/panel"
)

// panelRows is the open panel's rows, as text, in order.
func panelRows(m *Model) []string {
	p := m.openedPanel()
	if p == nil {
		return nil
	}
	var out []string
	for _, s := range p.Sections() {
		for _, it := range s.Items {
			var cells []string
			for _, c := range it.Cells {
				cells = append(cells, c.Text)
			}
			out = append(out, strings.Join(cells, " "))
		}
	}
	return out
}

// selectedRow is the selected row of the open panel, as text.
func selectedRow(m *Model) string {
	it, ok := m.openedPanel().Selected()
	if !ok {
		return ""
	}
	var cells []string
	for _, c := range it.Cells {
		cells = append(cells, c.Text)
	}
	return strings.Join(cells, " ")
}

func TestEntitiesPanel(t *testing.T) {
	m, _ := analysed(t, 160, 40)
	typeKeys(m, "i")
	if m.State() != keys.PanelOpen || m.side.open != panelEntities {
		t.Fatalf("i: state %v, panel %q", m.State(), m.side.open)
	}
	// Beside the panes at 160 columns.
	if _, n := m.Shown(); n < 1 || m.paneArea() >= 160 {
		t.Fatalf("panes hidden beside a panel at 160 columns (%d shown, %d columns)", n, m.paneArea())
	}
	rows := panelRows(m)
	want := []string{
		"PERSON Ryan C. Crocker 3 1", "GPE Baghdad 1 1", // in both, most mentioned first
		"GPE Tehran — 1", "GPE Washington 1 —", // missing from one
		"DATE Monday 1 —", "TIME four hours 1 —", // dates and numbers
	}
	if strings.Join(rows, "|") != strings.Join(want, "|") {
		t.Fatalf("rows:\n%s\nwant:\n%s", strings.Join(rows, "\n"), strings.Join(want, "\n"))
	}
	s := screen(m)
	for _, w := range []string{"Entities · 6", "In all 2 articles · 2", "Missing from some articles · 2", "Dates and numbers · 2", "TYPE", "NAME"} {
		if !strings.Contains(s, w) {
			t.Errorf("panel lacks %q:\n%s", w, s)
		}
	}
	checkFrame(t, m.Render(), 160, 40)

	// Keys the panel takes: moving, and q closes the panel, not the reader.
	typeKeys(m, "j", "j")
	if selectedRow(m) != "GPE Tehran — 1" {
		t.Fatalf("j j selected %q", selectedRow(m))
	}
	typeKeys(m, "G")
	if selectedRow(m) != "TIME four hours 1 —" {
		t.Fatalf("G selected %q", selectedRow(m))
	}
	typeKeys(m, "g")
	if typeKeys(m, "q") {
		t.Fatal("q in a panel quit the reader")
	}
	if m.State() != keys.Reading || m.openedPanel() != nil {
		t.Fatal("q did not close the panel")
	}
	// It opens again where it was; i and esc close it too.
	typeKeys(m, "i")
	if selectedRow(m) != "PERSON Ryan C. Crocker 3 1" {
		t.Fatalf("reopened on %q", selectedRow(m))
	}
	typeKeys(m, "i")
	if m.openedPanel() != nil {
		t.Fatal("i did not close the panel")
	}
	typeKeys(m, "i", "esc")
	if m.openedPanel() != nil {
		t.Fatal("esc did not close the panel")
	}
	if _, n := m.Shown(); n != 2 {
		t.Fatalf("%d panes after closing the panel", n)
	}
}

// enter on an entity marks its first mention in every pane that has one and
// focuses the focused article's; enter again cycles through every mention,
// pane after pane.
func TestEntitiesPanelEnterCycles(t *testing.T) {
	m, _ := analysed(t, 160, 40)
	typeKeys(m, "i", "enter")
	if m.Focus() != 0 || marked(m, 0) != "Ryan Crocker" || marked(m, 1) != "Ryan Crocker" {
		t.Fatalf("first enter: focus %d, marks %q %q", m.Focus(), marked(m, 0), marked(m, 1))
	}
	if m.State() != keys.PanelOpen {
		t.Fatal("a jump beside the panes closed the panel")
	}
	if st := statusLine(m); !strings.Contains(st, "mention 1/4") || !strings.Contains(st, "PERSON Ryan C. Crocker") {
		t.Fatalf("status after enter: %q", st)
	}
	steps := []struct {
		focus int
		mark  string
		nth   int
	}{{0, "Crocker", 0}, {0, "Crocker", 1}, {1, "Ryan Crocker", 0}, {0, "Ryan Crocker", 0}}
	for i, s := range steps {
		typeKeys(m, "enter")
		p := m.Panes()[s.focus]
		got, _ := p.MarkSpan()
		want := textSpan(m, s.focus, s.mark, s.nth)
		if s.mark == "Crocker" {
			want = textSpan(m, 0, "Crocker", s.nth+1) // after "Ryan Crocker"
		}
		if m.Focus() != s.focus || got != want || !p.Shows(got) {
			t.Fatalf("enter #%d: focus %d mark %v, want pane %d %v", i+2, m.Focus(), got, s.focus, want)
		}
	}
	// An entity only the second article names: focus goes there.
	typeKeys(m, "j", "j", "enter")
	if m.Focus() != 1 || marked(m, 1) != "Tehran" {
		t.Fatalf("Tehran: focus %d mark %q", m.Focus(), marked(m, 1))
	}
	if st := statusLine(m); !strings.Contains(st, "not in 1 one.example") {
		t.Fatalf("absent article not named: %q", st)
	}
}

// Below 100 columns the panel takes the whole screen; a jump closes it so
// the reader sees where it landed, and it opens again where it was.
func TestPanelNarrow(t *testing.T) {
	m, _ := analysed(t, 80, 24)
	typeKeys(m, "i")
	if _, n := m.Shown(); n != 0 {
		t.Fatalf("%d panes beside the panel at 80 columns", n)
	}
	checkFrame(t, m.Render(), 80, 24)
	if s := screen(m); !strings.Contains(s, "Ryan C. Crocker") || strings.Contains(s, "one.example ━") {
		t.Fatalf("narrow panel:\n%s", s)
	}
	typeKeys(m, "j", "j", "enter")
	if m.openedPanel() != nil || m.State() != keys.Reading {
		t.Fatal("a jump with the panes hidden left the panel open")
	}
	if m.Focus() != 1 || marked(m, 1) != "Tehran" || !strings.Contains(screen(m), "Tehran") {
		t.Fatalf("jump at 80 columns: focus %d mark %q", m.Focus(), marked(m, 1))
	}
	typeKeys(m, "i")
	if selectedRow(m) != "GPE Tehran — 1" {
		t.Fatalf("reopened on %q", selectedRow(m))
	}
	// Never garbled, down to 40×10 and below; resizing with the panel open.
	for _, sz := range [][2]int{{40, 10}, {30, 8}, {14, 6}, {120, 30}, {99, 20}, {100, 20}, {160, 45}} {
		resize(m, sz[0], sz[1])
		checkFrame(t, m.Render(), sz[0], sz[1])
		typeKeys(m, "j", "/")
		typeText(m, "a")
		checkFrame(t, m.Render(), sz[0], sz[1])
		typeKeys(m, "esc", "esc")
	}
}

func TestPanelFilter(t *testing.T) {
	m, _ := analysed(t, 160, 40)
	typeKeys(m, "i", "/")
	typeText(m, "wash")
	if strings.Join(panelRows(m), "") == "" || selectedRow(m) != "GPE Washington 1 —" {
		t.Fatalf("filter 'wash' selected %q", selectedRow(m))
	}
	if n, _ := m.openedPanel().Count(); n != 1 || !strings.Contains(screen(m), "Entities · 1 of 6") {
		t.Fatalf("filtered panel:\n%s", screen(m))
	}
	// q and i are text in the filter.
	typeText(m, "qi")
	if m.openedPanel() == nil || m.openedPanel().Filter() != "washqi" {
		t.Fatal("q or i in the filter closed the panel")
	}
	typeKeys(m, "backspace", "backspace", "enter")
	if m.Focus() != 0 || marked(m, 0) != "Washington" {
		t.Fatalf("enter in the filter: focus %d mark %q", m.Focus(), marked(m, 0))
	}
	// esc clears the filter first, then closes.
	typeKeys(m, "esc")
	if m.openedPanel() == nil || m.openedPanel().Filter() != "" {
		t.Fatal("esc with a filter did not just clear it")
	}
	typeKeys(m, "esc")
	if m.openedPanel() != nil {
		t.Fatal("second esc did not close")
	}
	// A mention form finds its entity: "Ryan Crocker" is a form of Ryan C. Crocker.
	typeKeys(m, "i", "/")
	typeText(m, "ryan crocker")
	if selectedRow(m) != "PERSON Ryan C. Crocker 3 1" {
		t.Fatalf("filter by a written form selected %q", selectedRow(m))
	}
}

func TestQuotesPanel(t *testing.T) {
	m, _ := analysed(t, 160, 40)
	typeKeys(m, "o")
	if m.side.open != panelQuotes {
		t.Fatalf("o opened %q", m.side.open)
	}
	rows := panelRows(m)
	want := []string{
		`1 “We laid out our concerns,”`, `2 “It was businesslike,”`, // Crocker, by article
		`1 “It was a very businesslike meeting,”`, // unattributed
		`1 “useful”`, // short, last
	}
	if strings.Join(rows, "|") != strings.Join(want, "|") {
		t.Fatalf("rows:\n%s\nwant:\n%s", strings.Join(rows, "\n"), strings.Join(want, "\n"))
	}
	s := screen(m)
	for _, w := range []string{"Quotations · 4", "Ryan C. Crocker · 2", "Speaker unknown · 1", "Short quotations, not attributed · 1"} {
		if !strings.Contains(s, w) {
			t.Errorf("panel lacks %q:\n%s", w, s)
		}
	}
	if strings.Index(s, "Speaker unknown") > strings.Index(s, "Short quotations") {
		t.Error("short quotations are not last")
	}
	// enter focuses the quotation's pane and marks it there.
	typeKeys(m, "j", "enter")
	if m.Focus() != 1 || marked(m, 1) != `"It was businesslike,"` {
		t.Fatalf("enter: focus %d mark %q", m.Focus(), marked(m, 1))
	}
	if st := statusLine(m); !strings.Contains(st, "“It was businesslike,” — Ryan C. Crocker") {
		t.Fatalf("status: %q", st)
	}
	// Filtering by the speaker's name keeps their quotations.
	typeKeys(m, "/")
	typeText(m, "crocker")
	if n, _ := m.openedPanel().Count(); n != 2 {
		t.Fatalf("filter by speaker kept %d", n)
	}
	typeKeys(m, "esc")
	// i while the quotations are open swaps the panels.
	typeKeys(m, "i")
	if m.side.open != panelEntities || m.State() != keys.PanelOpen {
		t.Fatalf("i from the quotations panel: %q", m.side.open)
	}
	typeKeys(m, "o")
	if m.side.open != panelQuotes {
		t.Fatalf("o from the entities panel: %q", m.side.open)
	}
}

// ? beside a panel lists the panel's keys, and closing help goes back to
// the panel.
func TestPanelHelp(t *testing.T) {
	m, _ := analysed(t, 160, 45)
	typeKeys(m, "i", "?")
	if m.State() != keys.HelpOpen {
		t.Fatal("? in the panel did not open help")
	}
	rows := strings.Split(screen(m), "\n")
	s := strings.Join(strings.Fields(strings.Join(rows[:len(rows)-1], "\n")), " ")
	for _, w := range []string{"enter go to it", "/ filter", "i/esc/q close panel", "j/↓ next", "tab next article"} {
		if !strings.Contains(s, w) {
			t.Errorf("panel help lacks %q:\n%s", w, screen(m))
		}
	}
	for _, w := range []string{"next sentence", "line down", "q quit"} {
		if strings.Contains(s, w) {
			t.Errorf("panel help lists %q, which does not work beside the panel", w)
		}
	}
	typeKeys(m, "?")
	if m.State() != keys.PanelOpen || m.openedPanel() == nil {
		t.Fatalf("closing help: state %v", m.State())
	}
	// tab moves the focus between panes while the panel keeps the keys.
	typeKeys(m, "tab")
	if m.Focus() != 1 || m.State() != keys.PanelOpen {
		t.Fatal("tab beside the panel")
	}
}

func TestPanelMouse(t *testing.T) {
	m, _ := analysed(t, 160, 40)
	typeKeys(m, "i")
	x := m.paneArea() + 5
	// Row 0 border, 1 heading, 2 section, 3 Crocker, 4 Baghdad.
	run(m, tea.MouseClickMsg{X: x, Y: 4, Button: tea.MouseLeft})
	if selectedRow(m) != "GPE Baghdad 1 1" {
		t.Fatalf("click selected %q", selectedRow(m))
	}
	run(m, tea.MouseClickMsg{X: x, Y: 4, Button: tea.MouseLeft})
	if marked(m, 0) != "Baghdad" {
		t.Fatal("a second click did not jump")
	}
	run(m, tea.MouseWheelMsg{X: x, Y: 10, Button: tea.MouseWheelDown})
	if selectedRow(m) == "GPE Baghdad 1 1" {
		t.Fatal("the wheel did not move the selection")
	}
	// The wheel over a pane scrolls it; a click in a pane focuses it; the
	// panel stays.
	run(m, tea.MouseWheelMsg{X: m.paneX(0) + 4, Y: 10, Button: tea.MouseWheelDown})
	if m.Panes()[0].Top() == 0 {
		t.Fatal("the wheel over a pane beside the panel did not scroll it")
	}
	run(m, tea.MouseClickMsg{X: m.paneX(1) + 4, Y: 5, Button: tea.MouseLeft})
	if m.Focus() != 1 || m.openedPanel() == nil {
		t.Fatalf("click in a pane: focus %d", m.Focus())
	}
}

// What the panels send is handled even when nothing is open; unknown
// panels are ignored.
func TestPanelMessagesAreSafe(t *testing.T) {
	m, _ := analysed(t, 100, 30)
	run(m, panel.JumpMsg{Panel: "nowhere"}, panel.CloseMsg{Panel: panelEntities},
		panel.JumpMsg{Panel: panelEntities, Item: panel.Item{Value: "not a group"}},
		panel.JumpMsg{Panel: panelQuotes})
	if m.State() != keys.Reading {
		t.Fatal("stray panel messages changed the state")
	}
	checkFrame(t, m.Render(), 100, 30)
	if ansi.StringWidth(statusLine(m)) != 100 {
		t.Fatal("status line width")
	}
}
