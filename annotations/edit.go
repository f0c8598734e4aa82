package annotations

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"time"

	"github.com/parallax-reader/parallax/model"
)

// contextLen is how many characters of context the quote selector keeps
// either side of a passage.
const contextLen = 32

// Add saves a new tag and returns it as stored: with its id, created and
// modified times, and each target's quote and context taken from the
// article text. Targets name an open article (Article, or Source) and a
// byte span in it; an empty span names the article as a whole (the side of
// an omission that lacks the passage). An empty severity is medium.
func (s *Store) Add(a model.Annotation) (model.Annotation, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := validFields(&a); err != nil {
		return model.Annotation{}, err
	}
	if len(a.Targets) == 0 {
		return model.Annotation{}, errors.New("a tag needs at least one passage")
	}
	targets, err := s.buildTargets(nil, a.Targets)
	if err != nil {
		return model.Annotation{}, err
	}
	now := s.now()
	it := buildItem(nil, itemFields{
		id: newURN(), kind: a.Kind, severity: a.Severity, note: a.Note,
		created: now, modified: now, generator: s.generator(), targets: targets,
	})
	err = s.commit(func(d *document) error { d.put(it); return nil })
	if err != nil {
		return model.Annotation{}, err
	}
	s.record(step{verb: "new", kind: it.ann.Kind, id: it.id, after: it})
	out := it.ann
	out.Targets = s.anchored(it)
	return out, nil
}

// Update saves new contents for the tag with a.ID: kind, severity, note
// and targets. Targets placed in an open article are saved from their
// span; a target that is not (an orphan, or on an article not open) must
// be one the tag already had, and is kept exactly as it was. Whatever
// else the annotation holds in the file is kept.
func (s *Store) Update(a model.Annotation) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	_, prev := s.doc.find(a.ID)
	if prev == nil || !prev.listed {
		return fmt.Errorf("%w: %s", ErrNotFound, a.ID)
	}
	if err := validFields(&a); err != nil {
		return err
	}
	if len(a.Targets) == 0 {
		return errors.New("a tag needs at least one passage")
	}
	targets, err := s.buildTargets(prev, a.Targets)
	if err != nil {
		return err
	}
	f := itemFields{
		id: prev.id, kind: a.Kind, severity: a.Severity, note: a.Note,
		created: prev.ann.Created, modified: prev.ann.Modified,
		generator: s.generator(), targets: targets,
	}
	if f.created.IsZero() {
		f.created = s.now()
	}
	if same := buildItem(prev, f); bytes.Equal(same.canon(), prev.canon()) {
		return nil // nothing changed: no save, no undo step
	}
	f.modified = s.now()
	it := buildItem(prev, f)
	if err := s.commit(func(d *document) error { d.put(it); return nil }); err != nil {
		return err
	}
	s.record(step{verb: "edit", kind: it.ann.Kind, id: it.id, before: prev, after: it})
	return nil
}

// Delete removes the tag with the given id (undoable).
func (s *Store) Delete(id string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	_, prev := s.doc.find(id)
	if prev == nil {
		return fmt.Errorf("%w: %s", ErrNotFound, id)
	}
	if err := s.commit(func(d *document) error { d.remove(id); return nil }); err != nil {
		return err
	}
	s.record(step{verb: "delete", kind: prev.ann.Kind, id: id, before: prev})
	return nil
}

// Dismiss remembers in the file that the user dismissed a suggestion.
func (s *Store) Dismiss(id string) error {
	if id == "" {
		return errors.New("no suggestion id to dismiss")
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if slices.Contains(s.doc.dismissed(), id) {
		return nil
	}
	return s.commit(func(d *document) error {
		d.setDismissed(append(d.dismissed(), id))
		return nil
	})
}

// Dismissed reports whether the suggestion was dismissed.
func (s *Store) Dismissed(id string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return slices.Contains(s.doc.dismissed(), id)
}

func (s *Store) now() time.Time { return s.opt.Now().UTC().Truncate(time.Second) }

func validFields(a *model.Annotation) error {
	if !a.Kind.Valid() {
		return fmt.Errorf("unknown discrepancy kind %q", a.Kind)
	}
	if a.Severity == "" {
		a.Severity = model.Medium
	}
	if !a.Severity.Valid() {
		return fmt.Errorf("unknown severity %q (low, medium or high)", a.Severity)
	}
	return nil
}

// buildTargets writes the targets of a tag. prev is the tag as stored
// (nil for a new one): targets that have not changed are kept byte for
// byte, with whatever other properties they had.
func (s *Store) buildTargets(prev *item, ts []model.Target) ([]json.RawMessage, error) {
	var old []storedTarget
	if prev != nil {
		old = prev.targets
	}
	used := make([]bool, len(old))
	out := make([]json.RawMessage, 0, len(ts))
	for i, t := range ts {
		art := s.arts.lookup(t)
		if art == nil || t.Anchoring == model.AnchorOrphan {
			j := unusedIndex(old, used, func(st storedTarget) bool {
				return st.source == t.Source && st.exact == t.Exact && st.prefix == t.Prefix && st.suffix == t.Suffix
			})
			if j < 0 {
				if name := firstNonEmpty(t.Article, t.Source); name != "" {
					return nil, fmt.Errorf("passage %d is in an article that is not open (%s) and is not one the tag had", i+1, name)
				}
				return nil, fmt.Errorf("passage %d names no article", i+1)
			}
			used[j] = true
			out = append(out, withRole(old[j], t.Role))
			continue
		}
		f, err := s.selectors(art, t)
		if err != nil {
			return nil, fmt.Errorf("passage %d: %w", i+1, err)
		}
		// An unchanged passage keeps its stored form.
		if j := unusedIndex(old, used, func(st storedTarget) bool { return sameSelectors(st, f) }); j >= 0 {
			used[j] = true
			out = append(out, withRole(old[j], t.Role))
			continue
		}
		var base json.RawMessage
		if i < len(old) && old[i].source == f.source && !used[i] {
			base = old[i].raw // keep the target's other properties
		}
		out = append(out, buildTarget(base, f))
	}
	return out, nil
}

// unusedIndex finds the first stored target not taken yet that matches.
func unusedIndex(old []storedTarget, used []bool, match func(storedTarget) bool) int {
	for j, st := range old {
		if !used[j] && match(st) {
			return j
		}
	}
	return -1
}

func firstNonEmpty(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

func sameSelectors(st storedTarget, f selectorFields) bool {
	if st.source != f.source {
		return false
	}
	if f.whole {
		return st.whole()
	}
	return st.hasQuote && st.hasPos && st.exact == f.exact && st.prefix == f.prefix &&
		st.suffix == f.suffix && st.start == f.start && st.end == f.end
}

// selectors computes a target's quote, context and code point position
// from its byte span in an open article.
func (s *Store) selectors(art *model.Article, t model.Target) (selectorFields, error) {
	f := selectorFields{source: articleURI(art), role: t.Role}
	if f.source == "" {
		return f, fmt.Errorf("article %s has no address to save", art.ID)
	}
	sp := t.Span
	if sp.Start < 0 || sp.End > len(art.Text) || sp.Start > sp.End {
		return f, fmt.Errorf("span %d–%d is outside article %s (%d bytes)", sp.Start, sp.End, art.ID, len(art.Text))
	}
	if !onBoundary(art.Text, sp.Start) || !onBoundary(art.Text, sp.End) {
		return f, fmt.Errorf("span %d–%d cuts a character in two", sp.Start, sp.End)
	}
	if sp.Empty() {
		f.whole = true
		return f, nil
	}
	ix := s.arts.index(art)
	f.start, f.end = ix.runeOffset(sp.Start), ix.runeOffset(sp.End)
	f.exact = art.Text[sp.Start:sp.End]
	f.prefix = ix.slice(max(0, f.start-contextLen), f.start)
	f.suffix = ix.slice(f.end, min(ix.runeCount(), f.end+contextLen))
	return f, nil
}
