package compare

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/parallax-reader/parallax/model"
)

const (
	// maxEntityOmissions and maxQuoteOmissions keep the list short enough
	// to review: the most mentioned missing entities and the longest
	// missing quotations.
	maxEntityOmissions = 8
	maxQuoteOmissions  = 5
)

// omissions reports the entities only some articles mention (people and
// organisations first, ranked by how often they are mentioned) and the
// quotations only one article has, rather than every unaligned sentence.
func (s *suggester) omissions(al []model.Alignment) {
	if s.an == nil || len(s.arts) < 2 {
		return
	}
	s.entityOmissions()
	s.quoteOmissions(al)
}

func typeWeight(t model.EntityType) float64 {
	switch t {
	case model.Person:
		return 0.65
	case model.Org:
		return 0.6
	case model.GPE, model.Loc:
		return 0.45
	case model.NORP:
		return 0.35
	}
	return 0
}

func (s *suggester) entityOmissions() {
	type cand struct {
		c     *model.Cluster
		total int
		conf  float64
	}
	var cands []cand
	for k := range s.an.Clusters {
		c := &s.an.Clusters[k]
		w := typeWeight(c.Type)
		if w == 0 {
			continue
		}
		present, total := 0, 0
		for i := range s.arts {
			if n := c.Mentions[s.arts[i].ID]; n > 0 {
				present++
				total += n
			}
		}
		if present == 0 || present == len(s.arts) {
			continue
		}
		if total < 2 && c.Type != model.Person {
			continue // a place or body named once in passing
		}
		conf := w * (0.55 + 0.45*min(1, float64(total)/5))
		cands = append(cands, cand{c, total, conf})
	}
	slices.SortStableFunc(cands, func(x, y cand) int {
		if c := cmp.Compare(y.conf, x.conf); c != 0 {
			return c
		}
		return cmp.Compare(x.c.Name, y.c.Name)
	})
	for _, c := range cands[:min(len(cands), maxEntityOmissions)] {
		var ev []model.Evidence
		var in, out []string
		for i := range s.arts {
			if c.c.Mentions[s.arts[i].ID] == 0 {
				out = append(out, s.label(i))
				continue
			}
			in = append(in, s.label(i))
			if m := s.firstMention(i, c.c.ID); m != nil {
				ev = append(ev, s.evidence(i, s.sentenceOf(i, m.Span)))
			}
		}
		if len(ev) == 0 {
			continue
		}
		s.add(model.Omission, c.conf, fmt.Sprintf("%s (%s, %s) only in %s, not in %s",
			c.c.Name, typeName(c.c.Type), plural(c.total, "mention"), strings.Join(in, ", "), strings.Join(out, ", ")), ev...)
	}
}

// label names article i for a summary: its outlet, else its ID.
func (s *suggester) label(i int) string {
	if s.arts[i].Outlet != "" {
		return s.arts[i].Outlet
	}
	return s.arts[i].ID
}

func (s *suggester) firstMention(i int, cluster string) *model.Mention {
	ms := s.mentions(i)
	for k := range ms {
		if ms[k].Cluster == cluster {
			return &ms[k]
		}
	}
	return nil
}

// quoteOmissions reports attributed quotations that no other article
// quotes or tells in a sentence of its own.
func (s *suggester) quoteOmissions(al []model.Alignment) {
	covered := map[string][]model.Span{} // article → passages with a counterpart
	for _, a := range al {
		covered[a.A.Article] = append(covered[a.A.Article], a.A.Span)
		covered[a.B.Article] = append(covered[a.B.Article], a.B.Span)
	}
	type cand struct {
		article int
		q       model.Quote
		conf    float64
	}
	var cands []cand
	for i := range s.arts {
		for _, q := range s.quotes(i) {
			if q.Short || q.Speaker == "" || overlapsAny(covered[s.arts[i].ID], q.Span) {
				continue
			}
			words := len(strings.Fields(q.Text))
			cands = append(cands, cand{i, q, 0.35 + 0.2*min(1, float64(words)/30)})
		}
	}
	slices.SortStableFunc(cands, func(x, y cand) int { return cmp.Compare(y.conf, x.conf) })
	for _, c := range cands[:min(len(cands), maxQuoteOmissions)] {
		var others []string
		for i := range s.arts {
			if i != c.article {
				others = append(others, s.label(i))
			}
		}
		s.add(model.Omission, c.conf, fmt.Sprintf("Quotation of %s only in %s, not in %s: %q",
			c.q.Speaker, s.label(c.article), strings.Join(others, ", "), oneLine(c.q.Text)),
			s.evidence(c.article, c.q.Span))
	}
}

func overlapsAny(spans []model.Span, sp model.Span) bool {
	for _, x := range spans {
		if x.Overlaps(sp) {
			return true
		}
	}
	return false
}

func typeName(t model.EntityType) string {
	switch t {
	case model.Person:
		return "person"
	case model.Org:
		return "organisation"
	case model.GPE, model.Loc:
		return "place"
	case model.NORP:
		return "group"
	}
	return strings.ToLower(string(t))
}

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
}
