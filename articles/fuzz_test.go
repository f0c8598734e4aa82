package articles

import (
	"net/url"
	"testing"
	"unicode/utf8"
)

func FuzzClean(f *testing.F) {
	for _, s := range []string{
		"plain text\r\nwith lines",
		"\x1b]0;title\x07\x1b]52;c;AAAA\x1b\\\x1b[2J",
		"\u009b2J\u009d0;t\u009c\u0090q\u009c",
		"e\u202e\u0301 a\x1b[m\u0308",
		"caf\xe9 \xed\xa0\x80 \xc0\xaf",
		"\ufeffBOM\u00ad\u2028\u2029\u0085\f\v",
		"\xff\xfea\x00\x00\xd8b\x00",
		"\xfe\xff\x00a\xd8\x00",
		"\x1b]x\n\x1b]y",
		"\x1b[3\n1m",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, raw []byte) {
		text, replaced, err := Clean(raw)
		if err != nil {
			if _, ok := err.(*BinaryError); !ok {
				t.Fatalf("Clean returned %T %v, want only *BinaryError", err, err)
			}
			return
		}
		if replaced < 0 {
			t.Fatalf("replaced = %d", replaced)
		}
		checkCleanInvariants(t, text)
		again, replaced2, err := Clean([]byte(text))
		if err != nil || again != text || replaced2 != 0 {
			t.Fatalf("Clean is not idempotent:\n in  %q\n out %q\n 2nd %q (%d, %v)", raw, text, again, replaced2, err)
		}
	})
}

func FuzzHTMLToText(f *testing.F) {
	for _, s := range []string{
		"<p>Hello &amp; <b>world</b></p>",
		"<html><head><title>T\x1b]0;x\x07</title></head><body><article><p>One.</p><p>Two &#27;[2J &#x9b;</p></article></body></html>",
		"<pre>  keep\n\n  this  </pre><q>quoted <q>inner</q></q>",
		"<table><tr><td>a<td>b</tr></table><ul><li>x<li>y</ul>",
		"<meta charset=windows-1252><p>\x93smart\x94</p>",
		"<p>\u202eevil\u202c &#8238; &#0; &#x0;</p>",
		"<div><br><br><br>text<br></div>",
	} {
		f.Add([]byte(s))
	}
	page, _ := url.Parse("https://example.com/story")
	f.Fuzz(func(t *testing.T, raw []byte) {
		ex := extractHTML(raw, "", page)
		checkCleanInvariants(t, ex.text)
		checkOneLine(t, ex.title)
		checkCleanInvariants(t, htmlToText(raw))
	})
}

func FuzzMarkdownToText(f *testing.F) {
	for _, s := range []string{
		"# Title\n\nSome *emphasis* and [a link](http://x.example) and ![alt](img.png).",
		"```go\nfunc main() {}\n```\n\n> quoted\n> text\n\n- one\n- two",
		"&#27;[2J &#x1b;]0;t&#7; &#0; &#x9b; \\*not emphasis\\*",
		"---\ntitle: \"Front\"\n---\nbody",
		"<div>raw <b>html</b></div>\n\ntext <span>inline</span>",
		"Setext\n===\n\n***\n\n    indented code",
		"<!-- comment",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		clean, _, err := Clean([]byte(src))
		if err != nil {
			return
		}
		title, md := markdownToText(clean)
		if !utf8.ValidString(md) || !utf8.ValidString(title) {
			t.Fatalf("invalid UTF-8 from %q", src)
		}
		text, _ := cleanReported(md)
		checkCleanInvariants(t, text)
		checkOneLine(t, oneLine(title))
	})
}

func checkOneLine(t *testing.T, s string) {
	t.Helper()
	checkCleanInvariants(t, s)
	for _, r := range s {
		if r == '\n' || r == '\t' {
			t.Fatalf("one-line text holds %q: %q", r, s)
		}
	}
}
