package annotations

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unicode/utf8"
)

// referenceDistances is the textbook O(n·m) dynamic programme for the
// same question scan answers: dist[end] is the fewest edits turning the
// pattern into a substring of text ending at end (starting at 0 when
// anchored).
func referenceDistances(text, pattern []rune, anchored bool) []int {
	m := len(pattern)
	col := make([]int, m+1)
	for i := range col {
		col[i] = i
	}
	out := make([]int, len(text)+1)
	out[0] = m
	for j, c := range text {
		next := make([]int, m+1)
		if anchored {
			next[0] = j + 1
		}
		for i := 1; i <= m; i++ {
			cost := 1
			if pattern[i-1] == c {
				cost = 0
			}
			next[i] = min(col[i-1]+cost, col[i]+1, next[i-1]+1)
		}
		col = next
		out[j+1] = col[m]
	}
	return out
}

func checkScanAgainstReference(t *testing.T, text, pattern []rune) {
	t.Helper()
	for _, anchored := range []bool{false, true} {
		want := referenceDistances(text, pattern, anchored)
		got := make([]int, len(text)+1)
		got[0] = len(pattern)
		compilePattern(pattern).scan(text, anchored, func(end, d int) { got[end] = d })
		for end := 1; end <= len(text); end++ {
			if got[end] != want[end] {
				t.Fatalf("anchored=%v pattern %q in %q: distance at end %d = %d, want %d",
					anchored, string(pattern), string(text), end, got[end], want[end])
			}
		}
	}
}

// randomRunes draws from a small alphabet (so patterns recur) that
// includes multi-byte characters.
func randomRunes(r *rand.Rand, n int) []rune {
	alphabet := []rune("abcde é中")
	out := make([]rune, n)
	for i := range out {
		out[i] = alphabet[r.IntN(len(alphabet))]
	}
	return out
}

func TestScanMatchesDynamicProgramme(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for range 300 {
		// Pattern lengths cross the 64-row block boundary on purpose.
		pattern := randomRunes(r, 1+r.IntN(150))
		text := randomRunes(r, r.IntN(300))
		checkScanAgainstReference(t, text, pattern)
	}
}

func TestFindApproxLocatesEditedPattern(t *testing.T) {
	text := []rune(strings.Repeat("lorem ipsum dolor sit amet ", 20) +
		"the minister said the flood killed twelve people in the valley" +
		strings.Repeat(" consectetur adipiscing elit", 20))
	pattern := []rune("the minister said the floods killed 12 people in the valley")
	ms := findApprox(text, pattern, len(pattern)/2, 5)
	if len(ms) == 0 {
		t.Fatal("no match")
	}
	got := string(text[ms[0].start:ms[0].end])
	if got != "the minister said the flood killed twelve people in the valley" {
		t.Fatalf("best match %q (errors %d)", got, ms[0].errors)
	}
	if ms[0].errors != 7 { // "s" dropped; "12" → "twelve" is 2 substitutions + 4 insertions
		t.Errorf("errors = %d, want 7", ms[0].errors)
	}
}

func TestFindApproxLongPattern(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	text := randomRunes(r, 5000)
	pattern := append([]rune(nil), text[2000:2700]...)
	// Damage the pattern in 40 places.
	for range 40 {
		pattern[r.IntN(len(pattern))] = 'X'
	}
	ms := findApprox(text, pattern, 256, 3)
	if len(ms) == 0 || ms[0].start != 2000 || ms[0].end != 2700 {
		t.Fatalf("matches %+v, want one at 2000–2700", ms)
	}
	if ms[0].errors > 40 {
		t.Errorf("errors %d > 40", ms[0].errors)
	}
}

func FuzzMatch(f *testing.F) {
	f.Add("the flood killed twelve people", "flood killed 12")
	f.Add("aaaaaaaaaa", "aa")
	f.Add("", "x")
	f.Add("中文文本，包含重复的文本。重复的文本。", "重复的文本")
	f.Add(strings.Repeat("abcdefgh", 20), strings.Repeat("abcdefgx", 10))
	f.Fuzz(func(t *testing.T, text, pattern string) {
		if !utf8.ValidString(text) || !utf8.ValidString(pattern) {
			return
		}
		tr, pr := []rune(text), []rune(pattern)
		if len(tr) > 400 || len(pr) > 200 || len(pr) == 0 {
			return
		}
		checkScanAgainstReference(t, tr, pr)
		k := min(256, len(pr)/2)
		for _, m := range findApprox(tr, pr, k, 10) {
			if m.start < 0 || m.start > m.end || m.end > len(tr) || m.errors > k {
				t.Fatalf("bad match %+v", m)
			}
			want := referenceDistances(tr[m.start:m.end], pr, true)[m.end-m.start]
			if want != m.errors {
				t.Fatalf("match %+v: %q vs %q has distance %d", m, string(tr[m.start:m.end]), pattern, want)
			}
		}
	})
}
