package preview

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/parallax-reader/parallax/ui/theme"
)

func wrote(out []tea.Msg) (WroteMsg, bool) {
	for _, msg := range out {
		if w, ok := msg.(WroteMsg); ok {
			return w, true
		}
	}
	return WroteMsg{}, false
}

func readFile(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestWriteDefaultPath(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "harbour-notes.md")
	md := fixedNote(t)
	m := newPreview(t, theme.Dark(), md, path, 200, 24)

	typeKeys(m, "w")
	if got := statusRow(m); !strings.Contains(got, "write to: "+path) {
		t.Fatalf("the path input does not offer the default path: %q", got)
	}
	w, ok := wrote(typeKeys(m, "enter"))
	if !ok {
		t.Fatal("enter sent no WroteMsg")
	}
	if w.Path != path || w.Bytes != len(md) {
		t.Errorf("WroteMsg = %+v, want %s and %d bytes", w, path, len(md))
	}
	// The file is the Markdown itself, front matter and all, not the
	// rendered text.
	if got := readFile(t, path); !bytes.Equal(got, md) {
		t.Errorf("file holds %d bytes that differ from the %d given", len(got), len(md))
	}
	want := "wrote notes to " + path + " (" + itoa(len(md)) + " bytes)"
	if got := statusRow(m); !strings.Contains(got, want) {
		t.Errorf("status = %q, want %q", got, want)
	}
	if m.StatusIsError() {
		t.Error("success shown as an error")
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("the folder holds %d entries, want only the note (no temporary file left)", len(entries))
	}
}

func TestWriteEditedPath(t *testing.T) {
	dir := t.TempDir()
	md := fixedNote(t)
	m := newPreview(t, theme.Dark(), md, filepath.Join(dir, "default.md"), 160, 24)
	typeKeys(m, "w")
	clearInput(m)
	other := filepath.Join(dir, "edited.md")
	typeText(m, other)
	w, ok := wrote(typeKeys(m, "enter"))
	if !ok || w.Path != other {
		t.Fatalf("wrote %+v (%v), want %s", w, ok, other)
	}
	if !bytes.Equal(readFile(t, other), md) {
		t.Error("edited path holds other bytes")
	}
	if _, err := os.Stat(filepath.Join(dir, "default.md")); !errors.Is(err, fs.ErrNotExist) {
		t.Error("the default path was written too")
	}
	// The next w offers the path last used.
	typeKeys(m, "w")
	if got := statusRow(m); !strings.Contains(got, "write to: "+other) {
		t.Errorf("second w offers %q, want the edited path", got)
	}
	if m.Path() != other {
		t.Errorf("Path() = %q, want %q", m.Path(), other)
	}
}

func TestWriteHomePath(t *testing.T) {
	home := t.TempDir()
	t.Setenv("HOME", home)
	t.Setenv("USERPROFILE", home)
	m := newPreview(t, theme.Dark(), fixedNote(t), "~/notes.md", 120, 24)
	w, ok := wrote(typeKeys(m, "w", "enter"))
	if !ok || w.Path != filepath.Join(home, "notes.md") {
		t.Fatalf("wrote %+v (%v), want notes.md in the home folder; status %q", w, ok, statusRow(m))
	}
}

func TestOverwriteAsks(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "notes.md")
	old := []byte("an older note\n")
	md := fixedNote(t)
	setup := func() *Model {
		if err := os.WriteFile(path, old, 0o644); err != nil {
			t.Fatal(err)
		}
		m := newPreview(t, theme.Dark(), md, path, 160, 24)
		if _, ok := wrote(typeKeys(m, "w", "enter")); ok {
			t.Fatal("wrote over a different file without asking")
		}
		if got := statusRow(m); !strings.Contains(got, "overwrite "+path+"?") {
			t.Fatalf("no question asked: %q", got)
		}
		if !bytes.Equal(readFile(t, path), old) {
			t.Fatal("the file changed before the answer")
		}
		return m
	}

	m := setup()
	if _, ok := wrote(typeKeys(m, "y")); !ok {
		t.Fatalf("y did not write: %q", statusRow(m))
	}
	if !bytes.Equal(readFile(t, path), md) {
		t.Error("y did not replace the file with the note")
	}

	m = setup()
	typeKeys(m, "esc")
	if !bytes.Equal(readFile(t, path), old) {
		t.Error("esc overwrote the file")
	}
	if got := statusRow(m); !strings.Contains(got, "not written: "+path+" is unchanged") {
		t.Errorf("esc: status %q, want not written", got)
	}

	m = setup()
	typeKeys(m, "n")
	if got := statusRow(m); !strings.Contains(got, "write to: "+path) {
		t.Errorf("n should reopen the path input: %q", got)
	}
	if !bytes.Equal(readFile(t, path), old) {
		t.Error("n overwrote the file")
	}

	// The same bytes again: nothing would be lost, so no question.
	if err := os.WriteFile(path, md, 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(path, 0o600); err != nil {
		t.Fatal(err)
	}
	m = newPreview(t, theme.Dark(), md, path, 160, 24)
	if _, ok := wrote(typeKeys(m, "w", "enter")); !ok {
		t.Errorf("asked before rewriting identical content: %q", statusRow(m))
	}
	if info, err := os.Stat(path); err != nil || info.Mode().Perm() != 0o600 {
		t.Errorf("the file's permissions were not kept: %v %v", info.Mode(), err)
	}
}

func TestWriteRefusals(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "plain.txt")
	if err := os.WriteFile(file, []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name, path, want string
	}{
		{"folder", dir, "is a folder"},
		{"trailing slash", filepath.Join(dir, "new") + string(filepath.Separator), "names a folder"},
		{"missing folder", filepath.Join(dir, "no", "such", "notes.md"), "no folder " + filepath.Join(dir, "no", "such")},
		{"file as folder", filepath.Join(file, "notes.md"), "is not a folder"},
		{"empty", "   ", "no file name"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			m := newPreview(t, theme.Dark(), fixedNote(t), "", 200, 24)
			typeKeys(m, "w")
			typeText(m, c.path)
			if _, ok := wrote(typeKeys(m, "enter")); ok {
				t.Fatal("wrote anyway")
			}
			got := lastRows(m)
			if !strings.Contains(got, c.want) || !m.StatusIsError() {
				t.Errorf("status %q (error %v), want an error with %q", got, m.StatusIsError(), c.want)
			}
			// The input stays open with the path, to fix it.
			if !strings.Contains(got, "write to: ") {
				t.Errorf("path input closed after an error: %q", got)
			}
		})
	}
	if _, err := os.Stat(filepath.Join(dir, "no")); !errors.Is(err, fs.ErrNotExist) {
		t.Error("a missing folder was created")
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("the folder holds %d entries, want just plain.txt", len(entries))
	}
}

// unwritableFolder returns a folder no file can be created in, or skips.
func unwritableFolder(t *testing.T) string {
	t.Helper()
	if runtime.GOOS == "windows" {
		t.Skip("folder permissions differ on Windows")
	}
	dir := filepath.Join(t.TempDir(), "locked")
	if err := os.Mkdir(dir, 0o555); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.Chmod(dir, 0o755) })
	probe := filepath.Join(dir, "probe")
	if f, err := os.Create(probe); err == nil {
		// Running as root: permissions do not stop it. sysfs refuses
		// new files to anyone.
		f.Close()
		os.Remove(probe)
		if f, err := os.Create("/sys/parallax-probe"); err == nil {
			f.Close()
			t.Skip("no unwritable folder available")
		}
		return "/sys"
	}
	return dir
}

func TestWriteErrorShown(t *testing.T) {
	dir := unwritableFolder(t)
	path := filepath.Join(dir, "notes.md")
	m := newPreview(t, theme.Dark(), fixedNote(t), path, 200, 24)
	if _, ok := wrote(typeKeys(m, "w", "enter")); ok {
		t.Fatal("reported a write into an unwritable folder")
	}
	got := statusRow(m)
	if !strings.Contains(got, "could not write "+path+": permission denied") || !m.StatusIsError() {
		t.Errorf("status %q, want the write error", got)
	}
	if strings.Contains(got, ".tmp") || strings.Contains(got, "notes.md.") {
		t.Errorf("status names the temporary file: %q", got)
	}
	// The path input is closed, the error stays until the next key.
	m.View()
	m.SetSize(120, 30)
	if !strings.Contains(statusRow(m), "permission denied") {
		t.Errorf("the error was lost on a resize: %q", statusRow(m))
	}
}

func TestWriteThroughSymlink(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("symbolic links need privileges on Windows")
	}
	dir := t.TempDir()
	real := filepath.Join(dir, "real.md")
	link := filepath.Join(dir, "link.md")
	md := fixedNote(t)
	if err := os.Symlink(real, link); err != nil {
		t.Fatal(err)
	}

	// A link to nothing: refused, not replaced by a file.
	m := newPreview(t, theme.Dark(), md, link, 160, 24)
	if _, ok := wrote(typeKeys(m, "w", "enter")); ok {
		t.Fatal("wrote through a dangling link")
	}
	if got := lastRows(m); !strings.Contains(got, "is a link to a missing file") {
		t.Errorf("dangling link: status %q", got)
	}

	if err := os.WriteFile(real, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	m = newPreview(t, theme.Dark(), md, link, 160, 24)
	if _, ok := wrote(typeKeys(m, "w", "enter", "y")); !ok {
		t.Fatalf("did not write: %q", statusRow(m))
	}
	if info, err := os.Lstat(link); err != nil || info.Mode()&fs.ModeSymlink == 0 {
		t.Error("the link was replaced by a file")
	}
	if !bytes.Equal(readFile(t, real), md) {
		t.Error("the link's target does not hold the note")
	}
}

// A long path is shortened from the left in the status line, so the file
// name and the byte count stay in view.
func TestLongPathStatus(t *testing.T) {
	dir := t.TempDir()
	deep := filepath.Join(dir, strings.Repeat("deep-folder-name", 3), strings.Repeat("another", 4))
	if err := os.MkdirAll(deep, 0o755); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(deep, "the-notes.md")
	m := newPreview(t, theme.Dark(), fixedNote(t), path, 60, 12)
	typeKeys(m, "w", "enter")
	got := statusRow(m)
	if !strings.Contains(got, "the-notes.md (") || !strings.Contains(got, "bytes)") || !strings.Contains(got, "…") {
		t.Errorf("status %q, want the shortened path with the file name and bytes", got)
	}
	checkFrame(t, m.View(), 60, 12)
}

// The preview writes the note it was given, even if the caller reuses its
// buffer afterwards.
func TestWritesItsOwnCopy(t *testing.T) {
	path := filepath.Join(t.TempDir(), "n.md")
	md := fixedNote(t)
	want := bytes.Clone(md)
	m := newPreview(t, theme.Dark(), md, path, 120, 24)
	copy(md, "XXXXXXXX")
	typeKeys(m, "w", "enter")
	if !bytes.Equal(readFile(t, path), want) {
		t.Error("a change to the caller's buffer reached the file")
	}
}
