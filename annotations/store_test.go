package annotations

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/parallax-reader/parallax/model"
)

func TestAddRejectsBadTags(t *testing.T) {
	p := tempFile(t)
	s := openStore(t, p, testArticles(), nil)
	good := numberTag(t)
	cases := map[string]struct {
		change func(a *model.Annotation)
		want   string
	}{
		"kind":          {func(a *model.Annotation) { a.Kind = "rumour" }, `unknown discrepancy kind "rumour"`},
		"severity":      {func(a *model.Annotation) { a.Severity = "huge" }, `unknown severity "huge"`},
		"no targets":    {func(a *model.Annotation) { a.Targets = nil }, "a tag needs at least one passage"},
		"outside":       {func(a *model.Annotation) { a.Targets[0].Span.End = 100000 }, "passage 1: span 41–100000 is outside article a1"},
		"split rune":    {func(a *model.Annotation) { a.Targets[1].Span = span(t, textB, "ü"); a.Targets[1].Span.End-- }, "passage 2: span"},
		"closed":        {func(a *model.Annotation) { a.Targets[0].Article = "a9" }, "passage 1 is in an article that is not open (a9)"},
		"no article":    {func(a *model.Annotation) { a.Targets[1] = model.Target{Span: a.Targets[1].Span} }, "passage 2 names no article"},
		"backward span": {func(a *model.Annotation) { a.Targets[0].Span = model.Span{Start: 9, End: 3} }, "outside article"},
	}
	for name, c := range cases {
		a := good
		a.Targets = append([]model.Target(nil), good.Targets...)
		c.change(&a)
		_, err := s.Add(a)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: got %v, want %q", name, err, c.want)
		}
	}
	if _, err := os.Stat(p); !errors.Is(err, os.ErrNotExist) {
		t.Error("a refused tag created the file")
	}
	if s.CanUndo() {
		t.Error("a refused tag is in the undo history")
	}
	// Defaults: an empty severity is medium; Source works instead of Article.
	a := good
	a.Severity = ""
	a.Targets = []model.Target{{Source: "file:///home/me/flood-b.txt", Span: span(t, textB, "15 people")}}
	got, err := s.Add(a)
	if err != nil {
		t.Fatal(err)
	}
	if got.Severity != model.Medium || got.Targets[0].Article != "a2" || got.Targets[0].Exact != "15 people" {
		t.Errorf("added %+v", got)
	}
}

func TestUndoRedoArePersisted(t *testing.T) {
	p := tempFile(t)
	clock := newClock()
	s := openStore(t, p, testArticles(), clock)
	if _, err := s.Undo(); !errors.Is(err, ErrNothingToUndo) {
		t.Fatalf("empty undo: %v", err)
	}
	a, err := s.Add(numberTag(t))
	if err != nil {
		t.Fatal(err)
	}
	clock.advance(time.Minute)
	b := a
	b.Note = "edited"
	b.Kind = model.Contradiction
	if err := s.Update(b); err != nil {
		t.Fatal(err)
	}
	clock.advance(time.Minute)
	if err := s.Delete(a.ID); err != nil {
		t.Fatal(err)
	}

	note := func() string { // the note of tag a as the file has it; "-" if absent
		d, err := parseDocument(readFile(t, p))
		if err != nil {
			t.Fatal(err)
		}
		if _, it := d.find(a.ID); it != nil {
			return it.ann.Note
		}
		return "-"
	}
	steps := []struct {
		do       func() (string, error)
		msg      string
		fileNote string
	}{
		{s.Undo, "undid delete of contradiction tag", "edited"},
		{s.Undo, "undid edit of contradiction tag", a.Note},
		{s.Undo, "undid new number tag", "-"},
		{s.Redo, "redid new number tag", a.Note},
		{s.Redo, "redid edit of contradiction tag", "edited"},
		{s.Redo, "redid delete of contradiction tag", "-"},
		{s.Undo, "undid delete of contradiction tag", "edited"},
	}
	for i, st := range steps {
		clock.advance(time.Second)
		msg, err := st.do()
		if err != nil || msg != st.msg {
			t.Fatalf("step %d: %q, %v; want %q", i, msg, err, st.msg)
		}
		if got := note(); got != st.fileNote {
			t.Fatalf("step %d (%s): the file has note %q, want %q", i, msg, got, st.fileNote)
		}
	}
	if !s.CanRedo() || !s.CanUndo() {
		t.Error("CanUndo/CanRedo")
	}
	// A new change ends the redo history.
	if _, err := s.Add(numberTag(t)); err != nil {
		t.Fatal(err)
	}
	if s.CanRedo() {
		t.Error("redo survived a new change")
	}
	if _, err := s.Redo(); !errors.Is(err, ErrNothingToRedo) {
		t.Errorf("redo: %v", err)
	}
	// A restored edit counts as modified when it was restored.
	got, _ := s.Get(a.ID)
	if !got.Modified.After(a.Modified) || !got.Created.Equal(a.Created) {
		t.Errorf("created %v modified %v", got.Created, got.Modified)
	}
}

func TestUpdateWithoutChangeDoesNotSave(t *testing.T) {
	p := tempFile(t)
	clock := newClock()
	s := openStore(t, p, testArticles(), clock)
	a, err := s.Add(numberTag(t))
	if err != nil {
		t.Fatal(err)
	}
	before := readFile(t, p)
	clock.advance(time.Hour)
	if err := s.Update(a); err != nil {
		t.Fatal(err)
	}
	if string(readFile(t, p)) != string(before) {
		t.Error("an unchanged tag was saved again")
	}
	if msg, _ := s.Undo(); msg != "undid new number tag" {
		t.Errorf("the no-op update is in the history: %q", msg)
	}
	if err := s.Update(model.Annotation{ID: "urn:uuid:nope", Kind: model.Other}); !errors.Is(err, ErrNotFound) {
		t.Errorf("unknown id: %v", err)
	}
	if err := s.Delete("urn:uuid:nope"); !errors.Is(err, ErrNotFound) {
		t.Errorf("unknown id: %v", err)
	}
}

func TestUpdateKeepsTargetsOfClosedArticles(t *testing.T) {
	p := tempFile(t)
	s := openStore(t, p, testArticles(), nil)
	a, err := s.Add(numberTag(t))
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	d, _ := parseDocument(readFile(t, p))
	_, was := d.find(a.ID)

	// Only the first article is open now.
	s = openStore(t, p, testArticles()[:1], nil)
	got, _ := s.Get(a.ID)
	if got.Targets[1].Anchoring != model.AnchorNone || got.Targets[1].Exact != "At least 15 people died" {
		t.Fatalf("closed article's target: %+v", got.Targets[1])
	}
	got.Note = "changed while b was closed"
	got.Targets[1].Role = "other side"
	if err := s.Update(got); err != nil {
		t.Fatal(err)
	}
	d, _ = parseDocument(readFile(t, p))
	_, now := d.find(a.ID)
	if string(now.targets[0].raw) != string(was.targets[0].raw) {
		t.Errorf("unchanged open target rewritten:\n%s\n%s", was.targets[0].raw, now.targets[0].raw)
	}
	if now.targets[1].exact != was.targets[1].exact || now.targets[1].start != was.targets[1].start || now.targets[1].role != "other side" {
		t.Errorf("closed target: %+v", now.targets[1])
	}
	// A target that is neither open nor one the tag had is refused.
	got.Targets = append(got.Targets, model.Target{Source: "https://elsewhere.example/", Exact: "x"})
	if err := s.Update(got); err == nil || !strings.Contains(err.Error(), "not open") {
		t.Errorf("unknown closed target: %v", err)
	}
}

func TestSecondInstanceGetsLockedError(t *testing.T) {
	p := tempFile(t)
	first := openStore(t, p, testArticles(), nil)
	_, err := Open(p, testArticles(), Options{})
	if !errors.Is(err, ErrLocked) {
		t.Fatalf("second Open: %v, want ErrLocked", err)
	}
	want := fmt.Sprintf("%s is in use by another parallax (pid %d); open read-only with --read-only", p, os.Getpid())
	if err.Error() != want {
		t.Errorf("message %q\nwant    %q", err, want)
	}

	ro := openReadOnly(t, p)
	if !ro.ReadOnly() || ro.WhyReadOnly() != fmt.Sprintf("in use by another parallax (pid %d)", os.Getpid()) {
		t.Errorf("read-only reason %q", ro.WhyReadOnly())
	}
	if _, err := ro.Add(numberTag(t)); !errors.Is(err, ErrReadOnly) {
		t.Errorf("Add on a read-only store: %v", err)
	}
	// The writer's changes reach the reader.
	a, err := first.Add(numberTag(t))
	if err != nil {
		t.Fatal(err)
	}
	changed, err := ro.Refresh()
	if !changed || err != nil || len(ro.Annotations()) != 1 || ro.Annotations()[0].ID != a.ID {
		t.Errorf("reader refresh: %v %v %d", changed, err, len(ro.Annotations()))
	}
	// Once the first closes, the file opens for writing again.
	first.Close()
	again, err := Open(p, testArticles(), Options{})
	if err != nil {
		t.Fatalf("after Close: %v", err)
	}
	again.Close()
}

func openReadOnly(t *testing.T, p string) *Store {
	t.Helper()
	s, err := Open(p, testArticles(), Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func TestReadOnlyCreatesNothing(t *testing.T) {
	p := filepath.Join(t.TempDir(), "sub", "notes.jsonld")
	s := openReadOnly(t, p)
	if s.WhyReadOnly() != "opened read-only" {
		t.Errorf("reason %q", s.WhyReadOnly())
	}
	for _, f := range []func() error{
		func() error { return s.Delete("x") },
		func() error { return s.Dismiss("x") },
		func() error { _, err := s.Undo(); return err },
	} {
		if err := f(); err == nil {
			t.Error("a change on a read-only store succeeded")
		}
	}
	if err := s.Dismiss("x"); !errors.Is(err, ErrReadOnly) || !strings.Contains(err.Error(), "opened read-only") {
		t.Errorf("Dismiss: %v", err)
	}
	if _, err := os.Stat(filepath.Dir(p)); !errors.Is(err, os.ErrNotExist) {
		t.Error("read-only Open created the folder")
	}
}

func TestFolderAndFileCreatedOnFirstSave(t *testing.T) {
	p := filepath.Join(t.TempDir(), "a", "b", "notes.jsonld")
	s := openStore(t, p, testArticles(), nil)
	fi, err := os.Stat(filepath.Dir(p))
	if err != nil || fi.Mode().Perm() != 0o755&^umask(t) {
		t.Fatalf("folder: %v %v", fi.Mode(), err)
	}
	if _, err := os.Stat(p); !errors.Is(err, os.ErrNotExist) {
		t.Error("the file exists before the first change")
	}
	if _, err := s.Add(numberTag(t)); err != nil {
		t.Fatal(err)
	}
	if len(fileIDs(t, p)) != 1 {
		t.Error("first save missing")
	}
	if _, err := os.Stat(p + ".bak"); !errors.Is(err, os.ErrNotExist) {
		t.Error("a backup of nothing was written")
	}

	// Inside parallax's own data folder the folder is private.
	t.Setenv("XDG_DATA_HOME", t.TempDir())
	dp, err := DefaultPath(testArticles())
	if err != nil {
		t.Fatal(err)
	}
	s2 := openStore(t, dp, testArticles(), nil)
	s2.Close()
	if fi, err := os.Stat(filepath.Dir(dp)); err != nil || fi.Mode().Perm() != 0o700 {
		t.Errorf("data folder mode %v %v", fi.Mode(), err)
	}
}

func umask(t *testing.T) os.FileMode {
	dir := t.TempDir()
	probe := filepath.Join(dir, "probe")
	if err := os.Mkdir(probe, 0o777); err != nil {
		t.Fatal(err)
	}
	fi, _ := os.Stat(probe)
	return 0o777 &^ fi.Mode().Perm()
}

func TestBackupHoldsPreviousVersion(t *testing.T) {
	p := tempFile(t)
	s := openStore(t, p, testArticles(), nil)
	var ids []string
	for range 3 {
		a, err := s.Add(numberTag(t))
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, a.ID)
		if _, err := os.Stat(p + ".bak"); len(ids) > 1 && err != nil {
			t.Fatal("no backup after a second save")
		}
	}
	bak := fileIDs(t, p+".bak")
	if len(bak) != 2 || !bak[ids[0]] || !bak[ids[1]] {
		t.Errorf("backup holds %v", bak)
	}
	entries, _ := os.ReadDir(filepath.Dir(p))
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), ".") {
			t.Errorf("temporary file left behind: %s", e.Name())
		}
	}
}

func TestDismissIsRemembered(t *testing.T) {
	p := tempFile(t)
	s := openStore(t, p, testArticles(), nil)
	if s.Dismissed("s1") {
		t.Fatal("dismissed before Dismiss")
	}
	for _, id := range []string{"s2", "s1", "s2"} {
		if err := s.Dismiss(id); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.Dismiss(""); err == nil {
		t.Error("empty id accepted")
	}
	s.Close()
	s = openStore(t, p, testArticles(), nil)
	if !s.Dismissed("s1") || !s.Dismissed("s2") || s.Dismissed("s3") {
		t.Error("dismissals not read back")
	}
	var f map[string]any
	_ = json.Unmarshal(readFile(t, p), &f)
	if fmt.Sprint(f["parallax:dismissed"]) != "[s1 s2]" {
		t.Errorf("file holds %v", f["parallax:dismissed"])
	}
}

func TestCloseEndsChanges(t *testing.T) {
	s := openStore(t, tempFile(t), testArticles(), nil)
	s.Close()
	if _, err := s.Add(numberTag(t)); !errors.Is(err, ErrClosed) {
		t.Errorf("Add after Close: %v", err)
	}
	if err := s.Close(); err != nil {
		t.Errorf("second Close: %v", err)
	}
}

func TestDefaultPath(t *testing.T) {
	data := t.TempDir()
	t.Setenv("XDG_DATA_HOME", data)
	arts := testArticles()
	p1, err := DefaultPath(arts)
	if err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(data, "parallax", "annotations")
	if filepath.Dir(p1) != dir {
		t.Errorf("folder %s, want %s", filepath.Dir(p1), dir)
	}
	base := filepath.Base(p1)
	if !strings.HasPrefix(base, "floods-in-zurich-kill-12-") || !strings.HasSuffix(base, ".jsonld") || len(base) != len("floods-in-zurich-kill-12-")+8+len(".jsonld") {
		t.Errorf("name %s", base)
	}
	// The order of the articles after the first does not matter, but the
	// set does.
	p2, _ := DefaultPath([]model.Article{arts[0], arts[1]})
	if p2 != p1 {
		t.Error("not deterministic")
	}
	swapped := []model.Article{arts[1], arts[0]}
	swapped[0].Title = arts[0].Title
	if p3, _ := DefaultPath(swapped); p3 != p1 {
		t.Error("depends on article order")
	}
	if p4, _ := DefaultPath(arts[:1]); p4 == p1 {
		t.Error("another set of articles gave the same file")
	}
	// A relative XDG_DATA_HOME is ignored, as the specification says.
	t.Setenv("XDG_DATA_HOME", "relative/dir")
	t.Setenv("HOME", data)
	if p, _ := DefaultPath(arts); !strings.HasPrefix(p, filepath.Join(data, ".local", "share", "parallax", "annotations")) {
		t.Errorf("relative XDG_DATA_HOME used: %s", p)
	}
	if _, err := DefaultPath(nil); err == nil {
		t.Error("no articles accepted")
	}
	for title, want := range map[string]string{
		"":                             "articles",
		"  !!  ":                       "articles",
		"Ça déraille: Œuvre à Zürich":  "ca-deraille-œuvre-a-zurich",
		"北京 talks, day 2":              "北京-talks-day-2",
		strings.Repeat("long ", 30):    strings.TrimSuffix(strings.Repeat("long-", 9), "-"),
		"../../etc/passwd":             "etc-passwd",
		"Ahmed al-Maliki’s “red line”": "ahmed-al-maliki-s-red-line",
	} {
		if got := slug(title); got != want {
			t.Errorf("slug(%q) = %q, want %q", title, got, want)
		}
	}
	if !strings.Contains(DefaultPathHelp, "XDG_DATA_HOME") {
		t.Error("help text")
	}
}

func TestConcurrentUse(t *testing.T) {
	p := tempFile(t)
	s := openStore(t, p, testArticles(), nil)
	done := make(chan error)
	for range 4 {
		go func() {
			for range 10 {
				if _, err := s.Add(numberTag(t)); err != nil {
					done <- err
					return
				}
				_ = s.Annotations()
				if _, err := s.Refresh(); err != nil {
					done <- err
					return
				}
			}
			done <- nil
		}()
	}
	for range 4 {
		if err := <-done; err != nil {
			t.Fatal(err)
		}
	}
	if n := len(fileIDs(t, p)); n != 40 {
		t.Errorf("%d tags in the file, want 40", n)
	}
}
