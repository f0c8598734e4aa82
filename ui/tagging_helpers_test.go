package ui

import (
	"path/filepath"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/parallax-reader/parallax/annotations"
	"github.com/parallax-reader/parallax/model"
	"github.com/parallax-reader/parallax/ui/internal/fixture"
)

// ctrl builds the key press of ctrl and a letter.
func ctrl(r rune) tea.KeyPressMsg { return tea.KeyPressMsg{Code: r, Mod: tea.ModCtrl} }

// tagArticles are two short accounts with sentences the tests can name.
func tagArticles() []model.Article {
	a := fixture.Article("a1", "wire-one.example", "Talks resume",
		"“We will return,” said Ana Ruiz of the US delegation on Tuesday. "+
			"Officials said 40 people were hurt. The meeting lasted 5% longer — as expected.\n\n"+
			"A second paragraph follows here. It has two sentences.")
	b := fixture.Article("a2", "wire-two.example", "Talks begin again",
		"Ruiz said the delegation would return. Officials said 14 people were hurt. "+
			"The meeting ran long.")
	a.URI, b.URI = "urn:test:a1", "urn:test:a2"
	return []model.Article{a, b}
}

// openStore opens an annotation store for arts in a temporary folder.
func openTestStore(t testing.TB, arts []model.Article, readOnly bool) (*annotations.Store, string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "tags.jsonld")
	return reopenStore(t, path, arts, readOnly), path
}

func reopenStore(t testing.TB, path string, arts []model.Article, readOnly bool) *annotations.Store {
	t.Helper()
	// A clock a minute on at every reading keeps tags in the order made.
	now := time.Date(2026, 5, 1, 12, 0, 0, 0, time.UTC)
	clock := func() time.Time { now = now.Add(time.Minute); return now }
	st, err := annotations.Open(path, arts, annotations.Options{ReadOnly: readOnly, Now: clock})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

// newTagModel is a reader with a store, sized w×h.
func newTagModel(t testing.TB, arts []model.Article, st *annotations.Store, w, h int) *Model {
	t.Helper()
	t.Setenv("NO_COLOR", "")
	m := New(Options{Articles: arts, Theme: "dark", Store: st, AnnotationFile: st.Path()})
	run(m, tea.WindowSizeMsg{Width: w, Height: h})
	return m
}

// selected is the text of the current selection.
func selected(m *Model) string {
	sel := m.tags.sel
	if sel == nil {
		return ""
	}
	return m.panes[sel.pane].Article().Slice(sel.span())
}

// spanOf finds s in article i's text.
func spanOf(t testing.TB, m *Model, i int, s string) model.Span {
	t.Helper()
	text := m.panes[i].Article().Text
	for k := 0; k+len(s) <= len(text); k++ {
		if text[k:k+len(s)] == s {
			return model.Span{Start: k, End: k + len(s)}
		}
	}
	t.Fatalf("%q not in article %d", s, i+1)
	return model.Span{}
}

// fixtureArticle fills in sentences split the simple way.
func fixtureArticle(a model.Article) model.Article {
	a.Sentences = fixture.Sentences(a.Text)
	return a
}
