package preview

import (
	"github.com/parallax-reader/parallax/annotations"

	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

// openPathInput opens the path input with path in it, the cursor at its end.
func (m *Model) openPathInput(path string) {
	m.mode = naming
	m.pathInput.SetValue(path)
	m.pathInput.CursorEnd()
}

// handlePathKey feeds the path input; enter checks the path and writes (or
// asks first), esc leaves it.
func (m *Model) handlePathKey(msg tea.KeyPressMsg) tea.Cmd {
	k := &m.keys
	switch {
	case key.Matches(msg, k.Cancel):
		m.mode = reading
		m.pathInput.Blur()
		return nil
	case key.Matches(msg, k.RunWrite):
		typed := m.pathInput.Value()
		path, err := expandHome(strings.TrimSpace(typed))
		if err != nil {
			m.setError(err.Error())
			return nil // the input stays open to fix the path
		}
		m.path = typed
		switch check, err := checkTarget(path, m.md); {
		case err != nil:
			m.setPathStatus(err.before, err.path, err.after, true)
			return nil
		case check == differs:
			m.mode, m.pending = confirming, path
			m.pathInput.Blur()
			m.status = status{}
			return nil
		}
		return m.write(path)
	}
	return m.updateInput(msg)
}

// handleConfirmKey answers "overwrite?": y writes, n goes back to the path
// to choose another name, anything else leaves the file as it is.
func (m *Model) handleConfirmKey(msg tea.KeyPressMsg) tea.Cmd {
	k := &m.keys
	path := m.pending
	m.pending = ""
	switch {
	case key.Matches(msg, k.Overwrite):
		return m.write(path)
	case key.Matches(msg, k.Rename):
		m.openPathInput(m.path)
		return m.pathInput.Focus()
	}
	m.mode = reading
	m.setPathStatus("not written: ", path, " is unchanged", false)
	return nil
}

// write writes the note to path and reports the outcome in the status
// line. It runs in Update rather than in a command: the note is small, the
// store saves the same way, and an outcome reported before Update returns
// cannot be lost when the preview closes.
func (m *Model) write(path string) tea.Cmd {
	m.mode = reading
	m.pathInput.Blur()
	if err := writeFile(path, m.md); err != nil {
		m.setPathStatus("could not write ", path, ": "+describe(err), true)
		return nil
	}
	n := len(m.md)
	m.setPathStatus("wrote notes to ", path, fmt.Sprintf(" (%s)", plural(n, "byte", "bytes")), false)
	return func() tea.Msg { return WroteMsg{Path: path, Bytes: n} }
}

// target is what a path names now.
type target int

const (
	missing   target = iota // no file yet: write
	identical               // a file with these very bytes: write, nothing is lost
	differs                 // a different file: ask first
)

// problem is why a path cannot take the note, in words around the path,
// so the status line can shorten the path and keep the rest.
type problem struct{ before, path, after string }

func (p *problem) Error() string { return p.before + p.path + p.after }

// checkTarget says whether path can take the note and whether writing
// would replace something different. No folder is created: a typo in a
// folder name should not leave new folders behind.
func checkTarget(path string, md []byte) (target, *problem) {
	if path == "" {
		return 0, &problem{before: "no file name: type the path to write to"}
	}
	if strings.HasSuffix(path, string(filepath.Separator)) || strings.HasSuffix(path, "/") {
		return 0, &problem{"", path, " names a folder: add a file name"}
	}
	info, err := os.Stat(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		if l, lerr := os.Lstat(path); lerr == nil && l.Mode()&fs.ModeSymlink != 0 {
			return 0, &problem{"", path, " is a link to a missing file"}
		}
		return missing, checkFolder(filepath.Dir(path))
	case errors.Is(err, syscall.ENOTDIR):
		return 0, checkFolder(filepath.Dir(path))
	case err != nil:
		return 0, &problem{"cannot use ", path, ": " + describe(err)}
	case info.IsDir():
		return 0, &problem{"", path, " is a folder: add a file name"}
	case !info.Mode().IsRegular():
		return 0, &problem{"", path, " is not a regular file"}
	}
	if info.Size() != int64(len(md)) {
		return differs, nil
	}
	same, err := sameContent(path, md)
	if err != nil {
		return 0, &problem{"cannot read ", path, ": " + describe(err)}
	}
	if same {
		return identical, nil
	}
	return differs, nil
}

// checkFolder reports a missing folder in words rather than as the
// temporary file's failed create. A parent that is a file is found here
// too, walking up until something exists.
func checkFolder(dir string) *problem {
	info, err := os.Stat(dir)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return &problem{"no folder ", dir, ": create it first or choose another path"}
	case errors.Is(err, syscall.ENOTDIR):
		if parent := filepath.Dir(dir); parent != dir {
			return checkFolder(parent)
		}
		return &problem{"", dir, " is not a folder"}
	case err != nil:
		return &problem{"cannot use folder ", dir, ": " + describe(err)}
	case !info.IsDir():
		return &problem{"", dir, " is not a folder"}
	}
	return nil
}

func sameContent(path string, md []byte) (bool, error) {
	f, err := os.Open(path)
	if err != nil {
		return false, err
	}
	defer f.Close()
	// One byte more than md: a file that grew since Stat still differs.
	got, err := io.ReadAll(io.LimitReader(f, int64(len(md))+1))
	if err != nil {
		return false, err
	}
	return bytes.Equal(got, md), nil
}

// writeFile writes md to path atomically. A symbolic link is written
// through, so the link the user keeps stays a link.
func writeFile(path string, md []byte) error {
	if info, err := os.Lstat(path); err == nil && info.Mode()&fs.ModeSymlink != 0 {
		real, err := filepath.EvalSymlinks(path)
		if err != nil {
			return err
		}
		path = real
	}
	return annotations.WriteFile(path, md)
}

// expandHome turns a leading ~ into the home folder, as a shell would: the
// path input is typed like a shell argument but no shell sees it.
func expandHome(path string) (string, error) {
	if path != "~" && !strings.HasPrefix(path, "~/") && !strings.HasPrefix(path, "~"+string(filepath.Separator)) {
		return path, nil
	}
	home, err := os.UserHomeDir()
	if err != nil {
		return "", errors.New("cannot find the home folder for ~: type the full path")
	}
	return filepath.Join(home, path[1:]), nil
}

// describe is an error's cause in plain words, without the temporary
// file's name that the operating system's message would carry.
func describe(err error) string {
	switch {
	case errors.Is(err, fs.ErrPermission):
		return "permission denied"
	case errors.Is(err, syscall.ENOSPC):
		return "no space left on the device"
	case errors.Is(err, syscall.EROFS):
		return "the file system is read-only"
	}
	var pe *fs.PathError
	if errors.As(err, &pe) {
		err = pe.Err
	}
	var le *os.LinkError
	if errors.As(err, &le) {
		err = le.Err
	}
	return oneLine(err.Error())
}

func oneLine(s string) string {
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		return s[:i]
	}
	return s
}
