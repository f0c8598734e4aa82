package panel

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/parallax-reader/parallax/ui/component"
	"github.com/parallax-reader/parallax/ui/theme"
)

func press(s string) tea.KeyPressMsg {
	named := map[string]tea.KeyPressMsg{
		"ctrl+d":    {Code: 'd', Mod: tea.ModCtrl},
		"ctrl+u":    {Code: 'u', Mod: tea.ModCtrl},
		"down":      {Code: tea.KeyDown},
		"up":        {Code: tea.KeyUp},
		"enter":     {Code: tea.KeyEnter},
		"esc":       {Code: tea.KeyEscape},
		"backspace": {Code: tea.KeyBackspace},
		"home":      {Code: tea.KeyHome},
		"end":       {Code: tea.KeyEnd},
		"pgdown":    {Code: tea.KeyPgDown},
	}
	if k, ok := named[s]; ok {
		return k
	}
	r := []rune(s)[0]
	return tea.KeyPressMsg{Code: r, Text: s}
}

// send presses keys and returns the messages their commands produce.
func send(m *Model, keys ...string) []tea.Msg {
	var out []tea.Msg
	for _, k := range keys {
		if cmd := m.Update(press(k)); cmd != nil {
			if msg := cmd(); msg != nil {
				out = append(out, msg)
			}
		}
	}
	return out
}

func typeText(m *Model, s string) {
	for _, r := range s {
		m.Update(tea.KeyPressMsg{Code: r, Text: string(r)})
	}
}

var toggle = key.NewBinding(key.WithKeys("i"), key.WithHelp("i", "entities panel"))

// people is two sections: three ministers and two places.
func people() []Section {
	item := func(typ, name string, counts ...string) Item {
		cells := []Cell{{Text: typ, Class: theme.Person}, {Text: name}}
		for _, c := range counts {
			cells = append(cells, Cell{Text: c, Absent: c == "—"})
		}
		return Item{Cells: cells, Value: name}
	}
	return []Section{
		{Title: "In every article", Items: []Item{
			item("PERSON", "Ryan C. Crocker", "9", "8"),
			item("PERSON", "Nouri al-Mālikī", "1", "3"),
			item("PERSON", "Hassan Kazemi-Qomi", "4", "2"),
		}},
		{Title: "Not in every article", Items: []Item{
			item("GPE", "Tehran", "—", "3"),
			item("GPE", "Québec", "2", "—"),
		}},
	}
}

func newPanel(t testing.TB, secs []Section, w, h int) *Model {
	t.Helper()
	m := New(component.NewCommon(theme.Mono()), Options{
		ID: "entities", Title: "Entities", Toggle: toggle, Empty: "no entities found",
		Columns: []Column{{Title: "TYPE"}, {Title: "NAME", Flex: true}, {Title: "1", Right: true}, {Title: "2", Right: true}},
	})
	m.SetSections(secs)
	m.SetSize(w, h)
	return m
}

func selected(m *Model) string {
	it, ok := m.Selected()
	if !ok {
		return ""
	}
	return it.Value.(string)
}

func checkFrame(t *testing.T, view string, w, h int) {
	t.Helper()
	if w <= 0 || h <= 0 {
		if view != "" {
			t.Fatalf("%dx%d view not empty", w, h)
		}
		return
	}
	rows := strings.Split(view, "\n")
	if len(rows) != h {
		t.Fatalf("%d rows, want %d:\n%s", len(rows), h, ansi.Strip(view))
	}
	for i, r := range rows {
		if got := ansi.StringWidth(r); got != w {
			t.Fatalf("row %d is %d columns, want %d: %q", i, got, w, ansi.Strip(r))
		}
	}
}

func TestViewExactSize(t *testing.T) {
	long := people()
	long[0].Items[0].Cells[1].Text = strings.Repeat("Very Long Name ", 20)
	for _, secs := range [][]Section{people(), long, nil} {
		for _, sz := range [][2]int{{60, 20}, {40, 10}, {80, 24}, {13, 4}, {12, 3}, {11, 3}, {20, 2}, {3, 1}, {0, 0}} {
			m := newPanel(t, secs, sz[0], sz[1])
			checkFrame(t, m.View(), sz[0], sz[1])
			send(m, "/")
			typeText(m, "e")
			checkFrame(t, m.View(), sz[0], sz[1])
			send(m, "enter")
			checkFrame(t, m.View(), sz[0], sz[1])
		}
	}
}

func TestRowsAndColumns(t *testing.T) {
	m := newPanel(t, people(), 50, 12)
	v := ansi.Strip(m.View())
	rows := strings.Split(v, "\n")
	if !strings.Contains(rows[0], "Entities · 5") {
		t.Errorf("title row %q", rows[0])
	}
	if !strings.Contains(rows[1], "TYPE") || !strings.Contains(rows[1], "NAME") {
		t.Errorf("heading row %q", rows[1])
	}
	if !strings.Contains(rows[2], "In every article") {
		t.Errorf("first section header %q", rows[2])
	}
	// The selection is marked in the first column; counts are right-aligned
	// under their headings.
	if !strings.HasPrefix(rows[3], "┃▌ PERSON") {
		t.Errorf("selected row %q", rows[3])
	}
	head, crocker, tehran := rows[1], rows[3], rows[7]
	col := func(s, sub string) int { return ansi.StringWidth(s[:strings.LastIndex(s, sub)]) }
	if col(head, "2") != col(crocker, "8") || col(head, "1") != col(crocker, "9") {
		t.Errorf("count not under its heading:\n%s\n%s", head, crocker)
	}
	if !strings.Contains(tehran, "—") {
		t.Errorf("absent mark missing: %q", tehran)
	}
	// The bottom border shows the position and the keys.
	if last := rows[len(rows)-1]; !strings.Contains(last, "1/5") || !strings.Contains(last, "enter") {
		t.Errorf("bottom border %q", last)
	}
}

func TestMoveSkipsHeadersAndStops(t *testing.T) {
	m := newPanel(t, people(), 50, 8) // list of 4 rows: it scrolls
	want := []struct{ key, sel string }{
		{"j", "Nouri al-Mālikī"}, {"j", "Hassan Kazemi-Qomi"}, {"j", "Tehran"}, {"down", "Québec"},
		{"j", "Québec"}, // stops at the end
		{"k", "Tehran"}, {"up", "Hassan Kazemi-Qomi"},
		{"g", "Ryan C. Crocker"}, {"k", "Ryan C. Crocker"},
		{"G", "Québec"}, {"home", "Ryan C. Crocker"}, {"end", "Québec"},
		{"ctrl+u", "Hassan Kazemi-Qomi"}, {"ctrl+d", "Québec"},
	}
	for i, w := range want {
		send(m, w.key)
		if got := selected(m); got != w.sel {
			t.Fatalf("step %d %q: selected %q, want %q", i, w.key, got, w.sel)
		}
		if !strings.Contains(ansi.Strip(m.View()), w.sel) {
			t.Fatalf("step %d: selection %q scrolled out of view:\n%s", i, w.sel, ansi.Strip(m.View()))
		}
	}
	// The first item of a section brings its header into view with it.
	send(m, "g", "G", "k")
	if v := ansi.Strip(m.View()); !strings.Contains(v, "Not in every article") {
		t.Errorf("header of the selected section not shown:\n%s", v)
	}
}

func TestFilter(t *testing.T) {
	m := newPanel(t, people(), 50, 14)
	send(m, "/")
	if !m.Filtering() {
		t.Fatal("/ did not start the filter")
	}
	typeText(m, "maliki")
	if shown, total := m.Count(); shown != 1 || total != 5 {
		t.Fatalf("'maliki' shows %d of %d; accents should not matter", shown, total)
	}
	v := ansi.Strip(m.View())
	if strings.Contains(v, "Not in every article") || !strings.Contains(v, "Entities · 1 of 5") || !strings.Contains(v, "/maliki") {
		t.Fatalf("filtered view:\n%s", v)
	}
	// q and i are text while typing.
	if msgs := send(m, "q"); len(msgs) != 0 || m.Filter() != "malikiq" {
		t.Fatalf("q while filtering: %v, filter %q", msgs, m.Filter())
	}
	if !strings.Contains(ansi.Strip(m.View()), "nothing matches") {
		t.Error("no message when nothing matches")
	}
	send(m, "esc")
	// Every word must match, in any order.
	send(m, "/")
	typeText(m, "e c")
	if shown, _ := m.Count(); shown != 2 { // Crocker, Québec
		t.Fatalf("'e c' shows %d", shown)
	}
	// ↓ moves while typing; enter jumps to the selection and ends typing.
	send(m, "down")
	msgs := send(m, "enter")
	if len(msgs) != 1 {
		t.Fatalf("enter in the filter sent %v", msgs)
	}
	if j, ok := msgs[0].(JumpMsg); !ok || j.Panel != "entities" || j.Item.Value != "Québec" {
		t.Fatalf("enter sent %#v", msgs[0])
	}
	if m.Filtering() || m.Filter() != "e c" {
		t.Fatalf("after enter: filtering %v, filter %q", m.Filtering(), m.Filter())
	}
	// esc clears the filter before it closes the panel, keeping the selection.
	if msgs := send(m, "esc"); len(msgs) != 0 {
		t.Fatalf("esc with a filter sent %v", msgs)
	}
	if m.Filter() != "" || selected(m) != "Québec" {
		t.Fatalf("esc: filter %q, selected %q", m.Filter(), selected(m))
	}
	if shown, _ := m.Count(); shown != 5 {
		t.Fatal("esc did not restore every item")
	}
	// esc while typing clears too; backspace on an empty filter leaves it.
	send(m, "/")
	typeText(m, "teh")
	send(m, "esc")
	if m.Filtering() || m.Filter() != "" {
		t.Fatal("esc while typing")
	}
	send(m, "/", "backspace")
	if m.Filtering() {
		t.Fatal("backspace on an empty filter did not leave it")
	}
}

func TestJumpAndClose(t *testing.T) {
	m := newPanel(t, people(), 50, 14)
	send(m, "j", "j")
	msgs := send(m, "enter")
	if len(msgs) != 1 || msgs[0].(JumpMsg).Item.Value != "Hassan Kazemi-Qomi" {
		t.Fatalf("enter: %v", msgs)
	}
	for _, k := range []string{"i", "esc", "q"} {
		msgs := send(m, k)
		if len(msgs) != 1 {
			t.Fatalf("%s: %v", k, msgs)
		}
		if c, ok := msgs[0].(CloseMsg); !ok || c.Panel != "entities" {
			t.Fatalf("%s sent %#v", k, msgs[0])
		}
	}
	// An empty panel says so, and enter does nothing.
	e := newPanel(t, nil, 50, 10)
	if !strings.Contains(ansi.Strip(e.View()), "no entities found") {
		t.Errorf("empty panel:\n%s", ansi.Strip(e.View()))
	}
	if msgs := send(e, "enter", "j"); len(msgs) != 0 {
		t.Errorf("keys in an empty panel sent %v", msgs)
	}
}

func TestSelectionSurvivesNewRows(t *testing.T) {
	m := newPanel(t, people(), 50, 14)
	send(m, "G")
	m.SetSections(people())
	if selected(m) != "Québec" {
		t.Fatalf("selection after SetSections: %q", selected(m))
	}
	if !m.SelectValue("Tehran") || selected(m) != "Tehran" {
		t.Fatal("SelectValue")
	}
	if m.SelectValue("Nowhere") {
		t.Fatal("SelectValue of a missing value")
	}
	// Values that cannot be compared never match, and never panic.
	secs := []Section{{Items: []Item{{Cells: []Cell{{Text: "a"}}, Value: []int{1}}}}}
	m.SetSections(secs)
	m.SetSections(secs)
	if m.SelectValue([]int{1}) {
		t.Fatal("a slice value matched")
	}
}

func TestHelpFollowsState(t *testing.T) {
	m := newPanel(t, people(), 50, 14)
	text := func() string {
		var parts []string
		for _, g := range m.FullHelp() {
			for _, b := range g {
				if b.Enabled() {
					parts = append(parts, b.Help().Key+" "+b.Help().Desc)
				}
			}
		}
		return strings.Join(parts, ", ")
	}
	h := text()
	for _, want := range []string{"i/esc/q close panel", "enter go to it", "/ filter", "j/↓ next", "g/home first"} {
		if !strings.Contains(h, want) {
			t.Errorf("help %q lacks %q", h, want)
		}
	}
	if strings.Contains(h, "clear filter") {
		t.Error("clear filter listed without a filter")
	}
	m.SetFilter("teh")
	h = text()
	if !strings.Contains(h, "esc clear filter") || !strings.Contains(h, "i/q close panel") {
		t.Errorf("help with a filter: %q", h)
	}
	if strings.Contains(h, "j/↓ next") {
		t.Error("moving listed with a single item shown")
	}
}

func TestMouse(t *testing.T) {
	m := newPanel(t, people(), 50, 14)
	// Row 0 border, 1 heading, 2 header, 3 Crocker, 4 al-Mālikī.
	if cmd := m.ClickAt(5, 4); cmd != nil {
		t.Fatal("a first click jumped")
	}
	if selected(m) != "Nouri al-Mālikī" {
		t.Fatalf("click selected %q", selected(m))
	}
	cmd := m.ClickAt(5, 4)
	if cmd == nil || cmd().(JumpMsg).Item.Value != "Nouri al-Mālikī" {
		t.Fatal("a second click did not jump")
	}
	if m.ClickAt(5, 2) != nil || selected(m) != "Nouri al-Mālikī" {
		t.Fatal("a click on a header changed the selection")
	}
	m.ScrollWheel(1) // three items down
	if selected(m) != "Québec" {
		t.Fatalf("wheel: %q", selected(m))
	}
}

// Text from articles reaches the terminal only as printable characters.
func TestHostileCells(t *testing.T) {
	secs := []Section{{Title: "a\x1b]0;pwned\x07title", Items: []Item{{Cells: []Cell{{Text: "x"}, {Text: "evil\x1b[2Jclear\nline"}}}}}}
	m := newPanel(t, secs, 50, 8)
	v := m.View()
	if strings.Contains(v, "\x1b]0") || strings.Contains(v, "\x1b[2J") || strings.Contains(v, "\x07") {
		t.Fatalf("control sequence reached the view: %q", v)
	}
	checkFrame(t, v, 50, 8)
}

func BenchmarkFilter(b *testing.B) {
	var items []Item
	for i := range 10000 {
		items = append(items, Item{Cells: []Cell{{Text: "PERSON"}, {Text: fmt.Sprintf("Person Number %d al-Mālikī", i)}}, Value: i})
	}
	m := newPanel(b, []Section{{Title: "All", Items: items}}, 60, 40)
	b.ReportAllocs()
	for b.Loop() {
		m.SetFilter("number 99")
		_ = m.View()
		m.SetFilter("")
	}
}

// Whatever the text and size, the panel draws exactly its size.
func FuzzView(f *testing.F) {
	f.Add("Ryan C. Crocker", "東京 👨‍👩‍👧 café\u0301", 40, 10, "e")
	f.Add("\x1b[2J\t\n", "", 12, 3, "")
	f.Add("", "a\u0300\u0300\u0300", 13, 4, "zz")
	f.Fuzz(func(t *testing.T, name, group string, w, h int, filter string) {
		w, h = w%200, h%80
		secs := []Section{{Title: group, Items: []Item{
			{Cells: []Cell{{Text: "PERSON"}, {Text: name}, {Text: "1"}, {Text: "—", Absent: true}}, Value: 1},
			{Cells: []Cell{{Text: name}, {Text: group}}, Value: 2},
		}}}
		m := newPanel(t, secs, w, h)
		m.SetFilter(filter)
		checkFrame(t, m.View(), max(w, 0), max(h, 0))
	})
}

// The owner's actions are listed in full help, but not while the filter
// has the keyboard, when every key is text.
func TestActionsInHelp(t *testing.T) {
	edit := key.NewBinding(key.WithKeys("e"), key.WithHelp("e", "edit"))
	m := New(component.NewCommon(theme.Mono()), Options{ID: "tags", Title: "Tags", Toggle: toggle,
		Columns: []Column{{Title: "NAME", Flex: true}}, Actions: []key.Binding{edit}})
	m.SetSections(people())
	m.SetSize(50, 14)
	if !slices.ContainsFunc(m.FullHelp(), func(g []key.Binding) bool {
		return len(g) == 1 && g[0].Help().Desc == "edit"
	}) {
		t.Fatalf("actions not in help: %v", m.FullHelp())
	}
	m.Update(tea.KeyPressMsg{Code: '/', Text: "/"})
	for _, g := range m.FullHelp() {
		for _, b := range g {
			if b.Help().Desc == "edit" {
				t.Fatal("actions listed while filtering")
			}
		}
	}
}

// A narrow panel cuts long cells; the selected item's detail shows it whole
// under the list, wrapped, and follows the selection.
func TestDetailShowsSelectedItemWhole(t *testing.T) {
	long := "Affiliation differs for Manouchehr Mottaki: Iraq's foreign minister in one article, Iranian Foreign Minister in the other"
	secs := []Section{{Items: []Item{
		{Cells: []Cell{{Text: "role"}, {Text: long}}, Value: "a", Detail: long},
		{Cells: []Cell{{Text: "number"}, {Text: "short"}}, Value: "b", Detail: "four hours or five"},
	}}}
	m := New(component.NewCommon(theme.Mono()), Options{ID: "s", Title: "S", Toggle: toggle,
		Columns: []Column{{Title: "KIND"}, {Title: "SUMMARY", Flex: true}}})
	m.SetSections(secs)
	m.SetSize(40, 20)
	view := ansi.Strip(m.View())
	checkFrame(t, m.View(), 40, 20)
	if !strings.Contains(view, "Iranian Foreign") || !strings.Contains(view, "╌") {
		t.Fatalf("the selected item's detail is not shown whole:\n%s", view)
	}
	send(m, "j")
	view = ansi.Strip(m.View())
	if strings.Contains(view, "Iranian Foreign") || !strings.Contains(view, "four hours or five") {
		t.Fatalf("the detail does not follow the selection:\n%s", view)
	}
	// Too short a panel keeps every row for the list.
	m.SetSize(40, 10)
	if strings.Contains(ansi.Strip(m.View()), "╌") {
		t.Fatal("a short panel should not give rows to the detail")
	}
}
