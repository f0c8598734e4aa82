package articles

import (
	"testing"
)

func TestMarkdownToText(t *testing.T) {
	tests := []struct{ name, in, wantTitle, want string }{
		{"heading is the title and stays in the text",
			"# Storm hits coast\n\nWinds reached 150 km/h.", "Storm hits coast", "Storm hits coast\n\nWinds reached 150 km/h."},
		{"setext heading", "Storm hits coast\n================\n\nBody.", "Storm hits coast", "Storm hits coast\n\nBody."},
		{"only level 1 headings are titles", "## Section\n\nBody.", "", "Section\n\nBody."},
		{"emphasis marks dropped", "A *very* **big** _deal_ ~~no~~.", "", "A very big deal ~~no~~."},
		{"link targets dropped", "See [the report](https://example.com/r \"Report\") and [ref][1].\n\n[1]: https://example.com/x", "", "See the report and ref."},
		{"image URL dropped, alt kept", "![Flooded street](photo.jpg)", "", "Flooded street"},
		{"autolinks keep their text", "Mail <news@example.com> or <https://example.com>.", "", "Mail news@example.com or https://example.com."},
		{"code span text kept", "Run `go test` now.", "", "Run go test now."},
		{"fenced code markers dropped", "Before.\n\n```sh\necho hi\necho bye\n```\n\nAfter.", "", "Before.\n\necho hi\necho bye\n\nAfter."},
		{"indented code kept", "Text.\n\n    x := 1\n", "", "Text.\n\nx := 1"},
		{"list items are paragraphs", "- one\n- two\n\n1. first\n2. second", "", "one\n\ntwo\n\nfirst\n\nsecond"},
		{"loose list with nested paragraph", "* a\n\n  more a\n* b", "", "a\n\nmore a\n\nb"},
		{"block quote", "> He said\n> it twice.\n\nThen left.", "", "He said it twice.\n\nThen left."},
		{"soft breaks join lines", "one\ntwo\nthree", "", "one two three"},
		{"hard break kept", "one  \ntwo\\\nthree", "", "one\ntwo\nthree"},
		{"thematic break dropped", "a\n\n---\n\nb", "", "a\n\nb"},
		{"backslash escapes resolved", `\*not emphasis\* \[x\]`, "", "*not emphasis* [x]"},
		{"entities resolved", "AT&amp;T &copy; &#8364;5", "", "AT&T © €5"},
		{"raw HTML tags dropped", "a <span class=\"x\">b</span> c\n\n<div>\nblock <b>text</b>\n</div>", "", "a b c\n\nblock text"},
		{"HTML comment dropped", "a\n\n<!-- note -->\n\nb", "", "a\n\nb"},
		{"front matter title", "---\ntitle: \"From front matter\"\ndate: 2024-01-01\n---\n# Heading\n\nBody.", "From front matter", "Heading\n\nBody."},
		{"thematic break first is not front matter", "---\nJust text\n---\nMore.", "", "Just text\n\nMore."},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			title, text := markdownToText(tc.in)
			if title != tc.wantTitle || text != tc.want {
				t.Errorf("markdownToText(%q)\n = %q, %q\nwant %q, %q", tc.in, title, text, tc.wantTitle, tc.want)
			}
		})
	}
}
