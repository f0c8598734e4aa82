package annotations

import (
	"errors"
	"fmt"
)

var (
	// ErrLocked is matched (errors.Is) by the error Open returns when
	// another parallax has the file open for writing; the caller may open
	// it again with Options.ReadOnly.
	ErrLocked = errors.New("annotation file is in use by another parallax")
	// ErrReadOnly is matched by the error every change returns on a store
	// opened read-only.
	ErrReadOnly = errors.New("annotations are read-only")
	// ErrNotFound is matched when no annotation has the given id.
	ErrNotFound = errors.New("no such annotation")
	// ErrNothingToUndo and ErrNothingToRedo report an empty history.
	ErrNothingToUndo = errors.New("nothing to undo")
	ErrNothingToRedo = errors.New("nothing to redo")
	// ErrClosed is returned by changes after Close.
	ErrClosed = errors.New("the annotation store is closed")
)

// LockedError says which process holds the file.
type LockedError struct {
	Path string
	PID  int // 0 when unknown
}

func (e *LockedError) Error() string {
	who := "another parallax"
	if e.PID > 0 {
		who = fmt.Sprintf("another parallax (pid %d)", e.PID)
	}
	return fmt.Sprintf("%s is in use by %s; open read-only with --read-only", e.Path, who)
}

func (e *LockedError) Is(target error) bool { return target == ErrLocked }

// ParseError is an annotation file that cannot be read. Such a file is
// never overwritten.
type ParseError struct {
	Path string
	// Line and Column locate the problem (1-based); 0 when it is not at
	// one place, such as a missing property.
	Line, Column int
	Msg          string
	// Backup is the path of the previous version, when there is one.
	Backup string
}

func (e *ParseError) Error() string {
	where := e.Path
	if e.Line > 0 {
		where = fmt.Sprintf("%s:%d:%d", e.Path, e.Line, e.Column)
	}
	hint := "fix it or move it aside"
	if e.Backup != "" {
		hint += fmt.Sprintf(" (a backup is at %s)", e.Backup)
	}
	return fmt.Sprintf("%s: %s; %s", where, e.Msg, hint)
}

// ConflictError is what Refresh returns when the same tag was changed both
// here and by another program. The merge is done and saved; the message
// says which version of each such tag was kept.
type ConflictError struct {
	Conflicts []string
}

func (e *ConflictError) Error() string {
	if len(e.Conflicts) == 1 {
		return e.Conflicts[0]
	}
	return fmt.Sprintf("%s (and %d more conflicts)", e.Conflicts[0], len(e.Conflicts)-1)
}
