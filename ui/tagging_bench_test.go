package ui

import (
	"path/filepath"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/parallax-reader/parallax/annotations"
	"github.com/parallax-reader/parallax/model"
	"github.com/parallax-reader/parallax/ui/internal/fixture"
)

// tagKeystrokes adds selecting a few words and letting go of them to the
// reading keys.
var tagKeystrokes = append([]string{"v", "w", "]", "esc"}, keystrokes...)

// benchTagKeystrokes is benchKeystrokes with an annotation store holding
// tags spread through both articles, so the tag layer is drawn and the
// status bar looks for the tag under the cursor on every frame.
func benchTagKeystrokes(b *testing.B, size int) {
	const tags = 50
	a, c := fixture.Generate(size, 21), fixture.Generate(size, 22)
	a.ID, c.ID, a.URI, c.URI = "a1", "a2", "urn:bench:a1", "urn:bench:a2"
	arts := []model.Article{a, c}
	st, err := annotations.Open(filepath.Join(b.TempDir(), "tags.jsonld"), arts, annotations.Options{})
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	for i := range tags {
		sa, sc := a.Sentences[i*len(a.Sentences)/tags], c.Sentences[i*len(c.Sentences)/tags]
		if _, err := st.Add(model.Annotation{Kind: model.Number, Note: "bench",
			Targets: []model.Target{{Article: "a1", Span: sa}, {Article: "a2", Span: sc}}}); err != nil {
			b.Fatal(err)
		}
	}
	m := New(Options{Articles: arts, Theme: "dark", Store: st})
	m.Update(tea.WindowSizeMsg{Width: 160, Height: 45})
	msgs := make([]tea.Msg, len(tagKeystrokes))
	for i, k := range tagKeystrokes {
		msgs[i] = press(k)
	}
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		m.Update(msgs[i%len(msgs)])
		_ = m.View()
		i++
	}
}

// Compare KeystrokeTags5MB with KeystrokeTagsSmall: the cost per key must
// not grow with the article.
func BenchmarkKeystrokeTagsSmall(b *testing.B) { benchTagKeystrokes(b, 4<<10) }
func BenchmarkKeystrokeTags5MB(b *testing.B)   { benchTagKeystrokes(b, 5<<20) }
