package ui

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"github.com/parallax-reader/parallax/articles/worddiff"
	"github.com/parallax-reader/parallax/model"
	"github.com/parallax-reader/parallax/ui/keys"
	"github.com/parallax-reader/parallax/ui/pane"
	"github.com/parallax-reader/parallax/ui/theme"
)

// Pane decoration layers of linked scrolling: the passage of another pane
// aligned with the cursor sentence, and the word-level diff of the pair.
const (
	LayerLinked = "linked"
	LayerDiff   = "diff"
)

// maxDiffBytes bounds the passages the word diff compares. The diff is
// minimal and has no time limit, which is right for sentences; an article
// without sentence spans aligns whole paragraphs, and those are left
// undiffed rather than stall a keystroke.
const maxDiffBytes = 8 << 10

// link is an aligned pair seen from one pane: its passage and the other
// pane's.
type link struct {
	from, to model.Span
	score    float64
	quote    bool // a pair of quotations inside the sentences
}

// linking is linked scrolling: whether it is on, the alignments indexed for
// lookups by cursor sentence, and what the last sync found.
type linking struct {
	on bool

	// links[i][j] maps a sentence index of pane i to its aligned passage in
	// pane j. Built once per analysis, so a cursor move is a map lookup.
	links [][]map[int]link
	built *model.Analysis

	// The focused pane and cursor sentence the linked marks were last
	// drawn for; a sync with the same ones does nothing.
	synced              bool
	syncPane, syncIndex int

	// missing are the panes that hold no counterpart of the cursor
	// sentence; diffWith is the pane whose passage the cursor sentence's
	// removed words are measured against (-1 for none).
	missing  []int
	diffWith int

	marks []markState // per pane, before the update being handled
}

// markState is a pane's mark, to tell whether a jump marked something.
type markState struct {
	span   model.Span
	marked bool
}

// buildLinks indexes the analysis's alignments by pane and sentence. A
// sentence pair wins over a quotation pair; a quotation pair stands for its
// sentence only where the sentence has no pair of its own in that pane.
func (m *Model) buildLinks() {
	l := &m.link
	l.built = m.analysis
	n := len(m.panes)
	l.links = make([][]map[int]link, n)
	for i := range l.links {
		l.links[i] = make([]map[int]link, n)
		for j := range l.links[i] {
			if i != j {
				l.links[i][j] = map[int]link{}
			}
		}
	}
	if m.analysis == nil {
		return
	}
	index := make(map[string]int, n)
	for i, p := range m.panes {
		index[p.Article().ID] = i
	}
	add := func(i, j int, from, to model.Span, score float64, quote bool) {
		si := model.SpanIndex(m.panes[i].Sentences(), from.Start)
		if si < 0 {
			return
		}
		if cur, ok := l.links[i][j][si]; ok && (quote && !cur.quote || quote == cur.quote && cur.score >= score) {
			return
		}
		l.links[i][j][si] = link{from: from, to: to, score: score, quote: quote}
	}
	for _, al := range m.analysis.Alignments {
		i, okA := index[al.A.Article]
		j, okB := index[al.B.Article]
		if !okA || !okB || i == j {
			continue
		}
		add(i, j, al.A.Span, al.B.Span, al.Score, al.Quote)
		add(j, i, al.B.Span, al.A.Span, al.Score, al.Quote)
	}
}

// Linked reports whether linked scrolling is on.
func (m *Model) Linked() bool { return m.link.on }

// toggleLinked turns linked scrolling on (placing the cursor if it is not
// yet, so something follows at once) or off.
func (m *Model) toggleLinked() tea.Cmd {
	l := &m.link
	l.on = !l.on
	l.synced = false
	if !l.on {
		m.clearLinked()
		m.status = "linked scrolling off"
		return nil
	}
	if p := m.focused(); p != nil {
		p.EnsureCursor()
	}
	return nil
}

// clearLinked removes the linked marks and the diff from every pane.
func (m *Model) clearLinked() {
	for _, p := range m.panes {
		p.SetDecorations(LayerLinked, nil)
		p.SetDecorations(LayerDiff, nil)
	}
	m.link.missing = m.link.missing[:0]
	m.link.diffWith = -1
}

// noteMarks remembers each pane's mark before an update, so the sync after
// it can tell the panes a jump has just placed something in.
func (m *Model) noteMarks() {
	if !m.link.on {
		return
	}
	l := &m.link
	l.marks = l.marks[:0]
	for _, p := range m.panes {
		sp, ok := p.MarkSpan()
		l.marks = append(l.marks, markState{sp, ok})
	}
}

// justMarked reports whether pane i got a new mark in this update.
func (m *Model) justMarked(i int) bool {
	sp, ok := m.panes[i].MarkSpan()
	if !ok || i >= len(m.link.marks) {
		return false
	}
	return m.link.marks[i] != markState{sp, ok}
}

// syncCompare runs after every message: it keeps the suggestions and the
// linked panes up to date with the analysis, the tags and the cursor.
func (m *Model) syncCompare() {
	m.syncSuggestions()
	m.syncLinked()
}

// syncLinked runs after every message: when the analysis has changed it
// re-indexes the alignments, and while linked scrolling is on and the
// focused pane's cursor sentence has moved, it brings the aligned passage
// of every other pane to the cursor's height, marks it, and diffs the pair.
// A pane that a jump has just marked something in keeps its place.
func (m *Model) syncLinked() {
	l := &m.link
	if l.built != m.analysis || len(l.links) != len(m.panes) {
		m.buildLinks()
		l.synced = false
	}
	if !l.on || m.state != keys.Reading && m.state != keys.PanelOpen {
		return
	}
	p := m.focused()
	if p == nil {
		return
	}
	cur, _ := p.Cursor()
	if l.synced && l.syncPane == m.focus && l.syncIndex == cur {
		return
	}
	if l.synced && l.syncPane != m.focus {
		// The reader moved to another pane: its cursor starts on the
		// passage that was linked to the one it left.
		if d := p.Decorations(LayerLinked); len(d) > 0 && !m.justMarked(m.focus) {
			p.SetCursorAt(d[0].Start)
			cur, _ = p.Cursor()
		}
	}
	l.synced, l.syncPane, l.syncIndex = true, m.focus, cur
	m.clearLinked()
	curSpan, ok := p.CursorSpan()
	if !ok || m.analysis == nil {
		return
	}
	row := p.RowOf(curSpan)
	text := p.Article().Text
	var removed []pane.Decoration
	for _, j := range m.linkOrder() {
		q := m.panes[j]
		lk, ok := l.links[m.focus][j][cur]
		if !ok {
			l.missing = append(l.missing, j)
			continue
		}
		q.SetDecorations(LayerLinked, []pane.Decoration{{Span: lk.to, Class: theme.Linked}})
		if !m.justMarked(j) {
			q.ShowAtRow(lk.to, row)
		}
		if lk.from.Len() > maxDiffBytes || lk.to.Len() > maxDiffBytes {
			continue
		}
		var added []pane.Decoration
		from, to := text[lk.from.Start:lk.from.End], q.Article().Slice(lk.to)
		for _, op := range worddiff.Words(from, to) {
			if strings.TrimSpace(op.Text) == "" {
				continue
			}
			switch {
			case op.Kind == worddiff.Insert:
				added = append(added, diffMark(to, op.B, lk.to.Start, theme.DiffAdded))
			case op.Kind == worddiff.Delete && l.diffWith < 0:
				removed = append(removed, diffMark(from, op.A, lk.from.Start, theme.DiffRemoved))
			}
		}
		q.SetDecorations(LayerDiff, added)
		if l.diffWith < 0 {
			l.diffWith = j
		}
	}
	slices.Sort(l.missing)
	p.SetDecorations(LayerDiff, removed)
}

// linkOrder is the other panes in the order their passages are diffed
// against the cursor sentence: the panes on screen first, starting right of
// the focused one, so the removed words it shows are measured against a
// passage the reader can see.
func (m *Model) linkOrder() []int {
	n := len(m.panes)
	var shown, hidden []int
	for d := 1; d < n; d++ {
		j := (m.focus + d) % n
		if j >= m.first && j < m.first+m.shown {
			shown = append(shown, j)
		} else {
			hidden = append(hidden, j)
		}
	}
	return append(shown, hidden...)
}

// diffMark places a diff run (a span within the passage that starts at
// base) in the article, without the spaces at its ends: an underlined or
// struck-through space reads as a stray mark.
func diffMark(text string, s model.Span, base int, c theme.Class) pane.Decoration {
	run := text[s.Start:s.End]
	lead := len(run) - len(strings.TrimLeftFunc(run, unicode.IsSpace))
	trail := len(run) - len(strings.TrimRightFunc(run, unicode.IsSpace))
	return pane.Decoration{Span: model.Span{Start: base + s.Start + lead, End: base + s.End - trail}, Class: c}
}

// compareStatus is what the status bar says about linked scrolling:
// "linked", with the panes that hold no counterpart of the cursor sentence
// and the pane the diff compares with.
func (m *Model) compareStatus(seg func(lipgloss.Style, string) string) []string {
	l := &m.link
	if !l.on || m.state == keys.Searching {
		return nil
	}
	st := m.c.Styles
	text := "linked"
	switch {
	case m.analysis == nil:
	case len(l.missing) > 0:
		names := make([]string, len(l.missing))
		for i, j := range l.missing {
			names[i] = strconv.Itoa(j + 1)
		}
		text += " · no counterpart in " + strings.Join(names, ", ")
	case l.diffWith >= 0 && len(m.panes) > 2:
		text += fmt.Sprintf(" · diff with %d", l.diffWith+1)
	}
	return []string{seg(st.StatusInfo, " "+text+" ")}
}

// handleCompareKey runs s and x while reading, and s beside a side panel
// (x there is the panel's own toggle); it explains them while the analysis
// they need is not there. It reports whether msg was one of them.
func (m *Model) handleCompareKey(msg tea.KeyPressMsg) (tea.Cmd, bool) {
	k := m.c.Keys
	switch m.state {
	case keys.Reading:
	case keys.PanelOpen:
		if p := m.openedPanel(); p == nil || p.Filtering() || !key.Matches(msg, k.Link) {
			return nil, false
		}
		m.status, m.statusErr = "", false
		return m.toggleLinked(), true
	default:
		return nil, false
	}
	switch {
	case key.Matches(msg, k.Link):
		m.status, m.statusErr = "", false
		return m.toggleLinked(), true
	case key.Matches(msg, k.Suggestions):
		m.status, m.statusErr = "", false
		return m.openSuggestions(), true
	}
	return m.compareUnavailable(msg, k.Link, k.Suggestions)
}

// compareUnavailable says why a comparison key does nothing yet: the
// analysis is running, failed or off, or there is one article. It reports
// whether msg was one of the bindings, disabled.
func (m *Model) compareUnavailable(msg tea.KeyPressMsg, bs ...key.Binding) (tea.Cmd, bool) {
	s := msg.String()
	for _, b := range bs {
		if b.Enabled() || !slices.Contains(b.Keys(), s) {
			continue
		}
		switch {
		case len(m.panes) < 2:
			return m.statusError("one article is open: comparing needs two or more"), true
		case m.analysing:
			m.status, m.statusErr = "comparing needs the analysis: wait until it is done", false
			return nil, true
		case m.analysis == nil:
			return m.statusError("no analysis: linked scrolling and suggestions are off"), true
		}
	}
	return nil, false
}

// syncCompareKeys enables s and x once there is an analysis of two or
// more articles to compare.
func (m *Model) syncCompareKeys() {
	on := m.analysis != nil && len(m.panes) > 1
	m.c.Keys.Link.SetEnabled(on)
	m.c.Keys.Suggestions.SetEnabled(on)
}
