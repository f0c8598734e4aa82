package compare

import (
	"math"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/parallax-reader/parallax/articles/worddiff"
	"github.com/parallax-reader/parallax/model"
)

const (
	// alignThreshold is the cosine below which two sentences are taken to
	// say different things. Paraphrases of one fact share their names,
	// numbers and a few content words and land well above it; sentences
	// that merely share a common word or a name land below.
	alignThreshold = 0.25
	// candidatesPerSentence bounds how many sentences of the other article
	// are scored exactly for each sentence.
	candidatesPerSentence = 4
	// Feature weights on top of TF-IDF: a shared entity or number says
	// more about sameness of fact than a shared word.
	entityBoost = 1.0
	numberBoost = 1.5
)

// Align pairs the sentences of each pair of articles that tell the same
// thing, and the quotations that are the same quotation. Sentences are
// compared as TF-IDF vectors of stemmed content words, normalised numbers
// ("four" = 4) and linked entity clusters; candidates come from an inverted
// index, so the work grows with the shared vocabulary rather than with the
// product of the sentence counts. Each sentence joins at most one pair per
// other article, order may differ between articles (pairs may cross), and
// pairs below the threshold are left out. an may be nil (no entity features,
// no quotations).
func Align(arts []model.Article, an *model.Analysis) []model.Alignment {
	feats := newFeatureSpace()
	docs := make([]*articleFeatures, len(arts))
	for i := range arts {
		docs[i] = feats.article(&arts[i], articleAnalysis(an, arts, i))
	}
	var out []model.Alignment
	for i := range arts {
		for j := i + 1; j < len(arts); j++ {
			out = append(out, alignSentences(docs[i], docs[j])...)
			out = append(out, alignQuotes(&arts[i], &arts[j], articleAnalysis(an, arts, i), articleAnalysis(an, arts, j))...)
		}
	}
	return out
}

// articleAnalysis returns the analysis of article i, or nil.
func articleAnalysis(an *model.Analysis, arts []model.Article, i int) *model.ArticleAnalysis {
	if an == nil {
		return nil
	}
	for k := range an.Articles {
		if an.Articles[k].Article == arts[i].ID {
			return &an.Articles[k]
		}
	}
	return nil
}

// sentenceSpans returns the article's sentences, or its paragraphs, or the
// whole text when it was not segmented.
func sentenceSpans(a *model.Article) []model.Span {
	switch {
	case len(a.Sentences) > 0:
		return a.Sentences
	case len(a.Paragraphs) > 0:
		return a.Paragraphs
	case a.Text != "":
		return []model.Span{{Start: 0, End: len(a.Text)}}
	}
	return nil
}

type featureSpace struct{ ids map[string]int32 }

func newFeatureSpace() *featureSpace { return &featureSpace{ids: map[string]int32{}} }

func (f *featureSpace) id(s string) int32 {
	if id, ok := f.ids[s]; ok {
		return id
	}
	id := int32(len(f.ids))
	f.ids[s] = id
	return id
}

// termCount is one feature of a sentence with its count and boost.
type termCount struct {
	id    int32
	count float32
	boost float32
}

type articleFeatures struct {
	art   *model.Article
	spans []model.Span
	terms [][]termCount // per sentence, sorted by id
}

// headline reports whether sentence i is the article's title line: the
// first sentence, reading exactly as the title.
func (d *articleFeatures) headline(i int) bool {
	if i != 0 || len(d.spans) == 0 || d.art.Title == "" {
		return false
	}
	return strings.TrimSpace(d.art.Slice(d.spans[0])) == strings.TrimSpace(d.art.Title)
}

func (f *featureSpace) article(a *model.Article, aa *model.ArticleAnalysis) *articleFeatures {
	spans := sentenceSpans(a)
	d := &articleFeatures{art: a, spans: spans, terms: make([][]termCount, len(spans))}
	var mentions []model.Mention
	if aa != nil {
		mentions = sortedMentions(aa.Mentions)
	}
	counts := map[int32]*termCount{}
	for si, sp := range spans {
		clear(counts)
		add := func(key string, boost float32) {
			id := f.id(key)
			if c, ok := counts[id]; ok {
				c.count++
				return
			}
			counts[id] = &termCount{id: id, count: 1, boost: boost}
		}
		toks := tokenize(a.Text[sp.Start:sp.End], sp.Start)
		ms := mentionsIn(mentions, sp)
		for _, m := range ms {
			if m.Cluster != "" {
				add("@"+m.Cluster, entityBoost)
			}
		}
		k := 0
		for i := range toks {
			// Words of a linked name count once, as the entity.
			for k < len(ms) && ms[k].End <= toks[i].start {
				k++
			}
			if k < len(ms) && ms[k].Cluster != "" && ms[k].Contains(toks[i].start) {
				continue
			}
			if toks[i].word && toks[i].content() {
				add(toks[i].key, 1)
			}
		}
		for _, q := range quantities(toks) {
			add("#"+q.unit+"="+strconv.FormatFloat(q.value, 'g', 6, 64), numberBoost)
			// What is counted counts too, whatever the number: two
			// accounts that give a cost in euros differently still both
			// give a cost in euros, and that is what a reader compares.
			if q.unit != "" && !strings.HasPrefix(q.unit, "date:") {
				add("#"+q.unit, 1)
			}
		}
		terms := make([]termCount, 0, len(counts))
		for _, c := range counts {
			terms = append(terms, *c)
		}
		slices.SortFunc(terms, func(x, y termCount) int { return int(x.id) - int(y.id) })
		d.terms[si] = terms
	}
	return d
}

// sortedMentions returns the mentions in order of their start, sorting a
// copy only when they are not.
func sortedMentions(ms []model.Mention) []model.Mention {
	byStart := func(x, y model.Mention) int { return x.Start - y.Start }
	if slices.IsSortedFunc(ms, byStart) {
		return ms
	}
	ms = slices.Clone(ms)
	slices.SortStableFunc(ms, byStart)
	return ms
}

// mentionsIn returns the mentions (sorted by start) inside span.
func mentionsIn(ms []model.Mention, span model.Span) []model.Mention {
	lo := sort.Search(len(ms), func(i int) bool { return ms[i].Start >= span.Start })
	hi := lo
	for hi < len(ms) && ms[hi].End <= span.End {
		hi++
	}
	return ms[lo:hi]
}

// weighted is a sentence as a unit-length TF-IDF vector.
type weighted struct {
	ids []int32
	ws  []float64
}

func vectors(d *articleFeatures, idf map[int32]float64) []weighted {
	out := make([]weighted, len(d.terms))
	for i, terms := range d.terms {
		v := weighted{ids: make([]int32, len(terms)), ws: make([]float64, len(terms))}
		norm := 0.0
		for k, t := range terms {
			w := (1 + math.Log(float64(t.count))) * idf[t.id] * float64(t.boost)
			v.ids[k], v.ws[k] = t.id, w
			norm += w * w
		}
		if norm > 0 {
			norm = math.Sqrt(norm)
			for k := range v.ws {
				v.ws[k] /= norm
			}
		}
		out[i] = v
	}
	return out
}

func cosine(a, b weighted) float64 {
	s := 0.0
	for i, j := 0, 0; i < len(a.ids) && j < len(b.ids); {
		switch {
		case a.ids[i] == b.ids[j]:
			s += a.ws[i] * b.ws[j]
			i, j = i+1, j+1
		case a.ids[i] < b.ids[j]:
			i++
		default:
			j++
		}
	}
	return s
}

// pairIDF weighs each feature by how rare it is among the sentences of
// both articles (smoothed inverse document frequency).
func pairIDF(da, db *articleFeatures) map[int32]float64 {
	df := map[int32]int{}
	for _, d := range []*articleFeatures{da, db} {
		for _, terms := range d.terms {
			for _, t := range terms {
				df[t.id]++
			}
		}
	}
	n := float64(len(da.terms) + len(db.terms))
	idf := make(map[int32]float64, len(df))
	for id, c := range df {
		idf[id] = math.Log((n+1)/(float64(c)+1)) + 1
	}
	return idf
}

type pairScore struct {
	a, b  int
	score float64
}

func alignSentences(da, db *articleFeatures) []model.Alignment {
	if len(da.terms) == 0 || len(db.terms) == 0 {
		return nil
	}
	idf := pairIDF(da, db)
	va, vb := vectors(da, idf), vectors(db, idf)

	// Inverted index over b. Terms found in very many sentences carry
	// little weight and long postings; they still count in the exact
	// cosine, but do not nominate candidates.
	type posting struct {
		j int32
		w float64
	}
	postings := map[int32][]posting{}
	for j, v := range vb {
		for k, id := range v.ids {
			postings[id] = append(postings[id], posting{int32(j), v.ws[k]})
		}
	}
	maxPosting := max(64, len(vb)/50)

	acc := make([]float64, len(vb))
	var touched []int32
	var pairs []pairScore
	for i, v := range va {
		touched = touched[:0]
		for k, id := range v.ids {
			post := postings[id]
			if len(post) > maxPosting {
				continue
			}
			for _, p := range post {
				if acc[p.j] == 0 {
					touched = append(touched, p.j)
				}
				acc[p.j] += v.ws[k] * p.w
			}
		}
		best := topCandidates(touched, acc, candidatesPerSentence)
		for _, j := range touched {
			acc[j] = 0
		}
		for _, j := range best {
			// A headline sums up the story in few words and would take the
			// body sentence it resembles from its real counterpart: it pairs
			// only with the other headline.
			if da.headline(i) != db.headline(int(j)) {
				continue
			}
			if s := cosine(v, vb[j]); s >= alignThreshold && sharedTerms(v, vb[j]) >= 2 {
				pairs = append(pairs, pairScore{i, int(j), s})
			}
		}
	}
	// Greedy one-to-one assignment, best pairs first. An optimal matching
	// (Hungarian, cubic) is out of reach for long articles, and a pair that
	// is the best choice for both of its sentences, the usual case for
	// parallel news text, is taken by greedy as well.
	sort.Slice(pairs, func(x, y int) bool {
		if pairs[x].score != pairs[y].score {
			return pairs[x].score > pairs[y].score
		}
		if pairs[x].a != pairs[y].a {
			return pairs[x].a < pairs[y].a
		}
		return pairs[x].b < pairs[y].b
	})
	usedA, usedB := make([]bool, len(va)), make([]bool, len(vb))
	var out []model.Alignment
	for _, p := range pairs {
		if usedA[p.a] || usedB[p.b] {
			continue
		}
		usedA[p.a], usedB[p.b] = true, true
		out = append(out, model.Alignment{
			A:     model.Passage{Article: da.art.ID, Span: da.spans[p.a]},
			B:     model.Passage{Article: db.art.ID, Span: db.spans[p.b]},
			Score: round3(p.score),
		})
	}
	sort.Slice(out, func(x, y int) bool { return out[x].A.Start < out[y].A.Start })
	return out
}

func round3(x float64) float64 { return math.Round(x*1000) / 1000 }

func sharedTerms(a, b weighted) int {
	n := 0
	for i, j := 0, 0; i < len(a.ids) && j < len(b.ids); {
		switch {
		case a.ids[i] == b.ids[j]:
			n++
			i, j = i+1, j+1
		case a.ids[i] < b.ids[j]:
			i++
		default:
			j++
		}
	}
	return n
}

// topCandidates returns up to k of the touched indices with the highest
// accumulated scores.
func topCandidates(touched []int32, acc []float64, k int) []int32 {
	best := make([]int32, 0, k)
	for _, j := range touched {
		if len(best) < k {
			best = append(best, j)
		} else if acc[j] > acc[best[k-1]] {
			best[k-1] = j
		} else {
			continue
		}
		for x := len(best) - 1; x > 0 && acc[best[x]] > acc[best[x-1]]; x-- {
			best[x], best[x-1] = best[x-1], best[x]
		}
	}
	return best
}

// Quotation pairing: the same speaker and a similar wording, or a wording
// close enough that the speaker does not matter.
const (
	quoteSimSameSpeaker = 0.3
	quoteSimAnySpeaker  = 0.5
)

func alignQuotes(a, b *model.Article, qa, qb *model.ArticleAnalysis) []model.Alignment {
	if qa == nil || qb == nil {
		return nil
	}
	type quote struct {
		q    *model.Quote
		keys map[string]bool
	}
	collect := func(aa *model.ArticleAnalysis) []quote {
		var out []quote
		for i := range aa.Quotes {
			q := &aa.Quotes[i]
			if q.Short {
				continue
			}
			keys := map[string]bool{}
			for _, t := range tokenize(q.Text, 0) {
				if t.word && t.content() || t.digit {
					keys[t.key] = true
				}
			}
			out = append(out, quote{q, keys})
		}
		return out
	}
	xs, ys := collect(qa), collect(qb)
	index := map[string][]int{}
	for j, y := range ys {
		for k := range y.keys {
			index[k] = append(index[k], j)
		}
	}
	var pairs []pairScore
	shared := make([]int, len(ys))
	// Long articles repeat quotations (a wire story quoted again in an
	// update): score each distinct pair of wordings once.
	sims := map[[2]string]float64{}
	for i, x := range xs {
		clear(shared)
		for k := range x.keys {
			for _, j := range index[k] {
				shared[j]++
			}
		}
		for j, n := range shared {
			if n == 0 {
				continue
			}
			y := ys[j]
			// Cheap bound first: the share of content words in common.
			if float64(2*n)/float64(len(x.keys)+len(y.keys)) < 0.2 {
				continue
			}
			key := [2]string{x.q.Text, y.q.Text}
			sim, ok := sims[key]
			if !ok {
				sim = worddiff.Similarity(x.q.Text, y.q.Text)
				sims[key] = sim
			}
			same := x.q.SpeakerCluster != "" && x.q.SpeakerCluster == y.q.SpeakerCluster
			if sim >= quoteSimAnySpeaker || same && sim >= quoteSimSameSpeaker {
				pairs = append(pairs, pairScore{i, j, sim})
			}
		}
	}
	sort.Slice(pairs, func(x, y int) bool {
		if pairs[x].score != pairs[y].score {
			return pairs[x].score > pairs[y].score
		}
		return pairs[x].a < pairs[y].a || pairs[x].a == pairs[y].a && pairs[x].b < pairs[y].b
	})
	usedA, usedB := make([]bool, len(xs)), make([]bool, len(ys))
	var out []model.Alignment
	for _, p := range pairs {
		if usedA[p.a] || usedB[p.b] {
			continue
		}
		usedA[p.a], usedB[p.b] = true, true
		out = append(out, model.Alignment{
			A:     model.Passage{Article: a.ID, Span: xs[p.a].q.Span},
			B:     model.Passage{Article: b.ID, Span: ys[p.b].q.Span},
			Score: round3(p.score),
			Quote: true,
		})
	}
	sort.Slice(out, func(x, y int) bool { return out[x].A.Start < out[y].A.Start })
	return out
}
