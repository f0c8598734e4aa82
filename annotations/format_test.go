package annotations

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/parallax-reader/parallax/model"
)

func TestRoundTripThroughFile(t *testing.T) {
	p := tempFile(t)
	clock := newClock()
	s := openStore(t, p, testArticles(), clock)
	var added []model.Annotation
	for i, tag := range []model.Annotation{numberTag(t), {
		Kind: model.Attribution, Severity: model.Low, Note: "Who said it?\n\n- a\n- b",
		Targets: []model.Target{{Article: "a2", Span: span(t, textB, "Mayor Müller told reporters"), Role: "claim"}},
	}} {
		clock.advance(time.Duration(i+1) * time.Minute)
		a, err := s.Add(tag)
		if err != nil {
			t.Fatal(err)
		}
		added = append(added, a)
	}
	s.Close()

	data := readFile(t, p)
	if !bytes.HasSuffix(data, []byte("}\n")) || bytes.HasSuffix(data, []byte("\n\n")) {
		t.Error("the file does not end in exactly one newline")
	}
	if !bytes.Contains(data, []byte("\n  \"first\": {\n    \"id\"")) {
		t.Errorf("not indented with two spaces:\n%s", data[:200])
	}
	d, err := parseDocument(data)
	if err != nil {
		t.Fatal(err)
	}
	if again := d.encode(); !bytes.Equal(again, data) {
		t.Errorf("re-encoding the file changes it:\n%s\nvs\n%s", again, data)
	}

	s2 := openStore(t, p, testArticles(), clock)
	got := s2.Annotations()
	if !reflect.DeepEqual(got, added) {
		t.Errorf("reopened:\n%+v\nwant\n%+v", got, added)
	}
}

func TestItemsInCreatedThenIDOrder(t *testing.T) {
	p := tempFile(t)
	clock := newClock()
	s := openStore(t, p, testArticles(), clock)
	var want []string
	add := func() string {
		a, err := s.Add(numberTag(t))
		if err != nil {
			t.Fatal(err)
		}
		return a.ID
	}
	later := add()
	clock.t = clock.t.Add(-time.Hour) // an earlier clock: this one sorts first
	first := add()
	clock.advance(time.Second)
	same1, same2 := add(), add() // same second: by id
	if same2 < same1 {
		same1, same2 = same2, same1
	}
	want = []string{first, same1, same2, later}
	var got []string
	for _, a := range s.Annotations() {
		got = append(got, a.ID)
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("order %v, want %v", got, want)
	}
	d, _ := parseDocument(readFile(t, p))
	for i, it := range d.items {
		if it.id != want[i] {
			t.Fatalf("file order differs at %d: %s", i, it.id)
		}
	}
}

// A file written by another tool (or a later parallax) with properties
// parallax does not know, an annotation that is not a discrepancy tag, and
// a tag on an article that is not open.
const foreignFile = `{
  "@context": "http://www.w3.org/ns/anno.jsonld",
  "id": "https://example.org/collections/7",
  "type": ["AnnotationCollection", "OrderedCollection"],
  "label": "Shared notes",
  "x:reviewedBy": {"name": "Ana"},
  "first": {
    "id": "https://example.org/collections/7/page1",
    "type": "AnnotationPage",
    "x:pageNote": 1,
    "items": [
      {
        "@context": "http://www.w3.org/ns/anno.jsonld",
        "id": "urn:uuid:00000000-0000-4000-8000-000000000001",
        "type": "Annotation",
        "motivation": "assessing",
        "created": "2025-01-02T03:04:05Z",
        "modified": "2025-01-02T03:04:05Z",
        "parallax:severity": "low",
        "x:colour": "#ff0",
        "body": [
          {"type": "TextualBody", "purpose": "tagging", "value": "discrepancy:number", "x:confidence": 0.5},
          {"type": "TextualBody", "purpose": "commenting", "value": "old note", "creator": "Ana"},
          {"type": "TextualBody", "purpose": "tagging", "value": "needs-check"}
        ],
        "target": [
          {
            "source": "https://news.example/zurich-flood",
            "x:targetNote": true,
            "selector": [
              {"type": "TextQuoteSelector", "exact": "12 people were killed", "prefix": "s in Zürich said on Monday that ", "suffix": " when the river flooded.\n\n“We ha"},
              {"type": "TextPositionSelector", "start": 40, "end": 61}
            ]
          }
        ]
      },
      {
        "@context": "http://www.w3.org/ns/anno.jsonld",
        "id": "urn:uuid:00000000-0000-4000-8000-000000000002",
        "type": "Annotation",
        "motivation": "highlighting",
        "created": "2025-01-01T00:00:00Z",
        "target": "https://news.example/zurich-flood"
      },
      {
        "@context": "http://www.w3.org/ns/anno.jsonld",
        "id": "urn:uuid:00000000-0000-4000-8000-000000000003",
        "type": "Annotation",
        "created": "2025-01-03T00:00:00Z",
        "body": {"type": "TextualBody", "purpose": "tagging", "value": "discrepancy:framing"},
        "target": {"source": "https://elsewhere.example/other", "selector": {"type": "TextQuoteSelector", "exact": "not open"}}
      }
    ]
  }
}
`

func TestUnknownPropertiesSurviveRewrite(t *testing.T) {
	p := tempFile(t)
	if err := os.WriteFile(p, []byte(foreignFile), 0o644); err != nil {
		t.Fatal(err)
	}
	before, err := parseDocument([]byte(foreignFile))
	if err != nil {
		t.Fatal(err)
	}
	s := openStore(t, p, testArticles(), newClock())
	anns := s.Annotations()
	if len(anns) != 2 {
		t.Fatalf("%d tags listed, want 2 (the highlight is not a discrepancy tag)", len(anns))
	}
	tag := anns[0]
	if tag.Kind != model.Number || tag.Note != "old note" || tag.Severity != model.Low {
		t.Fatalf("read %+v", tag)
	}
	if tag.Targets[0].Anchoring != model.AnchorPosition {
		t.Fatalf("target anchored by %q", tag.Targets[0].Anchoring)
	}
	if anns[1].Targets[0].Anchoring != model.AnchorNone || anns[1].Targets[0].Exact != "not open" {
		t.Fatalf("tag on a closed article: %+v", anns[1].Targets[0])
	}
	tag.Note = "new note"
	tag.Severity = model.High
	if err := s.Update(tag); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Add(numberTag(t)); err != nil {
		t.Fatal(err)
	}

	var after map[string]any
	data := readFile(t, p)
	if err := json.Unmarshal(data, &after); err != nil {
		t.Fatal(err)
	}
	if after["x:reviewedBy"].(map[string]any)["name"] != "Ana" || after["label"] != "Shared notes" {
		t.Error("collection properties lost")
	}
	if tp, _ := after["type"].([]any); len(tp) != 2 {
		t.Errorf("collection type rewritten: %v", after["type"])
	}
	page := after["first"].(map[string]any)
	if page["x:pageNote"] != 1.0 || page["id"] != "https://example.org/collections/7/page1" {
		t.Error("page properties lost")
	}
	items := page["items"].([]any)
	if len(items) != 4 {
		t.Fatalf("%d items, want 4", len(items))
	}
	d, _ := parseDocument(data)
	// The highlight and the tag on the closed article are byte for byte
	// what they were.
	for _, id := range []string{"urn:uuid:00000000-0000-4000-8000-000000000002", "urn:uuid:00000000-0000-4000-8000-000000000003"} {
		_, old := before.find(id)
		_, now := d.find(id)
		if now == nil || !bytes.Equal(old.canon(), now.canon()) {
			t.Errorf("%s changed:\n%s\n%s", id, old.canon(), now.canon())
		}
	}
	_, edited := d.find("urn:uuid:00000000-0000-4000-8000-000000000001")
	e := string(edited.canon())
	for _, keep := range []string{`"x:colour":"#ff0"`, `"x:confidence":0.5`, `"creator":"Ana"`,
		`"value":"needs-check"`, `"x:targetNote":true`, `"value":"new note"`, `"parallax:severity":"high"`} {
		if !strings.Contains(e, keep) {
			t.Errorf("edited item lacks %s:\n%s", keep, e)
		}
	}
	if strings.Contains(e, "old note") {
		t.Error("old note kept")
	}
	if !strings.Contains(e, `"parallax":"https://parallax-reader.github.io/ns#"`) {
		t.Error("the edited item's context does not define the parallax prefix")
	}
}

func TestUnreadableFileIsNeverOverwritten(t *testing.T) {
	cases := []struct {
		name, content string
		line, col     int
		msg           string
	}{
		{"syntax", "{\n  \"type\": \"AnnotationCollection\",\n  \"first\": {\n    \"items\": [\n      }\n", 5, 7, "invalid character '}'"},
		{"truncated", "{\n  \"type\": \"AnnotationCollection\",\n  \"first\": {", 3, 13, "unexpected end of JSON input"},
		{"not a collection", `{"type": "Annotation", "id": "x"}`, 0, 0, "not an annotation collection"},
		{"item without id", `{"type": "AnnotationCollection", "first": {"items": [{"type": "Annotation"}]}}`, 0, 0, `annotation 1 has no "id"`},
		{"array", `[1, 2]`, 1, 1, "expected a JSON object"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			p := tempFile(t)
			if err := os.WriteFile(p, []byte(c.content), 0o644); err != nil {
				t.Fatal(err)
			}
			_, err := Open(p, testArticles(), Options{})
			var pe *ParseError
			if !errors.As(err, &pe) {
				t.Fatalf("Open: %v, want a *ParseError", err)
			}
			if pe.Line != c.line || pe.Column != c.col || !strings.Contains(pe.Msg, c.msg) {
				t.Errorf("got %d:%d %q, want %d:%d %q", pe.Line, pe.Column, pe.Msg, c.line, c.col, c.msg)
			}
			if !strings.HasPrefix(err.Error(), p+":") || !strings.HasSuffix(err.Error(), "; fix it or move it aside") {
				t.Errorf("message %q", err)
			}
			if got := readFile(t, p); string(got) != c.content {
				t.Error("the unreadable file was changed")
			}
			// The lock was released: after a fix, the file opens.
			if err := os.WriteFile(p, nil, 0o644); err != nil {
				t.Fatal(err)
			}
			s, err := Open(p, testArticles(), Options{})
			if err != nil {
				t.Fatalf("after the fix: %v", err)
			}
			s.Close()
		})
	}
}

func TestParseErrorMentionsBackup(t *testing.T) {
	p := tempFile(t)
	s := openStore(t, p, testArticles(), newClock())
	for range 2 { // the second save leaves a .bak
		if _, err := s.Add(numberTag(t)); err != nil {
			t.Fatal(err)
		}
	}
	s.Close()
	if err := os.WriteFile(p, []byte("{\n  oops\n}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := Open(p, testArticles(), Options{})
	want := p + ":2:3: invalid character 'o' looking for beginning of object key string; fix it or move it aside (a backup is at " + p + ".bak)"
	if err == nil || err.Error() != want {
		t.Fatalf("got  %v\nwant %s", err, want)
	}
	if ids := fileIDs(t, p+".bak"); len(ids) != 1 {
		t.Errorf("the backup holds %d tags, want the 1 before the last save", len(ids))
	}
}

func FuzzParse(f *testing.F) {
	f.Add([]byte(foreignFile))
	f.Add([]byte(`{"type":"AnnotationCollection"}`))
	f.Add([]byte(`{"type":"AnnotationCollection","parallax:dismissed":["a","b"],"first":{"items":[]}}`))
	f.Add([]byte(`{"type":"AnnotationCollection","first":{"items":[{"id":"x","type":"Annotation","target":[1,"s",{"selector":[{"type":"TextPositionSelector","start":1e3,"end":-1}]}]}]}}`))
	f.Add([]byte(`{"type":"AnnotationCollection","first":{"items":[{"id":"x","type":"Annotation","body":"iri","bodyValue":"v","target":{"id":"t"}}]}}`))
	f.Add([]byte("\xef\xbb\xbf{\"type\":[\"AnnotationCollection\"],\"first\":\"https://x\"}"))
	f.Add([]byte(""))
	f.Fuzz(func(t *testing.T, data []byte) {
		d, err := parseDocument(data)
		if err != nil || d == nil {
			return
		}
		once := d.encode()
		d2, err := parseDocument(once)
		if err != nil {
			t.Fatalf("a written file does not parse: %v\n%s", err, once)
		}
		if twice := d2.encode(); !bytes.Equal(once, twice) {
			t.Fatalf("not stable:\n%s\n%s", once, twice)
		}
		if len(d.items) != len(d2.items) {
			t.Fatalf("%d items became %d", len(d.items), len(d2.items))
		}
		for i := range d.items {
			if !reflect.DeepEqual(d.items[i].ann, d2.items[i].ann) || d.items[i].listed != d2.items[i].listed {
				t.Fatalf("item %d reads differently after a rewrite:\n%+v\n%+v", i, d.items[i].ann, d2.items[i].ann)
			}
		}
		if !reflect.DeepEqual(d.dismissed(), d2.dismissed()) {
			t.Fatal("dismissed suggestions changed")
		}
		// Anchoring whatever the file holds never panics either.
		ix := newTextIndex(textA)
		for _, it := range d.items {
			for _, st := range it.targets {
				sp, how := anchorIn(ix, st)
				if how != model.AnchorOrphan && (sp.Start < 0 || sp.End > len(textA) || sp.Start > sp.End) {
					t.Fatalf("span %v outside the text", sp)
				}
			}
		}
	})
}
