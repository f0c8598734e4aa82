package compare

import (
	"bufio"
	"bytes"
	"compress/gzip"
	_ "embed"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/parallax-reader/parallax/model"
)

// nounData is WordNet 3.0's noun hierarchy (see the header inside for the
// source and licence; gen_nouns.go regenerates it).
//
//go:embed nouns.txt.gz
var nounData []byte

//go:generate go run gen_nouns.go /usr/share/wordnet

// nounNet holds the hierarchy in flat arrays (a slice per synset would
// triple the memory): synset i's hypernyms are hyper.of(i).
type nounNet struct {
	hyper, inst flatLists
	// lemmas are the noun lemmas in sorted order, lemmaSenses[i] the span
	// of lemma i's synsets in senses; sorted slices take a fraction of the
	// memory of maps.
	lemmas      []string
	lemmaSenses [][2]int32
	senses      []int32
	other       []string // sorted words with a verb, adjective or adverb sense
	exc         map[string][]string
}

// flatLists is a list of int32 lists stored end to end.
type flatLists struct{ off, data []int32 }

func (f *flatLists) add(xs []int32) {
	if len(f.off) == 0 {
		f.off = append(f.off, 0)
	}
	f.data = append(f.data, xs...)
	f.off = append(f.off, int32(len(f.data)))
}

func (f *flatLists) of(i int32) []int32 { return f.data[f.off[i]:f.off[i+1]] }

var (
	nounsOnce sync.Once
	nouns     *nounNet
)

func loadNouns() {
	n := &nounNet{exc: map[string][]string{}}
	nouns = n
	zr, err := gzip.NewReader(bytes.NewReader(nounData))
	if err != nil {
		panic(fmt.Sprintf("compare: embedded noun data: %v", err)) // built into the binary: cannot happen
	}
	sc := bufio.NewScanner(zr)
	ids := func(s string) []int32 {
		var out []int32
		for _, f := range strings.Fields(s) {
			if i, err := strconv.Atoi(f); err == nil {
				out = append(out, int32(i))
			}
		}
		return out
	}
	for sc.Scan() {
		line := sc.Text()
		if len(line) < 2 || line[1] != ' ' {
			continue
		}
		rest := line[2:]
		switch line[0] {
		case 'S':
			h, i, _ := strings.Cut(rest, ";")
			n.hyper.add(ids(h))
			n.inst.add(ids(i))
		case 'N':
			w, s, _ := strings.Cut(rest, " ")
			xs := ids(s)
			n.lemmas = append(n.lemmas, w)
			n.lemmaSenses = append(n.lemmaSenses, [2]int32{int32(len(n.senses)), int32(len(xs))})
			n.senses = append(n.senses, xs...)
		case 'O':
			n.other = append(n.other, rest)
		case 'X':
			f := strings.Fields(rest)
			if len(f) >= 3 {
				n.exc[f[0]+":"+f[1]] = f[2:]
			}
		}
	}
	// The generator writes both lists sorted; sort again so a hand-edited
	// file cannot break the binary searches.
	if !slices.IsSorted(n.lemmas) {
		idx := make([]int, len(n.lemmas))
		for i := range idx {
			idx[i] = i
		}
		slices.SortFunc(idx, func(a, b int) int { return strings.Compare(n.lemmas[a], n.lemmas[b]) })
		lemmas, spans := make([]string, len(idx)), make([][2]int32, len(idx))
		for k, i := range idx {
			lemmas[k], spans[k] = n.lemmas[i], n.lemmaSenses[i]
		}
		n.lemmas, n.lemmaSenses = lemmas, spans
	}
	slices.Sort(n.other)
}

func (n *nounNet) lemma(w string) (int, bool) { return slices.BinarySearch(n.lemmas, w) }

func (n *nounNet) isOther(w string) bool {
	_, ok := slices.BinarySearch(n.other, w)
	return ok
}

// Detachment rules of WordNet's morphology ("morphy"): inflected ending →
// base ending, per part of speech.
var morphRules = map[string][][2]string{
	"n": {{"s", ""}, {"ses", "s"}, {"xes", "x"}, {"zes", "z"}, {"ches", "ch"}, {"shes", "sh"}, {"men", "man"}, {"ies", "y"}},
	"v": {{"s", ""}, {"ies", "y"}, {"es", "e"}, {"es", ""}, {"ed", "e"}, {"ed", ""}, {"ing", "e"}, {"ing", ""}},
	"a": {{"er", ""}, {"est", ""}, {"er", "e"}, {"est", "e"}},
}

// bases returns the dictionary forms of w in part of speech pos that pass
// known.
func (n *nounNet) bases(w, pos string, known func(string) bool) []string {
	var out []string
	if known(w) {
		out = append(out, w)
	}
	for _, b := range n.exc[pos+":"+w] {
		if known(b) {
			out = append(out, b)
		}
	}
	for _, r := range morphRules[pos] {
		if strings.HasSuffix(w, r[0]) && len(w) > len(r[0]) {
			if b := w[:len(w)-len(r[0])] + r[1]; known(b) {
				out = append(out, b)
			}
		}
	}
	return out
}

// nounOnly returns the noun synsets of a word that is a noun and nothing
// else ("vehicles", "astronomers"); nil for a word that may also be a verb
// or an adjective, whose replacement is too often a rewording.
func (n *nounNet) nounOnly(w string) []int32 {
	isNoun := func(s string) bool { _, ok := n.lemma(s); return ok }
	bs := n.bases(w, "n", isNoun)
	if len(bs) == 0 || n.isOther(w) || len(n.bases(w, "v", n.isOther)) > 0 || len(n.bases(w, "a", n.isOther)) > 0 {
		return nil
	}
	var out []int32
	for _, b := range bs {
		i, _ := n.lemma(b)
		l := n.lemmaSenses[i]
		out = append(out, n.senses[l[0]:l[0]+l[1]]...)
	}
	return out
}

// related reports whether two noun senses are close enough to be one thing
// worded two ways: a shared sense, one a kind of the other within three
// steps ("sibling", "brother"), or two kinds of one thing ("fallout",
// "aftermath"). Two instances of one class ("Italy", "France") are
// different things.
func (n *nounNet) related(a, b []int32) bool {
	sa := map[int32]bool{}
	for _, s := range a {
		sa[s] = true
	}
	for _, s := range b {
		if sa[s] {
			return true
		}
	}
	if n.ancestorOf(a, b, 3) || n.ancestorOf(b, a, 3) {
		return true
	}
	pa := map[int32]bool{}
	for _, s := range a {
		for _, h := range n.hyper.of(s) {
			pa[h] = true
		}
	}
	for _, s := range b {
		for _, h := range n.hyper.of(s) {
			if pa[h] {
				return true
			}
		}
	}
	return false
}

// ancestorOf reports whether some sense in b is within depth steps above
// some sense in a.
func (n *nounNet) ancestorOf(a, b []int32, depth int) bool {
	want := map[int32]bool{}
	for _, s := range b {
		want[s] = true
	}
	front := append([]int32(nil), a...)
	seen := map[int32]bool{}
	for range depth {
		var next []int32
		for _, s := range front {
			for _, list := range [][]int32{n.hyper.of(s), n.inst.of(s)} {
				for _, h := range list {
					if want[h] {
						return true
					}
					if !seen[h] {
						seen[h] = true
						next = append(next, h)
					}
				}
			}
		}
		front = next
	}
	return false
}

// nounFindings reports one noun replaced by an unrelated noun in an
// otherwise shared wording ("loss of propulsion" / "loss of navigation",
// "threat to humans" / "threat to animals"): the same statement about a
// different thing. Only a one-for-one swap counts, and only between words
// that are nouns alone, since a rewording more often swaps verbs and
// adjectives for near-synonyms.
func nounFindings(a, b *passage, m wordMatch) []finding {
	nounsOnce.Do(loadNouns)
	onlyA := gapWords(a.toks, m.gapA, m.sizeA)
	onlyB := gapWords(b.toks, m.gapB, m.sizeB)
	for g, i := range onlyA {
		j, ok := onlyB[g]
		if !ok || i < 0 || j < 0 {
			continue
		}
		x, y := &a.toks[i], &b.toks[j]
		if x.key == y.key || len(x.lower) < 3 || len(y.lower) < 3 || sharedPrefix(x.lower, y.lower) >= 4 {
			continue
		}
		sx, sy := nouns.nounOnly(x.lower), nouns.nounOnly(y.lower)
		if sx == nil || sy == nil || nouns.related(sx, sy) {
			continue
		}
		return []finding{{kind: model.Contradiction, conf: 0.5,
			summary: fmt.Sprintf("Different thing named: %q vs %q", x.text, y.text)}}
	}
	return nil
}

// gapWords maps each short gap (at most two words) to its one content
// word, or -1 when it has none or several.
func gapWords(toks []token, gap []int, size map[int]int) map[int]int {
	out := map[int]int{}
	for i := range toks {
		g := gap[i]
		if g < 0 || size[g] > 2 || !(toks[i].word || toks[i].digit) {
			continue
		}
		if !toks[i].content() || toks[i].digit {
			if _, seen := out[g]; !seen {
				out[g] = -2 // a gap of stop words so far
			}
			continue
		}
		if k, seen := out[g]; seen && k != -2 {
			out[g] = -1
			continue
		}
		out[g] = i
	}
	for g, i := range out {
		if i == -2 {
			delete(out, g)
		}
	}
	return out
}

func sharedPrefix(a, b string) int {
	n := 0
	for n < len(a) && n < len(b) && a[n] == b[n] {
		n++
	}
	return n
}
