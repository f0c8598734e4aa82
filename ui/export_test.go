package ui

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/parallax-reader/parallax/annotations/export"
	"github.com/parallax-reader/parallax/model"
)

// m opens the note of what was tagged; keys go to the preview; w writes the
// same bytes export.Markdown makes for the same input; esc comes back.
func TestExportPreviewWritesTheNote(t *testing.T) {
	t.Setenv("SOURCE_DATE_EPOCH", "1700000000")
	arts := tagArticles()
	st, _ := openTestStore(t, arts, false)
	if _, err := st.Add(model.Annotation{Kind: model.Number, Severity: model.High, Note: "40 or 14?",
		Targets: []model.Target{{Article: "a1", Span: spanOf(t, New(Options{Articles: arts}), 0, "Officials said 40 people were hurt.")}}}); err != nil {
		t.Fatal(err)
	}
	m := newTagModel(t, arts, st, 100, 30)

	if quit := typeKeys(m, "m"); quit || m.exp == nil {
		t.Fatal("m did not open the export preview")
	}
	scr := screen(m)
	checkFrame(t, m.Render(), 100, 30)
	for _, want := range []string{"Export preview", "Number", "40 or 14?"} {
		if !strings.Contains(scr, want) {
			t.Fatalf("preview lacks %q:\n%s", want, scr)
		}
	}
	// Resizing reaches the preview; keys scroll it, not the panes.
	run(m, tea.WindowSizeMsg{Width: 60, Height: 12})
	checkFrame(t, m.Render(), 60, 12)
	top := m.Panes()[0].ReadingPosition()
	typeKeys(m, "j", "j")
	if m.exp.Top() != 2 || m.Panes()[0].ReadingPosition() != top {
		t.Fatalf("j should scroll the preview (top %d of %d lines), not the pane", m.exp.Top(), m.exp.Lines())
	}

	// w, enter writes the note where asked.
	dir := t.TempDir()
	path := filepath.Join(dir, "notes.md")
	typeKeys(m, "w")
	for range 80 {
		run(m, press("backspace"))
	}
	typeText(m, path)
	run(m, press("enter"))
	got, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("the note was not written: %v (status %q)", err, m.exp.Status())
	}
	want := export.Markdown(export.Input{Date: export.NoteDate(), Articles: arts, Annotations: st.Annotations()})
	if !bytes.Equal(got, want) {
		t.Fatalf("written note differs from export.Markdown:\n%s\n---\n%s", got, want)
	}
	if !strings.Contains(m.Status(), "wrote notes to "+path) {
		t.Fatalf("reader status %q does not say where the note went", m.Status())
	}

	// esc closes and the panes are back.
	typeKeys(m, "esc")
	if m.exp != nil || !strings.Contains(screen(m), "wire-one.example") {
		t.Fatalf("esc did not close the preview:\n%s", screen(m))
	}
}

func TestNotesPathIsASlugInTheCurrentFolder(t *testing.T) {
	for title, want := range map[string]string{
		"First U.S.-Iranian talks in 27 years": "./first-u-s-iranian-talks-in-27-years-notes.md",
		"Ça va? «Oui»":                         "./a-va-oui-notes.md",
		"":                                     "./parallax-notes.md",
	} {
		if got := notesPath([]model.Article{{Title: title}}); got != want {
			t.Errorf("notesPath(%q) = %q, want %q", title, got, want)
		}
	}
}

// Opened before the analysis arrives, the preview gains the entity table
// when it does.
func TestExportPreviewRefreshesWhenAnalysisArrives(t *testing.T) {
	arts := tagArticles()
	st, _ := openTestStore(t, arts, false)
	m := newTagModel(t, arts, st, 100, 30)
	typeKeys(m, "m")
	if m.exp == nil || bytes.Contains(m.exp.Markdown(), []byte("## Entities")) {
		t.Fatal("before the analysis the note should have no entity table")
	}
	an := &model.Analysis{Articles: []model.ArticleAnalysis{{Article: "a1"}, {Article: "a2"}},
		Clusters: []model.Cluster{{ID: "c1", Name: "Ana Ruiz", Type: model.Person, Mentions: map[string]int{"a1": 1, "a2": 1}}}}
	run(m, AnalysisMsg{Analysis: an})
	if m.exp == nil || !bytes.Contains(m.exp.Markdown(), []byte("Ana Ruiz")) {
		t.Fatalf("the note did not gain the analysis:\n%s", m.exp.Markdown())
	}
}
