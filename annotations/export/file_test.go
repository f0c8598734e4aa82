package export

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"

	"github.com/parallax-reader/parallax/annotations"
	"github.com/parallax-reader/parallax/articles"
	"github.com/parallax-reader/parallax/model"
)

var updateFile = flag.Bool("update-file", false, "write testdata/sample-tags.jsonld anew through the store")

const (
	tagsFile = "sample-tags.jsonld"
	// lostSentence replaces one passage in the frozen file: no article
	// holds it, so its tag is an orphan.
	lostSentence = "The talks lasted five hours and ended without a statement."
)

// writeTagsFile makes the frozen annotation file: the golden fixture's
// placed tags, saved through the real store, with one passage then edited
// away so that it cannot be placed.
func writeTagsFile(t *testing.T, path string) {
	in := sampleInput(t)
	clock := fixtureCreated
	st, err := annotations.Open(path, in.Articles, annotations.Options{Generator: "parallax 0.1.0",
		Now: func() time.Time { clock = clock.Add(time.Minute); return clock }})
	if err != nil {
		t.Fatal(err)
	}
	var orphanExact string
	for _, a := range in.Annotations {
		var targets []model.Target
		for _, tg := range a.Targets {
			if tg.Placed() {
				targets = append(targets, tg)
			}
		}
		if len(targets) < len(a.Targets) {
			orphanExact = targets[0].Exact // this tag's passage goes missing
		}
		a.Targets, a.ID = targets, ""
		if _, err := st.Add(a); err != nil {
			t.Fatal(err)
		}
	}
	st.Close()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	// The first tag (the "other" one) loses its passage: its quote and
	// position now name a sentence no article has.
	i := bytes.Index(data, []byte(`"exact": "`+orphanExact+`"`))
	if i < 0 {
		t.Fatal("the passage to orphan is not in the file")
	}
	data = append(data[:i:i], append([]byte(`"exact": "`+lostSentence+`"`), data[i+len(`"exact": "`+orphanExact+`"`):]...)...)
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{path + ".bak", path + ".history", path + ".lock"} {
		os.Remove(p)
	}
}

// TestGoldenSampleFromFile exports the sample from a frozen annotation file
// opened through the store: what `parallax export` does, with a fixed date,
// version and analysis.
func TestGoldenSampleFromFile(t *testing.T) {
	path := filepath.Join("testdata", tagsFile)
	if *updateFile {
		writeTagsFile(t, path)
	}
	// Open a copy: the store may write a lock beside the file.
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update-file to create it)", err)
	}
	tmp := filepath.Join(t.TempDir(), tagsFile)
	if err := os.WriteFile(tmp, data, 0o644); err != nil {
		t.Fatal(err)
	}
	arts := articles.Sample()
	st, err := annotations.Open(tmp, arts, annotations.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	in := sampleInput(t)
	in.Annotations = st.Annotations()
	if len(in.Annotations) != 6 {
		t.Fatalf("the frozen file holds %d tags, want 6", len(in.Annotations))
	}
	got := Markdown(in)

	golden := filepath.Join("testdata", "sample-file.golden")
	if *update {
		if err := os.WriteFile(golden, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("export differs from %s (run go test -update after checking the change):\n%s", golden, got)
	}

	// Read back with goldmark: every heading in order, and under each
	// section the tables (with their header rows) and block quotes.
	doc := parse(strictMD, got)
	wantOutline := []string{
		"H1 Baghdad talks: two accounts",
		"H2 Summary",
		"H2 Discrepancies",
		"H3 1. Number — high", "H3 2. Omission — low", "H3 3. Contradiction — high",
		"H4 Bilateral or not?", // the note's own Markdown heading
		"H3 4. Role — medium", "H3 5. Quote wording — medium",
		"H2 Entities",
		"H2 Quotations",
		"H3 Ryan C. Crocker", "H3 Hassan Kazemi-Qomi", "H3 Joost Hiltermann", "H3 Unattributed",
		"H2 Orphaned tags",
		"H3 6. Other — low",
	}
	if outline := doc.outline(); strings.Join(outline, "\n") != strings.Join(wantOutline, "\n") {
		t.Errorf("headings:\n%s\nwant:\n%s", strings.Join(outline, "\n"), strings.Join(wantOutline, "\n"))
	}
	wantShape := map[string]sectionShape{
		"Summary": {tables: []string{"Kind | Severity | Tags"}},
		// Two quotes for each pair and one for the omission; each pair's
		// wording compared, removed words struck (legends included).
		"Discrepancies": {quotes: 9, struck: 13},
		"Entities":      {tables: []string{"Entity | Type | baghdad-talks-a.txt | baghdad-talks-b.txt"}},
		"Quotations":    {},
		"Orphaned tags": {quotes: 1},
	}
	shapes := doc.sections()
	for name, want := range wantShape {
		if got := shapes[name]; !slices.Equal(got.tables, want.tables) || got.quotes != want.quotes || got.struck != want.struck {
			t.Errorf("section %q has %+v, want %+v", name, got, want)
		}
	}
	if orphan := shapes["Orphaned tags"].quoted; !slices.Contains(orphan, lostSentence) {
		t.Errorf("the orphan's last known passage is not quoted: %q", orphan)
	}
}

// sectionShape is what a level-2 section of a note holds, as goldmark
// reads it.
type sectionShape struct {
	tables []string // each table's header cells, joined by " | "
	quotes int      // block quotes
	struck int      // struck-out words (a quote's wording compared)
	quoted []string // the block quotes' text
}

// sections reads the shape of every level-2 section of the note.
func (p parsed) sections() map[string]sectionShape {
	out := map[string]sectionShape{}
	cur := ""
	for n := p.doc.FirstChild(); n != nil; n = n.NextSibling() {
		if h, ok := n.(*ast.Heading); ok && h.Level <= 2 {
			cur = p.textOf(h)
			continue
		}
		sh := out[cur]
		switch n := n.(type) {
		case *east.Table:
			var cells []string
			for c := n.FirstChild().FirstChild(); c != nil; c = c.NextSibling() {
				cells = append(cells, p.textOf(c))
			}
			sh.tables = append(sh.tables, strings.Join(cells, " | "))
		case *ast.Blockquote:
			sh.quotes++
			sh.quoted = append(sh.quoted, p.textOf(n))
		}
		sh.struck += count(n, east.KindStrikethrough)
		out[cur] = sh
	}
	return out
}
