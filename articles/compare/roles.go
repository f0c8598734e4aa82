package compare

import (
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/parallax-reader/parallax/model"
)

// descriptor is how one article presents an entity at one mention: its
// title words ("foreign", "minister") and its affiliation (a country,
// nationality or organisation named next to it).
type descriptor struct {
	article     int
	mention     model.Mention
	title       map[string]bool
	affiliation string // lower case, as written
	shown       string // the role as the article words it, for the summary
}

// roles reports an entity that two articles present differently: another
// nationality or affiliation ("Iraq's foreign minister" vs "Iranian Foreign
// Minister"), or another office ("Foreign Minister" vs "Prime Minister").
// A role one article leaves out, or gives in part, is no disagreement.
func (s *suggester) roles() {
	if s.an == nil {
		return
	}
	byCluster := map[string][][]descriptor{} // cluster → per article
	for i := range s.arts {
		seen := map[string]bool{} // one descriptor per way of presenting someone
		for _, d := range s.descriptors(i) {
			key := d.mention.Cluster + "\x00" + d.affiliation + "\x00" + strings.Join(slices.Sorted(maps.Keys(d.title)), " ")
			if seen[key] {
				continue
			}
			seen[key] = true
			per := byCluster[d.mention.Cluster]
			if per == nil {
				per = make([][]descriptor, len(s.arts))
				byCluster[d.mention.Cluster] = per
			}
			per[i] = append(per[i], d)
		}
	}
	for _, c := range s.an.Clusters {
		per := byCluster[c.ID]
		if per == nil {
			continue
		}
		for i := range per {
			for j := i + 1; j < len(per); j++ {
				if x, y, ok := conflictingDescriptors(per[i], per[j]); ok {
					s.roleSuggestion(c, x, y)
				}
			}
		}
	}
}

func (s *suggester) roleSuggestion(c model.Cluster, x, y descriptor) {
	conf := 0.55
	what := "Role"
	if x.affiliation != "" && y.affiliation != "" && !sameAffiliation(x.affiliation, y.affiliation) {
		conf, what = 0.7, "Affiliation"
	}
	sx, sy := s.sentenceOf(x.article, x.mention.Span), s.sentenceOf(y.article, y.mention.Span)
	s.add(model.Role, conf, fmt.Sprintf("%s differs for %s: %q vs %q", what, c.Name, x.shown, y.shown),
		s.evidence(x.article, sx), s.evidence(y.article, sy))
}

// sentenceOf returns the sentence holding span (or the span itself).
func (s *suggester) sentenceOf(article int, span model.Span) model.Span {
	a := &s.arts[article]
	sents := sentenceSpans(a)
	if i := model.SpanIndex(sents, span.Start); i >= 0 && sents[i].Contains(span.Start) {
		return sents[i]
	}
	return span
}

// descriptors collects, for each mention of a linked name in article i that
// comes with a role or an adjacent affiliation, how it is presented.
func (s *suggester) descriptors(i int) []descriptor {
	ms := s.mentions(i)
	text := s.arts[i].Text
	var out []descriptor
	for k, m := range ms {
		if m.Cluster == "" || m.Type != model.Person {
			continue
		}
		d := descriptor{article: i, mention: m, title: map[string]bool{}}
		start := m.Start
		if m.Role != "" {
			lo := max(0, m.Start-len(m.Role)-8)
			roleAt := -1
			if at := strings.LastIndex(text[lo:m.Start], m.Role); at >= 0 {
				roleAt = lo + at
				start = roleAt
			}
			for _, t := range tokenize(m.Role, max(0, roleAt)) {
				if !t.word || !t.content() {
					continue
				}
				if roleAt >= 0 {
					if o := mentionAt(ms, t.start); o != nil && o.Type != model.Person {
						continue // "Iraqi" in "Iraqi Prime Minister" is an affiliation
					}
				}
				d.title[t.key] = true
			}
		}
		// The affiliation: the first nationality, place or organisation
		// inside the role ("Iraqi Prime Minister"; not "Iraq" in "Iran's
		// ambassador to Iraq"), or one just before it ("Iraq's").
		for p := k - 1; p >= 0 && p >= k-6; p-- {
			o := ms[p]
			if o.End > m.Start || !(o.Type == model.NORP || o.Type == model.GPE || o.Type == model.Org) {
				continue
			}
			if o.Start >= start {
				d.affiliation = affiliationName(o.Text) // keep looking for an earlier one
				continue
			}
			if d.affiliation == "" && onlyRoleWords(text[o.End:start]) {
				d.affiliation = affiliationName(o.Text)
				start = o.Start
			}
			break
		}
		if m.Role == "" && d.affiliation == "" {
			if ap, ok := appositive(text, ms, k, s.sentenceOf(i, m.Span)); ok {
				d.title, d.affiliation, start = ap.title, ap.affiliation, ap.start
				if ap.start > m.End {
					d.shown = oneLine(text[ap.start:ap.end])
				}
			}
		}
		if len(d.title) == 0 && d.affiliation == "" {
			continue
		}
		if d.shown == "" && start < m.Start {
			d.shown = strings.TrimRight(oneLine(text[start:m.Start]), ", ")
		}
		if d.shown == "" {
			d.shown = oneLine(m.Role)
		}
		out = append(out, d)
	}
	return out
}

// onlyRoleWords reports whether the text between an affiliation and a role
// is no more than a possessive and spaces.
func onlyRoleWords(gap string) bool {
	gap = strings.TrimSpace(gap)
	return gap == "" || gap == "'s" || gap == "’s"
}

// conflictingDescriptors finds a presentation in xs and one in ys that
// disagree, where neither agrees with any presentation of the other
// article (a person may be "minister" once and "foreign minister" later).
func conflictingDescriptors(xs, ys []descriptor) (descriptor, descriptor, bool) {
	for _, x := range xs {
		if agreesWithAny(x, ys) {
			continue
		}
		for _, y := range ys {
			if agreesWithAny(y, xs) {
				continue
			}
			if conflicts(x, y) {
				return x, y, true
			}
		}
	}
	return descriptor{}, descriptor{}, false
}

func agreesWithAny(x descriptor, ys []descriptor) bool {
	for _, y := range ys {
		if !conflicts(x, y) {
			return true
		}
	}
	return false
}

func conflicts(x, y descriptor) bool {
	if x.affiliation != "" && y.affiliation != "" && !sameAffiliation(x.affiliation, y.affiliation) {
		return true
	}
	if len(x.title) == 0 || len(y.title) == 0 {
		return false
	}
	return !subset(x.title, y.title) && !subset(y.title, x.title)
}

func sameAffiliation(x, y string) bool {
	if x == y || strings.Contains(x, y) || strings.Contains(y, x) {
		return true
	}
	for _, a := range strings.Fields(x) {
		for _, b := range strings.Fields(y) {
			if sameCountry(a, b) {
				return true
			}
		}
	}
	return false
}

func subset(a, b map[string]bool) bool {
	for k := range a {
		if !b[k] {
			return false
		}
	}
	return true
}

// titleHeads are the nouns that end a title in an appositive ("Iraq's
// foreign minister, Manouchehr Mottaki"; "Hassan Qomi, Iran's ambassador").
var titleHeads = map[string]bool{
	"minister": true, "ambassador": true, "president": true, "secretary": true,
	"adviser": true, "advisor": true, "spokesman": true, "spokeswoman": true,
	"spokesperson": true, "director": true, "chief": true, "head": true, "leader": true,
	"chairman": true, "chairwoman": true, "chair": true, "governor": true, "senator": true,
	"mayor": true, "envoy": true, "general": true, "commander": true, "official": true,
	"king": true, "queen": true, "prince": true, "premier": true, "chancellor": true,
	"deputy": true, "representative": true, "lawmaker": true, "judge": true,
	"prosecutor": true, "officer": true, "executive": true, "ceo": true, "founder": true,
	"editor": true, "professor": true, "diplomat": true, "negotiator": true,
	"counterpart": true, "emissary": true, "attorney": true, "member": true,
}

type apposition struct {
	title       map[string]bool
	affiliation string
	start, end  int
}

// appositive reads a title given beside a name with commas: before it
// ("Iraq's foreign minister, NAME") or after it ("NAME, Iran's
// ambassador to Iraq,"). Only a phrase ending (or headed) by a title noun
// counts, so "On Monday, NAME" gives nothing.
func appositive(text string, ms []model.Mention, k int, sent model.Span) (apposition, bool) {
	m := ms[k]
	before := strings.TrimRight(text[sent.Start:m.Start], " \t\n")
	if strings.HasSuffix(before, ",") {
		toks := tokenize(before[:len(before)-1], sent.Start)
		end := len(toks) - 1
		if end >= 0 && titleHeads[toks[end].lower] {
			ap := apposition{title: map[string]bool{}, end: toks[end].end, start: toks[end].start}
			for j := end; j >= 0 && j > end-6; j-- {
				t := &toks[j]
				if o := mentionAt(ms, t.start); o != nil && o.Type != model.Person && o.Type.IsName() {
					ap.affiliation = affiliationName(o.Text)
					ap.start = o.Start
					break
				}
				if !t.word || t.cap && !titleHeads[t.lower] || !t.content() {
					break
				}
				ap.title[t.key] = true
				ap.start = t.start
			}
			return ap, true
		}
	}
	after := text[m.End:sent.End]
	if rest, ok := strings.CutPrefix(after, ", "); ok {
		toks := tokenize(rest, m.End+2)
		ap := apposition{title: map[string]bool{}}
		for j := 0; j < len(toks) && j < 6; j++ {
			t := &toks[j]
			if o := mentionAt(ms, t.start); o != nil && o.Type != model.Person && o.Type.IsName() && ap.affiliation == "" && len(ap.title) == 0 {
				ap.affiliation = affiliationName(o.Text)
				for j+1 < len(toks) && toks[j+1].start < o.End {
					j++
				}
				continue
			}
			if !t.word || !t.content() {
				if t.lower == "the" || t.lower == "a" || t.lower == "an" {
					continue
				}
				break
			}
			ap.title[t.key] = true
			if titleHeads[t.lower] {
				ap.start, ap.end = m.End+2, t.end
				return ap, true
			}
		}
	}
	return apposition{}, false
}

func affiliationName(s string) string {
	return strings.ToLower(strings.TrimSuffix(strings.TrimSuffix(s, "'s"), "’s"))
}
