package ui

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	tea "charm.land/bubbletea/v2"

	"github.com/parallax-reader/parallax/model"
	"github.com/parallax-reader/parallax/ui/pane"
	"github.com/parallax-reader/parallax/ui/panel"
)

// quoteRef is one row of the quotations panel: a quotation in a pane.
type quoteRef struct {
	pane  int
	quote model.Quote
}

// speakerGroup is the quotations of one speaker across the articles.
type speakerGroup struct {
	name  string
	items []panel.Item
	first int // order of the first quotation, pane by pane
}

// quoteSections groups the quotations by speaker (linked across the
// articles by the speaker's entity), most quoted first; within a speaker
// they run article by article. Quotations without a speaker come next, and
// short scare quotes, which are never attributed, last.
func (m *Model) quoteSections() []panel.Section {
	byKey := map[string]*speakerGroup{}
	var groups []*speakerGroup
	unknown := &speakerGroup{name: "Speaker unknown"}
	short := &speakerGroup{name: "Short quotations, not attributed"}
	n := 0
	for pi := range m.panes {
		label := m.articleLabel(pi)
		for _, q := range m.aidsFor(pi).quotes {
			it := m.quoteItem(pi, label, q)
			var g *speakerGroup
			switch {
			case q.Short:
				g = short
			case q.Speaker == "" && q.SpeakerCluster == "":
				g = unknown
			default:
				key := "c:" + q.SpeakerCluster
				if q.SpeakerCluster == "" {
					key = "s:" + strings.ToLower(oneSpace(q.Speaker))
				}
				g = byKey[key]
				if g == nil {
					g = &speakerGroup{name: oneSpace(m.speakerName(&q)), first: n}
					byKey[key] = g
					groups = append(groups, g)
				}
			}
			g.items = append(g.items, it)
			n++
		}
	}
	slices.SortStableFunc(groups, func(a, b *speakerGroup) int {
		return cmp.Or(cmp.Compare(len(b.items), len(a.items)), cmp.Compare(a.first, b.first))
	})
	groups = append(groups, unknown, short)
	var secs []panel.Section
	for _, g := range groups {
		if len(g.items) > 0 {
			secs = append(secs, panel.Section{Title: fmt.Sprintf("%s · %d", g.name, len(g.items)), Items: g.items})
		}
	}
	return secs
}

// quoteRowBytes is how much of a quotation a row keeps: more than any
// panel shows, and what the filter searches.
const quoteRowBytes = 600

// quoteItem is a quotation's row: the article's number, then the words.
func (m *Model) quoteItem(pi int, label string, q model.Quote) panel.Item {
	text := q.Text
	if len(text) > quoteRowBytes {
		cut := quoteRowBytes
		for cut > 0 && !utf8.RuneStart(text[cut]) {
			cut--
		}
		text = text[:cut] + "…"
	}
	words := oneSpace(pane.Visible(text))
	return panel.Item{
		Cells: []panel.Cell{
			{Text: itoa(pi + 1), Dim: true},
			{Text: "“" + words + "”"},
		},
		Filter: m.speakerName(&q) + " " + q.Speaker + " " + words + " " + label,
		Value:  &quoteRef{pane: pi, quote: q},
		Detail: "“" + words + "”",
	}
}

// jumpToQuote focuses the quotation's pane and marks the quotation there.
func (m *Model) jumpToQuote(it panel.Item) tea.Cmd {
	ref, ok := it.Value.(*quoteRef)
	if !ok || ref.pane >= len(m.panes) {
		return nil
	}
	m.setFocus(ref.pane)
	m.panes[ref.pane].Mark(ref.quote.Span)
	return nil
}
