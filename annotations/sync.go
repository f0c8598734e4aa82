package annotations

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"

	"github.com/parallax-reader/parallax/model"
)

// commit applies change to a copy of the document, merges in whatever
// another program wrote to the file since parallax last read it, saves,
// and only then makes the copy current: a change whose save fails is not
// made.
func (s *Store) commit(change func(d *document) error) error {
	if s.closed {
		return ErrClosed
	}
	if s.readOnly != "" {
		return fmt.Errorf("%w: %s", ErrReadOnly, s.readOnly)
	}
	next := s.doc.clone()
	if err := change(next); err != nil {
		return err
	}
	cur, err := readState(s.path)
	if err != nil {
		return err
	}
	var conflicts []string
	if cur.exists && cur.hash != s.disk.hash {
		theirs, err := s.parse(cur.data)
		if err != nil {
			return fmt.Errorf("not saved, because the file was changed by another program and can no longer be read: %w", err)
		}
		if theirs != nil { // an emptied file has nothing to merge
			next, conflicts = mergeDocuments(s.doc, next, theirs)
		}
	}
	if err := s.write(next, cur); err != nil {
		return err
	}
	s.notices = append(s.notices, conflicts...)
	return nil
}

// write saves the document: the previous contents go to FILE.bak, then
// the new contents replace FILE, each atomically, and the folder is synced
// so both renames survive a power cut.
func (s *Store) write(next *document, prev diskState) error {
	next.head.set("modified", formatTime(s.now()))
	next.head["generator"] = s.generator()
	data := next.encode()
	dir := filepath.Dir(s.path)
	if prev.exists && len(bytes.TrimSpace(prev.data)) > 0 {
		if err := writeAtomic(s.path+".bak", prev.data); err != nil {
			return fmt.Errorf("not saved: cannot write the backup %s.bak: %w", s.path, err)
		}
	}
	if err := writeAtomic(s.path, data); err != nil {
		return fmt.Errorf("not saved: cannot write %s: %w", s.path, err)
	}
	if err := syncDir(dir); err != nil {
		return fmt.Errorf("not saved: cannot sync the folder %s: %w", dir, err)
	}
	st := diskState{exists: true, data: data, size: int64(len(data))}
	st.hash = sha256Sum(data)
	if fi, err := os.Stat(s.path); err == nil {
		st.size, st.mtime = fi.Size(), fi.ModTime()
	}
	s.disk = st
	s.doc = next
	return nil
}

// Refresh notices changes another program made to the file and merges
// them by annotation id: their new tags are added, their edits and
// deletions of tags unchanged here are taken. It is cheap when nothing
// changed (one stat), so the UI may call it on a timer; changes call it
// themselves before saving.
//
// changed reports whether the annotations changed. err is a
// *ConflictError when a tag was changed both here and elsewhere since the
// last call (the merge is done and saved; the newer edit won), or a
// *ParseError when the file no longer reads; it is then left alone, and
// changes are refused until it is fixed.
func (s *Store) Refresh() (changed bool, err error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	changed, err = s.sync()
	if err != nil {
		return changed, err
	}
	return changed, s.takeNotices()
}

// sync is Refresh without reporting the conflicts: they stay in notices
// for the next Refresh.
func (s *Store) sync() (changed bool, err error) {
	fi, err := os.Stat(s.path)
	if errors.Is(err, fs.ErrNotExist) {
		return false, s.restore("was removed")
	}
	if err != nil {
		return false, fmt.Errorf("cannot check %s: %w", s.path, err)
	}
	if s.disk.exists && fi.Size() == s.disk.size && fi.ModTime().Equal(s.disk.mtime) {
		return false, nil
	}
	cur, err := readState(s.path)
	if err != nil {
		return false, err
	}
	if cur.exists && cur.hash == s.disk.hash {
		s.disk = cur // touched, not changed
		return false, nil
	}
	theirs, err := s.parse(cur.data)
	if err != nil {
		return false, err
	}
	if theirs == nil {
		return false, s.restore("was emptied")
	}
	merged, conflicts := mergeDocuments(s.doc, s.doc, theirs)
	s.notices = append(s.notices, conflicts...)
	changed = !sameItems(s.doc, merged) || !slices.Equal(s.doc.dismissed(), merged.dismissed())
	s.doc, s.disk = merged, cur
	s.pruneAnchors()
	return changed, nil
}

// restore writes the tags back when another program removed or emptied
// the file while parallax holds them: nothing tagged is lost that way.
func (s *Store) restore(what string) error {
	if s.readOnly != "" || s.closed || len(s.doc.items) == 0 {
		return nil
	}
	if err := s.write(s.doc.clone(), diskState{}); err != nil {
		return err
	}
	s.notices = append(s.notices, fmt.Sprintf("%s %s by another program; wrote its %d tags back", s.path, what, len(s.doc.items)))
	return nil
}

func (s *Store) takeNotices() error {
	if len(s.notices) == 0 {
		return nil
	}
	err := &ConflictError{Conflicts: s.notices}
	s.notices = nil
	return err
}

// pruneAnchors forgets anchors of items no longer in the document.
func (s *Store) pruneAnchors() {
	keep := make(map[*item]bool, len(s.doc.items))
	for _, it := range s.doc.items {
		keep[it] = true
	}
	for it := range s.anchors {
		if !keep[it] {
			delete(s.anchors, it)
		}
	}
}

func sameItems(a, b *document) bool {
	return slices.EqualFunc(a.items, b.items, sameItem)
}

func sameItem(a, b *item) bool {
	if a == nil || b == nil {
		return a == b
	}
	return a == b || bytes.Equal(a.canon(), b.canon())
}

// mergeDocuments is a three-way merge by annotation id: base is the file
// as parallax last saw it, ours what parallax holds now, theirs what is on
// disk. A side that did not change an annotation takes the other side's
// version; when both changed it, the later modified time wins (ours on a
// tie) and, when an edit meets a deletion, the edit is kept: nothing is
// lost. The messages describe each conflict.
func mergeDocuments(base, ours, theirs *document) (*document, []string) {
	out := &document{
		head: mergeObject(base.head, ours.head, theirs.head),
		page: mergeObject(base.page, ours.page, theirs.page),
	}
	out.setDismissed(mergeSet(base.dismissed(), ours.dismissed(), theirs.dismissed()))
	b, o, t := base.byID(), ours.byID(), theirs.byID()
	var ids []string
	for _, m := range []map[string]*item{o, t} {
		for id := range m {
			ids = append(ids, id)
		}
	}
	slices.Sort(ids)
	ids = slices.Compact(ids)
	var conflicts []string
	for _, id := range ids {
		bi, oi, ti := b[id], o[id], t[id]
		var keep *item
		switch {
		case sameItem(oi, bi):
			keep = ti
		case sameItem(ti, bi), sameItem(oi, ti):
			keep = oi
		case oi == nil:
			keep = ti
			conflicts = append(conflicts, fmt.Sprintf("the %s was deleted here but edited in another program; it was kept", tagName(ti)))
		case ti == nil:
			keep = oi
			conflicts = append(conflicts, fmt.Sprintf("the %s was deleted in another program but edited here; it was kept", tagName(oi)))
		case ti.ann.Modified.After(oi.ann.Modified):
			keep = ti
			conflicts = append(conflicts, fmt.Sprintf("the %s was edited both here and in another program; kept the later edit, from the other program", tagName(ti)))
		default:
			keep = oi
			conflicts = append(conflicts, fmt.Sprintf("the %s was edited both here and in another program; kept the later edit, from here", tagName(oi)))
		}
		if keep == nil {
			continue
		}
		if oi != nil && sameItem(keep, oi) {
			keep = oi // keeps its anchors
		}
		out.items = append(out.items, keep)
	}
	out.sortItems()
	return out, conflicts
}

// mergeObject merges properties one by one: ours where we changed one,
// theirs otherwise.
func mergeObject(base, ours, theirs object) object {
	out := object{}
	keys := map[string]bool{}
	for _, o := range []object{base, ours, theirs} {
		for k := range o {
			keys[k] = true
		}
	}
	for k := range keys {
		bv, bok := base[k]
		ov, ook := ours[k]
		tv, tok := theirs[k]
		if ook == bok && bytes.Equal(ov, bv) {
			if tok {
				out[k] = tv
			}
		} else if ook {
			out[k] = ov
		}
	}
	return out
}

// mergeSet keeps what both sides have and what either side added.
func mergeSet(base, ours, theirs []string) []string {
	var out []string
	for _, id := range ours {
		if slices.Contains(theirs, id) || !slices.Contains(base, id) {
			out = append(out, id)
		}
	}
	for _, id := range theirs {
		if !slices.Contains(base, id) {
			out = append(out, id)
		}
	}
	return out
}

// tagName describes a tag in messages: "number tag 3f2a9c1e".
func tagName(it *item) string {
	return kindName(it.ann.Kind) + " " + shortID(it.id)
}

func kindName(k model.DiscrepancyKind) string {
	if k == "" {
		return "annotation"
	}
	return string(k) + " tag"
}
