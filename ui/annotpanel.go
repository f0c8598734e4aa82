package ui

import (
	"fmt"
	"net/url"
	"path"
	"slices"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/parallax-reader/parallax/model"
	"github.com/parallax-reader/parallax/ui/pane"
	"github.com/parallax-reader/parallax/ui/panel"
)

// minPassageCols is the least a passage gets in a row of the annotations
// panel. Each passage gets an even share of the row, so both sides of a tag
// show; the note takes what is left.
const minPassageCols = 12

// annotationColumns are the annotations panel's columns.
var annotationColumns = []panel.Column{
	{Title: "kind"},
	{Title: "sev"},
	{Title: "passages · note", Flex: true},
}

// annotationSections lists the tags for the annotations panel, oldest
// first, those whose passages could not be placed last and marked
// "orphaned" with their last known passage. kind, when set, keeps only
// tags of that kind; width is the room for the passages and note. Each
// item's Value is the tag's ID.
func annotationSections(tags []model.Annotation, arts []model.Article, kind model.DiscrepancyKind, width int) []panel.Section {
	// An open article is named by its number, as its pane's border shows
	// it: outlets are long and the panel is narrow.
	labels := make(map[string]string, 2*len(arts))
	for i, a := range arts {
		l := fmt.Sprintf("[%d]", i+1)
		labels[a.ID] = l
		labels[a.URI] = l
	}
	var placed, orphans []panel.Item
	for _, a := range tags {
		if kind != "" && a.Kind != kind {
			continue
		}
		it := annotationItem(a, labels, width)
		if a.Orphaned() {
			orphans = append(orphans, it)
		} else {
			placed = append(placed, it)
		}
	}
	var secs []panel.Section
	if len(placed) > 0 {
		secs = append(secs, panel.Section{Items: placed})
	}
	if len(orphans) > 0 {
		secs = append(secs, panel.Section{Title: "orphaned: passages not found in the open articles", Items: orphans})
	}
	return secs
}

// annotationItem is one tag's row: kind, severity, each passage as
// "[1] “text”" (an article not open by its address), and the note's first
// line.
func annotationItem(a model.Annotation, labels map[string]string, width int) panel.Item {
	var parts, whole []string
	orphaned := false
	// The note's first line keeps up to a quarter of the row.
	note := firstLine(a.Note)
	if note != "" {
		width -= min(ansi.StringWidth(note)+len(" · "), width/4)
	}
	rooms := passageRooms(a.Targets, width)
	for i, t := range a.Targets {
		label, ok := labels[t.Article]
		if !ok {
			label, ok = labels[t.Source]
		}
		if !ok {
			label = sourceLabel(t.Source)
		}
		text := "“" + ansi.Truncate(oneSpaced(t.Exact), rooms[i], "…") + "”"
		if t.Exact == "" {
			text = "(the whole article)"
		}
		p := label + " " + text
		full := label + " “" + oneSpaced(t.Exact) + "”"
		if t.Exact == "" {
			full = label + " " + text
		}
		if t.Anchoring == model.AnchorOrphan {
			p = "orphaned: " + p
			full = "orphaned: " + full
			orphaned = true
		}
		parts = append(parts, p)
		whole = append(whole, full)
	}
	desc := strings.Join(parts, " ↔ ")
	if len(a.Targets) == 1 && a.Kind == model.Omission {
		desc += " ↔ (missing elsewhere)"
	}
	if note != "" {
		desc += " · " + note
	}
	detail := strings.Join(whole, " ↔ ")
	if a.Note != "" {
		detail += " · " + oneSpaced(a.Note)
	}
	sev := a.Severity
	if sev == "" {
		sev = model.Medium
	}
	filter := string(a.Kind) + " " + string(sev) + " " + desc + " " + a.Note
	if orphaned {
		filter += " orphaned"
	}
	return panel.Item{
		Cells: []panel.Cell{
			{Text: string(a.Kind)},
			{Text: string(sev), Dim: sev == model.Low},
			{Text: pane.Visible(desc)},
		},
		Filter: filter,
		Value:  a.ID,
		Detail: pane.Visible(detail),
	}
}

// passageRooms shares width among a tag's passages: a short one takes
// what it needs, and the rest is split evenly among the longer ones, none
// getting less than minPassageCols.
func passageRooms(ts []model.Target, width int) []int {
	rooms := make([]int, len(ts))
	if len(ts) == 0 {
		return rooms
	}
	// Each passage costs a label, a space, quotes, and " ↔ " between.
	left := width - len(ts)*ansi.StringWidth("[1] “”") - 3*(len(ts)-1)
	need := make([]int, len(ts))
	for i, t := range ts {
		need[i] = ansi.StringWidth(oneSpaced(t.Exact))
	}
	order := make([]int, len(ts))
	for i := range order {
		order[i] = i
	}
	slices.SortFunc(order, func(a, b int) int { return need[a] - need[b] })
	for k, i := range order {
		share := max(left/(len(ts)-k), minPassageCols)
		rooms[i] = min(need[i], share)
		left -= rooms[i]
	}
	return rooms
}

// sourceLabel names an article that is not open by its address: a URL's
// host, a file's base name, or "another article".
func sourceLabel(src string) string {
	u, err := url.Parse(src)
	switch {
	case err != nil || src == "":
		return "another article"
	case u.Host != "":
		return u.Host
	case u.Scheme == "file":
		return path.Base(u.Path)
	}
	return "another article"
}

// oneSpaced collapses white space runs to single spaces.
func oneSpaced(s string) string { return strings.Join(strings.Fields(s), " ") }

// nextKind steps the panel's kind filter through the kinds that have tags,
// then back to all (empty).
func nextKind(tags []model.Annotation, cur model.DiscrepancyKind) model.DiscrepancyKind {
	has := map[model.DiscrepancyKind]bool{}
	for _, a := range tags {
		has[a.Kind] = true
	}
	started := cur == ""
	for _, k := range model.Kinds {
		if started && has[k] {
			return k
		}
		if k == cur {
			started = true
		}
	}
	return ""
}

// kindCounts says how many tags the panel shows: "3 tags" or "2 of 5
// tags: number".
func kindCounts(tags []model.Annotation, kind model.DiscrepancyKind) string {
	n := 0
	for _, a := range tags {
		if kind == "" || a.Kind == kind {
			n++
		}
	}
	unit := "tags"
	if len(tags) == 1 {
		unit = "tag"
	}
	if kind == "" {
		return fmt.Sprintf("%d %s", n, unit)
	}
	return fmt.Sprintf("%d of %d %s: %s", n, len(tags), unit, kind)
}

// panelAnnotations is the annotations panel's ID.
const panelAnnotations = "annotations"

// annotationsPanel is the annotations panel, registered on first use; nil
// without a store.
func (m *Model) annotationsPanel() *panel.Model {
	if m.tags.store == nil {
		return nil
	}
	if p := m.side.list[panelAnnotations]; p != nil {
		return p.p
	}
	k := m.c.Keys
	p := m.addPanel(panel.Options{
		ID:      panelAnnotations,
		Title:   "Annotations",
		Columns: annotationColumns,
		Toggle:  k.Annotations,
		Empty:   "no tags yet: v selects a passage, t tags it",
		Actions: k.AnnotationActions(),
	}, m.jumpToTagItem)
	m.setPanelKeys(panelAnnotations, m.handleAnnotationsKey, nil)
	return p
}

// refreshAnnotationsPanel sets the panel's rows from the tags.
func (m *Model) refreshAnnotationsPanel() {
	p := m.annotationsPanel()
	if p == nil {
		return
	}
	secs := annotationSections(m.tags.list, m.arts, m.tags.kind, m.annotationRoom())
	if k := m.tags.kind; k != "" && len(secs) > 0 && secs[0].Title == "" {
		// The kind filter shows as the first section's title.
		secs[0].Title = kindCounts(m.tags.list, k) + " · f for the next kind"
	}
	p.SetSections(secs)
}

// annotationRoom is about how many columns the panel's passages and note
// get once it is open: its width less the border, the selection mark, the
// kind and severity columns (as wide as their widest cell) and the gaps.
func (m *Model) annotationRoom() int {
	w := m.c.Width
	if w >= panelBesideMin {
		w = min(max(w*2/5, panelMinCols), panelMaxCols)
	}
	kindW, sevW := len("kind"), len("sev")
	for _, a := range m.tags.list {
		kindW, sevW = max(kindW, len(a.Kind)), max(sevW, len(a.Severity))
	}
	return max(w-2-2-kindW-sevW-2*2, 20)
}

// openAnnotations opens the annotations panel.
func (m *Model) openAnnotations() tea.Cmd {
	if m.annotationsPanel() == nil {
		return m.statusError(errNoStore.Error())
	}
	m.refreshAnnotationsPanel()
	m.openPanel(panelAnnotations)
	return nil
}

// handleAnnotationsKey runs the annotations panel's own keys on the
// selected tag; ok is false for keys the panel itself handles.
func (m *Model) handleAnnotationsKey(msg tea.KeyPressMsg) (cmd tea.Cmd, ok bool) {
	k := m.c.Keys
	p := m.annotationsPanel()
	selectedTag := func() (model.Annotation, bool) {
		it, ok := p.Selected()
		if !ok {
			return model.Annotation{}, false
		}
		id, _ := it.Value.(string)
		return m.tags.store.Get(id)
	}
	switch {
	case key.Matches(msg, k.EditTag):
		a, ok := selectedTag()
		if !ok {
			return m.statusError("no tag to edit"), true
		}
		return m.openEditForm(a), true
	case key.Matches(msg, k.DeleteTag):
		a, ok := selectedTag()
		if !ok {
			return m.statusError("no tag to delete"), true
		}
		if err := m.deleteTag(a.ID); err != nil {
			return m.statusError(err.Error()), true
		}
		m.status, m.statusErr = "deleted "+tagName(a)+" — u to undo", false
		return nil, true
	case key.Matches(msg, k.KindFilter):
		m.tags.kind = nextKind(m.tags.list, m.tags.kind)
		m.refreshAnnotationsPanel()
		if m.tags.kind == "" {
			m.status = "showing every kind"
		} else {
			m.status = "showing " + string(m.tags.kind) + " tags"
		}
		return nil, true
	case key.Matches(msg, k.Undo):
		return m.undoTag(), true
	case key.Matches(msg, k.Redo):
		return m.redoTag(), true
	}
	return nil, false
}

// jumpToTagItem shows a tag's passages: every pane holding one scrolls to
// it and marks it, and the pane of the first one takes the focus.
func (m *Model) jumpToTagItem(it panel.Item) tea.Cmd {
	id, _ := it.Value.(string)
	a, ok := m.tags.store.Get(id)
	if !ok {
		return m.statusError("that tag is gone: it was deleted, here or in the file")
	}
	first := -1
	for _, t := range a.Targets {
		i := m.paneOf(t)
		if i < 0 || t.Span.Empty() {
			continue
		}
		m.panes[i].Mark(t.Span)
		if first < 0 {
			first = i
		}
	}
	if first < 0 {
		last := ""
		for _, t := range a.Targets {
			if t.Exact != "" {
				last = ": last known passage “" + ansi.Truncate(oneSpaced(t.Exact), 60, "…") + "”"
				break
			}
		}
		return m.statusError("orphaned: not found in the open articles" + last)
	}
	m.setFocus(first)
	m.status, m.statusErr = tagName(a), false
	if note := firstLine(a.Note); note != "" {
		m.status += ": " + note
	}
	return nil
}
