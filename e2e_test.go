package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"

	"github.com/parallax-reader/parallax/articles"
)

const screenWait = 10 * time.Second

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
	if code := s.exitStatus(screenWait); code != 0 {
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
	if code := s.exitStatus(screenWait); code != 0 {
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

// TestE2EEntitiesAndQuotations opens the entities panel on the built-in
// sample once the analysis is done, filters it and jumps to a person, opens
// the quotations panel, and checks that q closes a panel, not the reader.
func TestE2EEntitiesAndQuotations(t *testing.T) {
	bin := parallaxBinary(t)
	s := startTmux(t, 100, 30, []string{"NO_COLOR=", "XDG_DATA_HOME=" + t.TempDir()}, "exec", bin)
	s.waitFor(screenWait, "? help")
	// i works once the analysis has arrived; until then it says so.
	deadline := time.Now().Add(screenWait)
	for {
		s.send("i")
		time.Sleep(200 * time.Millisecond)
		if strings.Contains(s.screen(), "Entities ·") {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("the entities panel never opened:\n%s", s.screen())
		}
	}
	s.waitFor(screenWait, "In all 2 articles", "Missing from some articles", "Ryan C. Crocker", "—")
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
	if code := s.exitStatus(screenWait); code != 0 {
		t.Fatalf("exit status %d", code)
	}
}
