package export

import (
	"slices"
	"strings"
	"testing"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"

	"github.com/parallax-reader/parallax/model"
)

// noteInput is one tag carrying the note, with sections after it that a
// runaway note would swallow.
func noteInput(md string) Input {
	a := model.Article{ID: "a1", URI: "urn:a", Outlet: "One", Text: "The talks lasted four hours."}
	return Input{
		Title:    "Notes",
		Articles: []model.Article{a},
		Analysis: &model.Analysis{Clusters: []model.Cluster{{ID: "c", Name: "Crocker", Type: model.Person, Mentions: map[string]int{"a1": 1}}}},
		Annotations: []model.Annotation{
			{ID: "1", Kind: model.Number, Severity: model.High, Note: md, Targets: []model.Target{
				{Source: a.URI, Article: a.ID, Exact: "four hours", Span: model.Span{Start: 17, End: 27}, Anchoring: model.AnchorPosition}}},
			{ID: "2", Kind: model.Other, Severity: model.Low, Targets: []model.Target{
				{Source: a.URI, Exact: "gone", Anchoring: model.AnchorOrphan}}},
		},
	}
}

// wantSections are the export's own headings around a note's.
func withNoteHeadings(noteHeadings ...string) []string {
	out := []string{"H1 Notes", "H2 Summary", "H2 Discrepancies", "H3 1. Number — high"}
	out = append(out, noteHeadings...)
	return append(out, "H2 Entities", "H2 Quotations", "H2 Orphaned tags", "H3 2. Other — low")
}

func TestNoteKeptSafe(t *testing.T) {
	tests := []struct {
		name, note string
		headings   []string // the note's own, after demotion
		has        string   // text that must survive
	}{
		{"plain markdown", "Check *this* and [the wire](https://example.com).\n\n- one\n- two", nil, "Check this and the wire."},
		{"ATX headings demoted", "# Big\n\n## Smaller\n\n#### Deep\n\n###### Deepest", []string{"H4 Big", "H5 Smaller", "H6 Deep", "H6 Deepest"}, ""},
		{"setext headings", "Title\n=====\n\nSub\n---\n\ntext", []string{"H4 Title", "H5 Sub"}, "text"},
		{"multi-line setext", "first line\nsecond line\n===", []string{"H4 first line", "H4 second line"}, ""},
		{"heading in a quote", "> # quoted heading\n> text", []string{"H4 quoted heading"}, "text"},
		{"heading in a list", "- # listed\n- item", []string{"H4 listed"}, "item"},
		{"unclosed fence", "look:\n```\ncode that never ends\n# not a heading", nil, "code that never ends"},
		{"unclosed tilde fence", "~~~~\ncode", nil, "code"},
		{"closed fence stays", "```go\nx := 1\n```\nafter", nil, "after"},
		{"html block", "<div>\n# inside\n</div>", []string{"H4 inside"}, "<div>"},
		{"open comment", "<!-- never closed\n\n# heading\n", []string{"H4 heading"}, "<!-- never closed"},
		{"open pre", "<pre>\nraw\n\n## heading", []string{"H5 heading"}, "<pre>"},
		{"inline html", "a <span onclick=x>b</span> c", nil, "<span onclick=x>b</span>"},
		{"control characters", "red\x1b[31m text\x07 &#27;[2J &#x9b;", nil, "red[31m text"},
		{"carriage returns", "# one\r\ntwo\rthree", []string{"H4 one"}, "three"},
		{"seven hashes is text", "####### seven", nil, "####### seven"},
		{"hash heading text", "#hash\n===", []string{"H4 #hash"}, ""},
		{"empty heading", "#\n\ntext", []string{"H4 "}, "text"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out := Markdown(noteInput(tt.note))
			if i := strings.IndexFunc(string(out), isStrayControl); i >= 0 {
				t.Errorf("control character %q in output", out[i])
			}
			for _, md := range []parsed{parse(strictMD, out), parse(glamMD, out)} {
				want := withNoteHeadings(tt.headings...)
				if got := md.outline(); !slices.Equal(got, want) {
					t.Errorf("outline:\n got %q\nwant %q\n%s", got, want, md.src)
				}
				forbidden(t, md, tt.name, ast.KindHTMLBlock, ast.KindRawHTML)
				if tt.has != "" && !strings.Contains(md.textOf(md.doc), tt.has) {
					t.Errorf("note text %q lost:\n%s", tt.has, md.src)
				}
			}
		})
	}
}

func TestNoteAsWritten(t *testing.T) {
	// A note with nothing to fix is copied byte for byte.
	for _, md := range []string{
		"Check *this* and [the wire](https://example.com).",
		"- one\n- two\n\n> quoted\n\n```\n<b>code is code</b>\n```",
		"text with `<code>` and\n\n    <indented code/>\n\n1. a\n2. b",
	} {
		if got := note(md); got != md {
			t.Errorf("note(%q) = %q, want it unchanged", md, got)
		}
	}
	if got := note(" \n\t\n"); got != "" {
		t.Errorf("blank note gave %q", got)
	}
}

func TestLiteralNote(t *testing.T) {
	// The fallback for a note that cannot be made safe shows every
	// character as text.
	md := "# heading\n\n<b>html</b> and *em*\n\n```\nfence"
	p := parsed{src: []byte(literalNote(md))}
	p.doc = strictMD.Parser().Parse(text.NewReader(p.src))
	forbidden(t, p, "literal note", ast.KindHeading, ast.KindRawHTML, ast.KindEmphasis, ast.KindFencedCodeBlock)
	if got, want := squash(p.textOf(p.doc)), squash(md); got != want {
		t.Errorf("literal note reads %q, want %q", got, want)
	}
}

func FuzzNote(f *testing.F) {
	for _, s := range []string{
		"# h", "a\n===", "```\nx", "<div>\n# x", "<!--", "> # q", "- # l", "<pre>\n\n# x",
		"&#27;", "a <b>c</b>", "~~~\n", "    code\n# h", "Term\n: def", "| a |\n| - |\n| b |",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, md string) {
		if !validText(md) {
			t.Skip()
		}
		out := Markdown(noteInput(md))
		if i := strings.IndexFunc(string(out), isStrayControl); i >= 0 {
			t.Fatalf("control character %q in output", out[i])
		}
		for _, p := range []parsed{parse(strictMD, out), parse(glamMD, out)} {
			forbidden(t, p, "note", ast.KindHTMLBlock, ast.KindRawHTML)
			// The note may add headings of its own, but only under its tag,
			// and every section after it must still be there.
			var sections []string
			for _, h := range p.outline() {
				if h < "H4" {
					sections = append(sections, h)
				}
			}
			if want := withNoteHeadings(); !slices.Equal(sections, want) {
				t.Fatalf("sections:\n got %q\nwant %q\n%s", sections, want, p.src)
			}
		}
	})
}
