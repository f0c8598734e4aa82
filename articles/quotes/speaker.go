package quotes

import (
	"strings"

	"github.com/parallax-reader/parallax/model"
)

// subjectKind says what kind of words attribute a quotation.
type subjectKind uint8

const (
	noSubject      subjectKind = iota
	nameSubject                // a proper name
	pronounSubject             // he or she, resolved later
	otherSubject               // they, we, I: attributed, speaker unknown
	description                // "a senior official", "the ministry"
)

// subject is the speaker found in an attribution.
type subject struct {
	kind    subjectKind
	span    model.Span // the attributing words
	name    string
	cluster string
}

// finder holds what attribution needs about one article.
type finder struct {
	text     string
	mentions []model.Mention // name mentions sorted by start
	persons  bool            // some mention is a PERSON
	people   []model.Mention // PERSON mentions outside quotations
	buf      []token         // reused by tokens
}

// subjectForward reads a speaker starting at toks[i] and returns it with
// the index of the first token after it.
func (f *finder) subjectForward(toks []token, i int) (subject, int) {
	if i >= len(toks) {
		return subject{}, i
	}
	t := toks[i]
	switch {
	case personPronouns[t.text]:
		return subject{kind: pronounSubject, span: t.core}, i + 1
	case otherPronouns[t.text]:
		return subject{kind: otherSubject, span: t.core}, i + 1
	case isNameWord(t):
		j := i + 1
		for j < len(toks) && toks[j-1].trail == "" && !toks[j].lead && !toks[j].line {
			if isNameWord(toks[j]) || particles[toks[j].text] && j+1 < len(toks) && isNameWord(toks[j+1]) {
				j++
				continue
			}
			if n := linkAt(toks, j); n > 0 {
				j += n
				continue
			}
			break
		}
		return f.name(toks, i, j), j
	case determiners[t.text] || isPossessive(t):
		j := i + 1
		for j < len(toks) && j-i < 8 && toks[j-1].trail == "" && !toks[j].lead &&
			!phraseEnds[toks[j].text] && !isSpeechVerb(toks[j]) {
			j++
		}
		if j-i < 2 {
			return subject{}, i
		}
		return f.describe(toks, i, j), j
	}
	return subject{}, i
}

// subjectBackward reads a speaker that ends with toks[k].
func (f *finder) subjectBackward(toks []token, k int) subject {
	if k < 0 {
		return subject{}
	}
	t := toks[k]
	switch {
	case personPronouns[t.text]:
		return subject{kind: pronounSubject, span: t.core}
	case otherPronouns[t.text]:
		return subject{kind: otherSubject, span: t.core}
	case isNameWord(t):
		i := k
		for i > 0 && toks[i-1].trail == "" && !toks[i].lead && !toks[i].line {
			if isNameWord(toks[i-1]) || particles[toks[i-1].text] && i-1 > 0 && isNameWord(toks[i-2]) {
				i--
				continue
			}
			if i >= 3 && linkAt(toks, i-2) == 2 {
				i -= 2 // "of the"
				continue
			}
			if i >= 2 && linkAt(toks, i-1) == 1 {
				i--
				continue
			}
			break
		}
		if i > 0 && prepositions[toks[i-1].text] && toks[i-1].trail == "" && !toks[i].line {
			return f.phraseBefore(toks, i-1, k)
		}
		return f.name(toks, i, k+1)
	}
	if phraseEnds[t.text] || prepositions[t.text] {
		return subject{} // "the unveiling and added"
	}
	// A description: back to its determiner, over words with no
	// punctuation between them ("a senior U.S. official").
	for i := k; i >= 0 && k-i < 7; i-- {
		if i < k && toks[i].trail != "" || isSpeechVerb(toks[i]) || i < k && toks[i+1].lead {
			break
		}
		if determiners[toks[i].text] || i < k && isPossessive(toks[i]) {
			return f.describe(toks, i, k+1)
		}
	}
	return subject{}
}

// phraseBefore reads a speaker phrase ending at toks[k] in which toks[p] is
// a preposition before a name ("a teacher at a school in Qom"): back to
// the determiner that starts it, over further prepositional phrases.
func (f *finder) phraseBefore(toks []token, p, k int) subject {
	for j := p - 1; j >= 0 && k-j < 16; j-- {
		t := toks[j]
		if t.trail != "" || toks[j+1].lead || toks[j+1].line || isSpeechVerb(t) {
			break
		}
		if determiners[t.text] || isPossessive(t) {
			if j > 0 && prepositions[toks[j-1].text] && toks[j-1].trail == "" {
				continue
			}
			return f.describe(toks, j, k+1)
		}
	}
	return subject{}
}

// name builds a name subject from toks[i:j]: the mention it overlaps when
// there is one, or else the words after the last title or possessive
// ("U.S. Ambassador Ryan Crocker" gives "Ryan Crocker").
func (f *finder) name(toks []token, i, j int) subject {
	for i < j-1 && particles[toks[i].text] {
		i++
	}
	region := model.Span{Start: toks[i].core.Start, End: toks[j-1].core.End}
	if m, ok := f.mentionIn(region); ok {
		return subject{kind: nameSubject, span: m.Span, name: m.Text, cluster: m.Cluster}
	}
	start := i
	for x := i; x < j-1; x++ {
		if titles[toks[x].text] || isPossessive(toks[x]) {
			start = x + 1
		}
	}
	// "Secretary of State Condoleezza Rice", "Speaker of the House …"
	if start > i && start < j-1 && (toks[start].text == "of" || toks[start].text == "for") {
		skip := 2
		if toks[start+1].text == "the" {
			skip = 3
		}
		if start+skip < j {
			start += skip
		}
	}
	for start < j-1 && (particles[toks[start].text] || functionWords[toks[start].text]) {
		start++
	}
	span := model.Span{Start: toks[start].core.Start, End: toks[j-1].core.End}
	return subject{kind: nameSubject, span: span, name: f.text[span.Start:span.End]}
}

// describe builds a subject from a phrase with a determiner, toks[i:j]: a
// person or organisation mentioned in it ("the Associated Press"), a name
// after "the", or else the phrase itself ("a senior U.S. official").
func (f *finder) describe(toks []token, i, j int) subject {
	span := model.Span{Start: toks[i].core.Start, End: toks[j-1].core.End}
	if m, ok := f.mentionIn(span); ok && (m.Type == model.Person || m.Type == model.Org) {
		return subject{kind: nameSubject, span: m.Span, name: m.Text, cluster: m.Cluster}
	}
	if strings.EqualFold(toks[i].text, "the") {
		names := true
		for _, t := range toks[i+1 : j] {
			names = names && isNameWord(t)
		}
		if names {
			return f.name(toks, i+1, j)
		}
	}
	return subject{kind: description, span: span, name: f.text[span.Start:span.End]}
}

// mentionIn returns the mention overlapping region that best names a
// speaker: the last PERSON, else the last ORG, else the last other name.
func (f *finder) mentionIn(region model.Span) (model.Mention, bool) {
	ms := f.mentions
	lo := searchMentions(ms, region.Start)
	best, rank := -1, 0
	for x := lo; x < len(ms) && ms[x].Start < region.End; x++ {
		if !ms[x].Overlaps(region) {
			continue
		}
		r := 1
		switch ms[x].Type {
		case model.Person:
			r = 3
		case model.Org:
			r = 2
		}
		if r >= rank {
			best, rank = x, r
		}
	}
	if best < 0 {
		return model.Mention{}, false
	}
	return ms[best], true
}

// searchMentions returns the index of the first mention that may overlap
// a span starting at off (mentions are sorted by start and do not overlap).
func searchMentions(ms []model.Mention, off int) int {
	lo, hi := 0, len(ms)
	for lo < hi {
		mid := (lo + hi) / 2
		if ms[mid].End <= off {
			lo = mid + 1
		} else {
			hi = mid
		}
	}
	return lo
}

// afterQuote reads an attribution that follows a quotation: `," said X`,
// `," X said`, `," X, the …, said`, `," according to X`.
func (f *finder) afterQuote(toks []token) subject {
	i := 0
	for i < len(toks) && toks[i].text == "" {
		i++
	}
	if i >= len(toks) {
		return subject{}
	}
	if isSpeechVerb(toks[i]) {
		s, _ := f.subjectForward(toks, i+1)
		return s
	}
	if isAccordingTo(toks, i) {
		s, _ := f.subjectForward(toks, i+2)
		return s
	}
	s, j := f.subjectForward(toks, i)
	if s.kind != noSubject {
		if j > 0 && strings.HasPrefix(toks[j-1].trail, ",") {
			// An appositive: "Crocker, the U.S. ambassador, said".
			for j < len(toks) && j-i < 16 && !strings.HasPrefix(toks[j].trail, ",") {
				if toks[j].trail != "" {
					return subject{}
				}
				j++
			}
			j++
		}
		for j < len(toks) && isAdverb(toks[j]) {
			j++
		}
		if j < len(toks) && isSpeechVerb(toks[j]) {
			return s
		}
	}
	return f.bareSubject(toks, i)
}

// bareSubject reads a speaker with no determiner before the verb right
// after a quotation: "chief executive Don Meij said", "prosecutors said",
// "National Australia Bank analysts wrote".
func (f *finder) bareSubject(toks []token, i int) subject {
	v := i
	for v < len(toks) && v-i < 7 && !isSpeechVerb(toks[v]) {
		t := toks[v]
		if t.trail != "" || t.lead || t.line || prepositions[t.text] || phraseEnds[t.text] {
			return subject{}
		}
		v++
	}
	if v == i || v >= len(toks) || !isSpeechVerb(toks[v]) {
		return subject{}
	}
	k := v - 1
	for k > i && isAdverb(toks[k]) {
		k--
	}
	if s := f.subjectBackward(toks, k); s.kind != noSubject {
		return s
	}
	return f.describe(toks, i, k+1)
}

// beforeQuote reads an attribution in the same sentence before a quotation:
// `X said: "`, `X said that "`, `X, the …, said "`, `according to X, "`, and
// `, said X, "` between the two halves of a quotation.
func (f *finder) beforeQuote(toks []token) subject {
	v := -1
	for x := len(toks) - 1; x >= 0; x-- {
		if isSpeechVerb(toks[x]) || isAccordingTo(toks, x) {
			v = x
			break
		}
	}
	if v < 0 {
		return subject{}
	}
	if isAccordingTo(toks, v) {
		s, _ := f.subjectForward(toks, v+2)
		return s
	}
	k := v - 1
	for k >= 0 && isAdverb(toks[k]) {
		k--
	}
	if k >= 0 && strings.HasPrefix(toks[k].trail, ",") {
		// An appositive ends with the comma; the speaker ends at the one
		// before it.
		j := k - 1
		for j >= 0 && k-j < 16 && !strings.HasPrefix(toks[j].trail, ",") {
			j--
		}
		if j < 0 || k-j >= 16 {
			k = -1
		} else {
			k = j
		}
	}
	if s := f.subjectBackward(toks, k); s.kind != noSubject {
		return s
	}
	s, _ := f.subjectForward(toks, v+1)
	return s
}

// isAccordingTo reports whether toks[i:] starts with "according to".
func isAccordingTo(toks []token, i int) bool {
	return i+1 < len(toks) && strings.EqualFold(toks[i].text, "according") && toks[i].trail == "" && toks[i+1].text == "to"
}
