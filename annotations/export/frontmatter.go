package export

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"slices"
	"strconv"
	"time"

	"go.yaml.in/yaml/v3"

	"github.com/parallax-reader/parallax/model"
)

// frontArticle is one article in the front matter.
type frontArticle struct {
	ID     string `yaml:"id"`
	Source string `yaml:"source,omitempty"`
	URI    string `yaml:"uri,omitempty"`
	Title  string `yaml:"title,omitempty"`
	Outlet string `yaml:"outlet,omitempty"`
	SHA256 string `yaml:"sha256"`
}

// front is the YAML front matter. Field order is output order.
type front struct {
	Title    string         `yaml:"title"`
	Date     string         `yaml:"date,omitempty"`     // RFC 3339, to the second
	Parallax string         `yaml:"parallax,omitempty"` // version
	Articles []frontArticle `yaml:"articles"`
	Tags     int            `yaml:"tags"`
	Orphaned int            `yaml:"orphaned,omitempty"`
	Counts   *yaml.Node     `yaml:"counts,omitempty"`
}

// frontMatter renders the YAML block. The YAML library does the quoting, so a
// title with a colon, a quote or a line break stays one string.
func frontMatter(in Input, d *doc) string {
	f := front{
		Title:    d.title,
		Date:     formatDate(in.Date),
		Parallax: cleanControls(in.Version),
		Articles: make([]frontArticle, 0, len(in.Articles)),
		Tags:     len(in.Annotations),
		Orphaned: len(d.orphan),
		Counts:   kindCounts(in.Annotations),
	}
	for _, a := range in.Articles {
		sum := sha256.Sum256([]byte(a.Text))
		f.Articles = append(f.Articles, frontArticle{
			ID:     cleanControls(a.ID),
			Source: cleanControls(a.Source),
			URI:    cleanControls(a.URI),
			Title:  cleanControls(a.Title),
			Outlet: cleanControls(a.Outlet),
			SHA256: hex.EncodeToString(sum[:]),
		})
	}
	var buf bytes.Buffer
	buf.WriteString("---\n")
	enc := yaml.NewEncoder(&buf)
	enc.SetIndent(2)
	if err := enc.Encode(f); err != nil {
		// Encoding plain strings, ints and a time cannot fail; keep the
		// document well-formed all the same.
		buf.WriteString("title: export\n")
	}
	_ = enc.Close()
	buf.WriteString("---\n")
	return buf.String()
}

// kindCounts maps each kind tagged to its count, in model.Kinds order (a
// map would come out sorted by name).
func kindCounts(anns []model.Annotation) *yaml.Node {
	if len(anns) == 0 {
		return nil
	}
	counts := map[model.DiscrepancyKind]int{}
	for _, a := range anns {
		counts[a.Kind]++
	}
	kinds := make([]model.DiscrepancyKind, 0, len(counts))
	for k := range counts {
		kinds = append(kinds, k)
	}
	slices.SortFunc(kinds, kindOrder)
	n := &yaml.Node{Kind: yaml.MappingNode}
	for _, k := range kinds {
		n.Content = append(n.Content,
			&yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: cleanControls(string(k))},
			&yaml.Node{Kind: yaml.ScalarNode, Tag: "!!int", Value: strconv.Itoa(counts[k])})
	}
	return n
}

func formatDate(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Truncate(time.Second).Format(time.RFC3339)
}
