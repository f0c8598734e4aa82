package annotations

import (
	"errors"
	"io/fs"
	"os"
	"strconv"
	"strings"

	"github.com/gofrs/flock"
)

// A second parallax on the same annotation file would overwrite the first
// one's tags, so a writer holds an exclusive lock on FILE.lock for as long
// as the store is open. The lock is released by the kernel if the process
// dies, so a crash never leaves the file locked. The lock file holds the
// holder's pid, for the message the second instance shows.

func lockPath(path string) string { return path + ".lock" }

// acquireLock takes the writer's lock on path, or returns a *LockedError.
func acquireLock(path string) (*flock.Flock, error) {
	lp := lockPath(path)
	fl := flock.New(lp)
	ok, err := fl.TryLock()
	if err != nil {
		return nil, err
	}
	if !ok {
		return nil, &LockedError{Path: path, PID: lockHolder(lp)}
	}
	// Best effort: on Windows the locked file cannot be written through a
	// second handle, and the message then names no pid.
	_ = os.WriteFile(lp, []byte(strconv.Itoa(os.Getpid())+"\n"), 0o600)
	return fl, nil
}

func lockHolder(lp string) int {
	b, err := os.ReadFile(lp)
	if err != nil {
		return 0
	}
	pid, err := strconv.Atoi(strings.TrimSpace(string(b)))
	if err != nil {
		return 0
	}
	return pid
}

// lockedBy reports whether a writer holds path's lock, and its pid, without
// creating anything: it is how a read-only store explains itself.
func lockedBy(path string) (bool, int) {
	lp := lockPath(path)
	if _, err := os.Stat(lp); errors.Is(err, fs.ErrNotExist) {
		return false, 0
	}
	fl := flock.New(lp, flock.SetFlag(os.O_RDONLY))
	ok, err := fl.TryRLock()
	if err != nil {
		return false, 0
	}
	if ok {
		_ = fl.Close()
		return false, 0
	}
	return true, lockHolder(lp)
}
