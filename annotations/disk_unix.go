//go:build !windows

package annotations

import (
	"os"
	"path/filepath"

	"github.com/google/renameio/v2"
)

// writeAtomic replaces path with data so that a crash at any moment leaves
// either the old file or the new one, complete. renameio writes a
// temporary file in the same folder, fsyncs it and renames it over path;
// it does not sync the folder, which syncDir does after.
func writeAtomic(path string, data []byte) error {
	return renameio.WriteFile(path, data, 0o644, renameio.WithTempDir(filepath.Dir(path)))
}

// syncDir makes renames in dir durable: until the folder itself is
// synced, a power cut may bring back the old name.
func syncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	defer d.Close()
	return d.Sync()
}
