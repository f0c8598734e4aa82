//go:build windows

package preview

import (
	"os"
	"path/filepath"
)

// writeAtomic replaces path with data through a synced temporary file in
// the same folder and a rename, which Windows performs as one step.
// renameio does not build on Windows.
func writeAtomic(path string, data []byte) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name()) // fails harmlessly after the rename
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}

// syncDir does nothing: Windows cannot open a folder to sync it, and NTFS
// journals the rename itself.
func syncDir(string) error { return nil }
