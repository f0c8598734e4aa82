package export

import (
	"regexp"
	"strings"
	"unicode"
)

// Everything that comes from an article, an annotation file or the analysis is
// text, never Markdown: these helpers make it literal wherever it lands. They
// escape only what CommonMark (with the table, strikethrough, definition list
// and emoji extensions a renderer may enable) could read as structure, so the
// raw file stays readable: "U.S." stays "U.S.", not "U\.S\.".

var (
	// entityLike matches what a renderer would decode as a character
	// reference ("&amp;", "&#27;").
	entityLike = regexp.MustCompile(`^&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});`)
	// emojiLike matches an emoji shortcode (":fire:").
	emojiLike = regexp.MustCompile(`^:[a-z0-9_+-]+:`)
	// orderedMarker matches the start of an ordered list item ("1." or "2)").
	orderedMarker = regexp.MustCompile(`^[0-9]{1,9}[.)]`)
)

// cleanControls drops C0 and C1 control characters other than newline and
// tab, and DEL: an annotation file or note is not trusted to be clean, and
// the export is shown in a terminal.
func cleanControls(s string) string {
	if strings.IndexFunc(s, isStrayControl) < 0 {
		return s
	}
	return strings.Map(func(r rune) rune {
		if isStrayControl(r) {
			return -1
		}
		return r
	}, s)
}

func isStrayControl(r rune) bool {
	return r != '\n' && r != '\t' && (r < 0x20 || (r >= 0x7f && r < 0xa0))
}

// inline escapes s for use inside a paragraph, heading, list item or table
// cell, where it must not open emphasis, code, links, HTML, strikethrough,
// table cells, character references or emoji shortcodes. hashes also escapes
// every '#', which headings need (a trailing " #" would be dropped).
func inline(s string, hashes bool) string {
	var b strings.Builder
	b.Grow(len(s) + 8)
	for i, r := range s {
		switch r {
		case '\\', '`', '*', '_', '[', ']', '<', '~', '|':
			b.WriteByte('\\')
		case '#':
			if hashes {
				b.WriteByte('\\')
			}
		case '&':
			if entityLike.MatchString(s[i:]) {
				b.WriteByte('\\')
			}
		case ':':
			if emojiLike.MatchString(s[i:]) {
				b.WriteByte('\\')
			}
		}
		b.WriteRune(r)
	}
	return b.String()
}

// line escapes one line of text that begins a block (a paragraph or a block
// quote line): on top of inline escaping, a leading marker that would make it
// a heading, quote, list, setext underline, definition or thematic break is
// made literal. Leading and trailing blanks are dropped, since they could
// make an indented code block or a hard line break.
func line(s string) string {
	s = strings.TrimFunc(s, unicode.IsSpace)
	if s == "" {
		return ""
	}
	return lineStart(inline(s, false))
}

// lineStart escapes a block marker at the start of already inline-escaped
// text that begins a line.
func lineStart(esc string) string {
	if esc == "" {
		return ""
	}
	switch esc[0] {
	case '#', '>', '-', '+', '=', ':':
		return `\` + esc
	}
	if m := orderedMarker.FindString(esc); m != "" {
		return m[:len(m)-1] + `\` + esc[len(m)-1:]
	}
	return esc
}

// oneLine folds every run of white space in s that holds a line break into
// one space, for places that hold a single line (cells, headings, labels,
// list items).
func oneLine(s string) string {
	if !strings.ContainsAny(s, "\n\r") {
		return s
	}
	return strings.Join(strings.Fields(s), " ")
}

// cell escapes s for a table cell: one line, no unescaped pipe.
func cell(s string) string {
	return inline(strings.TrimSpace(oneLine(cleanControls(s))), false)
}

// heading escapes s for the text of an ATX heading.
func heading(s string) string {
	return inline(strings.TrimSpace(oneLine(cleanControls(s))), true)
}

// strong writes s in bold; s must be non-blank. The markers sit next to
// trimmed text, so they always open and close.
func strong(s string) string {
	s = strings.TrimSpace(oneLine(cleanControls(s)))
	if s == "" {
		return ""
	}
	return "**" + inline(s, false) + "**"
}

// quoteBlock renders text as a block quote, line for line: paragraph breaks
// stay paragraph breaks inside the quote and no line can start a structure.
func quoteBlock(text string) string {
	var b strings.Builder
	pendingBlank := false // runs of blank lines become one, none at the ends
	for _, l := range strings.Split(cleanControls(text), "\n") {
		esc := line(l)
		if esc == "" {
			pendingBlank = b.Len() > 0
			continue
		}
		if pendingBlank {
			b.WriteString(">\n")
			pendingBlank = false
		}
		b.WriteString("> " + esc + "\n")
	}
	if b.Len() == 0 {
		return "> *(empty passage)*\n"
	}
	return b.String()
}

// paragraph renders text as one literal paragraph (line breaks folded).
func paragraph(text string) string {
	return line(oneLine(cleanControls(text)))
}
