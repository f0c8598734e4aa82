package export

import (
	"bytes"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/text"
)

// How a note is made safe is described in the package documentation. The
// note is parsed with goldmark to find the places to change, so text inside
// code spans and code blocks is left alone.

// noteHeadingShift puts a note's "#" under the tag heading ("###").
const noteHeadingShift = 3

// maxNoteRounds bounds the HTML-escaping passes: each pass escapes at least
// one '<', and escaping one block can expose inline HTML inside it.
const maxNoteRounds = 16

var noteParser = goldmark.New(goldmark.WithExtensions(extension.GFM, extension.DefinitionList)).Parser()

// controlRef matches a numeric character reference, which is checked for
// decoding to a control character.
var controlRef = regexp.MustCompile(`&#([0-9]{1,7}|[xX][0-9a-fA-F]{1,6});`)

// edit replaces src[at:at+del] with ins.
type edit struct {
	at, del int
	ins     string
}

func applyEdits(src []byte, edits []edit) []byte {
	slices.SortStableFunc(edits, func(a, b edit) int { return b.at - a.at })
	out := slices.Clone(src)
	for _, e := range edits {
		out = slices.Concat(out[:e.at], []byte(e.ins), out[e.at+e.del:])
	}
	return out
}

// note returns the note ready to place under a tag's heading, or "" for a
// blank note.
func note(md string) string {
	md = strings.ReplaceAll(strings.ReplaceAll(md, "\r\n", "\n"), "\r", "\n")
	md = cleanControls(md)
	md = controlRef.ReplaceAllStringFunc(md, func(ref string) string {
		num := ref[2 : len(ref)-1]
		base := 10
		if num[0] == 'x' || num[0] == 'X' {
			num, base = num[1:], 16
		}
		v, err := strconv.ParseInt(num, base, 32)
		if err != nil || (isStrayControl(rune(v)) && v != 0) {
			return `\` + ref
		}
		return ref
	})
	md = strings.TrimRight(md, " \t\n")
	if strings.TrimSpace(md) == "" {
		return ""
	}
	src := []byte(md)
	for range maxNoteRounds {
		edits := htmlEdits(src, noteParser.Parse(text.NewReader(src)))
		if len(edits) == 0 {
			break
		}
		src = applyEdits(src, edits)
	}
	src = closeFence(src, noteParser.Parse(text.NewReader(src)))
	src = applyEdits(src, headingEdits(src, noteParser.Parse(text.NewReader(src))))
	if !noteIsSafe(src) {
		return literalNote(md)
	}
	return string(src)
}

// htmlEdits escapes the '<' that opens each raw HTML block line and inline
// HTML span.
func htmlEdits(src []byte, doc ast.Node) []edit {
	var edits []edit
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.HTMLBlock:
			lines := n.Lines()
			for i := range lines.Len() {
				seg := lines.At(i)
				if j := bytes.IndexByte(seg.Value(src), '<'); j >= 0 {
					edits = append(edits, edit{at: seg.Start + j, ins: `\`})
				}
			}
			if n.HasClosure() {
				if j := bytes.IndexByte(n.ClosureLine.Value(src), '<'); j >= 0 {
					edits = append(edits, edit{at: n.ClosureLine.Start + j, ins: `\`})
				}
			}
		case *ast.RawHTML:
			if n.Segments.Len() > 0 {
				edits = append(edits, edit{at: n.Segments.At(0).Start, ins: `\`})
			}
		}
		return ast.WalkContinue, nil
	})
	return edits
}

// closeFence closes a fenced code block that runs to the end of the note.
// Only a top-level fence can: a fence inside a list or quote ends with it.
func closeFence(src []byte, doc ast.Node) []byte {
	fcb, ok := doc.LastChild().(*ast.FencedCodeBlock)
	if !ok || fcb.Pos() < 0 {
		return src
	}
	end := lineEnd(src, fcb.Pos())
	if lines := fcb.Lines(); lines.Len() > 0 {
		end = max(end, lines.At(lines.Len()-1).Stop)
	}
	if len(bytes.TrimSpace(src[end:])) > 0 {
		return src // the closing fence follows
	}
	marker := src[fcb.Pos()]
	n := 0
	for fcb.Pos()+n < len(src) && src[fcb.Pos()+n] == marker {
		n++
	}
	return append(bytes.TrimRight(src, " \t\n"), "\n"+strings.Repeat(string(marker), n)...)
}

// headingEdits demotes every heading.
func headingEdits(src []byte, doc ast.Node) []edit {
	var edits []edit
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		h, ok := n.(*ast.Heading)
		if !entering || !ok || h.Pos() < 0 {
			return ast.WalkContinue, nil
		}
		marks := strings.Repeat("#", min(6, h.Level+noteHeadingShift))
		if isATX(src, h) {
			edits = append(edits, edit{at: h.Pos(), del: h.Level, ins: marks})
			return ast.WalkSkipChildren, nil
		}
		// Setext: each content line becomes a heading of its own and the
		// underline goes.
		lines := h.Lines()
		for i := range lines.Len() {
			edits = append(edits, edit{at: lines.At(i).Start, ins: marks + " "})
		}
		if lines.Len() > 0 {
			u := lineEnd(src, lines.At(lines.Len()-1).Start)
			if u < len(src) {
				u++ // past the newline: the underline line starts here
				edits = append(edits, edit{at: u, del: lineEnd(src, u) - u + min(1, len(src)-lineEnd(src, u))})
			}
		}
		return ast.WalkSkipChildren, nil
	})
	return edits
}

// isATX tells an ATX heading ("## Title") from a setext one whose text
// happens to start with '#'.
func isATX(src []byte, h *ast.Heading) bool {
	p := h.Pos()
	n := 0
	for p+n < len(src) && src[p+n] == '#' {
		n++
	}
	return n == h.Level && (p+n == len(src) || src[p+n] == ' ' || src[p+n] == '\t' || src[p+n] == '\n')
}

// lineEnd is the offset of the newline ending the line holding off, or
// len(src).
func lineEnd(src []byte, off int) int {
	if i := bytes.IndexByte(src[off:], '\n'); i >= 0 {
		return off + i
	}
	return len(src)
}

// noteIsSafe checks the final note: no HTML, every heading under the tag's,
// no fence left open.
func noteIsSafe(src []byte) bool {
	doc := noteParser.Parse(text.NewReader(src))
	safe := true
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.HTMLBlock, *ast.RawHTML:
			safe = false
		case *ast.Heading:
			if n.Level <= noteHeadingShift {
				safe = false
			}
		}
		return ast.WalkContinue, nil
	})
	return safe && bytes.Equal(closeFence(src, doc), src)
}

// literalNote shows the note as plain paragraphs, every character literal.
func literalNote(md string) string {
	var paras []string
	for p := range strings.SplitSeq(md, "\n\n") {
		if s := paragraph(p); s != "" {
			paras = append(paras, s)
		}
	}
	return strings.Join(paras, "\n\n")
}
