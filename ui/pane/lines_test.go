package pane

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

// texts returns the wrapped lines as strings.
func texts(text string, lines []Line) []string {
	out := make([]string, len(lines))
	for i, l := range lines {
		out[i] = text[l.Start:l.End]
	}
	return out
}

func TestWrap(t *testing.T) {
	cases := []struct {
		name  string
		text  string
		width int
		want  []string
	}{
		{"fits", "one two", 10, []string{"one two"}},
		{"word wrap", "one two three four", 9, []string{"one two", "three", "four"}},
		{"exact width", "abcde fghij", 5, []string{"abcde", "fghij"}},
		{"long word hard break", "abcdefghij", 4, []string{"abcd", "efgh", "ij"}},
		{"long word after short", "a bcdefghij", 4, []string{"a", "bcde", "fghi", "j"}},
		{"paragraphs", "one\n\ntwo", 10, []string{"one", "", "two"}},
		{"final newline", "one\n", 10, []string{"one"}},
		{"empty", "", 10, []string{""}},
		{"only newlines", "\n\n", 10, []string{"", ""}},
		{"space run swallowed", "abc    def", 5, []string{"abc", "def"}},
		{"indent kept", "  abc def", 6, []string{"  abc", "def"}},
		{"trailing spaces", "abc   ", 3, []string{"abc"}},
		{"all spaces", "        ", 3, []string{"   "}},
		{"dash break", "well-known fact", 8, []string{"well-", "known", "fact"}},
		{"em dash break", "yes—no maybe", 5, []string{"yes—", "no", "maybe"}},
		{"cjk breaks anywhere", "日本語のテキスト", 6, []string{"日本語", "のテキ", "スト"}},
		{"cjk odd width", "日本語", 5, []string{"日本", "語"}},
		{"emoji", "a 👍🏽 b", 4, []string{"a 👍🏽", "b"}},
		{"combining stays with base", "cafe\u0301 bar", 4, []string{"cafe\u0301", "bar"}},
		{"tab counts four", "a\tb", 6, []string{"a\tb"}},
		{"tab breaks", "ab\tcd", 4, []string{"ab", "cd"}},
		{"wide char wider than width", "日x", 1, []string{"日", "x"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := texts(c.text, Wrap(c.text, c.width))
			if strings.Join(got, "|") != strings.Join(c.want, "|") {
				t.Errorf("Wrap(%q, %d) = %q, want %q", c.text, c.width, got, c.want)
			}
		})
	}
}

// checkLines asserts the line index invariants for any text and width.
func checkLines(t *testing.T, text string, width int, lines []Line) {
	t.Helper()
	if len(lines) == 0 {
		t.Fatalf("no lines for %q", text)
	}
	prevEnd := 0
	for i, l := range lines {
		s, e := l.span()
		if s < prevEnd || e < s || e > len(text) {
			t.Fatalf("line %d [%d,%d) out of order or range (prev end %d, len %d)", i, s, e, prevEnd, len(text))
		}
		if i > 0 && s <= int(lines[i-1].Start) {
			t.Fatalf("line %d starts at %d, not after line %d", i, s, i-1)
		}
		seg := text[s:e]
		if strings.Contains(seg, "\n") {
			t.Fatalf("line %d holds a newline", i)
		}
		if w := measure(seg); w > width && !singleCluster(seg) {
			t.Fatalf("line %d %q is %d columns, width %d", i, seg, w, width)
		}
		// Everything skipped between lines is spaces, tabs or one newline.
		gap := text[prevEnd:s]
		if i > 0 && strings.Trim(gap, " \t\n") != "" {
			t.Fatalf("text %q lost between lines %d and %d", gap, i-1, i)
		}
		prevEnd = e
	}
	if rest := text[prevEnd:]; strings.Trim(rest, " \t\n") != "" {
		t.Fatalf("text %q lost after the last line", rest)
	}
}

func singleCluster(s string) bool {
	g := widthOptions.StringGraphemes(s)
	n := 0
	for g.Next() {
		n++
	}
	return n <= 1
}

func TestWrapInvariants(t *testing.T) {
	samples := []string{
		"The talks, held at the U.S. embassy, lasted 3 hours.\n\n“We agreed,” said Dr. Smith — not everyone did.",
		"日本語とEnglishが混ざった文章です。長い単語もあります: supercalifragilisticexpialidocious.",
		"emoji 👨‍👩‍👧 family, flags 🇮🇶🇺🇸, skin 👋🏿 and keycaps 1️⃣ in a row",
		"tabs\tand\t\tmore tabs\t end",
		strings.Repeat("word ", 200),
		strings.Repeat("x", 500),
		"  \n \n\t\n",
	}
	for _, text := range samples {
		for width := 1; width <= 40; width++ {
			checkLines(t, text, width, Wrap(text, width))
		}
	}
}

func TestMeasureMatchesAnsi(t *testing.T) {
	for _, s := range []string{"abc", "日本語", "👍🏽 ok", "e\u0301", "👨‍👩‍👧", "Ωmega"} {
		if measure(s) != ansi.StringWidth(s) {
			t.Errorf("measure(%q) = %d, ansi says %d", s, measure(s), ansi.StringWidth(s))
		}
	}
	if measure("a\tb") != 2+tabWidth || measure("a\x1bb") != 3 || measure("\x9b") != 1 {
		t.Error("tabs count tabWidth and controls count one")
	}
}

func TestLineAt(t *testing.T) {
	text := "one two three\n\nfour"
	lines := Wrap(text, 7) // "one two" "three" "" "four"
	cases := map[int]int{0: 0, 6: 0, 7: 0, 8: 1, 13: 1, 14: 2, 15: 3, 18: 3, 99: 3}
	for off, want := range cases {
		if got := lineAt(lines, off); got != want {
			t.Errorf("lineAt(%d) = %d, want %d (lines %q)", off, got, want, texts(text, lines))
		}
	}
}

func FuzzWrap(f *testing.F) {
	f.Add("one two three", 5)
	f.Add("日本語のテキスト", 3)
	f.Add("a\tb\x1b[31mred\x9b", 2)
	f.Add("  \n\n  x", 1)
	f.Add("\xff\xfe bad", 4)
	f.Fuzz(func(t *testing.T, text string, width int) {
		if width < 1 || width > 300 || len(text) > 4000 {
			return
		}
		checkLines(t, text, width, Wrap(text, width))
	})
}
