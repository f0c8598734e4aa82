package articles

import (
	"net/url"
	"strings"
	"testing"
)

// newsPage is a page with the furniture readability must drop: navigation,
// scripts, a sidebar, a footer, a share bar.
const newsPage = `<!DOCTYPE html>
<html><head>
<meta charset="utf-8">
<title>Council approves budget after long debate | The Daily Example</title>
<meta property="og:title" content="Council approves budget after long debate">
<style>p { color: red }</style>
<script>document.title = "\x1b]0;pwned\x07"</script>
</head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li><li><a href="/sport">Sport</a></li></ul></nav>
<header><div class="logo">The Daily Example</div></header>
<main><article>
<h1>Council approves budget after long debate</h1>
<p class="byline">By A. Reporter</p>
<p>The city council approved the   2024 budget on Tuesday
after a debate that ran past midnight, with seven members in favour and four against.</p>
<p>&ldquo;This budget protects the services people rely on,&rdquo; said Mayor Jane Doe, who
proposed it in March. Critics said it relied on <em>optimistic</em> revenue forecasts.</p>
<figure><img src="council.jpg" alt="Council chamber"><figcaption>The council chamber on Tuesday.</figcaption></figure>
<p>The budget totals $1.2&nbsp;billion, up 4.5% from last year. It includes money for
<a href="/roads">road repairs</a>, libraries and a new bus line.<br>Voting resumes Friday.</p>
<blockquote><p>We will be watching how every dollar is spent.</p></blockquote>
<p>Opponents said they would <q>keep pressing</q> for an audit of the transit authority, which
has overspent its allowance in each of the past three years.</p>
</article></main>
<aside><h2>Most read</h2><ol><li>Unrelated story one</li><li>Unrelated story two</li></ol></aside>
<footer><p>&copy; 2024 The Daily Example. All rights reserved.</p></footer>
</body></html>`

func TestExtractHTMLArticle(t *testing.T) {
	page, _ := url.Parse("https://www.example.com/news/budget")
	ex := extractHTML([]byte(newsPage), "text/html; charset=utf-8", page)
	if ex.title != "Council approves budget after long debate" {
		t.Errorf("title = %q", ex.title)
	}
	for _, want := range []string{
		"The city council approved the 2024 budget on Tuesday after a debate that ran past midnight",
		"“This budget protects the services people rely on,” said Mayor Jane Doe",
		"relied on optimistic revenue forecasts.",
		"The budget totals $1.2 billion, up 4.5% from last year.",
		"road repairs, libraries",
		"bus line.\nVoting resumes Friday.",
		"\n\nWe will be watching how every dollar is spent.\n\n",
		"would “keep pressing” for an audit",
	} {
		if !strings.Contains(ex.text, want) {
			t.Errorf("text lacks %q:\n%s", want, ex.text)
		}
	}
	for _, unwanted := range []string{"Home", "Unrelated story", "All rights reserved", "pwned", "color", "<", "council.jpg", "  "} {
		if strings.Contains(ex.text, unwanted) {
			t.Errorf("text holds %q:\n%s", unwanted, ex.text)
		}
	}
	if strings.HasPrefix(ex.text, "\n") || strings.Contains(ex.text, "\n\n\n") {
		t.Errorf("paragraphs not separated by exactly one blank line:\n%q", ex.text)
	}
	checkCleanInvariants(t, ex.text)
}

func TestHTMLToTextLayout(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"paragraphs", "<p>one</p><p>two</p>", "one\n\ntwo"},
		{"whitespace collapsed", "<p>  a \n\t b   <b> c </b>d</p>", "a b c d"},
		{"inline elements join", "<p>to<b>get</b>her</p>", "together"},
		{"entities", "<p>&lt;tag&gt; &amp; &quot;q&quot; &eacute; &#233; &#x263A;</p>", "<tag> & \"q\" é é ☺"},
		{"line break", "<p>a<br>b<br/><br>c</p>", "a\nb\n\nc"},
		{"list items on their own lines", "<ul><li>one</li><li>two</li></ul><p>after</p>", "one\ntwo\n\nafter"},
		{"headings are paragraphs", "<h2>Head</h2>text", "Head\n\ntext"},
		{"pre keeps whitespace", "<p>x</p><pre>  a  b\n    c\n</pre><p>y</p>", "x\n\n  a  b\n    c\n\ny"},
		{"table cells", "<table><tr><th>Year</th><th>Total</th></tr><tr><td>2023</td><td>12</td></tr></table>", "Year\tTotal\n2023\t12"},
		{"nested quotations", "<q>He said <q>no</q></q>", "“He said ‘no’”"},
		{"scripts and styles dropped", "<script>var x = 1</script><style>.a{}</style><p>kept</p>", "kept"},
		{"images dropped", `<p>a <img src="x.png" alt="photo"> b</p>`, "a b"},
		{"no-break space becomes a space", "<p>10&nbsp;km</p>", "10 km"},
		{"escape spelled by entities removed", "<p>a&#27;[2Jb &#x1b;]0;t&#7;c</p>", "ab c"},
		{"bidi override entity removed", "<p>x&#x202E;y</p>", "xy"},
		{"invisible-only paragraphs leave no gap", "<p>a</p><p>\u202e\ufeff</p><p>b \u00ad</p><p>c</p>", "a\n\nb\n\nc"},
		{"byte order mark before the page", "\ufeff<!DOCTYPE html><p>text</p>", "text"},
		{"comments dropped", "<p>a<!-- hidden -->b</p>", "ab"},
		{"furniture dropped without an article", "<nav>menu</nav><p>body</p><footer>foot</footer>", "body"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := htmlToText([]byte(tc.in)); got != tc.want {
				t.Errorf("htmlToText(%q) = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
}

func TestExtractHTMLCharset(t *testing.T) {
	body := "<html><head><title>Caf\xe9</title></head><body><p>\x93Cr\xe8me br\xfbl\xe9e\x94 costs \x805.</p></body></html>"
	// Declared by a meta tag.
	ex := extractHTML([]byte(strings.Replace(body, "<head>", `<head><meta charset="windows-1252">`, 1)), "", nil)
	if ex.text != "“Crème brûlée” costs €5." || ex.title != "Café" || ex.rep.replaced != 0 {
		t.Errorf("meta charset: %q %q %d", ex.title, ex.text, ex.rep.replaced)
	}
	// Declared by the HTTP header.
	ex = extractHTML([]byte(body), "text/html; charset=windows-1252", nil)
	if ex.text != "“Crème brûlée” costs €5." {
		t.Errorf("header charset: %q", ex.text)
	}
	// Valid UTF-8 wins over a wrong meta tag.
	ex = extractHTML([]byte(`<meta charset="iso-8859-1"><p>Crème brûlée</p>`), "", nil)
	if ex.text != "Crème brûlée" {
		t.Errorf("mislabelled UTF-8: %q", ex.text)
	}
	// UTF-16 with a byte order mark.
	ex = extractHTML(utf16LE("<title>Zoë</title><p>Grüße \x1b[2Jaus Köln</p>", true), "", nil)
	if ex.text != "Grüße aus Köln" || ex.title != "Zoë" {
		t.Errorf("UTF-16 page: %q %q", ex.title, ex.text)
	}
	// Declared UTF-8 with bad bytes: replaced and counted.
	ex = extractHTML([]byte("<p>caf\xe9 ok</p>"), "text/html; charset=utf-8", nil)
	if ex.text != "caf\ufffd ok" || ex.rep.replaced != 1 {
		t.Errorf("invalid UTF-8: %q %d", ex.text, ex.rep.replaced)
	}
}

func TestExtractHTMLHostileTitle(t *testing.T) {
	ex := extractHTML([]byte("<title>News\x1b]0;owned\x07 \u202eeulav\nnow</title><p>Body text.</p>"), "", nil)
	if ex.title != "News eulav now" {
		t.Errorf("title = %q", ex.title)
	}
}
