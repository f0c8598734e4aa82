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
		rest = strings.TrimPrefix(rest, ".")
		if rest != "" && strings.Trim(rest, "0123456789") == "" {
			_ = os.Remove(filepath.Join(dir, e.Name()))
		}
	}
}
