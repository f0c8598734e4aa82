package ui

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	tea "charm.land/bubbletea/v2"

	"github.com/parallax-reader/parallax/model"
	"github.com/parallax-reader/parallax/ui/panel"
	"github.com/parallax-reader/parallax/ui/theme"
)

// mentionGroup is one row of the entities panel: a cluster of names linked
// across the articles, or a date or number written the same way, with its
// mentions in every pane.
type mentionGroup struct {
	name  string
	typ   model.EntityType
	spans [][]model.Span // per pane, sorted by start
	total int
	forms []string // distinct written forms, for the filter
}

func (g *mentionGroup) in() int {
	n := 0
	for _, s := range g.spans {
		if len(s) > 0 {
			n++
		}
	}
	return n
}

// jumpCycle is where repeated enter on one entity has got to: its mentions
// across the panes in turn.
type jumpCycle struct {
	group *mentionGroup
	stops []jumpStop
	i     int
}

type jumpStop struct {
	pane int
	span model.Span
}

// buildPanels sets up the entities and quotations panels when the analysis
// arrives; their rows are listed when they first open.
func (m *Model) buildPanels() {
	k := m.c.Keys
	cols := []panel.Column{{Title: "TYPE"}, {Title: "NAME", Flex: true}}
	for i := range m.panes {
		cols = append(cols, panel.Column{Title: itoa(i + 1), Right: true})
	}
	m.addPanel(panel.Options{
		ID: panelEntities, Title: "Entities", Columns: cols, Toggle: k.Entities,
		Empty: "no people, places, organisations, dates or numbers found",
	}, m.jumpToEntity)
	m.setPanelRows(panelEntities, func() []panel.Section { return m.entitySections(m.mentionGroups()) })

	m.addPanel(panel.Options{
		ID: panelQuotes, Title: "Quotations", Toggle: k.Quotes,
		Columns: []panel.Column{{Title: ""}, {Title: "", Flex: true}},
		Empty:   "no quotations found",
	}, m.jumpToQuote)
	m.setPanelRows(panelQuotes, m.quoteSections)
	m.side.cycle = jumpCycle{}
	m.layout()
}

// mentionGroups gathers every pane's mentions by cluster (names) or by
// written form (dates and numbers), most mentioned first.
func (m *Model) mentionGroups() []*mentionGroup {
	byKey := map[string]*mentionGroup{}
	var groups []*mentionGroup
	for pi := range m.panes {
		for _, mt := range m.aidsFor(pi).mentions {
			key := "c:" + mt.Cluster
			if mt.Cluster == "" {
				key = "n:" + theme.EntityClass(mt.Type).String() + ":" + strings.ToLower(oneSpace(mt.Text))
			}
			g := byKey[key]
			if g == nil {
				g = &mentionGroup{name: oneSpace(mt.Text), typ: mt.Type, spans: make([][]model.Span, len(m.panes))}
				if c := m.aids.clusters[mt.Cluster]; c != nil {
					g.name, g.typ = oneSpace(c.Name), c.Type
				}
				byKey[key] = g
				groups = append(groups, g)
			}
			g.spans[pi] = append(g.spans[pi], mt.Span)
			g.total++
			if form := oneSpace(mt.Text); !slices.Contains(g.forms, form) && len(g.forms) < 8 {
				g.forms = append(g.forms, form)
			}
		}
	}
	slices.SortStableFunc(groups, func(a, b *mentionGroup) int {
		return cmp.Or(cmp.Compare(b.total, a.total), strings.Compare(a.name, b.name))
	})
	return groups
}

// entitySections puts names found in every article first, then names some
// article leaves out (the omissions), then dates and numbers. Each row
// counts the mentions per article; an article without one shows "—".
func (m *Model) entitySections(groups []*mentionGroup) []panel.Section {
	n := len(m.panes)
	var all, some, nums []panel.Item
	for _, g := range groups {
		cells := []panel.Cell{
			{Text: string(g.typ), Class: theme.EntityClass(g.typ)},
			{Text: g.name},
		}
		for _, s := range g.spans {
			if len(s) == 0 {
				cells = append(cells, panel.Cell{Text: "—", Absent: true})
			} else {
				cells = append(cells, panel.Cell{Text: itoa(len(s))})
			}
		}
		it := panel.Item{Cells: cells, Value: g,
			Filter: string(g.typ) + " " + g.name + " " + strings.Join(g.forms, " ")}
		switch {
		case g.typ.IsNumeric():
			nums = append(nums, it)
		case g.in() == n:
			all = append(all, it)
		default:
			some = append(some, it)
		}
	}
	if n == 1 {
		return []panel.Section{
			{Title: fmt.Sprintf("Names · %d", len(all)), Items: all},
			{Title: fmt.Sprintf("Dates and numbers · %d", len(nums)), Items: nums},
		}
	}
	return []panel.Section{
		{Title: fmt.Sprintf("In all %d articles · %d", n, len(all)), Items: all},
		{Title: fmt.Sprintf("Missing from some articles · %d", len(some)), Items: some},
		{Title: fmt.Sprintf("Dates and numbers · %d", len(nums)), Items: nums},
	}
}

// jumpToEntity goes to a mention of the entity. The first enter marks its
// first mention in every pane that has one and focuses the focused article
// (or the first that names it); each enter after that moves on to the next
// mention, pane after pane, round again at the end.
func (m *Model) jumpToEntity(it panel.Item) tea.Cmd {
	g, ok := it.Value.(*mentionGroup)
	if !ok || g.total == 0 {
		return nil
	}
	c := &m.side.cycle
	if c.group != g || len(c.stops) == 0 {
		start := m.focus
		if len(g.spans[start]) == 0 {
			start = slices.IndexFunc(g.spans, func(s []model.Span) bool { return len(s) > 0 })
		}
		*c = jumpCycle{group: g}
		for k := range m.panes {
			pi := (start + k) % len(m.panes)
			for _, s := range g.spans[pi] {
				c.stops = append(c.stops, jumpStop{pane: pi, span: s})
			}
			if len(g.spans[pi]) > 0 {
				m.panes[pi].Mark(g.spans[pi][0])
			}
		}
	} else {
		c.i = (c.i + 1) % len(c.stops)
	}
	st := c.stops[c.i]
	m.setFocus(st.pane)
	m.panes[st.pane].Mark(st.span)
	m.status = fmt.Sprintf("mention %d/%d", c.i+1, len(c.stops))
	return nil
}
