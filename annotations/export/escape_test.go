package export

import (
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	emojiast "github.com/yuin/goldmark-emoji/ast"
	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"

	"github.com/parallax-reader/parallax/model"
)

// hostile passages: each would be structure if written into Markdown as is.
var hostile = []string{
	"# Not a heading",
	"## also not #",
	"> not a quote",
	"- not a list",
	"+ nor this",
	"* nor this",
	"1. not numbered",
	"2) nor this",
	"1984. That year began",
	"===",
	"Setext?\n===",
	"Setext two?\n---",
	"---",
	"***",
	"_ _ _",
	"a | b | c",
	"| a | b |\n| --- | --- |\n| c | d |",
	"`code` and ``more``",
	"```\nfenced",
	"~~~ also fenced",
	"<b>bold</b> and <script>alert(1)</script>",
	"<!-- an open comment",
	"<div>\nblock html\n</div>",
	"[link](http://example.com) and ![image](x.png)",
	"[ref]: http://example.com",
	"<http://example.com> autolink",
	"*em* _em_ **strong** __strong__ ~~struck~~ ~single~",
	"trailing backslash\\",
	"hard\\\nbreak",
	"two spaces  \nbreak",
	"&amp; &#27; &copy; AT&T",
	"    indented code",
	"\tindented by tab",
	":fire: emoji shortcode",
	"Term\n: definition",
	"- [ ] task",
	"\\* escaped already \\",
	"C# and #hashtag and a closing #",
	"para one\n\n\n\npara two",
	"U.S. $5 * 3 = 15 < 20 > 10",
	"東京 👍🏽 الخرطوم",
	"title\x1b]0;owned\x07 and \x1b[2J clear",
}

// hostileInput puts h everywhere text reaches the note: titles, outlets,
// both passages, an entity name, a quotation and its speaker.
func hostileInput(h string) Input {
	a := model.Article{ID: "a1", URI: "urn:a", Source: h, Title: h, Outlet: h + " one", Text: h}
	b := model.Article{ID: "a2", URI: "urn:b", Source: "b.txt", Title: "Second", Outlet: h + " two", Text: h + " more"}
	target := func(art model.Article) model.Target {
		return model.Target{Source: art.URI, Exact: art.Text, Article: art.ID,
			Span: model.Span{End: len(art.Text)}, Anchoring: model.AnchorPosition}
	}
	return Input{
		Title:    h,
		Articles: []model.Article{a, b},
		Analysis: &model.Analysis{
			Clusters: []model.Cluster{{ID: "c1", Name: h, Type: model.Person, Mentions: map[string]int{"a1": 1}}},
			Articles: []model.ArticleAnalysis{
				{Article: "a1", Quotes: []model.Quote{{Text: h, Speaker: h}}},
				{Article: "a2"},
			},
		},
		Annotations: []model.Annotation{{ID: "x", Kind: model.Contradiction, Severity: model.High,
			Targets: []model.Target{target(a), target(b)}}},
	}
}

func TestHostileTextStaysLiteral(t *testing.T) {
	for _, h := range hostile {
		t.Run(h, func(t *testing.T) { checkHostile(t, h) })
	}
}

func FuzzHostileText(f *testing.F) {
	for _, h := range hostile {
		f.Add(h)
	}
	f.Fuzz(func(t *testing.T, h string) {
		if strings.TrimSpace(cleanControls(h)) == "" || !validText(h) {
			t.Skip() // articles are cleaned, non-blank UTF-8 by the time they are tagged
		}
		checkHostile(t, h)
	})
}

// validText reports whether s is text as parallax holds it: valid UTF-8
// without carriage returns.
func validText(s string) bool {
	return strings.ToValidUTF8(s, "") == s && !strings.ContainsRune(s, '\r') && !strings.ContainsRune(s, '\uFFFD')
}

func checkHostile(t *testing.T, h string) {
	t.Helper()
	in := hostileInput(h)
	out := Markdown(in)
	if i := strings.IndexFunc(string(out), isStrayControl); i >= 0 {
		t.Fatalf("control character %q in output", out[i])
	}
	want := squash(cleanControls(h))

	for _, md := range []struct {
		name string
		p    parsed
	}{{"strict", parse(strictMD, out)}, {"glamour", parse(glamMD, out)}} {
		p := md.p
		wantOutline := []string{"H1 " + want, "H2 Summary", "H2 Discrepancies", "H3 1. Contradiction — high",
			"H2 Entities", "H2 Quotations", "H3 " + want}
		if got := p.outline(); !slices.EqualFunc(got, wantOutline, func(a, b string) bool { return squash(a) == squash(b) }) {
			t.Errorf("%s outline:\n got %q\nwant %q\n%s", md.name, got, wantOutline, p.src)
		}
		quotes := p.quotes()
		if len(quotes) != 2 || squash(quotes[0]) != want || squash(quotes[1]) != squash(want+" more") {
			t.Errorf("%s block quotes = %q, want the two passages of %q\n%s", md.name, quotes, want, p.src)
		}
		tables := p.tables()
		if len(tables) != 2 {
			t.Fatalf("%s: %d tables, want 2\n%s", md.name, len(tables), p.src)
		}
		ent := tables[1]
		if len(ent) != 2 || len(ent[0]) != 4 || squash(ent[0][2]) != squash(want+" one") || squash(ent[1][0]) != want {
			t.Errorf("%s entity table = %q\n%s", md.name, ent, p.src)
		}
		for _, row := range tables[0] {
			if len(row) != 3 {
				t.Errorf("%s summary row %q", md.name, row)
			}
		}
		forbidden(t, p, md.name, ast.KindHTMLBlock, ast.KindRawHTML, ast.KindCodeSpan, ast.KindCodeBlock,
			ast.KindFencedCodeBlock, ast.KindImage, ast.KindThematicBreak, east.KindDefinitionList,
			east.KindTaskCheckBox, emojiast.KindEmoji)
		if md.name == "strict" {
			forbidden(t, p, md.name, ast.KindLink, ast.KindAutoLink)
		}
		// Nothing inside a passage or a cell is formatted.
		p.each(func(n ast.Node) {
			if n.Kind() != ast.KindBlockquote && n.Kind() != east.KindTableCell {
				return
			}
			if n.Kind() == east.KindTableCell && p.textOf(n.Parent().FirstChild()) == "Total" {
				return // the summary's total is bold on purpose
			}
			for _, k := range []ast.NodeKind{ast.KindEmphasis, east.KindStrikethrough, ast.KindList, ast.KindHeading, east.KindTable} {
				if count(n, k) > 0 {
					t.Errorf("%s: %s inside %s %q\n%s", md.name, k, n.Kind(), p.textOf(n), p.src)
				}
			}
		})
		// Lists: the article list (2) and one speaker's quotations (1).
		var items []int
		p.each(func(n ast.Node) {
			if n.Kind() == ast.KindList {
				items = append(items, n.ChildCount())
			}
		})
		if !slices.Equal(items, []int{2, 1}) {
			t.Errorf("%s lists with %v items, want [2 1]\n%s", md.name, items, p.src)
		}
	}
}

func TestHostileTagFields(t *testing.T) {
	// Kind, severity and role come from the annotation file, which may have
	// been edited by hand.
	in := hostileInput("plain passage")
	in.Annotations[0].Kind = "éclat | # <b>x</b>\nnext"
	in.Annotations[0].Severity = "`sev` *"
	in.Annotations[0].Targets[0].Role = "[role](x) _r_"
	out := Markdown(in)
	if !utf8.Valid(out) {
		t.Fatalf("output is not valid UTF-8")
	}
	p := parse(strictMD, out)
	if got := p.outline()[3]; got != "H3 1. Éclat | # <b>x</b> next — `sev` *" {
		t.Errorf("tag heading = %q", got)
	}
	sum := p.tables()[0]
	if len(sum) != 3 || !slices.Equal(sum[1], []string{"Éclat | # <b>x</b> next", "`sev` *", "1"}) {
		t.Errorf("summary = %q", sum)
	}
	if !strings.Contains(p.textOf(p.doc), "([role](x) _r_)") {
		t.Errorf("role not shown literally:\n%s", p.src)
	}
	forbidden(t, p, "tag fields", ast.KindHTMLBlock, ast.KindRawHTML, ast.KindCodeSpan, ast.KindLink)
}

func TestLineEscapes(t *testing.T) {
	tests := []struct{ in, want string }{
		{"# x", `\# x`},
		{"   - x", `\- x`},
		{"10. x", `10\. x`},
		{"a_b*c", `a\_b\*c`},
		{"AT&T &amp;", `AT&T \&amp;`},
		{"U.S. plain", "U.S. plain"},
		{":smile: but not : this", `\:smile: but not : this`},
		{"end\\", `end\\`},
	}
	for _, tt := range tests {
		if got := line(tt.in); got != tt.want {
			t.Errorf("line(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestArticleLabels(t *testing.T) {
	arts := []model.Article{
		{ID: "a1", Outlet: "apnews.com", Title: "T"},
		{ID: "a2", Outlet: "apnews.com"},
		{ID: "a3", Title: "Only a title"},
		{ID: "a4"},
		{},
	}
	want := []string{"apnews.com (a1)", "apnews.com (a2)", "Only a title", "a4", "article 5"}
	if got := articleLabels(arts); !slices.Equal(got, want) {
		t.Errorf("labels = %q, want %q", got, want)
	}
}
