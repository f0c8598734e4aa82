package export

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"flag"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"charm.land/glamour/v2"
	"github.com/yuin/goldmark/ast"
	"go.yaml.in/yaml/v3"

	"github.com/parallax-reader/parallax/model"
)

var update = flag.Bool("update", false, "rewrite testdata/*.golden from the current output")

func TestGoldenSample(t *testing.T) {
	got := Markdown(sampleInput(t))
	path := filepath.Join("testdata", "sample.golden")
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("export differs from %s (run go test -update after checking the change):\n%s", path, got)
	}
}

func TestSampleStructure(t *testing.T) {
	in := sampleInput(t)
	p := parse(strictMD, Markdown(in))

	wantOutline := []string{
		"H1 Baghdad talks: two accounts",
		"H2 Summary",
		"H2 Discrepancies",
		"H3 1. Number — high",
		"H3 2. Omission — low",
		"H3 3. Contradiction — high",
		"H4 Bilateral or not?", // the note's "#", demoted under its tag
		"H3 4. Role — medium",
		"H3 5. Quote wording — medium",
		"H2 Entities",
		"H2 Quotations",
		"H3 Ryan C. Crocker",
		"H3 Hassan Kazemi-Qomi",
		"H3 Joost Hiltermann",
		"H3 Unattributed",
		"H2 Orphaned tags",
		"H3 6. Other — low",
	}
	if got := p.outline(); !slices.Equal(got, wantOutline) {
		t.Errorf("outline:\n got %q\nwant %q", got, wantOutline)
	}

	tables := p.tables()
	if len(tables) != 2 {
		t.Fatalf("got %d tables, want summary and entities", len(tables))
	}
	wantSummary := [][]string{
		{"Kind", "Severity", "Tags"},
		{"Contradiction", "high", "1"},
		{"Number", "high", "1"},
		{"Role", "medium", "1"},
		{"Quote wording", "medium", "1"},
		{"Omission", "low", "1"},
		{"Other", "low", "1"},
		{"Total", "", "6"},
	}
	if !slices.EqualFunc(tables[0], wantSummary, slices.Equal) {
		t.Errorf("summary table:\n got %q\nwant %q", tables[0], wantSummary)
	}
	ents := tables[1]
	if want := []string{"Entity", "Type", "baghdad-talks-a.txt", "baghdad-talks-b.txt"}; !slices.Equal(ents[0], want) {
		t.Errorf("entity header = %q, want %q", ents[0], want)
	}
	rows := map[string][]string{}
	for _, r := range ents[1:] {
		rows[r[0]] = r
	}
	if r := rows["Joost Hiltermann"]; len(r) != 4 || r[2] != absent || r[3] != "2" {
		t.Errorf("Hiltermann row = %q, want absent from the first article and 2 mentions in the second", r)
	}
	if !strings.Contains(absent, "absent") {
		t.Errorf("the absence mark %q has no word", absent)
	}

	// One block quote per target, each the passage's own text.
	var want []string
	for _, tag := range []int{1, 5, 2, 4, 3, 0} { // section order
		for _, tg := range in.Annotations[tag].Targets {
			want = append(want, tg.Exact)
		}
	}
	if got := p.quotes(); !slices.Equal(got, want) {
		t.Errorf("block quotes:\n got %q\nwant %q", got, want)
	}

	struck, strong := p.marked()
	if !slices.Contains(struck, "approximately") {
		t.Errorf("the duration diff does not strike %q: struck %q", "approximately", struck)
	}
	if !slices.Contains(struck, "Washington's") || !slices.Contains(strong, "Washington’s") {
		t.Errorf("the quotation diff does not show the apostrophe change: struck %q, strong %q", struck, strong)
	}
	forbidden(t, p, "sample", ast.KindHTMLBlock, ast.KindRawHTML)
}

func TestFrontMatter(t *testing.T) {
	in := sampleInput(t)
	in.Title = "Talks: \"first\" in 27 years\n# not a comment"
	in.Articles[1].Title = "Line one\n---\nline two: 'quoted' \\ back"
	out := Markdown(in)
	if !bytes.HasPrefix(out, []byte("---\n")) {
		t.Fatalf("no front matter:\n%s", out)
	}
	yml := out[4 : 4+bytes.Index(out[4:], []byte("\n---\n"))]
	var fm struct {
		Title    string
		Date     string
		Parallax string
		Tags     int
		Orphaned int
		Articles []struct{ ID, Source, URI, Title, Outlet, SHA256 string }
		Counts   yaml.Node
	}
	if err := yaml.Unmarshal(yml, &fm); err != nil {
		t.Fatalf("front matter does not parse: %v\n%s", err, yml)
	}
	if want := "Talks: \"first\" in 27 years # not a comment"; fm.Title != want {
		t.Errorf("title = %q, want %q", fm.Title, want)
	}
	if fm.Date != "2024-05-28T09:30:00Z" || fm.Parallax != "0.1.0" || fm.Tags != 6 || fm.Orphaned != 1 {
		t.Errorf("date %q, version %q, tags %d, orphaned %d", fm.Date, fm.Parallax, fm.Tags, fm.Orphaned)
	}
	if len(fm.Articles) != 2 {
		t.Fatalf("got %d articles", len(fm.Articles))
	}
	for i, a := range fm.Articles {
		art := in.Articles[i]
		sum := sha256.Sum256([]byte(art.Text))
		if a.ID != art.ID || a.Source != art.Source || a.URI != art.URI || a.Title != art.Title || a.SHA256 != hex.EncodeToString(sum[:]) {
			t.Errorf("article %d = %+v, want %s %s %q %x", i, a, art.ID, art.Source, art.Title, sum)
		}
	}
	var kinds []string
	for i := 0; i+1 < len(fm.Counts.Content); i += 2 {
		kinds = append(kinds, fm.Counts.Content[i].Value+"="+fm.Counts.Content[i+1].Value)
	}
	if want := []string{"contradiction=1", "number=1", "role=1", "quote-wording=1", "omission=1", "other=1"}; !slices.Equal(kinds, want) {
		t.Errorf("counts = %q, want %q (in kind order)", kinds, want)
	}
	// The heading shows the same title on one line.
	if got := parse(strictMD, out).outline()[0]; got != "H1 "+fm.Title {
		t.Errorf("heading %q, want the title", got)
	}
}

func TestEmptyNote(t *testing.T) {
	for name, in := range map[string]Input{
		"nothing at all":   {},
		"articles no tags": {Articles: sampleInput(t).Articles, Version: "0.1.0"},
	} {
		t.Run(name, func(t *testing.T) {
			out := Markdown(in)
			p := parse(strictMD, out)
			if got := p.outline(); len(got) != 2 || !strings.HasPrefix(got[0], "H1 Discrepancy notes") || got[1] != "H2 Summary" {
				t.Errorf("outline = %q, want the title and an empty summary", got)
			}
			if !strings.Contains(p.textOf(p.doc), "Nothing tagged yet.") {
				t.Errorf("no word that nothing is tagged:\n%s", out)
			}
			if len(p.tables()) != 0 || len(p.quotes()) != 0 {
				t.Errorf("empty note has tables or quotes:\n%s", out)
			}
			var fm map[string]any
			yml := out[4 : 4+bytes.Index(out[4:], []byte("\n---\n"))]
			if err := yaml.Unmarshal(yml, &fm); err != nil || fm["tags"] != 0 {
				t.Errorf("front matter %v (err %v), want tags: 0", fm, err)
			}
		})
	}
}

func TestDeterministic(t *testing.T) {
	in := sampleInput(t)
	first := Markdown(in)
	r := rand.New(rand.NewPCG(1, 2))
	for range 5 {
		r.Shuffle(len(in.Annotations), func(i, j int) {
			in.Annotations[i], in.Annotations[j] = in.Annotations[j], in.Annotations[i]
		})
		if got := Markdown(in); !bytes.Equal(got, first) {
			t.Fatalf("output depends on the order annotations are given in:\n%s", got)
		}
	}
}

func TestOrder(t *testing.T) {
	in := sampleInput(t)
	a, b := in.Articles[0], in.Articles[1]
	unplaced := model.Target{Source: "https://example.com/elsewhere", Exact: "somewhere else"}
	in.Analysis = nil
	in.Annotations = []model.Annotation{
		{ID: "u", Kind: model.Other, Severity: model.Low, Targets: []model.Target{unplaced}},
		{ID: "o", Kind: model.Other, Severity: model.Low, Targets: []model.Target{{Source: a.URI, Exact: "gone", Anchoring: model.AnchorOrphan}}},
		{ID: "b-only", Kind: model.Framing, Severity: model.Low, Targets: []model.Target{place(t, b, "barely break the ice", "")}},
		{ID: "a-late", Kind: model.Number, Severity: model.Low, Targets: []model.Target{place(t, a, "follow-on meeting", ""), place(t, b, "First U.S.-Iranian", "")}},
		{ID: "a-early", Kind: model.Role, Severity: model.Low, Targets: []model.Target{place(t, b, "Hiltermann said", ""), place(t, a, "In talks mediated", "")}},
	}
	got := parse(strictMD, Markdown(in)).outline()
	want := []string{
		"H1 Baghdad talks: two accounts", "H2 Summary", "H2 Discrepancies",
		"H3 1. Role — low",    // starts the first article
		"H3 2. Number — low",  // ends it
		"H3 3. Framing — low", // only in the second article
		"H3 4. Other — low",   // in no article of this note
		"H2 Orphaned tags",
		"H3 5. Other — low",
	}
	if !slices.Equal(got, want) {
		t.Errorf("outline:\n got %q\nwant %q", got, want)
	}
}

func TestGlamourRenders(t *testing.T) {
	r, err := glamour.NewTermRenderer(glamour.WithStandardStyle("notty"), glamour.WithWordWrap(100))
	if err != nil {
		t.Fatal(err)
	}
	out, err := r.Render(string(Body(Markdown(sampleInput(t)))))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"Baghdad talks: two accounts", "Quote wording", "approximately", "Joost Hiltermann", "Orphaned tags"} {
		if !strings.Contains(out, want) {
			t.Errorf("glamour output lacks %q", want)
		}
	}
	if strings.Contains(out, "---\ntitle:") || strings.Contains(out, "sha256:") {
		t.Errorf("glamour output shows the front matter")
	}
}

func TestBody(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"---\na: 1\n---\n\n# T\n", "# T\n"},
		{"# T\n", "# T\n"},
		{"---\nunterminated\n", "---\nunterminated\n"},
	} {
		if got := string(Body([]byte(tt.in))); got != tt.want {
			t.Errorf("Body(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func BenchmarkMarkdownSample(b *testing.B) {
	in := sampleInput(b)
	for b.Loop() {
		Markdown(in)
	}
}
