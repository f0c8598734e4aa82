package articles

import (
	"bytes"
	"regexp"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// markdownParser is stateless between calls and safe to share.
var markdownParser = goldmark.New().Parser()

// markdownToText shows Markdown as the text a reader sees: headings,
// paragraphs, list items, block quotes and code blocks as paragraphs
// separated by blank lines, without emphasis marks, link targets, image
// URLs or code fence markers. title is the first level-1 heading or the
// front matter's title, if any. The input is cleaned text; the output still
// needs cleaning, since entity references can spell control characters.
func markdownToText(src string) (title, out string) {
	title, body := splitFrontMatter(src)
	source := []byte(body)
	doc := markdownParser.Parse(text.NewReader(source))
	w := &markdownWriter{src: source, title: title}
	w.block(doc)
	return w.title, w.b.String()
}

type markdownWriter struct {
	src   []byte
	b     strings.Builder
	title string
	line  strings.Builder // the paragraph being built from inlines
}

// paragraph emits one paragraph, separated from the previous by a blank line.
func (w *markdownWriter) paragraph(s string) {
	s = strings.Trim(s, " \t\n")
	if s == "" {
		return
	}
	if w.b.Len() > 0 {
		w.b.WriteString("\n\n")
	}
	w.b.WriteString(s)
}

func (w *markdownWriter) block(n ast.Node) {
	switch n := n.(type) {
	case *ast.Heading:
		s := w.inlines(n)
		if n.Level == 1 && w.title == "" {
			w.title = s
		}
		w.paragraph(s)
	case *ast.Paragraph, *ast.TextBlock:
		w.paragraph(w.inlines(n))
	case *ast.FencedCodeBlock, *ast.CodeBlock:
		w.paragraph(w.rawLines(n))
	case *ast.HTMLBlock:
		raw := w.rawLines(n)
		if n.HasClosure() {
			raw += "\n" + string(n.ClosureLine.Value(w.src))
		}
		for _, p := range strings.Split(htmlToText([]byte(raw)), "\n\n") {
			w.paragraph(p)
		}
	case *ast.ThematicBreak:
	default:
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			if c.Type() == ast.TypeBlock || c.Type() == ast.TypeDocument {
				w.block(c)
			} else {
				// An extension block holding inlines directly.
				w.paragraph(w.inlines(n))
				return
			}
		}
	}
}

// rawLines is the text of a code or HTML block as written.
func (w *markdownWriter) rawLines(n ast.Node) string {
	var b bytes.Buffer
	lines := n.Lines()
	for i := range lines.Len() {
		seg := lines.At(i)
		b.Write(seg.Value(w.src))
	}
	return strings.TrimRight(b.String(), "\n")
}

// inlines is the text of a block's inline content.
func (w *markdownWriter) inlines(n ast.Node) string {
	w.line.Reset()
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		w.inline(c)
	}
	return w.line.String()
}

func (w *markdownWriter) inline(n ast.Node) {
	switch n := n.(type) {
	case *ast.Text:
		v := n.Segment.Value(w.src)
		if !n.IsRaw() {
			v = util.ResolveEntityNames(util.ResolveNumericReferences(util.UnescapePunctuations(v)))
		}
		w.line.Write(v)
		switch {
		case n.HardLineBreak():
			w.line.WriteByte('\n')
		case n.SoftLineBreak():
			w.line.WriteByte(' ')
		}
	case *ast.String:
		w.line.Write(n.Value)
	case *ast.CodeSpan:
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			if t, ok := c.(*ast.Text); ok {
				w.line.WriteString(strings.ReplaceAll(string(t.Segment.Value(w.src)), "\n", " "))
			}
		}
	case *ast.AutoLink:
		w.line.Write(n.Label(w.src))
	case *ast.RawHTML:
		// Inline tags carry no text of their own; the words between them
		// are separate nodes.
	default:
		// Emphasis, links and images: their words without the marks,
		// targets or URLs.
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			w.inline(c)
		}
	}
}

// frontMatterKey matches the "key:" that opens a front matter block, telling
// it apart from a thematic break followed by text.
var frontMatterKey = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_-]*:`)

// splitFrontMatter separates a leading YAML front matter block ("---" lines
// around "key: value" lines), which static site tools put before an
// article, and returns its title value and the rest. Without it, the parser
// would read the block as a heading.
func splitFrontMatter(src string) (title, body string) {
	rest, ok := strings.CutPrefix(src, "---\n")
	if !ok || !frontMatterKey.MatchString(rest) {
		return "", src
	}
	end := -1
	for off := 0; off <= len(rest); {
		nl := strings.IndexByte(rest[off:], '\n')
		line := rest[off:]
		if nl >= 0 {
			line = rest[off : off+nl]
		}
		if line == "---" || line == "..." {
			end = off
			break
		}
		if nl < 0 {
			break
		}
		off += nl + 1
	}
	if end < 0 {
		return "", src
	}
	for _, line := range strings.Split(rest[:end], "\n") {
		if v, ok := strings.CutPrefix(line, "title:"); ok {
			title = strings.Trim(strings.TrimSpace(v), `"'`)
			break
		}
	}
	body = rest[end:]
	if nl := strings.IndexByte(body, '\n'); nl >= 0 {
		return title, body[nl+1:]
	}
	return title, ""
}
