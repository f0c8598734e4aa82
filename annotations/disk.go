package annotations

import (
	"os"
	"path/filepath"
	"strings"
)

// removeStaleTemps deletes temporary files a killed parallax left behind
// while saving path or its backup (".notes.jsonld12345",
// ".notes.jsonld.bak678"). Only the lock holder calls it, so no save of
// this file is under way.
func removeStaleTemps(path string) {
	dir, base := filepath.Dir(path), "."+filepath.Base(path)
	entries, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	for _, e := range entries {
		rest, ok := strings.CutPrefix(e.Name(), base)
		if !ok || !e.Type().IsRegular() {
			continue
		}
		rest = strings.TrimPrefix(rest, ".bak")
		rest = strings.TrimPrefix(rest, ".history")
		rest = strings.TrimPrefix(rest, ".")
		if rest != "" && strings.Trim(rest, "0123456789") == "" {
			_ = os.Remove(filepath.Join(dir, e.Name()))
		}
	}
}

// WriteFile replaces path with data durably: a temporary file in the same
// folder, synced and renamed over path, then the folder synced. A crash at
// any moment leaves either the old file or the new one, complete. The
// reader's Markdown export writes its notes this way too.
func WriteFile(path string, data []byte) error {
	if err := writeAtomic(path, data); err != nil {
		return err
	}
	return syncDir(filepath.Dir(path))
}
