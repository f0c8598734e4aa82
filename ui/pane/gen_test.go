package pane

import (
	"math/rand/v2"
	"strings"

	"github.com/parallax-reader/parallax/model"
)

// genWords is a neutral vocabulary for generated articles.
var genWords = strings.Fields(`the a of to and in said on for that with was by at
from officials government minister talks meeting city river report people
statement week percent million agreement security council forces region
announced spokesman according early Tuesday morning later capital border`)

// genArticle builds an article of about size bytes of prose: sentences of
// 8–30 words, paragraphs of 2–6 sentences, with sentence spans filled in
// the way the loader reports them.
func genArticle(size int, seed uint64) model.Article {
	r := rand.New(rand.NewPCG(seed, 7))
	var b strings.Builder
	b.Grow(size + 200)
	var sents, paras []model.Span
	for b.Len() < size {
		pStart := b.Len()
		for s := 2 + r.IntN(5); s > 0; s-- {
			sStart := b.Len()
			n := 8 + r.IntN(23)
			for i := 0; i < n; i++ {
				w := genWords[r.IntN(len(genWords))]
				if i == 0 {
					w = strings.ToUpper(w[:1]) + w[1:]
				}
				b.WriteString(w)
				if i < n-1 {
					if r.IntN(12) == 0 {
						b.WriteByte(',')
					}
					b.WriteByte(' ')
				}
			}
			b.WriteByte('.')
			sents = append(sents, model.Span{Start: sStart, End: b.Len()})
			if s > 1 {
				b.WriteByte(' ')
			}
		}
		paras = append(paras, model.Span{Start: pStart, End: b.Len()})
		b.WriteString("\n\n")
	}
	return model.Article{ID: "a1", Title: "Generated", Outlet: "example.org", Text: b.String(),
		Sentences: sents, Paragraphs: paras}
}
