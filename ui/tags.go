package ui

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"cmp"
	"errors"
	"fmt"
	"github.com/charmbracelet/x/ansi"
	"github.com/parallax-reader/parallax/ui/keys"
	"slices"
	"strings"
	"time"

	"github.com/parallax-reader/parallax/annotations"
	"github.com/parallax-reader/parallax/model"
	"github.com/parallax-reader/parallax/ui/pane"
	"github.com/parallax-reader/parallax/ui/theme"
)

// LayerTags is the pane decoration layer of saved tags.
const LayerTags = "tags"

// tagging is the reader's side of the annotation store: the tags as last
// read from it, placed in the panes.
type tagging struct {
	store *annotations.Store
	list  []model.Annotation // oldest first, as the store lists them
	// byPane holds, per pane, the placed passages of tags in that pane's
	// article sorted by start, so the cursor finds the tag under it by
	// binary search.
	byPane [][]tagSpot

	sel  *selection    // the passage being selected, nil when none
	form *tagFormState // the tag form, nil when closed
	// kind is the annotations panel's kind filter; empty for all.
	kind model.DiscrepancyKind

	// fileProblem is a lasting warning about the annotation file (it no
	// longer reads); empty when all is well.
	fileProblem string
}

// tagSpot is one placed passage of a tag in one article.
type tagSpot struct {
	model.Span
	tag int // index into tagging.list
}

// errNoStore is what tagging says when the reader was opened without an
// annotation file.
var errNoStore = errors.New("tagging is off: no annotation file is open")

// canChangeTags says why tags cannot be changed now, or nil.
func (m *Model) canChangeTags() error {
	st := m.tags.store
	switch {
	case st == nil:
		return errNoStore
	case st.ReadOnly():
		return fmt.Errorf("read-only: %s; tags cannot be changed", st.WhyReadOnly())
	}
	return nil
}

// addTag saves a new tag through the store and, once it is saved, shows it
// in every pane it touches and in the annotations panel. The error is one
// plain line for the status bar (read-only, a failed save); nothing was
// saved when it is not nil. The caller says what it did in the status bar.
func (m *Model) addTag(a model.Annotation) (model.Annotation, error) {
	if err := m.canChangeTags(); err != nil {
		return model.Annotation{}, err
	}
	saved, err := m.tags.store.Add(a)
	if err != nil {
		return model.Annotation{}, storeError("could not save the tag", err)
	}
	m.placeTags()
	return saved, nil
}

// updateTag saves new contents for an existing tag (same ID).
func (m *Model) updateTag(a model.Annotation) error {
	if err := m.canChangeTags(); err != nil {
		return err
	}
	if err := m.tags.store.Update(a); err != nil {
		return storeError("could not save the tag", err)
	}
	m.placeTags()
	return nil
}

// deleteTag removes a tag (undoable with u).
func (m *Model) deleteTag(id string) error {
	if err := m.canChangeTags(); err != nil {
		return err
	}
	if err := m.tags.store.Delete(id); err != nil {
		return storeError("could not delete the tag", err)
	}
	m.placeTags()
	return nil
}

// storeError turns a store error into one status-bar line.
func storeError(what string, err error) error {
	var pe *annotations.ParseError
	if errors.As(err, &pe) {
		return fmt.Errorf("%s: the annotation file no longer reads (%s); fix or restore it", what, oneLine(pe.Error()))
	}
	return fmt.Errorf("%s: %s", what, oneLine(err.Error()))
}

// placeTags reads the tags from the store and sets every pane's tag layer.
// It runs after every change and refresh, never per frame.
func (m *Model) placeTags() {
	t := &m.tags
	t.list = nil
	if t.store != nil {
		t.list = t.store.Annotations()
	}
	t.byPane = make([][]tagSpot, len(m.panes))
	index := make(map[string]int, len(m.panes))
	for i, p := range m.panes {
		index[p.Article().ID] = i
	}
	for ti, a := range t.list {
		for _, tg := range a.Targets {
			i, ok := index[tg.Article]
			if !ok || !tg.Placed() || tg.Span.Empty() {
				continue
			}
			t.byPane[i] = append(t.byPane[i], tagSpot{Span: tg.Span, tag: ti})
		}
	}
	for i, p := range m.panes {
		spots := t.byPane[i]
		sortSpots(spots)
		decs := make([]pane.Decoration, len(spots))
		for j, s := range spots {
			decs[j] = pane.Decoration{Span: s.Span, Class: theme.Tag}
		}
		p.SetDecorations(LayerTags, decs)
	}
	m.refreshAnnotationsPanel()
}

// sortSpots orders spots by start, then by tag age.
func sortSpots(s []tagSpot) {
	slices.SortFunc(s, func(a, b tagSpot) int {
		return cmp.Or(cmp.Compare(a.Start, b.Start), cmp.Compare(a.tag, b.tag))
	})
}

// tagName is how the status bar names a tag: "high number tag".
func tagName(a model.Annotation) string {
	sev := a.Severity
	if sev == "" {
		sev = model.Medium
	}
	return fmt.Sprintf("%s %s tag", sev, a.Kind)
}

// firstLine is the first non-blank line of a note, for one-line displays.
func firstLine(note string) string {
	for _, l := range strings.Split(note, "\n") {
		if l = strings.TrimSpace(l); l != "" {
			return l
		}
	}
	return ""
}

// refreshEvery is how often the reader looks for changes another program
// made to the annotation file; a look that finds none is one stat.
const refreshEvery = 2 * time.Second

// refreshTickMsg asks the reader to look at the annotation file again.
type refreshTickMsg struct{}

func refreshTick() tea.Cmd {
	return tea.Tick(refreshEvery, func(time.Time) tea.Msg { return refreshTickMsg{} })
}

// updateTags handles the messages of tagging that are not key presses: the
// tag form's requests and the refresh timer. It reports whether msg was one.
func (m *Model) updateTags(msg tea.Msg) (tea.Cmd, bool) {
	if _, ok := msg.(refreshTickMsg); ok {
		m.refreshTags()
		return refreshTick(), true
	}
	return m.updateTagForm(msg)
}

// refreshTags merges changes another program made to the annotation file.
// A conflict is merged by the store and reported; a file that no longer
// reads is left alone and warned about until it reads again.
func (m *Model) refreshTags() {
	st := m.tags.store
	if st == nil {
		return
	}
	changed, err := st.Refresh()
	var pe *annotations.ParseError
	var ce *annotations.ConflictError
	switch {
	case errors.As(err, &pe):
		m.tags.fileProblem = "annotation file unreadable, tags are not saved: " + oneLine(pe.Error())
		return
	case errors.As(err, &ce):
		m.tags.fileProblem = ""
		m.placeTags()
		m.status, m.statusErr = "annotation file changed on disk: "+oneLine(ce.Error()), true
		return
	case err != nil:
		m.tags.fileProblem = "annotation file: " + oneLine(err.Error())
		return
	}
	m.tags.fileProblem = ""
	if changed {
		m.placeTags()
		if m.status == "" || !m.statusErr {
			m.status, m.statusErr = "annotation file changed on disk — merged", false
		}
	}
}

// syncTagKeys enables the tagging keys when there is a store to tag into;
// a read-only store keeps them, so they can say why they cannot tag.
func (m *Model) syncTagKeys() {
	k := m.c.Keys
	on := m.tags.store != nil && m.focused() != nil
	for _, b := range []*key.Binding{&k.Select, &k.Tag, &k.Undo, &k.Redo, &k.Annotations} {
		b.SetEnabled(on)
	}
}

// tagAtCursor describes the tag under the focused pane's sentence cursor
// for the status bar: "high number tag: the note's first line"; empty
// when there is none.
func (m *Model) tagAtCursor() string {
	p := m.focused()
	if p == nil || m.focus >= len(m.tags.byPane) {
		return ""
	}
	cur, ok := p.CursorSpan()
	if !ok {
		return ""
	}
	// A pane holds tags by the dozen, not by the million: a scan is
	// cheaper than keeping an interval index up to date.
	found, n := -1, 0
	for _, sp := range m.tags.byPane[m.focus] {
		if sp.Overlaps(cur) {
			found = max(found, sp.tag) // the newest tag wins
			n++
		}
	}
	if found < 0 {
		return ""
	}
	a := m.tags.list[found]
	s := tagName(a)
	if note := firstLine(a.Note); note != "" {
		s += ": " + note
	}
	if n > 1 {
		s += fmt.Sprintf(" (+%d more)", n-1)
	}
	return s
}

// tagStatus is what the status bar says about tagging: a file that no
// longer reads, a read-only store, the tag under the cursor.
func (m *Model) tagStatus(seg func(lipgloss.Style, string) string) []string {
	st := m.c.Styles
	var out []string
	if p := m.tags.fileProblem; p != "" {
		out = append(out, seg(st.StatusError, " "+ansi.Truncate(pane.Visible(p), max(m.c.Width/2, 20), "…")+" "))
	}
	if s := m.tags.store; s != nil && s.ReadOnly() && !strings.HasPrefix(m.status, "read-only") {
		why := "read-only: " + s.WhyReadOnly()
		if m.status != "" {
			why = "read-only" // leave room for the message
		}
		out = append(out, seg(st.StatusError, " "+ansi.Truncate(pane.Visible(why), max(m.c.Width/3, 12), "…")+" "))
	}
	// A message (what a key just did) matters more than the tag under the
	// cursor, which shows again at the next key.
	if (m.state == keys.Reading || m.state == keys.PanelOpen) && m.status == "" {
		if s := m.tagAtCursor(); s != "" {
			out = append(out, seg(st.StatusInfo, " "+ansi.Truncate(pane.Visible(s), max(m.c.Width/3, 16), "…")+" "))
		}
	}
	return out
}
