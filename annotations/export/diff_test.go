package export

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"

	"github.com/parallax-reader/parallax/model"
)

// views parses one diff line and rebuilds both passages from it: the first
// without the added runs, the second without the removed ones.
func views(t *testing.T, line string) (first, second string, struck, strong []string) {
	t.Helper()
	p := parsed{src: []byte(line)}
	p.doc = strictMD.Parser().Parse(text.NewReader(p.src))
	if c := p.doc.FirstChild(); p.doc.ChildCount() != 1 || c.Kind() != ast.KindParagraph {
		t.Fatalf("diff %q is not one paragraph", line)
	}
	drop := func(kind func(ast.Node) bool) string {
		var b strings.Builder
		_ = ast.Walk(p.doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
			if !entering {
				return ast.WalkContinue, nil
			}
			if kind(n) {
				return ast.WalkSkipChildren, nil
			}
			if n.Kind() == ast.KindText {
				b.WriteString(p.textOf(n))
			}
			return ast.WalkContinue, nil
		})
		return b.String()
	}
	isStrong := func(n ast.Node) bool { e, ok := n.(*ast.Emphasis); return ok && e.Level == 2 }
	isEm := func(n ast.Node) bool { e, ok := n.(*ast.Emphasis); return ok && e.Level == 1 }
	isStruck := func(n ast.Node) bool { return n.Kind().String() == "Strikethrough" }
	p.each(func(n ast.Node) {
		if isEm(n) {
			t.Errorf("diff %q has single emphasis", line)
		}
	})
	struck, strong = p.marked()
	return drop(isStrong), drop(isStruck), struck, strong
}

func TestMarkdownDiff(t *testing.T) {
	tests := []struct {
		a, b, want string
	}{
		{"met for approximately four hours", "met for four hours", "met for ~~approximately~~ four hours"},
		{"He said we will stay.", "He said we shall stay.", "He said we ~~will~~ **shall** stay."},
		{"four hours, officials said", "four hours. Officials said", "four ~~hours, officials~~ **hours. Officials** said"},
		{"a *starred* word", "a _starred_ word", `a ~~&#42;starred&#42;~~ **\_starred\_** word`},
		{"# one", "# two", `\# ~~one~~ **two**`},
		{"same", "same", "same"},
		{"x", "", "~~x~~"},
		{"", "y", "**y**"},
		{"first\n\nsecond", "first second!", "first ~~second~~ **second!**"},
		{"a ~tilde~ b", "a *star* b", "a ~~&#126;tilde&#126;~~ **&#42;star&#42;** b"},
	}
	for _, tt := range tests {
		got := markdownDiff(tt.a, tt.b)
		if got != tt.want {
			t.Errorf("markdownDiff(%q, %q)\n got %s\nwant %s", tt.a, tt.b, got, tt.want)
		}
		checkDiff(t, tt.a, tt.b, got)
	}
}

// checkDiff asserts that the diff line parses into marked runs that rebuild
// both passages. White space is left out of the comparison: a change of
// spacing alone is not marked, and the space kept around a change shows in
// both readings.
func checkDiff(t *testing.T, a, b, line string) {
	t.Helper()
	if line == "" {
		if squash(cleanControls(a)) != "" || squash(cleanControls(b)) != "" {
			t.Errorf("empty diff for %q, %q", a, b)
		}
		return
	}
	first, second, _, _ := views(t, line)
	if nospace(first) != nospace(cleanControls(a)) || nospace(second) != nospace(cleanControls(b)) {
		t.Errorf("diff %q\nrebuilds %q\n     and %q\n    from %q\n     and %q", line, first, second, a, b)
	}
}

func nospace(s string) string { return strings.Join(strings.Fields(s), "") }

func TestMarkdownDiffPunctuationEdges(t *testing.T) {
	// Changes that begin or end in punctuation glued to a word are where
	// markers fail to open or close; every one must still parse.
	words := []string{"hours", ",", ".", "“", "”", "(", ")", "—", "-", "'", "’", "said", "$5", "*", "_", "~", "`", "\\", "[", "]", "<", ">", "!", "?", ":", ";", "&", "#", "|", " "}
	var cases [][2]string
	for _, x := range words {
		for _, y := range words {
			cases = append(cases, [2]string{"four " + x + "hours" + y + " said", "four " + y + "hours" + x + " said"})
			cases = append(cases, [2]string{"a" + x + "b", "a" + y + "b"})
			cases = append(cases, [2]string{x + "start", y + "start"})
			cases = append(cases, [2]string{"end" + x, "end" + y})
		}
	}
	// And random rewordings built from the same pieces.
	r := rand.New(rand.NewPCG(7, 11))
	sentence := func() string {
		var b strings.Builder
		for range 1 + r.IntN(8) {
			b.WriteString(words[r.IntN(len(words))])
		}
		return b.String()
	}
	for range 3000 {
		a := sentence()
		b := []rune(a)
		for range 1 + r.IntN(3) {
			at := r.IntN(len(b) + 1)
			b = slices.Insert(b, at, []rune(words[r.IntN(len(words))])...)
			if r.IntN(2) == 0 && len(b) > 1 {
				i := r.IntN(len(b))
				b = slices.Delete(b, i, min(len(b), i+1+r.IntN(4)))
			}
		}
		cases = append(cases, [2]string{a, string(b)})
	}
	for _, c := range cases {
		checkDiff(t, c[0], c[1], markdownDiff(c[0], c[1]))
	}
}

func FuzzMarkdownDiff(f *testing.F) {
	for _, s := range [][2]string{
		{"met for approximately four hours", "met for four hours"},
		{"hours, said", "hours. said"},
		{"“We will stay,” he said.", "“We shall stay”, he said"},
		{"a*b", "a_b"},
		{"1. one", "2. two"},
		{"x~y", "x~~y"},
	} {
		f.Add(s[0], s[1])
	}
	f.Fuzz(func(t *testing.T, a, b string) {
		if !validText(a) || !validText(b) || len(a)+len(b) > 2000 {
			t.Skip()
		}
		checkDiff(t, a, b, markdownDiff(a, b))
	})
}

func TestDiffShownOnlyForRewordings(t *testing.T) {
	in := noteInput("")
	in.Annotations = in.Annotations[:1]
	b := in.Articles[0]
	b.ID, b.URI, b.Outlet = "a2", "urn:b", "Two"
	in.Articles = append(in.Articles, b)
	first := in.Annotations[0].Targets[0]
	in.Annotations[0].Targets = []model.Target{first,
		{Source: "urn:b", Article: "a2", Anchoring: model.AnchorPosition}}

	// diffOf returns the struck and bold runs of the diff paragraph, or
	// false when there is none.
	diffOf := func(kind model.DiscrepancyKind, text string) (struck, strong []string, ok bool) {
		in.Annotations[0].Kind = kind
		in.Articles[1].Text = text
		in.Annotations[0].Targets[1].Span = model.Span{End: len(text)}
		p := parse(strictMD, Markdown(in))
		for n := p.doc.FirstChild(); n != nil; n = n.NextSibling() {
			if strings.HasPrefix(p.textOf(n), "Wording in") {
				diff := parsed{doc: n.NextSibling(), src: p.src}
				struck, strong = diff.marked()
				return struck, strong, true
			}
		}
		return nil, nil, false
	}
	if struck, strong, ok := diffOf(model.Number, "five hours"); !ok || !slices.Equal(struck, []string{"four"}) || !slices.Equal(strong, []string{"five"}) {
		t.Errorf("a rewording: diff %v, struck %q, bold %q; want four struck, five bold", ok, struck, strong)
	}
	if _, _, ok := diffOf(model.Number, "Officials in Baghdad declined to comment on the record"); ok {
		t.Errorf("unrelated passages get a diff")
	}
	if _, _, ok := diffOf(model.Number, "four hours"); ok {
		t.Errorf("identical passages get a diff")
	}
	// A third of the words shared: below the bar for most kinds, above it
	// for a tag that says the passages are one quotation.
	loose := "about four days"
	if _, _, ok := diffOf(model.Number, loose); ok {
		t.Errorf("a loose match gets a diff on a number tag")
	}
	if _, _, ok := diffOf(model.QuoteWording, loose); !ok {
		t.Errorf("a loose match gets no diff on a quote-wording tag")
	}
	// Passages too long to read as one diff line get none.
	in.Articles[0].Text = strings.Repeat("The talks lasted four hours. ", 400)
	in.Annotations[0].Targets[0].Span = model.Span{End: len(in.Articles[0].Text)}
	if _, _, ok := diffOf(model.Number, strings.Repeat("The talks lasted five hours. ", 400)); ok {
		t.Errorf("a %d-byte pair gets a diff", 2*len(in.Articles[0].Text))
	}
}
