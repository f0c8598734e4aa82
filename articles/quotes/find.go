// Package quotes finds the quotations in an article and who is credited
// with them.
//
// Marks: straight and curly double quotes pair up inside a paragraph,
// judged by the characters around them; single quotes are never marks, so
// apostrophes (don't, '90s, Iranians’) cannot open or close a quotation and
// a nested quotation in single quotes stays inside the double-quoted one.
//
// A quotation running over several paragraphs (a paragraph that opens a
// quotation without closing it, followed by one that opens with a mark)
// gives one Quote per paragraph, each covering its own paragraph's part; the
// parts share the speaker, the attributing words and Short, which counts the
// words of the whole quotation. A paragraph that ends inside a quotation and
// is not followed by a re-opening mark ends the quotation there.
//
// Speakers come from speech-verb patterns around the quotation. When the
// attribution is "he" or "she" the speaker is the last PERSON mention before
// it outside quotations; without mentions, the last speaker named in full,
// or else the last run of capitalised words that may name a person. A
// quotation with no attribution of its own takes the speaker of the
// previous quotation in the same paragraph. Attributions to someone not
// named ("they said", "a senior official said") count as attributions: the
// quotation does not inherit, and a descriptive phrase is kept as the
// speaker.
package quotes

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/parallax-reader/parallax/articles/segment"
	"github.com/parallax-reader/parallax/model"
)

// shortWords is the length under which a quotation is a scare quote:
// highlighted but never attributed.
const shortWords = 4

// Find returns the quotations in text, sorted and non-overlapping.
// paragraphs are the article's paragraphs (nil means segment.Paragraphs);
// names are entity mentions with their clusters, used to name and link
// speakers; with none, runs of capitalised words stand in for names.
func Find(text string, paragraphs []model.Span, names []model.Mention) []model.Quote {
	if paragraphs == nil {
		paragraphs = segment.Paragraphs(text)
	}
	paragraphs = validParagraphs(text, paragraphs)
	quotations := scanMarks(text, paragraphs)
	if len(quotations) == 0 {
		return nil
	}
	f := &finder{text: text}
	for _, m := range names {
		if m.Type.IsName() && m.Start >= 0 && m.End <= len(text) && m.Start < m.End {
			f.mentions = append(f.mentions, m)
			f.persons = f.persons || m.Type == model.Person
		}
	}
	slices.SortStableFunc(f.mentions, func(a, b model.Mention) int { return a.Start - b.Start })
	f.mentions = dropOverlaps(f.mentions)

	var parts []model.Span // every part, to skip names inside quotations
	for _, q := range quotations {
		for _, p := range q.parts {
			parts = append(parts, p.span)
		}
	}
	for _, m := range f.mentions {
		if m.Type == model.Person && !inside(parts, m.Start) {
			f.people = append(f.people, m)
		}
	}
	sentences := segment.Sentences(text, paragraphs)

	out := make([]model.Quote, 0, len(parts))
	var lastNamed *subject // the last speaker named in full
	prev := -1             // the last attributable quotation
	var prevSpeaker subject
	for qi, q := range quotations {
		short := q.words < shortWords
		var s subject
		own := false
		if !short {
			s = f.attribute(q, quotations, qi, paragraphs, sentences)
			own = s.kind != noSubject
			switch s.kind {
			case pronounSubject:
				s = f.resolve(s, lastNamed, parts)
			case nameSubject:
				if mayBePerson(s.name) {
					named := s
					lastNamed = &named
				}
			}
			if !own && prev >= 0 && quotations[prev].last().para == q.parts[0].para {
				s = prevSpeaker
				s.kind = noSubject // carried over: no attributing words
			}
			prev, prevSpeaker = qi, s
		}
		for _, p := range q.parts {
			quote := model.Quote{
				Span:           p.span,
				Text:           text[p.inner.Start:p.inner.End],
				Speaker:        s.name,
				SpeakerCluster: s.cluster,
				Short:          short,
			}
			if own && s.name != "" {
				span := s.span
				quote.SpeakerSpan = &span
			}
			out = append(out, quote)
		}
	}
	return out
}

// tokens splits text[s:e] into the finder's reused token buffer.
func (f *finder) tokens(s, e int) []token {
	f.buf = tokenize(f.buf[:0], f.text, s, e)
	return f.buf
}

func (q quotation) last() part { return q.parts[len(q.parts)-1] }

// attribute finds the words that credit quotation qi: after its closing
// mark first, then before its opening mark.
func (f *finder) attribute(q quotation, all []quotation, qi int, paragraphs, sentences []model.Span) subject {
	text := f.text
	last := q.last()
	if last.closed {
		limit := contextEnd(sentences, paragraphs[last.para], last.span.End)
		if qi+1 < len(all) && all[qi+1].parts[0].span.Start < limit {
			limit = all[qi+1].parts[0].span.Start
		}
		if attributionFollows(text, last, limit) {
			if s := f.afterQuote(f.tokens(last.span.End, limit)); s.kind != noSubject {
				return s
			}
		}
	}
	first := q.parts[0]
	start := contextStart(sentences, paragraphs[first.para], first.span.Start)
	if qi > 0 {
		if p := all[qi-1].last(); p.para == first.para && p.span.End > start {
			start = p.span.End
		}
	}
	return f.beforeQuote(f.tokens(start, first.span.Start))
}

// attributionFollows reports whether the words after a closing mark can
// credit the quotation: it ended with a comma, a question or exclamation
// mark or a dash (`," he said`), or a comma or a lower-case word follows.
func attributionFollows(text string, p part, limit int) bool {
	if r, _ := utf8.DecodeLastRuneInString(text[p.inner.Start:p.inner.End]); strings.ContainsRune(",?!—–-…", r) {
		return true
	}
	next := strings.TrimLeftFunc(text[p.span.End:limit], unicode.IsSpace)
	r, _ := utf8.DecodeRuneInString(next)
	return r == ',' || r == '—' || unicode.IsLower(r)
}

// contextStart is where the sentence holding off begins (never before the
// paragraph); attributions before a quotation are looked for from there.
// Long sentences are cut to a bounded window so the work stays linear.
func contextStart(sentences []model.Span, para model.Span, off int) int {
	start := para.Start
	if i := model.SpanIndex(sentences, off); i >= 0 && sentences[i].Contains(off) {
		start = max(start, sentences[i].Start)
	}
	return max(start, off-contextWindow)
}

// contextEnd is where the sentence holding the byte before off ends.
func contextEnd(sentences []model.Span, para model.Span, off int) int {
	end := para.End
	if i := model.SpanIndex(sentences, off-1); i >= 0 && sentences[i].Contains(off-1) {
		end = min(end, sentences[i].End)
	}
	return min(end, off+contextWindow)
}

// contextWindow bounds the text read on each side of a quotation.
const contextWindow = 400

// resolve names the person a pronoun refers to: the last PERSON mention
// before it outside quotations, or without mentions the last speaker named
// in full or the last run of capitalised words before it.
func (f *finder) resolve(s subject, lastNamed *subject, parts []model.Span) subject {
	out := subject{kind: pronounSubject, span: s.span}
	if f.persons {
		if x := searchMentions(f.people, s.span.Start) - 1; x >= 0 {
			out.name, out.cluster = f.people[x].Text, f.people[x].Cluster
		}
		return out
	}
	// People who were quoted are the likeliest antecedents; failing one, a
	// run of capitalised words that may name a person.
	candidate := lastNamed
	if candidate == nil {
		run := f.lastCapitalisedName(s.span.Start, parts)
		candidate = &run
	}
	out.name, out.cluster = candidate.name, candidate.cluster
	return out
}

// lastCapitalisedName finds the last run of two to four capitalised words
// before off that may name a person (no organisation or place words, not in
// capitals), outside quotations, within a bounded window.
func (f *finder) lastCapitalisedName(off int, parts []model.Span) subject {
	start := max(0, off-4*contextWindow)
	for start > 0 && start < off && !unicode.IsSpace(rune(f.text[start-1])) {
		start++ // begin at a word boundary
	}
	toks := f.tokens(start, off)
	for k := len(toks) - 1; k > 0; k-- {
		if !isNameWord(toks[k]) || titles[toks[k].text] || inside(parts, toks[k].core.Start) {
			continue
		}
		if k+1 < len(toks) && toks[k].trail == "" && !toks[k+1].line && isNameWord(toks[k+1]) {
			continue // inside a run: only whole runs count
		}
		s := f.subjectBackward(toks, k)
		if s.kind == nameSubject && personLike(s.name) {
			return s
		}
	}
	return subject{}
}

// inside reports whether off lies inside one of the sorted spans.
func inside(spans []model.Span, off int) bool {
	i := model.SpanIndex(spans, off)
	return i >= 0 && spans[i].Contains(off)
}

// validParagraphs drops paragraphs outside text or out of order, so that a
// caller's mistake cannot make the scan go backwards.
func validParagraphs(text string, paragraphs []model.Span) []model.Span {
	at := 0
	for i, p := range paragraphs {
		if p.Start < at || p.End > len(text) || p.Start >= p.End {
			out := slices.Clone(paragraphs[:i])
			for _, p := range paragraphs[i:] {
				if p.Start >= at && p.End <= len(text) && p.Start < p.End {
					out = append(out, p)
					at = p.End
				}
			}
			return out
		}
		at = p.End
	}
	return paragraphs
}

// dropOverlaps keeps the first of any mentions that overlap.
func dropOverlaps(ms []model.Mention) []model.Mention {
	out := ms[:0]
	end := 0
	for _, m := range ms {
		if m.Start >= end {
			out = append(out, m)
			end = m.End
		}
	}
	return out
}

// personLike reports whether a run of capitalised words could be a
// person's name: two to four words, none of them in capitals or naming an
// organisation or a place.
func personLike(name string) bool {
	words := strings.Fields(name)
	return len(words) >= 2 && mayBePerson(name)
}

// mayBePerson reports whether a speaker's name could be a person's: up to
// four words, none of them in capitals or naming an organisation or place.
func mayBePerson(name string) bool {
	words := strings.Fields(name)
	if len(words) == 0 || len(words) > 4 {
		return false
	}
	for _, w := range words {
		if notPersonWords[w] || len(w) > 1 && strings.ToUpper(w) == w && !strings.Contains(w, ".") {
			return false
		}
	}
	return true
}
