package annotations

import (
	"fmt"

	"github.com/parallax-reader/parallax/model"
)

// maxHistory bounds the undo history.
const maxHistory = 1000

// step is one undoable change: the annotation before and after (nil when
// absent).
type step struct {
	verb          string // "new", "edit", "delete"
	kind          model.DiscrepancyKind
	id            string
	before, after *item
}

func (st step) describe() string {
	switch st.verb {
	case "new":
		return "new " + kindName(st.kind)
	case "edit":
		return "edit of " + kindName(st.kind)
	}
	return "delete of " + kindName(st.kind)
}

// record adds a change to the history; a new change ends what could be
// redone.
func (s *Store) record(st step) {
	s.undo = lastSteps(append(s.undo, st))
	s.redo = nil
	s.saveHistory()
}

// Undo reverts the last addition, edit or deletion, saves, and says what
// it undid ("undid delete of number tag").
func (s *Store) Undo() (string, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if len(s.undo) == 0 {
		return "", ErrNothingToUndo
	}
	if err := s.syncBeforeStep(); err != nil {
		return "", err
	}
	st := s.undo[len(s.undo)-1]
	if !s.inStep(st.id, st.after) {
		// Changed elsewhere since (another program, or a merge): the step
		// no longer applies; drop it rather than overwrite that change.
		s.undo = s.undo[:len(s.undo)-1]
		s.saveHistory()
		return "", fmt.Errorf("cannot undo the %s: the tag was changed elsewhere since", st.describe())
	}
	if err := s.restoreState(st, st.before); err != nil {
		return "", err
	}
	s.undo = s.undo[:len(s.undo)-1]
	s.redo = append(s.redo, st)
	s.saveHistory()
	return "undid " + st.describe(), nil
}

// Redo makes the last undone change again, saves, and says what it redid.
func (s *Store) Redo() (string, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if len(s.redo) == 0 {
		return "", ErrNothingToRedo
	}
	if err := s.syncBeforeStep(); err != nil {
		return "", err
	}
	st := s.redo[len(s.redo)-1]
	if !s.inStep(st.id, st.before) {
		s.redo = s.redo[:len(s.redo)-1]
		s.saveHistory()
		return "", fmt.Errorf("cannot redo the %s: the tag was changed elsewhere since", st.describe())
	}
	if err := s.restoreState(st, st.after); err != nil {
		return "", err
	}
	s.redo = s.redo[:len(s.redo)-1]
	s.undo = append(s.undo, st)
	s.saveHistory()
	return "redid " + st.describe(), nil
}

// syncBeforeStep takes in what another program wrote to the file since
// parallax last read it, so that a step is checked against the tag as it
// is now: without this, an undo between two Refresh calls could replace a
// newer edit made elsewhere.
func (s *Store) syncBeforeStep() error {
	if s.closed {
		return ErrClosed
	}
	if s.readOnly != "" {
		return fmt.Errorf("%w: %s", ErrReadOnly, s.readOnly)
	}
	_, err := s.sync()
	return err
}

// CanUndo and CanRedo report whether there is something to undo or redo.
func (s *Store) CanUndo() bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.undo) > 0
}

func (s *Store) CanRedo() bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.redo) > 0
}

// restoreState puts one annotation back as it was (nil: absent). A
// restored edit counts as modified now, so that it wins over older copies
// when files are merged.
func (s *Store) restoreState(st step, it *item) error {
	if it != nil && st.verb == "edit" {
		it = it.touched(s.now(), s.generator())
	}
	return s.commit(func(d *document) error {
		if it == nil {
			d.remove(st.id)
		} else {
			d.put(it)
		}
		return nil
	})
}
