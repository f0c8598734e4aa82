package worddiff

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/sergi/go-diff/diffmatchpatch"

	"github.com/parallax-reader/parallax/model"
)

// render writes ops as "=text" "-text" "+text" joined by "|", for compact
// expectations.
func render(ops []Op) string {
	var parts []string
	for _, op := range ops {
		sign := map[Kind]string{Equal: "=", Delete: "-", Insert: "+"}[op.Kind]
		parts = append(parts, sign+op.Text)
	}
	return strings.Join(parts, "|")
}

func TestWords(t *testing.T) {
	tests := []struct {
		name, a, b, want string
	}{
		{"dropped qualifier", "approximately four hours", "four hours", "-approximately |=four hours"},
		{"added qualifier", "four hours", "approximately four hours", "+approximately |=four hours"},
		{"changed number", "at least 12 people died", "at least 15 people died", "=at least |-12|+15|= people died"},
		{"whole words not letters", "the talks resumed", "the walks resumed", "=the |-talks|+walks|= resumed"},
		{"apostrophe inside word", "we don't agree", "we do agree", "=we |-don't|+do|= agree"},
		{"curly apostrophe", "O’Brien’s view", "O’Brien view", "-O’Brien’s|+O’Brien|= view"},
		{"punctuation is its own token", "Stop, now.", "Stop now.", "=Stop|-,|= now."},
		{"number with separators", "1,000 troops", "1,500 troops", "-1,000|+1,500|= troops"},
		{"CJK by ideograph", "东京会议开始", "东京会谈开始", "=东京会|-议|+谈|=开始"},
		{"emoji sequence is one token", "we 👍🏽 it", "we 👍🏿 it", "=we |-👍🏽|+👍🏿|= it"},
		{"ZWJ family is one token", "a 👨‍👩‍👧 b", "a 👨‍👩‍👦 b", "=a |-👨‍👩‍👧|+👨‍👩‍👦|= b"},
		{"identical", "same words here", "same words here", "=same words here"},
		{"empty first", "", "new text", "+new text"},
		{"empty second", "old text", "", "-old text"},
		{"both empty", "", "", ""},
		{"reordered", "said the minister", "the minister said", "-said |=the minister|+ said"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ops := Words(tt.a, tt.b)
			if got := render(ops); got != tt.want {
				t.Errorf("Words(%q, %q)\n got %s\nwant %s", tt.a, tt.b, got, tt.want)
			}
			checkOps(t, tt.a, tt.b, ops)
		})
	}
}

func TestWordsSpans(t *testing.T) {
	a := "He said: “We will stay.”"
	b := "He said: “We shall stay here.”"
	ops := Words(a, b)
	want := []Op{
		{Equal, "He said: “We ", model.Span{Start: 0, End: 15}, model.Span{Start: 0, End: 15}},
		{Delete, "will", model.Span{Start: 15, End: 19}, model.Span{Start: 15, End: 15}},
		{Insert, "shall", model.Span{Start: 19, End: 19}, model.Span{Start: 15, End: 20}},
		{Equal, " stay", model.Span{Start: 19, End: 24}, model.Span{Start: 20, End: 25}},
		{Insert, " here", model.Span{Start: 24, End: 24}, model.Span{Start: 25, End: 30}},
		{Equal, ".”", model.Span{Start: 24, End: 28}, model.Span{Start: 30, End: 34}},
	}
	if len(ops) != len(want) {
		t.Fatalf("got %d ops (%s), want %d", len(ops), render(ops), len(want))
	}
	for i := range want {
		if ops[i] != want[i] {
			t.Errorf("op %d = %+v, want %+v", i, ops[i], want[i])
		}
	}
}

func TestWordsJoinsChangesAcrossSpaces(t *testing.T) {
	// A replacement of several words reads as one deletion and one
	// insertion, not as changes interleaved with kept spaces; a shared word
	// or mark still splits changes.
	tests := []struct{ a, b, want string }{
		{"one two three four", "one five six four", "=one |-two three|+five six|= four"},
		{"x a b c y", "x d e f y", "=x |-a b c|+d e f|= y"},
		{"x a b y", "x a d y", "=x a |-b|+d|= y"},
		{"a, b", "c, d", "-a|+c|=, |-b|+d"},
		{"old  words here", "new  text here", "-old  words|+new  text|= here"},
		{"a b", "b", "-a |=b"},
	}
	for _, tt := range tests {
		ops := Words(tt.a, tt.b)
		if got := render(ops); got != tt.want {
			t.Errorf("Words(%q, %q)\n got %s\nwant %s", tt.a, tt.b, got, tt.want)
		}
		checkOps(t, tt.a, tt.b, ops)
		for i := 1; i < len(ops); i++ {
			if ops[i].Kind == ops[i-1].Kind {
				t.Errorf("Words(%q, %q): ops %d and %d are both %v", tt.a, tt.b, i-1, i, ops[i].Kind)
			}
		}
	}
}

func TestSimilarity(t *testing.T) {
	tests := []struct {
		a, b     string
		min, max float64
	}{
		{"same words here", "same words here", 1, 1},
		{"", "", 1, 1},
		{"...", "...", 1, 1},
		{"...", "!!", 0, 0},
		{"", "some words", 0, 0},
		{"completely different", "nothing shared", 0, 0},
		// 2 shared of 3+2 words.
		{"approximately four hours", "four hours", 0.8, 0.8},
		// Punctuation and spacing do not count as words.
		{"We will stay.", "We will stay!", 1, 1},
		{"We will stay.", "We will  stay", 1, 1},
		// A reworded quotation stays above the export's threshold...
		{"We will not leave until the job is done", "We won't leave until the job is finished", 0.5, 0.9},
		// ...and unrelated sentences fall below it.
		{"The talks resumed on Monday in Baghdad", "Prices of oil rose sharply last week", 0, 0.2},
	}
	for _, tt := range tests {
		got := Similarity(tt.a, tt.b)
		if got < tt.min || got > tt.max {
			t.Errorf("Similarity(%q, %q) = %.3f, want in [%.2f, %.2f]", tt.a, tt.b, got, tt.min, tt.max)
		}
		if back := Similarity(tt.b, tt.a); back != got {
			t.Errorf("Similarity not symmetric for %q, %q: %.3f vs %.3f", tt.a, tt.b, got, back)
		}
	}
}

func TestKindString(t *testing.T) {
	for k, want := range map[Kind]string{Equal: "equal", Delete: "delete", Insert: "insert", Kind(9): "unknown"} {
		if got := k.String(); got != want {
			t.Errorf("Kind(%d).String() = %q, want %q", int(k), got, want)
		}
	}
}

func TestCoarse(t *testing.T) {
	// The fallback for more distinct tokens than runes cannot be reached
	// with test-sized input, so check it directly.
	for _, c := range [][2]string{{"a b", "c d"}, {"", "x"}, {"x", ""}, {"", ""}, {"same", "same"}} {
		checkOps(t, c[0], c[1], coarse(c[0], c[1]))
	}
}

// checkOps asserts the invariants every diff must hold: the runs rebuild both
// passages, spans are contiguous and point at the run's text, and no run is
// empty.
func checkOps(t *testing.T, a, b string, ops []Op) {
	t.Helper()
	var ra, rb strings.Builder
	offA, offB := 0, 0
	for i, op := range ops {
		if op.Text == "" {
			t.Errorf("op %d is empty", i)
		}
		if op.A.Start != offA || op.B.Start != offB {
			t.Errorf("op %d starts at %d/%d, want %d/%d", i, op.A.Start, op.B.Start, offA, offB)
		}
		switch op.Kind {
		case Equal:
			if a[op.A.Start:op.A.End] != op.Text || b[op.B.Start:op.B.End] != op.Text {
				t.Errorf("equal op %d spans do not hold %q", i, op.Text)
			}
			ra.WriteString(op.Text)
			rb.WriteString(op.Text)
		case Delete:
			if !op.B.Empty() || a[op.A.Start:op.A.End] != op.Text {
				t.Errorf("delete op %d has spans %+v/%+v for %q", i, op.A, op.B, op.Text)
			}
			ra.WriteString(op.Text)
		case Insert:
			if !op.A.Empty() || b[op.B.Start:op.B.End] != op.Text {
				t.Errorf("insert op %d has spans %+v/%+v for %q", i, op.A, op.B, op.Text)
			}
			rb.WriteString(op.Text)
		default:
			t.Errorf("op %d has kind %v", i, op.Kind)
		}
		offA, offB = op.A.End, op.B.End
	}
	if ra.String() != a {
		t.Errorf("equal+delete = %q, want %q", ra.String(), a)
	}
	if rb.String() != b {
		t.Errorf("equal+insert = %q, want %q", rb.String(), b)
	}
	if offA != len(a) || offB != len(b) {
		t.Errorf("ops end at %d/%d, want %d/%d", offA, offB, len(a), len(b))
	}
}

func FuzzWords(f *testing.F) {
	seeds := [][2]string{
		{"approximately four hours", "four hours"},
		{"东京会议开始", "东京会谈开始"},
		{"a 👨‍👩‍👧 b", "a 👨‍👩‍👦 b"},
		{"", ""},
		{"x", ""},
		{"", "x"},
		{"\xff\xfeab\x80", "ab\x80"},
		{"e\u0301 café", "é cafe\u0301"},
		{"line one\n\nline two", "line one\nline two\r\n"},
		{"don't 1,000 U.S. 3.5%", "do not 1.000 US 3,5 %"},
	}
	for _, s := range seeds {
		f.Add(s[0], s[1])
	}
	f.Fuzz(func(t *testing.T, a, b string) {
		ops := Words(a, b)
		checkOps(t, a, b, ops)
		s := Similarity(a, b)
		if s < 0 || s > 1 {
			t.Errorf("Similarity = %v, outside 0..1", s)
		}
		if a == b && s != 1 {
			t.Errorf("Similarity of identical passages = %v", s)
		}
		if utf8.ValidString(a) && a == b && len(ops) > 1 {
			t.Errorf("identical passages gave %d ops", len(ops))
		}
	})
}

func BenchmarkWordsSentence(b *testing.B) {
	x := "The prime minister said on Tuesday that approximately four hours of talks had produced “no agreement of any kind”, according to officials."
	y := "The premier said Tuesday that four hours of talks produced “no agreement of any sort,” officials said."
	for b.Loop() {
		Words(x, y)
	}
}

// BenchmarkCharDiffBaseline is go-diff's own character diff with semantic
// clean-up on the sentence of BenchmarkWordsSentence, for comparison.
func BenchmarkCharDiffBaseline(b *testing.B) {
	x := "The prime minister said on Tuesday that approximately four hours of talks had produced “no agreement of any kind”, according to officials."
	y := "The premier said Tuesday that four hours of talks produced “no agreement of any sort,” officials said."
	dmp := diffmatchpatch.New()
	for b.Loop() {
		dmp.DiffCleanupSemantic(dmp.DiffMain(x, y, false))
	}
}

func BenchmarkWordsParagraph(b *testing.B) {
	x := strings.Repeat("The delegations met again in the capital and discussed the ceasefire terms at length. ", 20)
	y := strings.Replace(x, "ceasefire", "truce", 7)
	for b.Loop() {
		Words(x, y)
	}
}
