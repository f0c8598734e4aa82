package compare

import (
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/parallax-reader/parallax/articles/worddiff"
	"github.com/parallax-reader/parallax/model"
)

// Suggest proposes the likely discrepancies between the articles: for each
// aligned pair of sentences, numbers, negations, opposite words, names and
// nouns that disagree, and quotations credited to different speakers; for
// each aligned pair of quotations, a different wording or
// a different speaker; for each entity, a different role in different
// articles; and the people, organisations and quotations only some articles
// have. Suggestions come ranked by confidence, one per pair of passages
// (findings on the same passages are merged), each with a stable ID.
// an may be nil; al is what Align returned.
func Suggest(arts []model.Article, an *model.Analysis, al []model.Alignment) []model.Suggestion {
	s := newSuggester(arts, an)
	for _, a := range al {
		if a.Quote {
			s.quotePair(a)
		} else {
			s.sentencePair(a)
		}
	}
	s.roles()
	s.omissions(al)
	return s.finish()
}

type suggester struct {
	arts  []model.Article
	an    *model.Analysis
	byID  map[string]int
	aa    []*model.ArticleAnalysis
	found []model.Suggestion
}

func newSuggester(arts []model.Article, an *model.Analysis) *suggester {
	s := &suggester{arts: arts, an: an, byID: map[string]int{}, aa: make([]*model.ArticleAnalysis, len(arts))}
	for i := range arts {
		s.byID[arts[i].ID] = i
		if aa := articleAnalysis(an, arts, i); aa != nil {
			sorted := *aa
			sorted.Mentions = sortedMentions(aa.Mentions)
			s.aa[i] = &sorted
		}
	}
	return s
}

func (s *suggester) mentions(i int) []model.Mention {
	if s.aa[i] == nil {
		return nil
	}
	return s.aa[i].Mentions
}

func (s *suggester) quotes(i int) []model.Quote {
	if s.aa[i] == nil {
		return nil
	}
	return s.aa[i].Quotes
}

func (s *suggester) passage(p model.Passage) (*passage, bool) {
	i, ok := s.byID[p.Article]
	if !ok {
		return nil, false
	}
	a := &s.arts[i]
	span := model.Span{Start: max(0, p.Start), End: min(len(a.Text), p.End)}
	if span.Empty() {
		return nil, false
	}
	return &passage{
		article:  i,
		text:     a.Text,
		span:     span,
		toks:     tokenize(a.Text[span.Start:span.End], span.Start),
		mentions: mentionsIn(s.mentions(i), span),
	}, true
}

func (s *suggester) evidence(article int, span model.Span) model.Evidence {
	a := &s.arts[article]
	return model.Evidence{Passage: model.Passage{Article: a.ID, Span: span}, Text: a.Slice(span)}
}

func (s *suggester) add(kind model.DiscrepancyKind, conf float64, summary string, ev ...model.Evidence) {
	s.found = append(s.found, model.Suggestion{Kind: kind, Confidence: conf, Summary: summary, Evidence: ev})
}

// alignFactor lowers the confidence of findings in loosely aligned
// sentences, which are likelier to tell two different facts.
func alignFactor(score float64) float64 {
	return 0.7 + 0.3*math.Min(1, score/0.8)
}

func (s *suggester) sentencePair(a model.Alignment) {
	pa, ok1 := s.passage(a.A)
	pb, ok2 := s.passage(a.B)
	if !ok1 || !ok2 {
		return
	}
	f := alignFactor(a.Score)
	for _, fd := range comparePassages(pa, pb) {
		s.add(fd.kind, fd.conf*f, fd.summary, s.evidence(pa.article, pa.span), s.evidence(pb.article, pb.span))
	}
	s.sentenceSpeakers(pa, pb, f)
}

// sentenceSpeakers reports two aligned sentences whose quotations are
// credited to different people, for quotations too short or too reworded to
// be paired on their own.
func (s *suggester) sentenceSpeakers(pa, pb *passage, f float64) {
	for _, qa := range quotesIn(s.quotes(pa.article), pa.span) {
		for _, qb := range quotesIn(s.quotes(pb.article), pb.span) {
			if !differentSpeakers(&qa, &qb) || worddiff.Similarity(qa.Text, qb.Text) < quoteSimSameSpeaker {
				continue
			}
			s.add(model.Attribution, 0.6*f,
				fmt.Sprintf("Quotation attributed to different speakers: %s vs %s", qa.Speaker, qb.Speaker),
				s.evidence(pa.article, pa.span), s.evidence(pb.article, pb.span))
			return
		}
	}
}

func quotesIn(qs []model.Quote, span model.Span) []model.Quote {
	var out []model.Quote
	for _, q := range qs {
		if q.Start >= span.Start && q.Start < span.End {
			out = append(out, q)
		}
	}
	return out
}

// finish merges findings on overlapping passages, ranks them and gives
// each its ID.
func (s *suggester) finish() []model.Suggestion {
	slices.SortStableFunc(s.found, func(x, y model.Suggestion) int {
		if c := cmp.Compare(y.Confidence, x.Confidence); c != 0 {
			return c
		}
		return cmp.Compare(kindRank(x.Kind), kindRank(y.Kind))
	})
	var out []model.Suggestion
	ids := map[string]bool{}
next:
	for _, sg := range s.found {
		for k := range out {
			if overlapping(out[k].Evidence, sg.Evidence) {
				// Two attributions of one pair name the same two speakers.
				repeat := sg.Kind == model.Attribution && out[k].Kind == model.Attribution
				if !repeat && !strings.Contains(out[k].Summary, sg.Summary) && strings.Count(out[k].Summary, "; ") < 2 {
					out[k].Summary += "; " + sg.Summary
				}
				continue next
			}
		}
		sg.Confidence = round3(min(1, max(0, sg.Confidence)))
		sg.ID = s.suggestionID(sg)
		if ids[sg.ID] {
			continue // the same finding on the same words elsewhere
		}
		ids[sg.ID] = true
		out = append(out, sg)
	}
	return out
}

func kindRank(k model.DiscrepancyKind) int {
	return slices.Index(model.Kinds, k)
}

// overlapping reports whether two evidence lists point at overlapping
// passages in the same articles.
func overlapping(x, y []model.Evidence) bool {
	if len(x) != len(y) {
		return false
	}
	shared := 0
	for _, a := range x {
		for _, b := range y {
			if a.Article != b.Article {
				continue
			}
			if !a.Overlaps(b.Span) {
				return false
			}
			shared++
		}
	}
	return shared > 0 && shared == len(x)
}

// suggestionID hashes the kind, the evidence texts and the articles' URIs,
// so the same finding on the same texts keeps its ID from run to run (and
// a dismissal sticks) while any change to the passages makes a new one.
func (s *suggester) suggestionID(sg model.Suggestion) string {
	h := sha256.New()
	h.Write([]byte(sg.Kind))
	for _, e := range sg.Evidence {
		uri := e.Article
		if i, ok := s.byID[e.Article]; ok && s.arts[i].URI != "" {
			uri = s.arts[i].URI
		}
		h.Write([]byte{0})
		h.Write([]byte(uri))
		h.Write([]byte{0})
		h.Write([]byte(e.Text))
	}
	return "sugg-" + hex.EncodeToString(h.Sum(nil))[:16]
}
