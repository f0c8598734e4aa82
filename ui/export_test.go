package ui

import (
	"bytes"
	"context"
	"errors"
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

func TestNotesPathIsTheNoteTitleSlugged(t *testing.T) {
	for title, want := range map[string]string{
		"First U.S.-Iranian talks in 27 years": "./discrepancy-notes-first-u-s-iranian-talks-in-27-years-notes.md",
		"Ça va? «Oui»":                         "./discrepancy-notes-a-va-oui-notes.md",
		"":                                     "./discrepancy-notes-notes.md",
		// Cut at a hyphen, never inside a word.
		strings.Repeat("abcdefghij ", 8): "./discrepancy-notes-abcdefghij-abcdefghij-abcdefghij-notes.md",
	} {
		if got := notesPath(export.Input{Articles: []model.Article{{Title: title}}}); got != want {
			t.Errorf("notesPath(%q) = %q, want %q", title, got, want)
		}
	}
	if got := notesPath(export.Input{Title: "§§§"}); got != "./parallax-notes.md" {
		t.Errorf("a title with no letters gives %q", got)
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

// Without an analysis the preview says what the note lacks, and says it
// again after a key clears it; when the analysis arrives it says so.
func TestExportPreviewSaysTheAnalysisIsMissing(t *testing.T) {
	arts := tagArticles()
	m := New(Options{Articles: arts, Theme: "dark",
		Analyze: func(context.Context, []model.Article) (*model.Analysis, error) { return nil, nil }})
	run(m, tea.WindowSizeMsg{Width: 100, Height: 30})
	typeKeys(m, "m")
	const running = "analysis still running: entities and quotations will be missing"
	if m.exp == nil || m.exp.Status() != running || !strings.Contains(screen(m), running) {
		t.Fatalf("preview status %q, want %q", m.exp.Status(), running)
	}
	typeKeys(m, "j")
	if m.exp.Status() != running {
		t.Fatalf("after j the status is %q", m.exp.Status())
	}
	an := &model.Analysis{Articles: []model.ArticleAnalysis{{Article: "a1"}, {Article: "a2"}}}
	run(m, AnalysisMsg{Analysis: an})
	if !strings.Contains(m.exp.Status(), "analysis arrived") {
		t.Fatalf("after the analysis the status is %q", m.exp.Status())
	}

	failed := New(Options{Articles: arts, Theme: "dark",
		Analyze: func(context.Context, []model.Article) (*model.Analysis, error) { return nil, nil }})
	run(failed, tea.WindowSizeMsg{Width: 100, Height: 30})
	run(failed, AnalysisMsg{Err: errors.New("no model")})
	typeKeys(failed, "m")
	if !failed.exp.StatusIsError() || !strings.Contains(failed.exp.Status(), "analysis failed") {
		t.Fatalf("after a failed analysis the status is %q", failed.exp.Status())
	}
}

// ? lists the preview's keys over it (not the reader's), any other key
// than ?/esc/j/k leaves the list alone; typed into the path prompt, ? is a
// character of the path. ctrl+c quits from the preview.
func TestExportPreviewHelpAndQuit(t *testing.T) {
	m := newModel(t, tagArticles(), 100, 30)
	typeKeys(m, "m", "?")
	scr := screen(m)
	for _, want := range []string{"Keys", "write file", "esc/q/m", "close"} {
		if !strings.Contains(scr, want) {
			t.Fatalf("help in the preview lacks %q:\n%s", want, scr)
		}
	}
	if strings.Contains(scr, "linked scrolling") {
		t.Fatalf("help in the preview lists the reader's keys:\n%s", scr)
	}
	checkFrame(t, m.Render(), 100, 30)
	typeKeys(m, "q")
	if m.exp == nil || !m.expHelp {
		t.Fatal("q under the help closed the preview")
	}
	typeKeys(m, "esc")
	if m.exp == nil || m.expHelp {
		t.Fatalf("esc did not close the help alone:\n%s", screen(m))
	}

	typeKeys(m, "w")
	for range 80 {
		run(m, press("backspace"))
	}
	typeText(m, "what?.md")
	if m.expHelp || !strings.Contains(screen(m), "what?.md") {
		t.Fatalf("? in the path prompt should be typed:\n%s", screen(m))
	}
	typeKeys(m, "esc")

	// The wheel scrolls the preview, not the panes.
	run(m, tea.WindowSizeMsg{Width: 60, Height: 8})
	top := m.Panes()[0].ReadingPosition()
	run(m, tea.MouseWheelMsg{Button: tea.MouseWheelDown})
	if m.exp.Top() == 0 || m.Panes()[0].ReadingPosition() != top {
		t.Fatalf("the wheel should scroll the preview (top %d of %d, %d rows), not the pane", m.exp.Top(), m.exp.Lines(), m.exp.BodyRows())
	}
	if quit := run(m, ctrl('c')); !quit {
		t.Fatal("ctrl+c in the preview did not quit")
	}
}
