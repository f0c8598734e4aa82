package articles

import (
	"embed"
	"fmt"
	"path"
	"strings"

	"github.com/parallax-reader/parallax/model"
)

// sampleFS holds the built-in sample articles, shown when no article is
// given.
//
//go:embed sample/*.txt
var sampleFS embed.FS

// Sample returns the built-in sample articles, loaded like files: IDs "a1",
// "a2", …, Source "sample:NAME", URI urn:sha256 of the cleaned text, and
// the file name as the outlet.
func Sample() []model.Article {
	entries, err := sampleFS.ReadDir("sample")
	if err != nil {
		return nil // cannot happen: the directory is embedded
	}
	var arts []model.Article
	for _, e := range entries {
		raw, err := sampleFS.ReadFile("sample/" + e.Name())
		if err != nil {
			continue
		}
		a, err := build(sampleDocument(e.Name(), raw))
		if err != nil {
			continue // the embedded texts are tested to load
		}
		a.ID = fmt.Sprintf("a%d", len(arts)+1)
		arts = append(arts, a)
	}
	return arts
}

func sampleDocument(name string, raw []byte) document {
	return document{
		source:    "sample:" + name,
		raw:       raw,
		format:    formatText,
		outlet:    name,
		nameTitle: strings.TrimSuffix(name, path.Ext(name)),
	}
}
