package ui

import (
	"errors"
	"fmt"

	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"github.com/parallax-reader/parallax/annotations"
	"github.com/parallax-reader/parallax/model"
	"github.com/parallax-reader/parallax/ui/keys"
	"github.com/parallax-reader/parallax/ui/pane"
	"github.com/parallax-reader/parallax/ui/tagform"
	"github.com/parallax-reader/parallax/ui/theme"
)

// tagFormState is the tag form while it is open, with what the reader
// needs to put things back when it closes.
type tagFormState struct {
	form *tagform.Model
	// claimPane and counterPane are the panes of the two passages;
	// counterPane is -1 for none.
	claimPane, counterPane int
	counter                model.Span
	// returnFocus is the pane focused when the form opened; fromSelection
	// says a cancel goes back to the selection.
	returnFocus   int
	returnState   keys.State
	fromSelection bool
	// extra are placed passages of an edited tag beyond the two the form
	// shows; they are saved back unchanged.
	extra []model.Target
}

// openTagForm opens the form on the selection or, with none, on the cursor
// sentence of the focused pane.
func (m *Model) openTagForm() tea.Cmd {
	if err := m.canChangeTags(); err != nil {
		return m.statusError(err.Error())
	}
	var ci int
	var claim model.Span
	if sel := m.tags.sel; sel != nil {
		ci, claim = sel.pane, sel.span()
	} else {
		ci = m.focus
		sp, ok := m.panes[ci].EnsureCursor()
		if !ok {
			return m.statusError("this article has no sentence to tag")
		}
		claim = sp
	}
	fs := &tagFormState{claimPane: ci, counterPane: -1, returnFocus: m.focus, returnState: keys.Reading,
		fromSelection: m.tags.sel != nil}
	params := tagform.Params{Claim: m.passage(ci, claim)}
	if len(m.panes) > 1 {
		j := (ci + 1) % len(m.panes)
		fs.counterPane, fs.counter = j, m.counterpartIn(j, ci, claim)
		cp := m.passage(j, fs.counter)
		params.Counterpart = &cp
	}
	return m.showTagForm(fs, params)
}

// openEditForm opens the form on an existing tag. The form shows two
// passages; a tag whose passages are all orphaned cannot be edited here.
func (m *Model) openEditForm(a model.Annotation) tea.Cmd {
	if err := m.canChangeTags(); err != nil {
		return m.statusError(err.Error())
	}
	claim, counter := -1, -1
	for i, t := range a.Targets {
		if m.paneOf(t) < 0 {
			continue
		}
		switch {
		case claim < 0 && t.Role != tagform.RoleCounterpart:
			claim = i
		case counter < 0 && t.Role == tagform.RoleCounterpart:
			counter = i
		}
	}
	for i, t := range a.Targets { // roles missing or unusual: take the order
		if m.paneOf(t) < 0 || i == claim || i == counter {
			continue
		}
		if claim < 0 {
			claim = i
		} else if counter < 0 {
			counter = i
		}
	}
	if claim < 0 {
		return m.statusError("this tag cannot be edited here: none of its passages could be placed in the open articles")
	}
	ci := m.paneOf(a.Targets[claim])
	fs := &tagFormState{claimPane: ci, counterPane: -1, returnFocus: m.focus, returnState: m.state}
	ex := a
	params := tagform.Params{Claim: m.passage(ci, a.Targets[claim].Span), Existing: &ex}
	if counter >= 0 {
		fs.counterPane, fs.counter = m.paneOf(a.Targets[counter]), a.Targets[counter].Span
		cp := m.passage(fs.counterPane, fs.counter)
		params.Counterpart = &cp
	}
	for i, t := range a.Targets {
		if i != claim && i != counter && m.paneOf(t) >= 0 {
			fs.extra = append(fs.extra, t)
		}
	}
	m.tags.sel = nil
	return m.showTagForm(fs, params)
}

func (m *Model) showTagForm(fs *tagFormState, params tagform.Params) tea.Cmd {
	fs.form = tagform.New(m.c, params)
	m.tags.form = fs
	m.state = keys.Tagging
	m.status, m.statusErr = "", false
	m.markFormPassages()
	m.panes[fs.claimPane].Centre(params.Claim.Span)
	return nil
}

// paneOf is the pane showing a placed target, or -1.
func (m *Model) paneOf(t model.Target) int {
	if !t.Placed() {
		return -1
	}
	for i, p := range m.panes {
		if p.Article().ID == t.Article {
			return i
		}
	}
	return -1
}

// passage describes a span of pane i for the form.
func (m *Model) passage(i int, sp model.Span) tagform.Passage {
	a := m.panes[i].Article()
	label := a.Outlet
	if label == "" {
		label = a.Title
	}
	return tagform.Passage{ArticleID: a.ID, Label: label, Span: sp, Text: a.Slice(sp)}
}

// counterpartIn picks the passage of pane j that most likely answers the
// claim in pane ci: the cursor sentence when the reader has put it in
// view; else the passage the analysis aligned with the claim; else the
// first sentence in view.
func (m *Model) counterpartIn(j, ci int, claim model.Span) model.Span {
	p := m.panes[j]
	if sp, ok := p.CursorSpan(); ok && p.Shows(sp) {
		return sp
	}
	if sp, ok := m.alignedIn(ci, claim, j); ok {
		p.SetCursorAt(sp.Start)
		p.Centre(sp)
		return sp
	}
	sp, _ := p.EnsureCursor()
	return sp
}

// alignedIn is the best-scoring passage of pane j aligned with a passage
// overlapping the claim in pane ci.
func (m *Model) alignedIn(ci int, claim model.Span, j int) (model.Span, bool) {
	if m.analysis == nil {
		return model.Span{}, false
	}
	from, to := m.panes[ci].Article().ID, m.panes[j].Article().ID
	best, score, found := model.Span{}, -1.0, false
	for _, al := range m.analysis.Alignments {
		a, b := al.A, al.B
		if b.Article == from {
			a, b = b, a
		}
		if a.Article != from || b.Article != to || !overlapsOrAt(a.Span, claim) {
			continue
		}
		if al.Score > score {
			best, score, found = b.Span, al.Score, true
		}
	}
	return best, found
}

// overlapsOrAt is Overlaps that also holds for an empty claim at a.
func overlapsOrAt(a, claim model.Span) bool {
	return a.Overlaps(claim) || claim.Empty() && a.Contains(claim.Start)
}

// markFormPassages shows the claim and the counterpart in their panes.
func (m *Model) markFormPassages() {
	fs := m.tags.form
	for _, p := range m.panes {
		p.SetDecorations(LayerSelection, nil)
	}
	claim := fs.form.Claim().Span
	m.panes[fs.claimPane].SetDecorations(LayerSelection, []pane.Decoration{{Span: claim, Class: theme.Selection}})
	if fs.counterPane >= 0 {
		decs := []pane.Decoration{{Span: fs.counter, Class: theme.Selection}}
		if fs.counterPane == fs.claimPane {
			decs = append(decs, pane.Decoration{Span: claim, Class: theme.Selection})
		}
		m.panes[fs.counterPane].SetDecorations(LayerSelection, decs)
	}
}

// updateTagForm handles what the form asks of the root: moving the
// counterpart, saving, closing. It reports whether msg was one of those.
func (m *Model) updateTagForm(msg tea.Msg) (tea.Cmd, bool) {
	fs := m.tags.form
	switch msg := msg.(type) {
	case tagform.SubmitMsg:
		if fs != nil {
			return m.submitTag(msg.Annotation), true
		}
	case tagform.CancelMsg:
		if fs != nil {
			m.closeTagForm(fs.fromSelection)
		}
	case tagform.CounterpartClearedMsg:
		if fs != nil {
			fs.counterPane = -1
			m.markFormPassages()
		}
	case tagform.CounterpartPaneMsg:
		if fs != nil {
			return m.moveCounterpartPane(msg.Delta), true
		}
	case tagform.CounterpartSentenceMsg:
		if fs != nil {
			return m.moveCounterpartSentence(msg.Delta), true
		}
	default:
		return nil, false
	}
	return nil, true
}

// moveCounterpartPane moves the counterpart to the previous or next other
// article, focusing its pane so it is in view.
func (m *Model) moveCounterpartPane(delta int) tea.Cmd {
	fs := m.tags.form
	n := len(m.panes)
	if n < 2 {
		return m.statusError("no other article is open: the only counterpart is none")
	}
	j := fs.counterPane
	if j < 0 {
		j = fs.claimPane
	}
	for {
		j = ((j+delta)%n + n) % n
		if j != fs.claimPane {
			break
		}
	}
	fs.counterPane, fs.counter = j, m.counterpartIn(j, fs.claimPane, fs.form.Claim().Span)
	return m.setCounterpart()
}

// moveCounterpartSentence moves the counterpart a sentence on or back in
// its article.
func (m *Model) moveCounterpartSentence(delta int) tea.Cmd {
	fs := m.tags.form
	if fs.counterPane < 0 {
		return m.moveCounterpartPane(1)
	}
	p := m.panes[fs.counterPane]
	p.SetCursorAt(fs.counter.Start)
	p.Reveal(fs.counter)
	cmd := p.MoveCursor(delta)
	if sp, ok := p.CursorSpan(); ok {
		fs.counter = sp
	}
	return tea.Batch(cmd, m.setCounterpart())
}

// setCounterpart hands the counterpart to the form and shows it.
func (m *Model) setCounterpart() tea.Cmd {
	fs := m.tags.form
	cp := m.passage(fs.counterPane, fs.counter)
	fs.form.SetCounterpart(&cp)
	m.setFocus(fs.counterPane)
	m.panes[fs.counterPane].Reveal(fs.counter)
	m.markFormPassages()
	return nil
}

// submitTag saves what the form submitted. The form closes only once the
// store has saved; a failed save leaves it open with everything typed.
func (m *Model) submitTag(a model.Annotation) tea.Cmd {
	fs := m.tags.form
	var err error
	verb := "tagged"
	if fs.form.Editing() {
		a.Targets = append(a.Targets, fs.extra...)
		err = m.updateTag(a)
		verb = "saved"
	} else {
		a, err = m.addTag(a)
	}
	if err != nil {
		return m.statusError(err.Error())
	}
	m.closeTagForm(false)
	m.status = fmt.Sprintf("%s: %s", verb, tagName(a))
	return nil
}

// closeTagForm closes the form, back to the selection it came from or to
// reading.
func (m *Model) closeTagForm(toSelection bool) {
	fs := m.tags.form
	m.tags.form = nil
	for _, p := range m.panes {
		p.SetDecorations(LayerSelection, nil)
	}
	m.setFocus(fs.returnFocus)
	if toSelection && m.tags.sel != nil {
		m.state = keys.Selecting
		m.showSelection()
		return
	}
	m.tags.sel = nil
	m.state = fs.returnState
}

// overlayTagForm draws the form centred over the panes.
func (m *Model) overlayTagForm(body string, w, h int) string {
	f := m.tags.form.form
	f.SetSize(w, h)
	x, y := f.Offset()
	return lipgloss.NewCompositor(
		lipgloss.NewLayer(body),
		lipgloss.NewLayer(f.View()).X(max(x, 0)).Y(max(y, 0)).Z(1),
	).Render()
}

// undoTag and redoTag step through the store's history and say what they
// did, as the store words it.
func (m *Model) undoTag() tea.Cmd { return m.stepHistory(m.tags.store.Undo) }
func (m *Model) redoTag() tea.Cmd { return m.stepHistory(m.tags.store.Redo) }

func (m *Model) stepHistory(step func() (string, error)) tea.Cmd {
	if err := m.canChangeTags(); err != nil {
		return m.statusError(err.Error())
	}
	msg, err := step()
	m.placeTags()
	if err != nil {
		if errors.Is(err, annotations.ErrNothingToUndo) || errors.Is(err, annotations.ErrNothingToRedo) {
			m.status, m.statusErr = err.Error(), false
			return nil
		}
		return m.statusError(storeError("could not save", err).Error())
	}
	m.status, m.statusErr = msg, false
	return nil
}
