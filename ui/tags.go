package ui

import (
	"cmp"
	"errors"
	"fmt"
	"slices"
	"strings"

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
		return fmt.Errorf("read-only: %s, so tags cannot be changed", st.WhyReadOnly())
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
