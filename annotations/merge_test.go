package annotations

import (
	"encoding/json"
	"errors"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/parallax-reader/parallax/model"
)

// editExternally changes the file as another program would: it reads the
// JSON, lets change edit the list of items, and writes it back in place.
func editExternally(t *testing.T, path string, change func(items []map[string]any) []map[string]any) {
	t.Helper()
	var file map[string]any
	if err := json.Unmarshal(readFile(t, path), &file); err != nil {
		t.Fatal(err)
	}
	page := file["first"].(map[string]any)
	var items []map[string]any
	for _, it := range page["items"].([]any) {
		items = append(items, it.(map[string]any))
	}
	page["items"] = change(items)
	out, err := json.MarshalIndent(file, "", "\t") // another program's layout
	if err != nil {
		t.Fatal(err)
	}
	// Make sure the change is visible to a size/mtime check even on
	// file systems with coarse timestamps.
	old, _ := os.Stat(path)
	if err := os.WriteFile(path, out, 0o644); err != nil {
		t.Fatal(err)
	}
	if old != nil {
		_ = os.Chtimes(path, time.Now(), old.ModTime().Add(time.Second))
	}
}

func withNote(it map[string]any, note, modified string) {
	for _, b := range it["body"].([]any) {
		body := b.(map[string]any)
		if body["purpose"] == "commenting" {
			body["value"] = note
		}
	}
	it["modified"] = modified
}

func noteOf(t *testing.T, s *Store, id string) string {
	t.Helper()
	a, ok := s.Get(id)
	if !ok {
		return "-"
	}
	return a.Note
}

func TestExternalChangesAreMerged(t *testing.T) {
	p := tempFile(t)
	clock := newClock()
	s := openStore(t, p, testArticles(), clock)
	var ids []string
	for range 3 {
		clock.advance(time.Second) // file order is add order
		a, err := s.Add(numberTag(t))
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, a.ID)
	}
	if changed, err := s.Refresh(); changed || err != nil {
		t.Fatalf("no change yet: %v %v", changed, err)
	}
	// Another program edits tag 0, deletes tag 1 and adds a copy of tag 2
	// under a new id.
	editExternally(t, p, func(items []map[string]any) []map[string]any {
		withNote(items[0], "their note", "2025-03-14T10:00:00Z")
		added := map[string]any{}
		for k, v := range items[2] {
			added[k] = v
		}
		added["id"] = "urn:uuid:00000000-0000-4000-8000-0000000000aa"
		return []map[string]any{items[0], items[2], added}
	})
	changed, err := s.Refresh()
	if !changed || err != nil {
		t.Fatalf("Refresh: %v %v", changed, err)
	}
	if noteOf(t, s, ids[0]) != "their note" || noteOf(t, s, ids[1]) != "-" || noteOf(t, s, "urn:uuid:00000000-0000-4000-8000-0000000000aa") == "-" {
		t.Fatalf("merge result: %v", s.Annotations())
	}
	// Their added tag is anchored like any other.
	added, _ := s.Get("urn:uuid:00000000-0000-4000-8000-0000000000aa")
	if added.Targets[0].Anchoring != model.AnchorPosition {
		t.Errorf("their tag: %s", added.Targets[0].Anchoring)
	}

	// A change made without a Refresh first still merges: the save reads
	// the file.
	editExternally(t, p, func(items []map[string]any) []map[string]any {
		withNote(items[1], "edited without refresh", "2025-03-14T10:05:00Z")
		return items
	})
	mine, err := s.Add(numberTag(t))
	if err != nil {
		t.Fatal(err)
	}
	d, _ := parseDocument(readFile(t, p))
	if len(d.items) != 4 {
		t.Fatalf("%d items after the save, want 4", len(d.items))
	}
	if _, it := d.find(ids[2]); it == nil || it.ann.Note != "edited without refresh" {
		t.Error("their edit was clobbered by the save")
	}
	if _, it := d.find(mine.ID); it == nil {
		t.Error("my tag is missing")
	}
	if string(readFile(t, p)) != string(d.encode()) {
		t.Error("the merged file is not in parallax's layout")
	}
}

func TestConflictNewerEditWins(t *testing.T) {
	p := tempFile(t)
	clock := newClock() // 09:26:53
	s := openStore(t, p, testArticles(), clock)
	a, err := s.Add(numberTag(t))
	if err != nil {
		t.Fatal(err)
	}
	// Both edit the tag before either sees the other's edit: theirs at
	// 11:00, ours at 10:00. Theirs wins.
	editExternally(t, p, func(items []map[string]any) []map[string]any {
		withNote(items[0], "theirs, later", "2025-03-14T11:00:00Z")
		return items
	})
	clock.t = time.Date(2025, 3, 14, 10, 0, 0, 0, time.UTC)
	a.Note = "mine"
	if err := s.Update(a); err != nil {
		t.Fatal(err)
	}
	if got := noteOf(t, s, a.ID); got != "theirs, later" {
		t.Errorf("kept %q", got)
	}
	changed, err := s.Refresh()
	var ce *ConflictError
	if changed || !errors.As(err, &ce) || len(ce.Conflicts) != 1 ||
		err.Error() != "the number tag "+shortID(a.ID)+" was edited both here and in another program; kept the later edit, from the other program" {
		t.Fatalf("Refresh: %v %v", changed, err)
	}
	if _, err := s.Refresh(); err != nil {
		t.Errorf("a conflict is reported once: %v", err)
	}

	// Theirs at 10:30, ours at 12:00: ours wins.
	editExternally(t, p, func(items []map[string]any) []map[string]any {
		withNote(items[0], "theirs, earlier", "2025-03-14T10:30:00Z")
		return items
	})
	clock.t = time.Date(2025, 3, 14, 12, 0, 0, 0, time.UTC)
	a.Note = "mine, later"
	if err := s.Update(a); err != nil {
		t.Fatal(err)
	}
	if got := noteOf(t, s, a.ID); got != "mine, later" {
		t.Errorf("kept %q", got)
	}
	if _, err := s.Refresh(); err == nil || !strings.HasSuffix(err.Error(), "kept the later edit, from here") {
		t.Errorf("Refresh: %v", err)
	}
	if d, _ := parseDocument(readFile(t, p)); d.items[0].ann.Note != "mine, later" {
		t.Error("the file does not hold the winning edit")
	}
}

func TestConflictEditBeatsDelete(t *testing.T) {
	p := tempFile(t)
	clock := newClock()
	s := openStore(t, p, testArticles(), clock)
	a, _ := s.Add(numberTag(t))
	// They delete the tag while we edit it: our edit is kept.
	editExternally(t, p, func([]map[string]any) []map[string]any { return nil })
	clock.advance(time.Hour)
	a.Note = "mine"
	if err := s.Update(a); err != nil {
		t.Fatal(err)
	}
	if noteOf(t, s, a.ID) != "mine" || !fileIDs(t, p)[a.ID] {
		t.Error("our edit was lost")
	}
	if _, err := s.Refresh(); err == nil || !strings.Contains(err.Error(), "deleted in another program but edited here; it was kept") {
		t.Errorf("Refresh: %v", err)
	}
	// They edit the tag while we delete it: their edit is kept.
	editExternally(t, p, func(items []map[string]any) []map[string]any {
		withNote(items[0], "theirs", "2025-03-14T09:30:00Z")
		return items
	})
	if err := s.Delete(a.ID); err != nil {
		t.Fatal(err)
	}
	if noteOf(t, s, a.ID) != "theirs" || !fileIDs(t, p)[a.ID] {
		t.Error("their edit was lost")
	}
	if _, err := s.Refresh(); err == nil || !strings.Contains(err.Error(), "deleted here but edited in another program; it was kept") {
		t.Errorf("Refresh: %v", err)
	}
}

func TestRefreshIgnoresTouchAndRestoresRemovedFile(t *testing.T) {
	p := tempFile(t)
	s := openStore(t, p, testArticles(), nil)
	a, _ := s.Add(numberTag(t))
	later := time.Now().Add(time.Minute)
	if err := os.Chtimes(p, later, later); err != nil {
		t.Fatal(err)
	}
	if changed, err := s.Refresh(); changed || err != nil {
		t.Errorf("touched file: %v %v", changed, err)
	}
	if err := os.Remove(p); err != nil {
		t.Fatal(err)
	}
	_, err := s.Refresh()
	if err == nil || !strings.Contains(err.Error(), "was removed by another program; wrote its 1 tags back") {
		t.Errorf("Refresh: %v", err)
	}
	if !fileIDs(t, p)[a.ID] {
		t.Error("the tags were not written back")
	}
	if err := os.WriteFile(p, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Refresh(); err == nil || !strings.Contains(err.Error(), "was emptied") {
		t.Errorf("emptied: %v", err)
	}
	if !fileIDs(t, p)[a.ID] {
		t.Error("the tags were not written back into the emptied file")
	}
}

func TestBrokenExternalEditIsNeverOverwritten(t *testing.T) {
	p := tempFile(t)
	s := openStore(t, p, testArticles(), nil)
	a, _ := s.Add(numberTag(t))
	good := readFile(t, p)
	broken := strings.Replace(string(good), `"type": "Annotation"`, `"type": "Annotation",,`, 1)
	if err := os.WriteFile(p, []byte(broken), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := s.Refresh()
	var pe *ParseError
	if !errors.As(err, &pe) || pe.Line == 0 {
		t.Fatalf("Refresh: %v", err)
	}
	_, err = s.Add(numberTag(t))
	if !errors.As(err, &pe) || !strings.HasPrefix(err.Error(), "not saved, because the file was changed by another program and can no longer be read") {
		t.Fatalf("Add: %v", err)
	}
	if err := s.Delete(a.ID); err == nil {
		t.Fatal("Delete succeeded on a broken file")
	}
	if string(readFile(t, p)) != broken {
		t.Fatal("the broken file was overwritten")
	}
	if len(s.Annotations()) != 1 {
		t.Error("a refused change was applied in memory")
	}
	// Once fixed, changes work again and nothing was lost.
	if err := os.WriteFile(p, good, 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Add(numberTag(t)); err != nil {
		t.Fatal(err)
	}
	if ids := fileIDs(t, p); len(ids) != 2 || !ids[a.ID] {
		t.Errorf("after the fix: %v", ids)
	}
}

func TestMergeDismissals(t *testing.T) {
	base := []string{"a", "b"}
	got := mergeSet(base, []string{"a", "b", "mine"}, []string{"a", "theirs"})
	if strings.Join(got, ",") != "a,mine,theirs" {
		t.Errorf("merged %v", got)
	}
}
