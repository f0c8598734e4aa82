package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

// The end-to-end tests drive the real binary inside tmux, as a user would:
// send-keys to type, capture-pane to read the screen.

var (
	binaryOnce sync.Once
	binaryPath string
	binaryErr  error
)

// parallaxBinary builds the program once per test run.
func parallaxBinary(t testing.TB) string {
	t.Helper()
	binaryOnce.Do(func() {
		dir, err := os.MkdirTemp("", "parallax-e2e-bin")
		if err != nil {
			binaryErr = err
			return
		}
		binaryPath = filepath.Join(dir, "parallax")
		out, err := exec.Command("go", "build", "-o", binaryPath, ".").CombinedOutput()
		if err != nil {
			binaryErr = fmt.Errorf("go build: %v\n%s", err, out)
		}
	})
	if binaryErr != nil {
		t.Fatal(binaryErr)
	}
	return binaryPath
}

// requireTmux skips without tmux on a developer's machine; CI installs it,
// so there a missing tmux is a failure.
func requireTmux(t testing.TB) {
	t.Helper()
	if _, err := exec.LookPath("tmux"); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("tmux is required for the end-to-end tests")
		}
		t.Skip("tmux not installed; the end-to-end tests need it")
	}
}

type tmuxSession struct {
	t      testing.TB
	socket string
	name   string
	// status is where the shell around the program writes its exit
	// status: tmux can be slow to notice a pane's process has ended on a
	// loaded machine, the file is not.
	status string
}

// startTmux runs command in a detached tmux session of the given size. The
// pane stays after the program exits so its exit status can be read.
func startTmux(t testing.TB, width, height int, env []string, command ...string) *tmuxSession {
	t.Helper()
	requireTmux(t)
	s := &tmuxSession{t: t, socket: fmt.Sprintf("parallax-test-%d-%d", os.Getpid(), time.Now().UnixNano()), name: "e2e",
		status: filepath.Join(t.TempDir(), "status")}
	args := []string{"new-session", "-d", "-s", s.name, "-x", strconv.Itoa(width), "-y", strconv.Itoa(height)}
	// Each session gets annotation files of its own unless the test
	// chooses, so tests never share (or lock) a user's real files.
	if !slices.ContainsFunc(env, func(e string) bool { return strings.HasPrefix(e, "XDG_DATA_HOME=") }) {
		env = append(env, "XDG_DATA_HOME="+t.TempDir())
	}
	for _, e := range env {
		args = append(args, "-e", e)
	}
	args = append(args, "-e", "TERM=xterm-256color")
	if len(command) > 0 && command[0] == "exec" {
		command = command[1:] // the shell stays, to record the status
	}
	args = append(args, shellJoin(command)+"; echo $? > "+shellJoin([]string{s.status}))
	// A new tmux server now and then exits as it starts on a loaded
	// machine ("server exited unexpectedly"); starting again is enough.
	for try := 1; ; try++ {
		out, err := exec.Command("tmux", append([]string{"-L", s.socket}, args...)...).CombinedOutput()
		if err == nil {
			break
		}
		if try == 3 {
			t.Fatalf("tmux new-session: %v\n%s", err, out)
		}
		time.Sleep(200 * time.Millisecond)
	}
	s.run("set-option", "-t", s.name, "remain-on-exit", "on")
	t.Cleanup(func() { _ = exec.Command("tmux", "-L", s.socket, "kill-server").Run() })
	return s
}

func (s *tmuxSession) run(args ...string) string {
	s.t.Helper()
	out, err := exec.Command("tmux", append([]string{"-L", s.socket}, args...)...).CombinedOutput()
	if err != nil {
		s.t.Fatalf("tmux %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return string(out)
}

// send types keys; each argument is a tmux key name ("j", "C-d", "Enter")
// or literal text when literal is true.
func (s *tmuxSession) send(keys ...string) {
	s.t.Helper()
	s.run(append([]string{"send-keys", "-t", s.name}, keys...)...)
}

// sendText types text literally.
func (s *tmuxSession) sendText(text string) {
	s.t.Helper()
	s.run("send-keys", "-t", s.name, "-l", text)
}

func (s *tmuxSession) screen() string {
	s.t.Helper()
	return s.run("capture-pane", "-p", "-t", s.name)
}

// waitFor polls the screen until it contains every want, and returns it.
func (s *tmuxSession) waitFor(timeout time.Duration, want ...string) string {
	s.t.Helper()
	deadline := time.Now().Add(timeout)
	var scr string
	for {
		scr = s.screen()
		missing := ""
		for _, w := range want {
			if !strings.Contains(scr, w) {
				missing = w
				break
			}
		}
		if missing == "" {
			return scr
		}
		if time.Now().After(deadline) {
			s.t.Fatalf("screen never showed %q within %v; last screen:\n%s", missing, timeout, scr)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// waitGone polls until the screen no longer contains unwanted.
func (s *tmuxSession) waitGone(timeout time.Duration, unwanted string) string {
	s.t.Helper()
	deadline := time.Now().Add(timeout)
	for {
		scr := s.screen()
		if !strings.Contains(scr, unwanted) {
			return scr
		}
		if time.Now().After(deadline) {
			s.t.Fatalf("screen still shows %q after %v:\n%s", unwanted, timeout, scr)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

func (s *tmuxSession) resize(width, height int) {
	s.t.Helper()
	s.run("resize-window", "-t", s.name, "-x", strconv.Itoa(width), "-y", strconv.Itoa(height))
}

// exitStatus waits for the program to exit and returns its status.
func (s *tmuxSession) exitStatus(timeout time.Duration) int {
	s.t.Helper()
	deadline := time.Now().Add(timeout)
	for {
		if data, err := os.ReadFile(s.status); err == nil && strings.HasSuffix(string(data), "\n") {
			n, err := strconv.Atoi(strings.TrimSpace(string(data)))
			if err != nil {
				s.t.Fatalf("unreadable exit status %q", data)
			}
			return n
		}
		if time.Now().After(deadline) {
			s.t.Fatalf("program still running after %v; screen:\n%s", timeout, s.screen())
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// pid is the process id of the program in the pane: the child of the
// shell that runs it.
func (s *tmuxSession) pid() int {
	s.t.Helper()
	shell := strings.TrimSpace(s.run("display-message", "-p", "-t", s.name, "#{pane_pid}"))
	out, err := exec.Command("pgrep", "-P", shell).Output()
	if err != nil {
		s.t.Fatalf("no program under the pane's shell %s: %v", shell, err)
	}
	n, err := strconv.Atoi(strings.Fields(string(out))[0])
	if err != nil {
		s.t.Fatal(err)
	}
	return n
}

func shellJoin(args []string) string {
	q := make([]string, len(args))
	for i, a := range args {
		q[i] = "'" + strings.ReplaceAll(a, "'", `'\''`) + "'"
	}
	return strings.Join(q, " ")
}
