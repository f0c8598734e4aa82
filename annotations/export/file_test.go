package export

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

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

	// The orphan is listed last with its last known passage; the others
	// have their sections.
	outline := strings.Join(parse(strictMD, got).outline(), "\n")
	for _, want := range []string{"H2 Summary", "H3 1. Number — high", "H3 5. Quote wording — medium", "H2 Orphaned tags"} {
		if !strings.Contains(outline, want) {
			t.Fatalf("outline lacks %q:\n%s", want, outline)
		}
	}
	if !bytes.Contains(got, []byte(lostSentence)) {
		t.Fatal("the orphan's last known passage is missing")
	}
}
