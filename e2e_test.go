package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"

	"github.com/parallax-reader/parallax/articles"
)

const screenWait = 10 * time.Second

// exitWait bounds how long a quit may take to show as an exit: under a
// loaded machine (the whole test suite at once) tmux can be slow to reap.
const exitWait = 30 * time.Second

// TestE2EReader drives the real binary in tmux: open the built-in sample,
// scroll, search, open help, resize, and quit with status 0.
func TestE2EReader(t *testing.T) {
	bin := parallaxBinary(t)
	sample := articles.Sample()
	s := startTmux(t, 80, 24, []string{"NO_COLOR="}, "exec", bin)

	scr := s.waitFor(screenWait, sample[0].Outlet, sample[1].Outlet, "? help")
	if !strings.Contains(scr, "0%") {
		t.Fatalf("a fresh pane should be at its top:\n%s", scr)
	}

	// Scrolling moves the focused pane only.
	s.send("j", "j", "C-d")
	scr = s.waitGone(screenWait, "━ 1/")
	if strings.Count(scr, " 0%") != 1 {
		t.Fatalf("after scrolling, exactly the other pane should still be at its top:\n%s", scr)
	}

	// Search: the count of matches is the article's own.
	want := strings.Count(strings.ToLower(sample[0].Text), "crocker")
	s.send("g", "/")
	s.sendText("crocker")
	s.send("Enter")
	s.waitFor(screenWait, fmt.Sprintf("1/%d", want))
	s.send("n")
	s.waitFor(screenWait, fmt.Sprintf("2/%d", want))
	s.send("N", "N")
	s.waitFor(screenWait, fmt.Sprintf("%d/%d", want, want)) // wrapped around backwards
	s.send("Escape")
	// A key sent right after escape would arrive as alt+key, as in any
	// terminal program; a person pauses longer than this.
	time.Sleep(150 * time.Millisecond)

	// Help lists the reading keys, and goes away again.
	s.send("?")
	s.waitFor(screenWait, "quit", "next sentence", "search")
	s.send("?")
	s.waitGone(screenWait, "next sentence")

	// Sentence cursor: two steps forward from wherever search left it.
	before := sentenceNumber(t, s.screen())
	s.send("]", "]")
	s.waitFor(screenWait, fmt.Sprintf("sentence %d/%d", min(before+2, len(sample[0].Sentences)), len(sample[0].Sentences)))
	s.send("[")
	s.waitFor(screenWait, fmt.Sprintf("sentence %d/%d", min(before+2, len(sample[0].Sentences))-1, len(sample[0].Sentences)))

	// Focus the second pane by number, then by tab back to the first.
	s.send("2")
	s.waitFor(screenWait, "2/2 "+sample[1].Outlet)
	s.send("Tab")
	s.waitFor(screenWait, "1/2 "+sample[0].Outlet)

	// Resize down to the smallest size and back: no panic, no garbage.
	s.resize(40, 10)
	time.Sleep(200 * time.Millisecond)
	scr = s.screen()
	for i, line := range strings.Split(strings.TrimRight(scr, "\n"), "\n") {
		if w := ansi.StringWidth(line); w > 40 {
			t.Fatalf("line %d is %d columns wide at 40x10:\n%s", i, w, scr)
		}
	}
	s.resize(200, 60)
	scr = s.waitFor(screenWait, sample[0].Outlet, sample[1].Outlet)
	if strings.Contains(scr, "panic") || strings.Contains(scr, "goroutine") {
		t.Fatalf("crash on resize:\n%s", scr)
	}

	s.send("q")
	if code := s.exitStatus(exitWait); code != 0 {
		t.Fatalf("exit status %d, want 0", code)
	}
}

// TestE2EOpensFilesAndStdin opens three files and standard input and checks
// each has a pane reachable by the focus keys.
func TestE2EOpensFilesAndStdin(t *testing.T) {
	bin := parallaxBinary(t)
	dir := t.TempDir()
	files := map[string]string{
		"first.txt":  "Alpha report\n\nThe council met on Monday. It voted 7 to 2.\n",
		"second.md":  "# Beta *report*\n\nThe council **met** on [Tuesday](http://example.org).\n",
		"third.html": "<html><head><title>Gamma report</title></head><body><article><p>The council met. The vote was close, observers said.</p><p>Another paragraph follows here with more words in it.</p></article></body></html>",
	}
	var paths []string
	for _, name := range []string{"first.txt", "second.md", "third.html"} {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(files[name]), 0o644); err != nil {
			t.Fatal(err)
		}
		paths = append(paths, p)
	}
	stdin := filepath.Join(dir, "stdin.txt")
	if err := os.WriteFile(stdin, []byte("Delta from a pipe\n\nPiped text arrives here.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := append([]string{"exec", bin}, paths...)
	cmd = append(cmd, "-")
	s := startTmux(t, 200, 50, []string{"NO_COLOR="}, "sh", "-c", shellJoin(cmd)+" < "+shellJoin([]string{stdin}))
	scr := s.waitFor(screenWait, "Alpha report", "Beta report", "Gamma report")
	if strings.Contains(scr, "**met**") || strings.Contains(scr, "](http") {
		t.Fatalf("Markdown markup should be removed:\n%s", scr)
	}
	s.send("4")
	s.waitFor(screenWait, "Delta from a pipe", "4/4")
	s.send("q")
	if code := s.exitStatus(exitWait); code != 0 {
		t.Fatalf("exit status %d", code)
	}
}

// sentenceNumber reads the cursor's "sentence N/M" from the status bar.
func sentenceNumber(t *testing.T, screen string) int {
	t.Helper()
	i := strings.LastIndex(screen, "sentence ")
	if i < 0 {
		t.Fatalf("no sentence cursor in the status bar:\n%s", screen)
	}
	var n, m int
	if _, err := fmt.Sscanf(screen[i:], "sentence %d/%d", &n, &m); err != nil {
		t.Fatalf("unreadable sentence cursor: %v", err)
	}
	return n
}

// TestE2ETagging tags two discrepancies from the keyboard, finds them again
// after a restart, undoes the last of them with u (the undo history
// outlives the session), finds one after another restart, and checks that
// a second parallax on the same annotation file is read-only.
func TestE2ETagging(t *testing.T) {
	bin := parallaxBinary(t)
	env := []string{"NO_COLOR=", "XDG_DATA_HOME=" + t.TempDir()}

	// First run: a number discrepancy on the cursor sentence with a note,
	// then an omission on a three-word selection.
	s := startTmux(t, 100, 30, env, "exec", bin)
	s.waitFor(screenWait, "? help")
	s.send("]", "]", "t")
	s.waitFor(screenWait, "Tag a discrepancy")
	s.send("n", "h", "Tab")
	s.sendText("count differs")
	s.send("C-s")
	s.waitFor(screenWait, "tagged: high number tag")
	s.send("]", "v", "w", "w")
	s.waitFor(screenWait, "selection: 3 words")
	s.send("t")
	s.waitFor(screenWait, "Tag a discrepancy")
	s.send("o", "l", "x", "C-s")
	s.waitFor(screenWait, "tagged: low omission tag")
	s.send("q")
	quitCleanly(t, s)

	// Second run: both are listed; u undoes the last tag of the first run
	// (the undo history is kept beside the file); delete, undo and redo
	// work too.
	s = startTmux(t, 100, 30, env, "exec", bin)
	s.waitFor(screenWait, "? help")
	s.send("a")
	s.waitFor(screenWait, "Annotations · 2", "number", "omission")
	s.send("q") // closes the panel
	s.waitGone(screenWait, "Annotations ·")
	s.send("u")
	s.waitFor(screenWait, "undid new omission tag")
	s.send("a")
	scr := s.waitFor(screenWait, "Annotations · 1", "number")
	if strings.Contains(scr, "omission  low") {
		t.Fatalf("the undone tag is still listed:\n%s", scr)
	}
	s.send("d")
	s.waitFor(screenWait, "deleted high number tag — u to undo")
	s.send("u")
	s.waitFor(screenWait, "undid delete of number tag")
	s.send("q") // closes the panel
	s.waitGone(screenWait, "Annotations ·")
	s.send("q")
	quitCleanly(t, s)

	// Third run: one tag is left. A second parallax meanwhile is read-only.
	s = startTmux(t, 100, 30, env, "exec", bin)
	s.waitFor(screenWait, "? help")
	s.send("a")
	scr = s.waitFor(screenWait, "Annotations · 1", "number")
	if strings.Contains(scr, "omission") {
		t.Fatalf("the undone tag is back:\n%s", scr)
	}
	second := startTmux(t, 140, 30, env, "exec", bin)
	second.waitFor(screenWait, "read-only: in use by another parallax")
	second.send("t")
	second.waitFor(screenWait, "read-only: in use by another parallax (pid", "; tags cannot be changed")
	second.send("q")
	quitCleanly(t, second)
	s.send("q")
	s.waitGone(screenWait, "Annotations ·")
	s.send("q")
	quitCleanly(t, s)
}

// TestE2EEntitiesAndQuotations opens the entities panel on the built-in
// sample once the analysis is done, filters it and jumps to a person, opens
// the quotations panel, and checks that q closes a panel, not the reader.
func TestE2EEntitiesAndQuotations(t *testing.T) {
	bin := parallaxBinary(t)
	s := startTmux(t, 100, 30, []string{"NO_COLOR=", "XDG_DATA_HOME=" + t.TempDir()}, "exec", bin)
	// The analysis has arrived when quotations get their gutter mark.
	s.waitFor(screenWait, "? help", "┊")
	s.send("i")
	s.waitFor(screenWait, "Entities ·", "In all 2 articles", "Missing from some articles", "Ryan C. Crocker", "—")
	s.send("/")
	s.sendText("crocker")
	s.send("Enter")
	s.waitFor(screenWait, "mention 1/", "PERSON Ryan C. Crocker")
	s.send("q")
	s.waitGone(screenWait, "Entities ·")
	s.send("o")
	s.waitFor(screenWait, "Quotations ·", "Ryan C. Crocker ·", "Speaker unknown")
	s.send("q")
	s.waitGone(screenWait, "Quotations ·")
	s.sendText(`"`)
	s.waitFor(screenWait, "quotation")
	s.send("q")
	quitCleanly(t, s)
}

// quitCleanly waits for the program to exit and fails on a non-zero
// status.
func quitCleanly(t *testing.T, s *tmuxSession) {
	t.Helper()
	if code := s.exitStatus(exitWait); code != 0 {
		t.Fatalf("exit status %d; screen:\n%s", code, s.screen())
	}
}

// TestE2EExportPreview tags one discrepancy, previews the note with m,
// writes it with w, and checks the file is byte for byte what
// `parallax export` writes for the same articles.
func TestE2EExportPreview(t *testing.T) {
	bin := parallaxBinary(t)
	data, work := t.TempDir(), t.TempDir()
	env := []string{"NO_COLOR=", "XDG_DATA_HOME=" + data, "SOURCE_DATE_EPOCH=1700000000"}
	s := startTmux(t, 100, 30, env, "sh", "-c", "cd "+shellJoin([]string{work})+" && exec "+shellJoin([]string{bin}))
	s.waitFor(screenWait, "? help", "┊") // quotation marks: the analysis is in
	s.send("]", "t")
	s.waitFor(screenWait, "Tag a discrepancy")
	s.send("n", "h", "Tab")
	s.sendText("see the vote count")
	s.send("C-s")
	s.waitFor(screenWait, "tagged: high number tag")
	s.send("m")
	s.waitFor(screenWait, "Export preview", "Number")
	// The tag's section is further down: search finds it.
	s.send("/")
	s.sendText("vote count")
	s.send("Enter")
	s.waitFor(screenWait, "see the vote count")
	s.send("w")
	s.waitFor(screenWait, "write to:")
	s.send("Enter")
	s.waitFor(screenWait, "wrote notes to")
	s.send("q")
	s.waitGone(screenWait, "Export preview")
	s.send("q")
	quitCleanly(t, s)

	written, err := filepath.Glob(filepath.Join(work, "*-notes.md"))
	if err != nil || len(written) != 1 {
		t.Fatalf("want one note in the working folder, got %v (%v)", written, err)
	}
	got, err := os.ReadFile(written[0])
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(bin, "export")
	cmd.Env = append(os.Environ(), env...)
	want, err := cmd.Output()
	if err != nil {
		t.Fatalf("parallax export: %v", err)
	}
	if string(got) != string(want) {
		gl, wl := strings.Split(string(got), "\n"), strings.Split(string(want), "\n")
		for i := range min(len(gl), len(wl)) {
			if gl[i] != wl[i] {
				t.Fatalf("the reader's note differs from parallax export at line %d:\nreader: %q\nexport: %q", i+1, gl[i], wl[i])
			}
		}
		t.Fatalf("the reader's note has %d lines, parallax export %d", len(gl), len(wl))
	}
}
