package articles

import (
	"context"

	"github.com/parallax-reader/parallax/articles/compare"
	"github.com/parallax-reader/parallax/articles/entities"
	"github.com/parallax-reader/parallax/articles/quotes"
	"github.com/parallax-reader/parallax/model"
)

// Analyze finds the entities and quotations of every article, links the
// entities across articles into clusters, aligns the articles' sentences and
// quotations, and proposes discrepancies. It stops early, returning ctx's
// error, when ctx is cancelled between stages.
func Analyze(ctx context.Context, arts []model.Article) (model.Analysis, error) {
	an := model.Analysis{
		Articles:    make([]model.ArticleAnalysis, len(arts)),
		Clusters:    []model.Cluster{},
		Alignments:  []model.Alignment{},
		Suggestions: []model.Suggestion{},
	}
	byArticle := make(map[string][]model.Mention, len(arts))
	for i := range arts {
		if err := ctx.Err(); err != nil {
			return an, err
		}
		mentions := entities.Find(arts[i].Text, arts[i].Sentences)
		if mentions == nil {
			mentions = []model.Mention{}
		}
		an.Articles[i] = model.ArticleAnalysis{Article: arts[i].ID, Mentions: mentions}
		byArticle[arts[i].ID] = mentions
	}
	// Link sets each mention's cluster in place, so the speakers found
	// below can be tied to the same clusters.
	if clusters := entities.Link(byArticle); clusters != nil {
		an.Clusters = clusters
	}
	for i := range arts {
		if err := ctx.Err(); err != nil {
			return an, err
		}
		q := quotes.Find(arts[i].Text, arts[i].Paragraphs, an.Articles[i].Mentions)
		if q == nil {
			q = []model.Quote{}
		}
		an.Articles[i].Quotes = q
	}
	if err := ctx.Err(); err != nil {
		return an, err
	}
	if al := compare.Align(arts, &an); al != nil {
		an.Alignments = al
	}
	if err := ctx.Err(); err != nil {
		return an, err
	}
	if s := compare.Suggest(arts, &an, an.Alignments); s != nil {
		an.Suggestions = s
	}
	return an, nil
}
