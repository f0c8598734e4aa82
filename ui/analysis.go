package ui

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/parallax-reader/parallax/model"
	"github.com/parallax-reader/parallax/ui/keys"
	"github.com/parallax-reader/parallax/ui/pane"
	"github.com/parallax-reader/parallax/ui/theme"
)

// Pane decoration layers the analysis sets once, when it arrives.
const (
	LayerEntities = "entities"
	LayerQuotes   = "quotes"
	LayerSpeakers = "speakers"
)

// readingAids is what the analysis gives the reader: per pane, the
// mentions and quotations sorted by start, so e, E, " and the status bar's
// context are binary searches however long the article.
type readingAids struct {
	panes    []paneAids
	clusters map[string]*model.Cluster
	// failed is the analysis error, shown in the status bar for good.
	failed string
}

type paneAids struct {
	mentions []model.Mention // sorted by start
	quotes   []model.Quote   // sorted by start
}

// applyAnalysis keeps the analysis and sets the highlight layers of every
// pane; a failure becomes a warning in the status bar.
func (m *Model) applyAnalysis(msg AnalysisMsg) tea.Cmd {
	m.analysing = false
	if msg.Err != nil || msg.Analysis == nil {
		why := "no result"
		if msg.Err != nil {
			why = oneLine(msg.Err.Error())
		}
		// The error may already say what failed.
		why = strings.TrimPrefix(why, "analysis failed: ")
		m.aids.failed = why
		m.status, m.statusErr = "analysis failed: "+why+"; the text is shown without highlights", true
		return nil
	}
	m.analysis = msg.Analysis
	m.aids.failed = ""
	a := msg.Analysis
	m.aids.clusters = make(map[string]*model.Cluster, len(a.Clusters))
	for i := range a.Clusters {
		m.aids.clusters[a.Clusters[i].ID] = &a.Clusters[i]
	}
	byID := make(map[string]*model.ArticleAnalysis, len(a.Articles))
	for i := range a.Articles {
		byID[a.Articles[i].Article] = &a.Articles[i]
	}
	m.aids.panes = make([]paneAids, len(m.panes))
	for i, p := range m.panes {
		aa := byID[p.Article().ID]
		if aa == nil {
			continue
		}
		pa := &m.aids.panes[i]
		pa.mentions = slices.Clone(aa.Mentions)
		slices.SortStableFunc(pa.mentions, func(x, y model.Mention) int { return cmp.Compare(x.Start, y.Start) })
		pa.quotes = slices.Clone(aa.Quotes)
		slices.SortStableFunc(pa.quotes, func(x, y model.Quote) int { return cmp.Compare(x.Start, y.Start) })
		highlight(p, pa)
	}
	m.buildPanels()
	return nil
}

// highlight sets a pane's entity, quotation and speaker layers.
func highlight(p *pane.Pane, pa *paneAids) {
	ents := make([]pane.Decoration, 0, len(pa.mentions))
	for _, mt := range pa.mentions {
		if c := theme.EntityClass(mt.Type); c != theme.Plain {
			ents = append(ents, pane.Decoration{Span: mt.Span, Class: c})
		}
	}
	quotes := make([]pane.Decoration, 0, len(pa.quotes))
	var speakers []pane.Decoration
	for _, q := range pa.quotes {
		quotes = append(quotes, pane.Decoration{Span: q.Span, Class: theme.Quote})
		if q.SpeakerSpan != nil && !q.Short {
			speakers = append(speakers, pane.Decoration{Span: *q.SpeakerSpan, Class: theme.Speaker})
		}
	}
	p.SetDecorations(LayerQuotes, quotes)
	p.SetDecorations(LayerSpeakers, speakers)
	p.SetDecorations(LayerEntities, ents)
}

// aidsFor is the analysis of pane i; empty before the analysis arrives.
func (m *Model) aidsFor(i int) *paneAids {
	if i < 0 || i >= len(m.aids.panes) {
		return &paneAids{}
	}
	return &m.aids.panes[i]
}

// handleAnalysisKey runs e, E, " and the panel keys.
func (m *Model) handleAnalysisKey(msg tea.KeyPressMsg) tea.Cmd {
	k := m.c.Keys
	switch {
	case key.Matches(msg, k.NextEntity):
		m.stepEntity(1)
	case key.Matches(msg, k.PrevEntity):
		m.stepEntity(-1)
	case key.Matches(msg, k.NextQuote):
		m.stepQuote()
	case key.Matches(msg, k.Entities):
		m.openPanel(panelEntities)
	case key.Matches(msg, k.Quotes):
		m.openPanel(panelQuotes)
	}
	return nil
}

// analysisUnavailable answers e, E, ", i and o pressed before the analysis
// has arrived (or after it failed), when their bindings are disabled.
func (m *Model) analysisUnavailable(msg tea.KeyPressMsg) bool {
	s := msg.String()
	for _, b := range m.c.Keys.Analysis() {
		if b.Enabled() || !slices.Contains(b.Keys(), s) {
			continue
		}
		switch {
		case m.analysis != nil:
			// The analysis is here but found nothing of the kind.
			m.status, m.statusErr = m.nothingFound(b), false
		case m.aids.failed != "":
			m.status, m.statusErr = "no entities or quotations: the analysis failed ("+m.aids.failed+")", true
		case m.analysing:
			m.status, m.statusErr = "entities and quotations appear when the analysis is done", false
		default:
			m.status, m.statusErr = "entities and quotations need the analysis, which is off", false
		}
		return true
	}
	return false
}

func (m *Model) nothingFound(b key.Binding) string {
	if slices.Contains(b.Keys(), `"`) {
		return "no quotations found in this article"
	}
	return "no entities found in this article"
}

// syncAnalysisKeys enables e, E, " and the panels once the analysis has
// arrived, and e, E and " only where the focused article has something to
// move to.
func (m *Model) syncAnalysisKeys() {
	k := m.c.Keys
	has := m.analysis != nil
	pa := m.aidsFor(m.focus)
	k.NextEntity.SetEnabled(has && len(pa.mentions) > 0)
	k.PrevEntity.SetEnabled(has && len(pa.mentions) > 0)
	k.NextQuote.SetEnabled(has && len(pa.quotes) > 0)
	k.Entities.SetEnabled(has)
	k.Quotes.SetEnabled(has)
}

// stepEntity marks the next (dir > 0) or previous entity mention in the
// focused pane, from the marked item or else from the reading position,
// wrapping around the ends.
func (m *Model) stepEntity(dir int) {
	p := m.focused()
	ms := m.aidsFor(m.focus).mentions
	if len(ms) == 0 {
		return
	}
	starts := func(i int) int { return ms[i].Start }
	i, wrapped := step(len(ms), starts, m.from(p), dir)
	p.Mark(ms[i].Span)
	if wrapped {
		if dir > 0 {
			m.status = "wrapped to the first entity"
		} else {
			m.status = "wrapped to the last entity"
		}
	}
}

// stepQuote marks the next quotation in the focused pane, wrapping.
func (m *Model) stepQuote() {
	p := m.focused()
	qs := m.aidsFor(m.focus).quotes
	if len(qs) == 0 {
		return
	}
	i, wrapped := step(len(qs), func(i int) int { return qs[i].Start }, m.from(p), 1)
	p.Mark(qs[i].Span)
	if wrapped {
		m.status = "wrapped to the first quotation"
	}
}

// position is where a move to the next item starts: just after the marked
// item when it is in view (strict), else the reading position.
type position struct {
	off    int
	strict bool
}

func (m *Model) from(p *pane.Pane) position {
	if s, ok := p.MarkSpan(); ok && p.Shows(s) {
		return position{off: s.Start, strict: true}
	}
	return position{off: p.ReadingPosition()}
}

// step finds among n items sorted by start the next one after pos (dir >
// 0) or the one before it, and whether it had to wrap around.
func step(n int, start func(int) int, pos position, dir int) (int, bool) {
	first := searchStart(n, start, pos)
	if dir > 0 {
		if first >= n {
			return 0, true
		}
		return first, false
	}
	// The previous one starts before pos.
	prev := searchBefore(n, start, pos.off)
	if prev < 0 {
		return n - 1, true
	}
	return prev, false
}

// searchStart is the index of the first item starting after pos.off
// (strict) or at or after it.
func searchStart(n int, start func(int) int, pos position) int {
	lo, hi := 0, n
	for lo < hi {
		mid := int(uint(lo+hi) >> 1)
		s := start(mid)
		if s < pos.off || (pos.strict && s == pos.off) {
			lo = mid + 1
		} else {
			hi = mid
		}
	}
	return lo
}

// searchBefore is the index of the last item starting before off; -1 when
// none does.
func searchBefore(n int, start func(int) int, off int) int {
	return searchStart(n, start, position{off: off}) - 1
}

// contextText says what the cursor is on, for the status bar: the marked
// entity mention (its type, name, role and the articles that name it), or
// the quotation the mark or the cursor sentence is in (its speaker). It is
// shortened to width columns; empty when there is nothing to say.
func (m *Model) contextText(width int) string {
	if m.analysis == nil || width < 8 {
		return ""
	}
	p := m.focused()
	pa := m.aidsFor(m.focus)
	mark, marked := p.MarkSpan()
	if marked {
		if mt := mentionAt(pa.mentions, mark); mt != nil {
			return fitText(m.entityText(mt), width)
		}
	}
	var q *model.Quote
	if marked {
		q = quoteOver(pa.quotes, model.Span{Start: mark.Start, End: mark.Start + 1})
	}
	if cur, ok := p.CursorSpan(); ok && q == nil {
		// A mark that is neither (a tag's passage, a suggestion's
		// evidence) leaves the cursor sentence to speak.
		q = quoteOver(pa.quotes, cur)
	}
	if q == nil {
		return ""
	}
	return quoteText(q, m.speakerName(q), width)
}

// speakerName is the name a quotation is attributed to: the speaker's
// entity's full name when linked ("Ryan C. Crocker" for "Crocker said").
func (m *Model) speakerName(q *model.Quote) string {
	if c := m.aids.clusters[q.SpeakerCluster]; c != nil && c.Name != "" && c.Type == model.Person {
		return c.Name
	}
	return q.Speaker
}

// mentionAt is the mention with exactly the span s, or nil.
func mentionAt(ms []model.Mention, s model.Span) *model.Mention {
	i := searchStart(len(ms), func(i int) int { return ms[i].Start }, position{off: s.Start})
	for ; i < len(ms) && ms[i].Start == s.Start; i++ {
		if ms[i].End == s.End {
			return &ms[i]
		}
	}
	return nil
}

// quoteOver is the first quotation overlapping s, or nil. Quotations do not
// nest, so the one before s's start is the only earlier one that can reach
// into it.
func quoteOver(qs []model.Quote, s model.Span) *model.Quote {
	i := max(searchBefore(len(qs), func(i int) int { return qs[i].Start }, s.Start), 0)
	for ; i < len(qs) && qs[i].Start < s.End; i++ {
		if qs[i].Overlaps(s) || (s.Empty() && qs[i].Contains(s.Start)) {
			return &qs[i]
		}
	}
	return nil
}

// entityText describes a mention: "PERSON Ryan C. Crocker · role: U.S.
// Ambassador · in 2/2 articles", or with the articles that leave it out
// named: "· in 1/2 articles, not in 1 wire-one".
func (m *Model) entityText(mt *model.Mention) string {
	name := mt.Text
	c := m.aids.clusters[mt.Cluster]
	if c != nil && c.Name != "" {
		name = c.Name
	}
	parts := []string{string(mt.Type) + " " + oneSpace(name)}
	if mt.Role != "" {
		parts = append(parts, "role: "+oneSpace(mt.Role))
	}
	if c != nil && len(m.panes) > 1 {
		in := 0
		var absent []string
		for i, p := range m.panes {
			if c.Mentions[p.Article().ID] > 0 {
				in++
			} else {
				absent = append(absent, m.articleLabel(i))
			}
		}
		s := fmt.Sprintf("in %d/%d articles", in, len(m.panes))
		if len(absent) > 0 {
			s += ", not in " + strings.Join(absent, ", ")
		}
		parts = append(parts, s)
	}
	return strings.Join(parts, " · ")
}

// articleLabel names pane i as its border does: "2 wire-two.example".
func (m *Model) articleLabel(i int) string {
	a := m.panes[i].Article()
	name := pane.Visible(a.Outlet)
	if name == "" {
		name = pane.Visible(a.Title)
	}
	return fmt.Sprintf("%d %s", i+1, name)
}

// quoteText is a quotation and its speaker in width columns, the words cut
// in the middle of the line rather than the speaker:
// “I would characterize…” — Ryan C. Crocker.
func quoteText(q *model.Quote, speaker string, width int) string {
	var who string
	switch {
	case q.Short:
		who = " · short quotation, not attributed"
	case speaker == "":
		who = " — speaker unknown"
	default:
		who = " — " + oneSpace(pane.Visible(speaker))
	}
	words := oneSpace(pane.Visible(q.Text))
	room := width - textWidth(who) - 2 // the marks
	if room < 6 {
		return fitText(strings.TrimPrefix(strings.TrimPrefix(who, " — "), " · "), width)
	}
	return "“" + fitText(words, room) + "”" + who
}

// oneSpace collapses runs of white space (a quotation over paragraphs) to
// single spaces, for one-line displays.
func oneSpace(s string) string { return strings.Join(strings.Fields(s), " ") }

func textWidth(s string) int { return ansi.StringWidth(s) }

// fitText shortens s to width columns with an ellipsis.
func fitText(s string, width int) string {
	if textWidth(s) <= width {
		return s
	}
	return ansi.Truncate(s, max(width, 0), "…")
}

// statusContext is the context text sized for the status bar: in the room
// the other segments leave, or, when that is short, in the room left once
// everything on the right but the help key gives way.
func (m *Model) statusContext(w int, left, right []string) string {
	if m.state != keys.Reading && m.state != keys.PanelOpen {
		return ""
	}
	lw := lipgloss.Width(strings.Join(left, ""))
	room := w - lw - lipgloss.Width(strings.Join(right, "")) - 2
	if room < 40 && len(right) > 0 {
		room = w - lw - lipgloss.Width(right[len(right)-1]) - 2
	}
	return m.contextText(room)
}

// statusName shortens a long article name in the status bar when a
// context needs the room; the pane's border still shows it in full.
func (m *Model) statusName(name string) string {
	const short = 24
	if m.c.Width >= 140 || textWidth(name) <= short || m.contextText(m.c.Width) == "" {
		return name
	}
	return fitText(name, short)
}
