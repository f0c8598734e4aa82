//go:build !windows

package preview

import (
	"os"
	"path/filepath"

	"github.com/google/renameio/v2"
)

// writeAtomic replaces path with data so that a crash at any moment leaves
// the old file or the new one, complete: renameio writes a temporary file
// in the same folder, fsyncs it and renames it over path, keeping an
// existing file's permissions.
func writeAtomic(path string, data []byte) error {
	return renameio.WriteFile(path, data, 0o644, renameio.WithTempDir(filepath.Dir(path)))
}

// syncDir makes the rename durable: until the folder is synced a power cut
// may bring back the old file.
func syncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	defer d.Close()
	return d.Sync()
}
