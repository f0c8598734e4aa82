package export

import (
	"bufio"
	"bytes"
	"fmt"
	stdhtml "html"
	"strings"
	"testing"

	"github.com/yuin/goldmark"
	emoji "github.com/yuin/goldmark-emoji"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/text"
)

// Two readers of the export: plain CommonMark with GFM tables and
// strikethrough (what the note promises), and the richer set glamour
// enables (autolinks, task lists, definition lists, emoji).
var (
	strictMD = goldmark.New(goldmark.WithExtensions(extension.Table, extension.Strikethrough))
	glamMD   = goldmark.New(goldmark.WithExtensions(extension.GFM, extension.DefinitionList, emoji.Emoji))
)

// parsed is an export read back: the AST of the body and its source.
type parsed struct {
	doc ast.Node
	src []byte
}

func parse(md goldmark.Markdown, out []byte) parsed {
	src := Body(out)
	return parsed{doc: md.Parser().Parse(text.NewReader(src)), src: src}
}

// textOf is the literal text of a node as a renderer would show it: escapes
// and character references resolved, line breaks as spaces.
func (p parsed) textOf(n ast.Node) string {
	var b bytes.Buffer
	w := bufio.NewWriter(&b)
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			if c.Kind() == ast.KindParagraph && c.NextSibling() != nil {
				_ = w.WriteByte(' ')
			}
			return ast.WalkContinue, nil
		}
		switch c := c.(type) {
		case *ast.Text:
			html.DefaultWriter.Write(w, c.Segment.Value(p.src))
			if c.SoftLineBreak() || c.HardLineBreak() {
				_ = w.WriteByte(' ')
			}
		case *ast.FencedCodeBlock, *ast.CodeBlock, *ast.HTMLBlock:
			lines := c.Lines()
			for i := range lines.Len() {
				seg := lines.At(i)
				_, _ = w.Write(seg.Value(p.src))
			}
			return ast.WalkSkipChildren, nil
		case *ast.AutoLink: // a bare URL linked by the linkify extension
			_, _ = w.Write(c.Label(p.src))
		case *ast.String:
			html.DefaultWriter.Write(w, c.Value)
		case *ast.CodeSpan:
			for ch := c.FirstChild(); ch != nil; ch = ch.NextSibling() {
				_, _ = w.Write(ch.(*ast.Text).Segment.Value(p.src))
			}
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	_ = w.Flush()
	return stdhtml.UnescapeString(b.String())
}

// outline lists the headings as "H2 Summary".
func (p parsed) outline() []string {
	var out []string
	p.each(func(n ast.Node) {
		if h, ok := n.(*ast.Heading); ok {
			out = append(out, fmt.Sprintf("H%d %s", h.Level, p.textOf(h)))
		}
	})
	return out
}

// each calls f on every node.
func (p parsed) each(f func(ast.Node)) {
	_ = ast.Walk(p.doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if entering {
			f(n)
		}
		return ast.WalkContinue, nil
	})
}

// count counts nodes of a kind, inside under when it is not nil.
func count(under ast.Node, kind ast.NodeKind) int {
	n := 0
	_ = ast.Walk(under, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if entering && c.Kind() == kind {
			n++
		}
		return ast.WalkContinue, nil
	})
	return n
}

// quotes returns every top-level block quote's text.
func (p parsed) quotes() []string {
	var out []string
	for n := p.doc.FirstChild(); n != nil; n = n.NextSibling() {
		if n.Kind() == ast.KindBlockquote {
			out = append(out, p.textOf(n))
		}
	}
	return out
}

// tables returns every table as rows of cell texts, header first.
func (p parsed) tables() [][][]string {
	var out [][][]string
	p.each(func(n ast.Node) {
		t, ok := n.(*east.Table)
		if !ok {
			return
		}
		var rows [][]string
		for r := t.FirstChild(); r != nil; r = r.NextSibling() {
			var row []string
			for c := r.FirstChild(); c != nil; c = c.NextSibling() {
				row = append(row, p.textOf(c))
			}
			rows = append(rows, row)
		}
		out = append(out, rows)
	})
	return out
}

// marked returns the texts of strikethrough and strong runs, in order.
func (p parsed) marked() (struck, strong []string) {
	p.each(func(n ast.Node) {
		switch n := n.(type) {
		case *east.Strikethrough:
			struck = append(struck, p.textOf(n))
		case *ast.Emphasis:
			if n.Level == 2 {
				strong = append(strong, p.textOf(n))
			}
		}
	})
	return struck, strong
}

// squash folds all white space to single spaces, trimmed.
func squash(s string) string { return strings.Join(strings.Fields(s), " ") }

// forbidden fails the test for any node the export must never produce from
// escaped text.
func forbidden(t *testing.T, p parsed, what string, kinds ...ast.NodeKind) {
	t.Helper()
	for _, k := range kinds {
		if n := count(p.doc, k); n > 0 {
			t.Errorf("%s: %d %s node(s) in\n%s", what, n, k, p.src)
		}
	}
}
