package articles

import (
	"bytes"
	"net/url"
	"strings"
	"unicode/utf8"

	readability "github.com/go-shiori/go-readability"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
	"golang.org/x/net/html/charset"
)

// maxReadabilityElements bounds the documents given to readability
// extraction, whose cost grows quickly with the element count; larger pages
// fall back to plain text extraction of the whole body.
const maxReadabilityElements = 100_000

// extracted is the article found in an HTML document.
type extracted struct {
	title string
	text  string
	rep   cleanReport
}

// extractHTML reduces an HTML document to its article: the readable part
// chosen by readability extraction, as plain text with paragraphs separated
// by blank lines. contentType is the HTTP Content-Type, if any; pageURL is
// where the page came from.
func extractHTML(raw []byte, contentType string, pageURL *url.URL) extracted {
	doc, err := html.Parse(decodeHTML(raw, contentType))
	if err != nil {
		// The parser reads from memory and recovers from any markup, so
		// this cannot happen; treat it as a document without text.
		return extracted{}
	}
	title, node := readable(doc, pageURL)
	var text string
	var rep cleanReport
	if node != nil {
		text, rep = htmlText(node, false)
	}
	if strings.TrimSpace(text) == "" {
		text, rep = htmlText(doc, true)
	}
	// Text nodes were cleaned one by one; this pass normalises across
	// them and covers the quotation marks added for <q>.
	text, _ = cleanReported(text)
	return extracted{title: oneLine(title), text: text, rep: rep}
}

// decodeHTML converts the document to UTF-8. A byte order mark or a charset
// in the Content-Type decides; otherwise a document that is valid UTF-8 is
// UTF-8 whatever its meta tag says (a common mislabelling), and only then
// do the meta tag and the windows-1252 default apply. Invalid UTF-8 is left
// for cleaning to replace and count.
func decodeHTML(raw []byte, contentType string) *bytes.Reader {
	enc, name, certain := charset.DetermineEncoding(raw, contentType)
	if name == "utf-8" || (!certain && utf8.Valid(raw)) {
		return bytes.NewReader(bytes.TrimPrefix(raw, []byte("\uFEFF")))
	}
	out, err := enc.NewDecoder().Bytes(raw)
	if err != nil {
		return bytes.NewReader(raw)
	}
	return bytes.NewReader(out)
}

// readable runs readability extraction and returns the page title and the
// first node of the article content (nil when nothing was found). The
// library walks hostile markup with plenty of indexing, so a panic in it is
// taken as "nothing found" rather than allowed to end the program.
func readable(doc *html.Node, pageURL *url.URL) (title string, node *html.Node) {
	defer func() {
		if recover() != nil {
			title, node = documentTitle(doc), nil
		}
	}()
	p := readability.NewParser()
	p.MaxElemsToParse = maxReadabilityElements
	art, err := p.ParseDocument(doc, pageURL)
	if err != nil {
		return documentTitle(doc), nil
	}
	if art.Title == "" {
		art.Title = documentTitle(doc)
	}
	return art.Title, art.Node
}

// documentTitle is the text of the first <title> element, if any.
func documentTitle(doc *html.Node) string {
	var found string
	var walk func(*html.Node) bool
	walk = func(n *html.Node) bool {
		if n.Type == html.ElementNode && n.DataAtom == atom.Title {
			for c := n.FirstChild; c != nil; c = c.NextSibling {
				if c.Type == html.TextNode {
					found += c.Data
				}
			}
			return true
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if walk(c) {
				return true
			}
		}
		return false
	}
	walk(doc)
	return found
}

// htmlToText renders a fragment or document as plain text (no readability
// step); it is what the fuzz target and Markdown's raw HTML checks exercise.
func htmlToText(raw []byte) string {
	doc, err := html.Parse(bytes.NewReader(raw))
	if err != nil {
		return ""
	}
	text, _ := htmlText(doc, true)
	text, _ = cleanReported(text)
	return text
}

// Elements whose content is never article text.
var skipped = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Template: true,
	atom.Head: true, atom.Title: true, atom.Svg: true, atom.Math: true,
	atom.Iframe: true, atom.Object: true, atom.Embed: true, atom.Canvas: true,
	atom.Video: true, atom.Audio: true, atom.Img: true, atom.Picture: true,
	atom.Input: true, atom.Select: true, atom.Textarea: true, atom.Button: true,
}

// Page furniture, skipped only when the whole page is read because
// readability found no article.
var furniture = map[atom.Atom]bool{
	atom.Nav: true, atom.Aside: true, atom.Footer: true, atom.Form: true,
}

// Elements that stand apart as paragraphs (a blank line before and after).
var paragraphBlocks = map[atom.Atom]bool{
	atom.P: true, atom.Div: true, atom.H1: true, atom.H2: true, atom.H3: true,
	atom.H4: true, atom.H5: true, atom.H6: true, atom.Blockquote: true,
	atom.Pre: true, atom.Ul: true, atom.Ol: true, atom.Dl: true,
	atom.Table: true, atom.Figure: true, atom.Hr: true, atom.Section: true,
	atom.Article: true, atom.Header: true, atom.Footer: true, atom.Main: true,
	atom.Address: true, atom.Details: true, atom.Fieldset: true,
	atom.Center: true, atom.Hgroup: true, atom.Aside: true, atom.Nav: true,
	atom.Form: true, atom.Body: true,
}

// Elements that take a line of their own.
var lineBlocks = map[atom.Atom]bool{
	atom.Li: true, atom.Dt: true, atom.Dd: true, atom.Tr: true,
	atom.Figcaption: true, atom.Caption: true, atom.Summary: true,
	atom.Legend: true, atom.Option: true,
}

// htmlText renders node and its following siblings as text, and reports
// what cleaning the text nodes removed. wholePage also skips navigation and
// other page furniture.
func htmlText(node *html.Node, wholePage bool) (string, cleanReport) {
	w := &textWriter{wholePage: wholePage}
	for n := node; n != nil; n = n.NextSibling {
		w.node(n)
		if n.Parent == nil {
			break // a document node has no siblings to render
		}
	}
	return w.b.String(), w.rep
}

// textWriter accumulates text with whitespace collapsed the way a browser
// lays it out: runs of spaces become one, blocks start on their own lines.
type textWriter struct {
	b         strings.Builder
	wholePage bool
	breaks    int  // pending line breaks (at most 2: a blank line)
	trailing  int  // line breaks already at the end of the output
	sep       byte // pending separator inside a line: ' ' or '\t'
	pre       int  // depth inside <pre>, where whitespace is kept
	quotes    int  // depth inside <q>, for alternating quotation marks
	rep       cleanReport
	scratch   []byte
}

func (w *textWriter) node(n *html.Node) {
	switch n.Type {
	case html.TextNode:
		w.text(n.Data)
		return
	case html.DocumentNode:
		w.children(n)
		return
	case html.ElementNode:
	default:
		return // comments, doctypes
	}
	a := n.DataAtom
	if skipped[a] || (w.wholePage && furniture[a]) {
		return
	}
	switch {
	case a == atom.Br:
		w.breaks = min(w.breaks+1, 2)
		w.sep = 0
		return
	case paragraphBlocks[a]:
		w.block(2)
		if a == atom.Pre {
			w.pre++
			defer func() { w.pre-- }()
		}
		defer w.block(2)
	case lineBlocks[a]:
		w.block(1)
		defer w.block(1)
	case a == atom.Td, a == atom.Th:
		defer w.separate('\t')
	case a == atom.Q:
		// Browsers show <q> with quotation marks; keep them, since the
		// quotation finder looks for marks.
		open, closing := "“", "”"
		if w.quotes%2 == 1 {
			open, closing = "‘", "’"
		}
		w.write(open)
		w.quotes++
		defer func() { w.quotes--; w.write(closing) }()
	}
	w.children(n)
}

func (w *textWriter) children(n *html.Node) {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		w.node(c)
	}
}

// block asks for n line breaks before whatever comes next.
func (w *textWriter) block(n int) {
	w.breaks = max(w.breaks, n)
	w.sep = 0
}

// separate asks for a separator before the next text on the same line.
func (w *textWriter) separate(c byte) {
	if w.breaks == 0 && (w.sep == 0 || c == '\t') {
		w.sep = c
	}
}

// write emits s after any pending break or separator. Nothing is emitted
// before the first text, so the output never starts with blank lines.
func (w *textWriter) write(s string) {
	if s == "" {
		return
	}
	if w.b.Len() > 0 {
		switch {
		case w.breaks > w.trailing:
			w.b.WriteString("\n\n"[:w.breaks-w.trailing])
		case w.breaks == 0 && w.sep != 0 && w.trailing == 0:
			w.b.WriteByte(w.sep)
		}
	}
	w.breaks, w.sep = 0, 0
	w.b.WriteString(s)
	// Text inside <pre> may end in line breaks of its own; count them so
	// the block after it does not add a second blank line.
	body := strings.TrimRight(s, "\n")
	if body == "" {
		w.trailing += len(s)
	} else {
		w.trailing = len(s) - len(body)
	}
}

func (w *textWriter) text(s string) {
	// Clean each text node before laying it out, so that characters
	// cleaning removes (a byte order mark, bidi controls, escapes) cannot
	// leave empty lines or stray separators behind.
	w.scratch = sanitize(w.scratch[:0], []byte(s), &w.rep)
	s = string(w.scratch)
	if w.pre > 0 {
		w.write(s)
		return
	}
	// A no-break space in HTML is layout glue, not meaning; as a plain
	// space it matches what readers type when searching.
	s = strings.ReplaceAll(s, "\u00a0", " ")
	if s != "" && isHTMLSpace(s[0]) {
		w.separate(' ')
	}
	words := strings.FieldsFunc(s, func(r rune) bool { return r < utf8.RuneSelf && isHTMLSpace(byte(r)) })
	for i, word := range words {
		if i > 0 {
			w.separate(' ')
		}
		w.write(word)
	}
	if len(words) > 0 && isHTMLSpace(s[len(s)-1]) {
		w.separate(' ')
	}
}

func isHTMLSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'
}

// oneLine cleans a title or label for a single line of display: controls
// and escapes removed, whitespace collapsed, and at most 200 characters.
func oneLine(s string) string {
	s, _ = cleanReported(s)
	s = strings.Join(strings.Fields(s), " ")
	if utf8.RuneCountInString(s) > 200 {
		r := []rune(s)
		s = strings.TrimSpace(string(r[:199])) + "…"
	}
	return s
}
