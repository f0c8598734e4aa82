package annotations

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"slices"
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

// editFile rewrites the annotation file as another program would,
// replacing old with new once.
func editFile(t *testing.T, p, old, new string) {
	t.Helper()
	data := string(readFile(t, p))
	if !strings.Contains(data, old) {
		t.Fatalf("%q not in the file", old)
	}
	if err := os.WriteFile(p, []byte(strings.Replace(data, old, new, 1)), 0o644); err != nil {
		t.Fatal(err)
	}
}

// Another program edits the tag while parallax has the file open and has
// not refreshed yet: the undo still sees the edit and refuses, and the
// file keeps the edit.
func TestUndoRefusedAfterLiveExternalEdit(t *testing.T) {
	p := tempFile(t)
	clock := newClock()
	s := openStore(t, p, testArticles(), clock)
	a, err := s.Add(numberTag(t))
	if err != nil {
		t.Fatal(err)
	}
	clock.advance(time.Minute)
	edited := a
	edited.Note = "second thoughts"
	if err := s.Update(edited); err != nil {
		t.Fatal(err)
	}
	editFile(t, p, "second thoughts", "edited elsewhere")
	_, err = s.Undo()
	if err == nil || err.Error() != "cannot undo the edit of number tag: the tag was changed elsewhere since" {
		t.Fatalf("undo over a live external edit: %v", err)
	}
	if !strings.Contains(string(readFile(t, p)), "edited elsewhere") {
		t.Fatal("the external edit is no longer in the file")
	}
	// The refused step is gone; the one below it no longer matches either.
	if _, err := s.Undo(); err == nil || !strings.Contains(err.Error(), "cannot undo the new number tag") {
		t.Fatalf("second undo: %v", err)
	}
	if s.CanUndo() {
		t.Fatal("refused steps should be dropped")
	}
	if got, ok := s.Get(a.ID); !ok || got.Note != "edited elsewhere" {
		t.Fatalf("the external edit was lost: %+v", got)
	}
}

// A change elsewhere to something parallax does not show (here a
// target's role) also makes the step stale: the undo would otherwise
// silently revert it.
func TestUndoRefusedAfterExternalRoleChange(t *testing.T) {
	p := tempFile(t)
	s := openStore(t, p, testArticles(), newClock())
	if _, err := s.Add(numberTag(t)); err != nil {
		t.Fatal(err)
	}
	editFile(t, p, `"counterpart"`, `"disputed"`)
	if _, err := s.Undo(); err == nil || !strings.Contains(err.Error(), "changed elsewhere since") {
		t.Fatalf("undo over an external role change: %v", err)
	}
	if len(s.Annotations()) != 1 {
		t.Fatal("the tag changed elsewhere was removed")
	}
}

// An external edit of another tag does not stand in the way: the undo
// applies to its own tag and the other edit is kept.
func TestUndoKeepsExternalEditOfAnotherTag(t *testing.T) {
	p := tempFile(t)
	clock := newClock()
	s := openStore(t, p, testArticles(), clock)
	first, err := s.Add(numberTag(t))
	if err != nil {
		t.Fatal(err)
	}
	clock.advance(time.Minute)
	other := numberTag(t)
	other.Kind = model.Framing
	other.Note = "framed differently"
	other, err = s.Add(other)
	if err != nil {
		t.Fatal(err)
	}
	s = reopen(t, s, clock)
	editFile(t, p, first.Note, "first, edited elsewhere")
	if msg, err := s.Undo(); err != nil || msg != "undid new framing tag" {
		t.Fatalf("undo: %q, %v", msg, err)
	}
	ids := fileIDs(t, p)
	if ids[other.ID] || !ids[first.ID] {
		t.Fatalf("file holds %v after the undo", ids)
	}
	if got, _ := s.Get(first.ID); got.Note != "first, edited elsewhere" {
		t.Fatalf("the external edit of the other tag was lost: %q", got.Note)
	}
}

// The history stays bounded: as it is kept, as it is written, and as it is
// read back from a file that holds more.
func TestHistoryBounded(t *testing.T) {
	p := tempFile(t)
	s := openStore(t, p, testArticles(), newClock())
	a, err := s.Add(numberTag(t))
	if err != nil {
		t.Fatal(err)
	}
	full := make([]step, maxHistory)
	for i := range full {
		full[i] = s.undo[0]
	}
	s.undo = full
	if _, err := s.Add(numberTag(t)); err != nil {
		t.Fatal(err)
	}
	if len(s.undo) != maxHistory {
		t.Fatalf("%d steps kept, want %d", len(s.undo), maxHistory)
	}
	var hf historyFile
	if err := json.Unmarshal(readFile(t, historyPath(p)), &hf); err != nil {
		t.Fatal(err)
	}
	if len(hf.Undo) != maxHistory || len(hf.Redo) != 0 {
		t.Fatalf("history file holds %d undo and %d redo steps", len(hf.Undo), len(hf.Redo))
	}

	// A file with more steps than the bound, written by hand.
	step := historyStep{Verb: "new", Kind: model.Number, ID: a.ID}
	_, it := s.doc.find(a.ID)
	step.After = it.canon()
	hf.Undo = slices.Repeat([]historyStep{step}, maxHistory+7)
	hf.Redo = slices.Repeat([]historyStep{step}, maxHistory+3)
	data, err := json.Marshal(hf)
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	if err := os.WriteFile(historyPath(p), data, 0o644); err != nil {
		t.Fatal(err)
	}
	s = openStore(t, p, testArticles(), newClock())
	if len(s.undo) != maxHistory || len(s.redo) != maxHistory {
		t.Fatalf("read %d undo and %d redo steps, want %d each", len(s.undo), len(s.redo), maxHistory)
	}
}

// Steps that do not read (an unknown verb, an id that is not the item's)
// are dropped one by one; the rest of the history still works.
func TestHistoryBadStepsDropped(t *testing.T) {
	p := tempFile(t)
	s := openStore(t, p, testArticles(), newClock())
	a, err := s.Add(numberTag(t))
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	var hf historyFile
	if err := json.Unmarshal(readFile(t, historyPath(p)), &hf); err != nil {
		t.Fatal(err)
	}
	good := hf.Undo[0]
	wrongID := good
	wrongID.ID = "urn:uuid:00000000-0000-4000-8000-000000000000"
	hf.Undo = []historyStep{good, {Verb: "explode", ID: a.ID}, wrongID, {Verb: "new", ID: a.ID, After: json.RawMessage(`{"not":"an annotation"}`)}}
	data, _ := json.Marshal(hf)
	if err := os.WriteFile(historyPath(p), data, 0o644); err != nil {
		t.Fatal(err)
	}
	before := readFile(t, p)
	s = openStore(t, p, testArticles(), newClock())
	if len(s.undo) != 1 {
		t.Fatalf("%d steps kept, want the one good step", len(s.undo))
	}
	if !bytes.Equal(readFile(t, p), before) {
		t.Fatal("opening with an odd history rewrote the annotation file")
	}
	if msg, err := s.Undo(); err != nil || msg != "undid new number tag" {
		t.Fatalf("undo of the good step: %q, %v", msg, err)
	}
}

// The history file is not an annotation file: opening it as one fails
// with a parse error and leaves it as it was.
func TestHistoryFileIsNotAnAnnotationFile(t *testing.T) {
	p := tempFile(t)
	s := openStore(t, p, testArticles(), newClock())
	if _, err := s.Add(numberTag(t)); err != nil {
		t.Fatal(err)
	}
	s.Close()
	hp := historyPath(p)
	before := readFile(t, hp)
	_, err := Open(hp, testArticles(), Options{})
	var pe *ParseError
	if !errors.As(err, &pe) {
		t.Fatalf("opening the history as annotations: %v", err)
	}
	t.Log(err)
	if !bytes.Equal(readFile(t, hp), before) {
		t.Fatal("the history file was changed")
	}
	if p2, err := DefaultPath(testArticles()); err == nil && strings.HasSuffix(p2, ".history") {
		t.Fatalf("DefaultPath names a history file: %s", p2)
	}
}
