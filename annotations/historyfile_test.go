package annotations

import (
	"bytes"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/parallax-reader/parallax/model"
)

// reopen closes s and opens the same file again, as a new session would.
func reopen(t *testing.T, s *Store, clock *fixedClock) *Store {
	t.Helper()
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	return openStore(t, s.Path(), testArticles(), clock)
}

// The last change of an earlier session can be undone, and redone, after
// the file is opened again.
func TestUndoAcrossSessions(t *testing.T) {
	p := tempFile(t)
	clock := newClock()
	s := openStore(t, p, testArticles(), clock)
	first, err := s.Add(numberTag(t))
	if err != nil {
		t.Fatal(err)
	}
	clock.advance(time.Minute)
	second := numberTag(t)
	second.Kind = model.Omission
	second, err = s.Add(second)
	if err != nil {
		t.Fatal(err)
	}

	s = reopen(t, s, clock)
	if !s.CanUndo() {
		t.Fatal("nothing to undo after reopening")
	}
	msg, err := s.Undo()
	if err != nil || msg != "undid new omission tag" {
		t.Fatalf("undo after reopening: %q, %v", msg, err)
	}
	if ids := fileIDs(t, p); ids[second.ID] || !ids[first.ID] {
		t.Fatalf("after undo the file holds %v; want only the first tag", ids)
	}

	s = reopen(t, s, clock)
	if msg, err := s.Redo(); err != nil || msg != "redid new omission tag" {
		t.Fatalf("redo after reopening: %q, %v", msg, err)
	}
	if ids := fileIDs(t, p); !ids[second.ID] {
		t.Fatal("redo did not bring the tag back")
	}

	// Edits and deletions too.
	edited := first
	edited.Note = "changed the next day"
	if err := s.Update(edited); err != nil {
		t.Fatal(err)
	}
	if err := s.Delete(second.ID); err != nil {
		t.Fatal(err)
	}
	s = reopen(t, s, clock)
	if msg, err := s.Undo(); err != nil || msg != "undid delete of omission tag" {
		t.Fatalf("undo of a delete after reopening: %q, %v", msg, err)
	}
	if msg, err := s.Undo(); err != nil || msg != "undid edit of number tag" {
		t.Fatalf("undo of an edit after reopening: %q, %v", msg, err)
	}
	if a, ok := s.Get(first.ID); !ok || a.Note != first.Note {
		t.Fatalf("the edit was not undone: %+v", a)
	}
}

// A history that does not read is ignored, and the annotation file is not
// touched because of it.
func TestCorruptHistoryIgnored(t *testing.T) {
	p := tempFile(t)
	s := openStore(t, p, testArticles(), newClock())
	if _, err := s.Add(numberTag(t)); err != nil {
		t.Fatal(err)
	}
	s.Close()
	if err := os.WriteFile(historyPath(p), []byte("{not json"), 0o644); err != nil {
		t.Fatal(err)
	}
	before := readFile(t, p)
	s = openStore(t, p, testArticles(), newClock())
	if s.CanUndo() {
		t.Fatal("a corrupt history should leave nothing to undo")
	}
	if len(s.Annotations()) != 1 || !bytes.Equal(readFile(t, p), before) {
		t.Fatal("the annotation file changed because of a corrupt history")
	}
}

// A tag changed by another program since the step was recorded is not
// undone blindly: the undo is refused with a message and the change kept.
func TestUndoRefusedAfterExternalEdit(t *testing.T) {
	p := tempFile(t)
	clock := newClock()
	s := openStore(t, p, testArticles(), clock)
	a, err := s.Add(numberTag(t))
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	// Another program edits the note in the file.
	data := strings.Replace(string(readFile(t, p)), a.Note, "edited elsewhere", 1)
	if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
	s = openStore(t, p, testArticles(), clock)
	if _, err := s.Undo(); err == nil || !strings.Contains(err.Error(), "changed elsewhere") {
		t.Fatalf("undo over an external edit: %v", err)
	}
	if got, ok := s.Get(a.ID); !ok || got.Note != "edited elsewhere" {
		t.Fatalf("the external edit was lost: %+v", got)
	}
}

// A read-only store reads the history but never writes it.
func TestReadOnlyDoesNotWriteHistory(t *testing.T) {
	p := tempFile(t)
	s := openStore(t, p, testArticles(), newClock())
	if _, err := s.Add(numberTag(t)); err != nil {
		t.Fatal(err)
	}
	s.Close()
	hist := readFile(t, historyPath(p))
	ro, err := Open(p, testArticles(), Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer ro.Close()
	if !ro.CanUndo() {
		t.Fatal("a read-only store should still know the history")
	}
	if _, err := ro.Undo(); err == nil {
		t.Fatal("undo on a read-only store should be refused")
	}
	if !bytes.Equal(readFile(t, historyPath(p)), hist) {
		t.Fatal("a read-only store wrote the history")
	}
}
