package annotations

import (
	"bufio"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// crashChildEnv carries the annotation file to the child process of
// TestKillDuringSaves.
const crashChildEnv = "PARALLAX_ANNOTATIONS_CRASH_FILE"

// TestCrashChild is the child: it tags in a loop and prints each id once
// its save has returned. It only runs when started by TestKillDuringSaves.
func TestCrashChild(t *testing.T) {
	path := os.Getenv(crashChildEnv)
	if path == "" {
		t.Skip("run as a child of TestKillDuringSaves")
	}
	s, err := Open(path, testArticles(), Options{})
	if err != nil {
		fmt.Println("open failed:", err)
		os.Exit(3)
	}
	for i := 0; ; i++ {
		tag := numberTag(t)
		tag.Note = fmt.Sprintf("tag %d of pid %d", i, os.Getpid())
		if i%3 == 0 { // some tags with long notes, so saves take a while
			tag.Note += strings.Repeat(" lorem ipsum", 500)
		}
		a, err := s.Add(tag)
		if err != nil {
			fmt.Println("add failed:", err)
			os.Exit(2)
		}
		fmt.Println("saved", a.ID) // os.Stdout is unbuffered
	}
}

// TestKillDuringSaves kills a process that is saving tags at random
// moments, 30 times over one file, and checks after each kill that the
// file (and its backup) parses and holds every tag whose save had
// returned.
func TestKillDuringSaves(t *testing.T) {
	if testing.Short() {
		t.Skip("starts 30 processes")
	}
	path := tempFile(t)
	acked := map[string]bool{}
	r := rand.New(rand.NewPCG(uint64(time.Now().UnixNano()), 1))
	for round := range 30 {
		cmd := exec.Command(os.Args[0], "-test.run=^TestCrashChild$", "-test.count=1")
		cmd.Env = append(os.Environ(), crashChildEnv+"="+path)
		out, err := cmd.StdoutPipe()
		if err != nil {
			t.Fatal(err)
		}
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		lines := make(chan string)
		go func() {
			sc := bufio.NewScanner(out)
			for sc.Scan() {
				lines <- sc.Text()
			}
			close(lines)
		}()
		read := func(line string) {
			if id, ok := strings.CutPrefix(line, "saved "); ok {
				acked[id] = true
			} else if strings.Contains(line, "failed") {
				t.Errorf("round %d: child: %s", round, line)
			}
		}
		// Let it save a few tags, then kill it at a random moment.
		read(<-lines)
		deadline := time.After(time.Duration(r.IntN(40)) * time.Millisecond)
	wait:
		for {
			select {
			case line, ok := <-lines:
				if !ok {
					break wait
				}
				read(line)
			case <-deadline:
				break wait
			}
		}
		if err := cmd.Process.Kill(); err != nil {
			t.Fatal(err)
		}
		for line := range lines { // what it printed before it died
			read(line)
		}
		_ = cmd.Wait()

		ids := fileIDs(t, path)
		for id := range acked {
			if !ids[id] {
				t.Fatalf("round %d: acknowledged tag %s is not in the file", round, id)
			}
		}
		if _, err := os.Stat(path + ".bak"); err == nil {
			fileIDs(t, path+".bak") // parses
		}
		// The history may lag one step behind the file, but it is never
		// half written.
		if data, err := os.ReadFile(historyPath(path)); err == nil {
			var hf historyFile
			if err := json.Unmarshal(data, &hf); err != nil {
				t.Fatalf("round %d: the history file does not parse: %v", round, err)
			}
		}
	}
	t.Logf("%d tags acknowledged across 30 kills, all in the file", len(acked))
	// A new Open cleans up temporary files the killed processes left.
	s := openStore(t, path, testArticles(), nil)
	if got := len(s.Annotations()); got < len(acked) {
		t.Errorf("%d tags after reopening, want at least %d", got, len(acked))
	}
	// The last step the history kept undoes its own tag and nothing else.
	if !s.CanUndo() {
		t.Fatal("nothing to undo after the kills")
	}
	before := fileIDs(t, path)
	if _, err := s.Undo(); err != nil {
		t.Fatalf("undo after the kills: %v", err)
	}
	if after := fileIDs(t, path); len(after) != len(before)-1 {
		t.Errorf("undo left %d tags of %d", len(after), len(before))
	}
	entries, _ := os.ReadDir(filepath.Dir(path))
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), ".") {
			t.Errorf("stale temporary file %s", e.Name())
		}
	}
}
