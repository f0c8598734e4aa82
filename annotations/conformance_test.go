package annotations

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/parallax-reader/parallax/model"
)

// The Web Annotation Working Group's own conformance assertions (JSON
// Schema draft-04), kept beside the repository.
var w3cTests = filepath.Join("..", "..", "shared", "w3c-annotation-tests")

// schemaBase is where the assertions and their shared definitions are
// loaded, so that their relative ids and $refs resolve to one another.
const schemaBase = "https://w3c-annotation-tests.invalid/"

type assertion struct {
	name   string
	schema *jsonschema.Schema
	valid  bool // the expected result
}

// conformanceSuite compiles the assertions of the given manifests.
type conformanceSuite struct {
	manifests map[string][]assertion
}

func loadConformance(t *testing.T, manifests ...string) *conformanceSuite {
	t.Helper()
	if _, err := os.Stat(w3cTests); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("the W3C conformance assertions are missing at %s", w3cTests)
		}
		t.Skipf("the W3C conformance assertions are not at %s", w3cTests)
	}
	c := jsonschema.NewCompiler()
	c.DefaultDraft(jsonschema.Draft4)
	c.AssertFormat() // the Working Group checked formats (date-time, uri)
	defs, err := filepath.Glob(filepath.Join(w3cTests, "definitions", "*.json"))
	if err != nil || len(defs) != 7 {
		t.Fatalf("expected the seven definition files, found %d (%v)", len(defs), err)
	}
	for _, path := range defs {
		doc := loadJSON(t, path)
		id, _ := doc.(map[string]any)["id"].(string)
		if id == "" {
			t.Fatalf("%s has no id", path)
		}
		if err := c.AddResource(schemaBase+id, doc); err != nil {
			t.Fatal(err)
		}
	}
	suite := &conformanceSuite{manifests: map[string][]assertion{}}
	for _, m := range manifests {
		var manifest struct{ Assertions []json.RawMessage }
		if err := json.Unmarshal(readFile(t, filepath.Join(w3cTests, m)), &manifest); err != nil {
			t.Fatalf("%s: %v", m, err)
		}
		for _, entry := range manifest.Assertions {
			// An entry is a path, or an object naming the file with
			// overrides of its keys.
			var file string
			overrides := map[string]any{}
			if json.Unmarshal(entry, &file) != nil {
				if err := json.Unmarshal(entry, &overrides); err != nil {
					t.Fatalf("%s: bad entry %s", m, entry)
				}
				file, _ = overrides["assertionFile"].(string)
			}
			doc := loadJSON(t, filepath.Join(w3cTests, file)).(map[string]any)
			for k, v := range overrides {
				doc[k] = v
			}
			url := schemaBase + filepath.Base(file)
			if err := c.AddResource(url, doc); err != nil && !strings.Contains(err.Error(), "exists") {
				t.Fatal(err)
			}
			sch, err := c.Compile(url)
			if err != nil {
				t.Fatalf("compiling %s: %v", file, err)
			}
			expected, _ := doc["expectedResult"].(string)
			suite.manifests[m] = append(suite.manifests[m], assertion{name: file, schema: sch, valid: expected != "invalid"})
		}
		if len(suite.manifests[m]) == 0 {
			t.Fatalf("%s lists no assertions", m)
		}
	}
	return suite
}

func loadJSON(t *testing.T, path string) any {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	v, err := jsonschema.UnmarshalJSON(f)
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return v
}

// failures lists the assertions of a manifest that doc does not pass.
func (s *conformanceSuite) failures(manifest string, doc []byte) []string {
	v, err := jsonschema.UnmarshalJSON(bytes.NewReader(doc))
	if err != nil {
		return []string{"not JSON: " + err.Error()}
	}
	var out []string
	for _, a := range s.manifests[manifest] {
		if (a.schema.Validate(v) == nil) != a.valid {
			out = append(out, a.name)
		}
	}
	return out
}

const (
	annotationMusts = "annotations/annotationMusts.test"
	collectionMusts = "collections/collectionMusts.test"
	pageMusts       = "collections/pages/pageMusts.test"
)

// conformanceFile writes a file with every shape of tag parallax makes:
// with and without a note, several targets, a whole-article target, an
// edited and a deleted tag, a dismissed suggestion.
func conformanceFile(t *testing.T) []byte {
	p := tempFile(t)
	s := openStore(t, p, testArticles(), newClock())
	if _, err := s.Add(numberTag(t)); err != nil {
		t.Fatal(err)
	}
	noNote := model.Annotation{Kind: model.Omission, Targets: []model.Target{
		{Article: "a1", Span: span(t, textA, "Rescue teams worked through the night."), Role: "claim"},
		{Article: "a2", Role: "omitted-from"},
	}}
	if _, err := s.Add(noNote); err != nil {
		t.Fatal(err)
	}
	q, err := s.Add(model.Annotation{Kind: model.QuoteWording, Severity: model.Low, Targets: []model.Target{
		{Article: "a1", Span: span(t, textA, "“We have never seen water this high,”")},
		{Article: "a2", Span: span(t, textB, "“The water has never been this high,”")},
	}})
	if err != nil {
		t.Fatal(err)
	}
	q.Note = "Same quotation, *different* words <and> markup & symbols."
	if err := s.Update(q); err != nil {
		t.Fatal(err)
	}
	if err := s.Dismiss("suggestion-1"); err != nil {
		t.Fatal(err)
	}
	return readFile(t, p)
}

func TestWrittenFilesConform(t *testing.T) {
	suite := loadConformance(t, annotationMusts, collectionMusts, pageMusts)
	data := conformanceFile(t)
	for _, m := range []string{collectionMusts, pageMusts} {
		if f := suite.failures(m, data); len(f) > 0 {
			t.Errorf("the file fails %s: %v\n%s", m, f, data)
		}
	}
	var file struct {
		First struct{ Items []json.RawMessage }
	}
	if err := json.Unmarshal(data, &file); err != nil {
		t.Fatal(err)
	}
	if len(file.First.Items) != 3 {
		t.Fatalf("%d items, want 3", len(file.First.Items))
	}
	if n := len(suite.manifests[annotationMusts]); n != 54 {
		t.Errorf("%d annotation assertions loaded, the manifest lists 54", n)
	}
	for i, it := range file.First.Items {
		if f := suite.failures(annotationMusts, it); len(f) > 0 {
			t.Errorf("item %d fails %s: %v\n%s", i+1, annotationMusts, f, it)
		}
		// The same item without its context must fail: the check is real.
		var o map[string]json.RawMessage
		_ = json.Unmarshal(it, &o)
		delete(o, "@context")
		broken, _ := json.Marshal(o)
		if f := suite.failures(annotationMusts, broken); len(f) == 0 {
			t.Errorf("item %d without @context passed", i+1)
		}
	}
}

// The validator is real: samples the Working Group's assertions reject
// are rejected here too.
func TestConformanceRejectsBadAnnotations(t *testing.T) {
	suite := loadConformance(t, annotationMusts, collectionMusts)
	bad := map[string]string{
		// The Working Group's own composite-target sample shape.
		"composite target": `{"@context": "http://www.w3.org/ns/anno.jsonld", "id": "http://example.org/anno1",
			"type": "Annotation", "body": "http://example.org/post1",
			"target": {"type": "Composite", "items": ["http://example.com/image1", "http://example.com/image2"]}}`,
		"no @context": `{"id": "http://example.org/anno2", "type": "Annotation",
			"body": "http://example.org/post1", "target": "http://example.com/page1"}`,
		"body and bodyValue": `{"@context": "http://www.w3.org/ns/anno.jsonld", "id": "http://example.org/anno3",
			"type": "Annotation", "bodyValue": "Comment", "body": "http://example.org/post1",
			"target": "http://example.com/page1"}`,
		"bad created": `{"@context": "http://www.w3.org/ns/anno.jsonld", "id": "http://example.org/anno4",
			"type": "Annotation", "created": "yesterday", "target": "http://example.com/page1"}`,
		"position selector with a negative start": `{"@context": "http://www.w3.org/ns/anno.jsonld",
			"id": "http://example.org/anno5", "type": "Annotation",
			"target": {"source": "http://example.com/page1", "selector": {"type": "TextPositionSelector", "start": -1, "end": 4}}}`,
	}
	for name, doc := range bad {
		if f := suite.failures(annotationMusts, []byte(doc)); len(f) == 0 {
			t.Errorf("%s: passed every assertion, want a failure", name)
		}
	}
	good := `{"@context": "http://www.w3.org/ns/anno.jsonld", "id": "http://example.org/anno6",
		"type": "Annotation", "body": "http://example.org/post1", "target": "http://example.com/page1"}`
	if f := suite.failures(annotationMusts, []byte(good)); len(f) > 0 {
		t.Errorf("the Working Group's basic sample fails %v", f)
	}
	if f := suite.failures(collectionMusts, []byte(`{"@context": "http://www.w3.org/ns/anno.jsonld",
		"id": "http://example.org/c", "type": "AnnotationCollection", "total": 2}`)); len(f) == 0 {
		t.Error("a collection with a total but no first page passed")
	}
}
