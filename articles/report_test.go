package articles

import (
	"bytes"
	"context"
	"encoding/json"
	"strings"
	"testing"
)

// The analyze JSON is a contract for scripts: check its shape and that every
// offset points at the text it claims, in the text it ships.
func TestWriteJSONShapeAndOffsets(t *testing.T) {
	arts := Sample()
	an, err := Analyze(context.Background(), arts)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := WriteJSON(&buf, arts, an); err != nil {
		t.Fatal(err)
	}
	var rep map[string]any
	if err := json.Unmarshal(buf.Bytes(), &rep); err != nil {
		t.Fatalf("not JSON: %v", err)
	}
	for _, key := range []string{"articles", "clusters", "alignments", "suggestions"} {
		if _, ok := rep[key].([]any); !ok {
			t.Fatalf("%q is not an array: %T", key, rep[key])
		}
	}
	clusters := map[string]bool{}
	for _, c := range rep["clusters"].([]any) {
		cm := c.(map[string]any)
		for _, key := range []string{"id", "name", "type", "mentions"} {
			if _, ok := cm[key]; !ok {
				t.Fatalf("cluster without %q: %v", key, cm)
			}
		}
		clusters[cm["id"].(string)] = true
	}
	attributed := 0
	for _, a := range rep["articles"].([]any) {
		am := a.(map[string]any)
		for _, key := range []string{"id", "source", "title", "text", "sentences", "entities", "quotes"} {
			if _, ok := am[key]; !ok {
				t.Fatalf("article without %q", key)
			}
		}
		text := am["text"].(string)
		slice := func(m map[string]any, s, e string) string {
			start, end := int(m[s].(float64)), int(m[e].(float64))
			if start < 0 || end > len(text) || start > end {
				t.Fatalf("span %d-%d outside the text (%d bytes)", start, end, len(text))
			}
			return text[start:end]
		}
		for _, s := range am["sentences"].([]any) {
			if strings.TrimSpace(slice(s.(map[string]any), "start", "end")) == "" {
				t.Fatal("empty sentence")
			}
		}
		for _, e := range am["entities"].([]any) {
			em := e.(map[string]any)
			for _, key := range []string{"start", "end", "text", "type", "cluster", "role"} {
				if _, ok := em[key]; !ok {
					t.Fatalf("entity without %q: %v", key, em)
				}
			}
			if got := slice(em, "start", "end"); got != em["text"] {
				t.Fatalf("entity text %q but offsets give %q", em["text"], got)
			}
			if c, ok := em["cluster"].(string); ok && !clusters[c] {
				t.Fatalf("entity names unknown cluster %q", c)
			}
		}
		for _, q := range am["quotes"].([]any) {
			qm := q.(map[string]any)
			for _, key := range []string{"start", "end", "text", "speaker", "speaker_cluster", "speaker_start", "speaker_end"} {
				if _, ok := qm[key]; !ok {
					t.Fatalf("quote without %q: %v", key, qm)
				}
			}
			if !strings.Contains(slice(qm, "start", "end"), qm["text"].(string)) {
				t.Fatalf("quote text %q not inside its span", qm["text"])
			}
			if qm["speaker_start"] != nil {
				attributed++
				if slice(qm, "speaker_start", "speaker_end") == "" {
					t.Fatal("empty speaker span")
				}
			}
		}
	}
	if attributed == 0 {
		t.Fatal("no quotation located its speaker")
	}
}

func TestWriteSummaryListsClustersAndSpeakers(t *testing.T) {
	arts := Sample()
	an, err := Analyze(context.Background(), arts)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := WriteSummary(&buf, arts, an); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	for _, want := range []string{"ARTICLES", "ENTITIES", "QUOTATIONS BY SPEAKER", arts[0].ID, arts[1].ID} {
		if !strings.Contains(out, want) {
			t.Fatalf("summary lacks %q:\n%s", want, out)
		}
	}
	// Every cluster named absent somewhere shows the absence mark.
	for _, c := range an.Clusters {
		if len(c.Mentions) < len(arts) && !strings.Contains(out, "—") {
			t.Fatalf("cluster %q is absent from an article but no absence is marked", c.Name)
		}
	}
}
