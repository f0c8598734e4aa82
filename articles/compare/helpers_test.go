package compare

import (
	"strings"

	"github.com/parallax-reader/parallax/model"
)

// article builds an article from sentences joined by spaces, with its
// sentence spans, as the loader and segmenter would.
func article(id string, sentences ...string) model.Article {
	a := model.Article{ID: id, URI: "urn:test:" + id, Outlet: "outlet-" + id}
	var sb strings.Builder
	for i, s := range sentences {
		if i > 0 {
			sb.WriteString(" ")
		}
		start := sb.Len()
		sb.WriteString(s)
		a.Sentences = append(a.Sentences, model.Span{Start: start, End: sb.Len()})
	}
	a.Text = sb.String()
	a.Paragraphs = []model.Span{{Start: 0, End: len(a.Text)}}
	return a
}

// mention marks the first occurrence of text in a as a mention.
func mention(a *model.Article, text string, typ model.EntityType, cluster, role string) model.Mention {
	i := strings.Index(a.Text, text)
	if i < 0 {
		panic("no " + text + " in " + a.ID)
	}
	return model.Mention{Span: model.Span{Start: i, End: i + len(text)}, Text: text, Type: typ, Cluster: cluster, Role: role}
}

// quote marks the first quotation of text (with its marks) in a.
func quote(a *model.Article, text, speaker, cluster string) model.Quote {
	i := strings.Index(a.Text, text)
	if i < 0 {
		panic("no " + text + " in " + a.ID)
	}
	return model.Quote{Span: model.Span{Start: i - 1, End: i + len(text) + 1}, Text: text, Speaker: speaker, SpeakerCluster: cluster}
}

// pairs maps each aligned sentence of the first article to the sentence
// index in the second, for sentence alignments between a and b.
func pairs(al []model.Alignment, a, b model.Article) map[int]int {
	out := map[int]int{}
	for _, x := range al {
		if x.Quote || x.A.Article != a.ID || x.B.Article != b.ID {
			continue
		}
		out[indexOf(a.Sentences, x.A.Span)] = indexOf(b.Sentences, x.B.Span)
	}
	return out
}

func indexOf(spans []model.Span, s model.Span) int {
	for i, x := range spans {
		if x == s {
			return i
		}
	}
	return -1
}
