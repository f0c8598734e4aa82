package annotations

import (
	"bytes"
	"math/rand/v2"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/parallax-reader/parallax/model"
)

// storedFor is the target parallax would save for a span of text.
func storedFor(text string, s model.Span) storedTarget {
	ix := newTextIndex(text)
	st, en := ix.runeOffset(s.Start), ix.runeOffset(s.End)
	return storedTarget{
		exact:    text[s.Start:s.End],
		prefix:   ix.slice(max(0, st-contextLen), st),
		suffix:   ix.slice(en, min(ix.runeCount(), en+contextLen)),
		hasQuote: true, hasPos: true, start: st, end: en,
	}
}

// An edit scenario changes an article around a tagged passage and says
// where the passage now is (empty span: it is gone).
type edit struct {
	name string
	// apply returns the new text and the passage's new span; ok is false
	// when the scenario does not fit this text and passage.
	apply func(r *rand.Rand, text string, p model.Span) (string, model.Span, bool)
	// how lists the acceptable anchorings.
	how []model.Anchoring
	// exact requires the new span exactly; otherwise it must cover at
	// least half of the edited passage and stay near it.
	exact bool
}

func paragraphs(text string) []model.Span {
	var out []model.Span
	start := 0
	for start <= len(text) {
		i := strings.Index(text[start:], "\n\n")
		if i < 0 {
			out = append(out, model.Span{Start: start, End: len(text)})
			break
		}
		out = append(out, model.Span{Start: start, End: start + i})
		start += i + 2
	}
	return out
}

func containing(ps []model.Span, p model.Span) int {
	for i, s := range ps {
		if s.Start <= p.Start && p.End <= s.End {
			return i
		}
	}
	return -1
}

var edits = []edit{
	{
		name: "insertion before", how: []model.Anchoring{model.AnchorQuote}, exact: true,
		apply: func(r *rand.Rand, text string, p model.Span) (string, model.Span, bool) {
			ps := paragraphs(text)
			i := containing(ps, p)
			if i < 0 {
				return "", p, false
			}
			at := ps[r.IntN(i+1)].Start
			ins := genParagraph(r, 2) + "\n\n"
			return text[:at] + ins + text[at:], model.Span{Start: p.Start + len(ins), End: p.End + len(ins)}, true
		},
	},
	{
		name: "deletion after", how: []model.Anchoring{model.AnchorPosition}, exact: true,
		apply: func(r *rand.Rand, text string, p model.Span) (string, model.Span, bool) {
			ps := paragraphs(text)
			i := containing(ps, p)
			if i < 0 || i == len(ps)-1 {
				return "", p, false
			}
			d := ps[i+1+r.IntN(len(ps)-i-1)]
			return text[:d.Start] + text[min(len(text), d.End+2):], p, true
		},
	},
	{
		name: "deletion before", how: []model.Anchoring{model.AnchorQuote}, exact: true,
		apply: func(r *rand.Rand, text string, p model.Span) (string, model.Span, bool) {
			ps := paragraphs(text)
			i := containing(ps, p)
			if i <= 0 {
				return "", p, false
			}
			d := ps[r.IntN(i)]
			n := d.End + 2 - d.Start
			return text[:d.Start] + text[d.End+2:], model.Span{Start: p.Start - n, End: p.End - n}, true
		},
	},
	{
		name: "words changed inside", how: []model.Anchoring{model.AnchorFuzzy},
		apply: func(r *rand.Rand, text string, p model.Span) (string, model.Span, bool) {
			words := strings.Split(text[p.Start:p.End], " ")
			if len(words) < 6 {
				return "", p, false
			}
			for range 1 + len(words)/10 {
				i := 1 + r.IntN(len(words)-2)
				words[i] = genWords[r.IntN(len(genWords))]
			}
			passage := strings.Join(words, " ")
			if passage == text[p.Start:p.End] {
				return "", p, false
			}
			return text[:p.Start] + passage + text[p.End:], model.Span{Start: p.Start, End: p.Start + len(passage)}, true
		},
	},
	{
		name: "paragraph moved", how: []model.Anchoring{model.AnchorQuote}, exact: true,
		apply: func(r *rand.Rand, text string, p model.Span) (string, model.Span, bool) {
			ps := paragraphs(text)
			i := containing(ps, p)
			if i < 0 || len(ps) < 3 {
				return "", p, false
			}
			var rest []string
			for j, s := range ps {
				if j != i {
					rest = append(rest, text[s.Start:s.End])
				}
			}
			at := r.IntN(len(rest) + 1)
			if at == i {
				at = (at + 1) % (len(rest) + 1)
			}
			moved := text[ps[i].Start:ps[i].End]
			out := strings.Join(rest[:at], "\n\n")
			if at > 0 {
				out += "\n\n"
			}
			start := len(out) + p.Start - ps[i].Start
			out += moved
			if at < len(rest) {
				out += "\n\n" + strings.Join(rest[at:], "\n\n")
			}
			return out, model.Span{Start: start, End: start + p.Len()}, true
		},
	},
	{
		name: "passage deleted", how: []model.Anchoring{model.AnchorOrphan},
		apply: func(r *rand.Rand, text string, p model.Span) (string, model.Span, bool) {
			return text[:p.Start] + text[p.End:], model.Span{}, true
		},
	},
}

// runEdits applies each edit to passages of generated (or given) articles
// and counts how often the passage is found where it went.
func runEdits(t *testing.T, trials int, source func(r *rand.Rand) string) map[string][2]int {
	results := map[string][2]int{}
	for _, e := range edits {
		r := rand.New(rand.NewPCG(42, uint64(len(e.name))))
		for range trials {
			var text, edited string
			var p, want model.Span
			ok := false
			for !ok {
				text = source(r)
				p = randomPassage(r, text, []int{15, 30, 60, 120}[r.IntN(4)])
				if strings.Count(text, text[p.Start:p.End]) != 1 {
					continue // a passage that repeats is a scenario of its own
				}
				edited, want, ok = e.apply(r, text, p)
				if ok && e.how[0] == model.AnchorOrphan && strings.Contains(edited, text[p.Start:p.End]) {
					ok = false
				}
			}
			got, how := anchorIn(newTextIndex(edited), storedFor(text, p))
			good := false
			for _, h := range e.how {
				good = good || h == how
			}
			if good && how != model.AnchorOrphan {
				if e.exact {
					good = got == want
				} else {
					overlap := min(got.End, want.End) - max(got.Start, want.Start)
					good = overlap*2 >= want.Len() && abs(got.Start-want.Start) < want.Len()
				}
			}
			c := results[e.name]
			c[1]++
			if good {
				c[0]++
			} else if testing.Verbose() {
				t.Logf("%s: %q anchored %s at %v (%q), want %v", e.name, text[p.Start:p.End], how, got, edited[max(0, got.Start):max(got.Start, got.End)], want)
			}
			results[e.name] = c
		}
	}
	return results
}

// Every edit scenario on generated prose, with the least share of
// passages that must be found where they went.
func TestAnchoringUnderGeneratedEdits(t *testing.T) {
	minimum := map[string]float64{
		"insertion before": 1, "deletion after": 1, "deletion before": 1, "paragraph moved": 1,
		"passage deleted": 1, "words changed inside": 0.95,
	}
	res := runEdits(t, 150, func(r *rand.Rand) string { return genArticle(r, 8) })
	for name, c := range res {
		rate := float64(c[0]) / float64(c[1])
		t.Logf("%-22s %3d/%d", name, c[0], c[1])
		if rate < minimum[name] {
			t.Errorf("%s: %d of %d anchored correctly (%.0f%%), want at least %.0f%%", name, c[0], c[1], rate*100, minimum[name]*100)
		}
	}
}

// The same on real news text (Reuters stories from ../shared/data), when
// it is there: figures for the report, with the same floors.
func TestAnchoringQualityOnNews(t *testing.T) {
	stories := newsStories(t)
	if len(stories) == 0 {
		t.Skip("../shared/data/n3-reuters128 is not there")
	}
	res := runEdits(t, 150, func(r *rand.Rand) string {
		ps := make([]string, 8)
		for i, j := range r.Perm(len(stories))[:len(ps)] { // no story twice
			ps[i] = stories[j]
		}
		return strings.Join(ps, "\n\n")
	})
	for _, e := range edits {
		c := res[e.name]
		t.Logf("news, %-22s %3d/%d", e.name, c[0], c[1])
		floor := 1.0
		if e.name == "words changed inside" {
			floor = 0.9
		}
		if float64(c[0]) < floor*float64(c[1]) {
			t.Errorf("%s: %d of %d", e.name, c[0], c[1])
		}
	}
}

func TestRepeatedTextRightOccurrenceWins(t *testing.T) {
	sentence := "The bridge was closed for repairs."
	text := "In the north, officials said traffic was light. " + sentence +
		" Drivers took the ring road.\n\nIn the south, the mayor said crowds gathered. " + sentence +
		" Police directed cars away."
	second := strings.LastIndex(text, sentence)
	st := storedFor(text, model.Span{Start: second, End: second + len(sentence)})

	// Text inserted before both: the position fails, the context picks the
	// second occurrence.
	edited := "UPDATE: roads reopened at noon.\n\n" + text
	got, how := anchorIn(newTextIndex(edited), st)
	want := strings.LastIndex(edited, sentence)
	if how != model.AnchorQuote || got.Start != want {
		t.Errorf("after an insertion: %s at %d, want quote at %d", how, got.Start, want)
	}

	// Identical context around both copies: nearness to the old position
	// decides.
	para := "Officials said: " + sentence + " More later.\n\n"
	text = strings.Repeat("Filler text about other things entirely. ", 3) + "\n\n" + para +
		strings.Repeat("Other filler, more words here. ", 20) + "\n\n" + para
	first := strings.Index(text, sentence)
	st = storedFor(text, model.Span{Start: first, End: first + len(sentence)})
	edited = "Note. " + text
	got, how = anchorIn(newTextIndex(edited), st)
	if how != model.AnchorQuote || got.Start != first+len("Note. ") {
		t.Errorf("identical contexts: %s at %d, want the nearer copy at %d", how, got.Start, first+6)
	}

	// Edited and repeated: approximate search also prefers the context.
	text = "Alpha team reports: the convoy reached the city at dawn with supplies. End alpha.\n\n" +
		"Bravo team reports: the convoy reached the city at dawn with supplies. End bravo."
	second = strings.LastIndex(text, "the convoy")
	sp := model.Span{Start: second, End: second + len("the convoy reached the city at dawn with supplies.")}
	st = storedFor(text, sp)
	edited = strings.ReplaceAll(text, "at dawn", "before noon")
	got, how = anchorIn(newTextIndex(edited), st)
	if how != model.AnchorFuzzy || got.Start != strings.LastIndex(edited, "the convoy") {
		t.Errorf("edited repeat: %s at %v, want fuzzy at %d", how, got, strings.LastIndex(edited, "the convoy"))
	}
}

func TestAnchorTargetsWithoutQuotes(t *testing.T) {
	ix := newTextIndex(textA)
	if sp, how := anchorIn(ix, storedTarget{}); how != model.AnchorPosition || !sp.Empty() {
		t.Errorf("whole article: %v %s", sp, how)
	}
	sp, how := anchorIn(ix, storedTarget{hasPos: true, start: 13, end: 19})
	if how != model.AnchorPosition || textA[sp.Start:sp.End] != "Zürich" {
		t.Errorf("position only: %q %s", textA[sp.Start:sp.End], how)
	}
	if _, how := anchorIn(ix, storedTarget{hasPos: true, start: 13, end: 100000}); how != model.AnchorOrphan {
		t.Errorf("position past the end: %s", how)
	}
	if _, how := anchorIn(ix, storedTarget{hasQuote: true, exact: ""}); how != model.AnchorOrphan {
		t.Errorf("empty quote: %s", how)
	}
}

// Through the store: a tag on an article that was edited between runs is
// found again, an orphan is listed with its last passage, and opening
// never rewrites the file.
func TestStoreReanchorsEditedArticle(t *testing.T) {
	p := tempFile(t)
	s := openStore(t, p, testArticles(), newClock())
	num, err := s.Add(numberTag(t))
	if err != nil {
		t.Fatal(err)
	}
	gone, err := s.Add(model.Annotation{Kind: model.Framing, Targets: []model.Target{
		{Article: "a1", Span: span(t, textA, "Rescue teams worked through the night.")},
	}})
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	before := readFile(t, p)

	arts := testArticles()
	arts[0].Text = "Correction appended.\n\n" + strings.Replace(textA, " Rescue teams worked through the night.", "", 1)
	arts[0].Text = strings.Replace(arts[0].Text, "12 people were killed", "twelve people were killed", 1)
	arts[1].Text = "Updated 10:00.\n\n" + textB
	s = openStore(t, p, arts, newClock())
	byID := map[string]model.Annotation{}
	for _, a := range s.Annotations() {
		byID[a.ID] = a
	}
	a := byID[num.ID]
	if a.Targets[0].Anchoring != model.AnchorFuzzy || arts[0].Slice(a.Targets[0].Span) != "twelve people were killed" {
		t.Errorf("edited passage: %s %q", a.Targets[0].Anchoring, arts[0].Slice(a.Targets[0].Span))
	}
	if a.Targets[1].Anchoring != model.AnchorQuote || arts[1].Slice(a.Targets[1].Span) != "At least 15 people died" {
		t.Errorf("moved passage: %s %q", a.Targets[1].Anchoring, arts[1].Slice(a.Targets[1].Span))
	}
	o := byID[gone.ID]
	if !o.Orphaned() || o.Targets[0].Exact != "Rescue teams worked through the night." || o.Targets[0].Article != "a1" {
		t.Errorf("deleted passage: %+v", o.Targets[0])
	}
	if !bytes.Equal(readFile(t, p), before) {
		t.Error("opening rewrote the file")
	}
	// Another tag saved now leaves the orphan exactly as it was.
	if _, err := s.Add(model.Annotation{Kind: model.Other, Targets: []model.Target{{Article: "a2", Span: span(t, arts[1].Text, "Updated")}}}); err != nil {
		t.Fatal(err)
	}
	d, _ := parseDocument(before)
	_, was := d.find(gone.ID)
	d2, _ := parseDocument(readFile(t, p))
	_, now := d2.find(gone.ID)
	if !bytes.Equal(was.canon(), now.canon()) {
		t.Error("the orphan was rewritten")
	}
	// Reanchor with the original text places everything again.
	s.Reanchor(testArticles())
	a, _ = s.Get(gone.ID)
	if a.Targets[0].Anchoring != model.AnchorPosition {
		t.Errorf("after Reanchor: %s", a.Targets[0].Anchoring)
	}
}

// FuzzAnchor: whatever the old and new texts, anchoring never panics,
// places a passage inside the new text on character boundaries, and an
// exact anchoring holds the exact quote.
func FuzzAnchor(f *testing.F) {
	f.Add(textA, uint16(41), uint16(62), strings.Replace(textA, "12", "twelve", 1))
	f.Add("aaaa aaaa aaaa", uint16(5), uint16(9), "aaaa aaa aaaa aaaa")
	f.Add("Zürich 北京 Αθήνα", uint16(7), uint16(13), "北京 Zürich Αθήνα 北京")
	f.Add("short", uint16(0), uint16(5), "")
	f.Fuzz(func(t *testing.T, old string, start, end uint16, edited string) {
		if !utf8.ValidString(old) || !utf8.ValidString(edited) || len(old) > 2000 || len(edited) > 2000 {
			return
		}
		s, e := min(int(start), len(old)), min(int(end), len(old))
		if s > e {
			s, e = e, s
		}
		for s > 0 && s < len(old) && !utf8.RuneStart(old[s]) {
			s--
		}
		for e < len(old) && !utf8.RuneStart(old[e]) {
			e++
		}
		st := storedFor(old, model.Span{Start: s, End: e})
		got, how := anchorIn(newTextIndex(edited), st)
		if how == model.AnchorOrphan {
			return
		}
		if got.Start < 0 || got.End > len(edited) || got.Start > got.End ||
			!onBoundary(edited, got.Start) || !onBoundary(edited, got.End) {
			t.Fatalf("%s span %v in %d bytes", how, got, len(edited))
		}
		if (how == model.AnchorPosition || how == model.AnchorQuote) && edited[got.Start:got.End] != st.exact {
			t.Fatalf("%s anchoring holds %q, not %q", how, edited[got.Start:got.End], st.exact)
		}
	})
}
