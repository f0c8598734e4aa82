package ui

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/parallax-reader/parallax/model"
	"github.com/parallax-reader/parallax/ui/pane"
	"github.com/parallax-reader/parallax/ui/panel"
	"github.com/parallax-reader/parallax/ui/tagform"
)

// panelSuggestions is the suggestions panel's ID.
const panelSuggestions = "suggestions"

// suggesting is the suggestions panel's side of the reader: the
// suggestions still open (neither accepted nor dismissed), best first.
type suggesting struct {
	open []model.Suggestion
	// built and tags are the analysis and the tag list open was worked out
	// from; when either changes the list is worked out again.
	built *model.Analysis
	tags  []model.Annotation
}

// suggestionColumns: kind, confidence, the articles the evidence is in,
// and the summary, which takes the width left.
var suggestionColumns = []panel.Column{
	{Title: "KIND"}, {Title: "CONF", Right: true}, {Title: "IN"}, {Title: "SUMMARY", Flex: true},
}

// suggestionsPanel is the suggestions panel, registered on first use.
func (m *Model) suggestionsPanel() *panel.Model {
	if sp := m.side.list[panelSuggestions]; sp != nil {
		return sp.p
	}
	k := m.c.Keys
	p := m.addPanel(panel.Options{
		ID:      panelSuggestions,
		Title:   "Suggestions",
		Columns: suggestionColumns,
		Toggle:  k.Suggestions,
		Empty:   "no open suggestions: accepted and dismissed ones leave the list",
		Actions: k.SuggestionActions(),
	}, m.jumpToSuggestion)
	m.setPanelKeys(panelSuggestions, m.handleSuggestionKey, nil)
	return p
}

// syncSuggestions works the open suggestions out again when the analysis
// or the tags have changed since the last time: once per analysis and per
// change to the tags, never per keystroke.
func (m *Model) syncSuggestions() {
	s := &m.sugg
	if s.built == m.analysis && sameSlice(s.tags, m.tags.list) {
		return
	}
	m.refreshSuggestions()
}

// sameSlice reports whether two slices are the same slice (the store hands
// out a fresh copy of its tags on every change, so a new tag list is a new
// backing array).
func sameSlice[T any](a, b []T) bool {
	return len(a) == len(b) && (len(a) == 0 || &a[0] == &b[0])
}

// refreshSuggestions lists the analysis's suggestions that are neither
// dismissed (remembered in the annotation file) nor accepted (a tag of the
// same kind on the same passages exists), best first, and sets the panel's
// rows. Undoing an accepted tag brings its suggestion back.
func (m *Model) refreshSuggestions() {
	s := &m.sugg
	s.built, s.tags = m.analysis, m.tags.list
	s.open = s.open[:0]
	if m.analysis == nil {
		return
	}
	st := m.tags.store
	for _, sg := range m.analysis.Suggestions {
		if st != nil && st.Dismissed(sg.ID) || m.accepted(sg) {
			continue
		}
		s.open = append(s.open, sg)
	}
	slices.SortStableFunc(s.open, func(a, b model.Suggestion) int { return cmp.Compare(b.Confidence, a.Confidence) })
	items := make([]panel.Item, len(s.open))
	for i, sg := range s.open {
		items[i] = m.suggestionItem(sg)
	}
	m.suggestionsPanel().SetSections([]panel.Section{{Items: items}})
}

// accepted reports whether a tag records the suggestion: same kind, and a
// placed target on each of its passages.
func (m *Model) accepted(sg model.Suggestion) bool {
	for _, a := range m.tags.list {
		if a.Kind != sg.Kind || len(a.Targets) < len(sg.Evidence) {
			continue
		}
		all := true
		for _, ev := range sg.Evidence {
			all = all && slices.ContainsFunc(a.Targets, func(t model.Target) bool {
				return t.Placed() && t.Article == ev.Article && t.Span == ev.Span
			})
		}
		if all {
			return true
		}
	}
	return false
}

// suggestionItem is one row: kind, confidence in percent, the panes of the
// evidence ("1 2", or one pane for an omission) and the summary.
func (m *Model) suggestionItem(sg model.Suggestion) panel.Item {
	var in []string
	for _, ev := range sg.Evidence {
		if i := m.paneOfArticle(ev.Article); i >= 0 {
			in = append(in, itoa(i+1))
		}
	}
	summary := pane.Visible(oneSpaced(sg.Summary))
	return panel.Item{
		Cells: []panel.Cell{
			{Text: string(sg.Kind)},
			{Text: fmt.Sprintf("%d%%", percent(sg.Confidence))},
			{Text: strings.Join(in, " "), Dim: true},
			{Text: summary},
		},
		Filter: string(sg.Kind) + " " + summary,
		Value:  sg.ID,
		Detail: summary,
	}
}

// paneOfArticle is the pane showing the article with the ID, or -1.
func (m *Model) paneOfArticle(id string) int {
	for i, p := range m.panes {
		if p.Article().ID == id {
			return i
		}
	}
	return -1
}

// openSuggestions opens the suggestions panel.
func (m *Model) openSuggestions() tea.Cmd {
	m.refreshSuggestions()
	m.suggestionsPanel()
	m.openPanel(panelSuggestions)
	return nil
}

// selectedSuggestion is the suggestion on the panel's selected row.
func (m *Model) selectedSuggestion() (model.Suggestion, bool) {
	it, ok := m.suggestionsPanel().Selected()
	if !ok {
		return model.Suggestion{}, false
	}
	return m.suggestionByID(it.Value)
}

func (m *Model) suggestionByID(v any) (model.Suggestion, bool) {
	id, _ := v.(string)
	i := slices.IndexFunc(m.sugg.open, func(s model.Suggestion) bool { return s.ID == id })
	if i < 0 {
		return model.Suggestion{}, false
	}
	return m.sugg.open[i], true
}

// jumpToSuggestion shows a suggestion's evidence: every pane holding a
// passage scrolls to it and marks it, and the first one takes the focus.
func (m *Model) jumpToSuggestion(it panel.Item) tea.Cmd {
	sg, ok := m.suggestionByID(it.Value)
	if !ok {
		return nil
	}
	first := -1
	for _, ev := range sg.Evidence {
		i := m.paneOfArticle(ev.Article)
		if i < 0 || ev.Span.Empty() {
			continue
		}
		m.panes[i].Mark(ev.Span)
		if first < 0 {
			first = i
		}
	}
	if first < 0 {
		return m.statusError("the passages of this suggestion are not in the open articles")
	}
	m.setFocus(first)
	// The row is cut to the panel's width; the status bar has room for
	// the whole summary.
	m.status, m.statusErr = fmt.Sprintf("%s %d%%: %s", sg.Kind, percent(sg.Confidence), oneSpaced(sg.Summary)), false
	return nil
}

// handleSuggestionKey runs y (accept) and d (dismiss) on the selected
// suggestion; ok is false for the keys the panel handles itself.
func (m *Model) handleSuggestionKey(msg tea.KeyPressMsg) (tea.Cmd, bool) {
	k := m.c.Keys
	switch {
	case key.Matches(msg, k.AcceptSuggestion):
		return m.acceptSuggestion(), true
	case key.Matches(msg, k.DismissSuggestion):
		return m.dismissSuggestion(), true
	}
	return nil, false
}

// acceptSuggestion saves the selected suggestion as a tag: its kind, its
// passages as targets (the first the claim, the others counterparts; an
// omission has its one passage) and its summary as the note.
func (m *Model) acceptSuggestion() tea.Cmd {
	sg, ok := m.selectedSuggestion()
	if !ok {
		return m.statusError("no suggestion to accept")
	}
	a := model.Annotation{Kind: sg.Kind, Note: sg.Summary}
	for i, ev := range sg.Evidence {
		role := tagform.RoleCounterpart
		if i == 0 {
			role = tagform.RoleClaim
		}
		a.Targets = append(a.Targets, model.Target{Article: ev.Article, Span: ev.Span, Role: role})
	}
	saved, err := m.addTag(a)
	if err != nil {
		return m.statusError(err.Error())
	}
	m.refreshSuggestions()
	m.status, m.statusErr = "accepted: "+tagName(saved)+" — "+shortSummary(sg.Summary), false
	return nil
}

// dismissSuggestion remembers in the annotation file that the selected
// suggestion was dismissed, so it stays out of the list from now on.
func (m *Model) dismissSuggestion() tea.Cmd {
	sg, ok := m.selectedSuggestion()
	if !ok {
		return m.statusError("no suggestion to dismiss")
	}
	st := m.tags.store
	switch {
	case st == nil:
		return m.statusError("cannot dismiss: no annotation file is open to remember it in")
	case st.ReadOnly():
		return m.statusError(fmt.Sprintf("read-only: %s, so a dismissal cannot be saved", st.WhyReadOnly()))
	}
	if err := st.Dismiss(sg.ID); err != nil {
		return m.statusError(storeError("could not save the dismissal", err).Error())
	}
	m.refreshSuggestions()
	m.status, m.statusErr = "dismissed: "+shortSummary(sg.Summary), false
	return nil
}

// percent is a confidence as a whole percentage.
func percent(c float64) int { return int(c*100 + 0.5) }

// shortSummary keeps a summary to a status-bar phrase.
func shortSummary(s string) string { return ansi.Truncate(oneSpaced(s), 60, "…") }
