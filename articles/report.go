package articles

import (
	"encoding/json"
	"fmt"
	"io"
	"sort"
	"strings"
	"text/tabwriter"

	"github.com/parallax-reader/parallax/model"
)

// The analyze command's JSON: offsets are UTF-8 byte offsets into each
// article's cleaned text, which is included so a consumer can check them.
type jsonReport struct {
	Articles    []jsonArticle      `json:"articles"`
	Clusters    []model.Cluster    `json:"clusters"`
	Alignments  []model.Alignment  `json:"alignments"`
	Suggestions []model.Suggestion `json:"suggestions"`
}

type jsonArticle struct {
	ID        string       `json:"id"`
	Source    string       `json:"source"`
	Title     string       `json:"title"`
	Text      string       `json:"text"`
	Sentences []model.Span `json:"sentences"`
	Entities  []jsonEntity `json:"entities"`
	Quotes    []jsonQuote  `json:"quotes"`
	Warnings  []string     `json:"warnings,omitempty"`
}

type jsonEntity struct {
	Start   int              `json:"start"`
	End     int              `json:"end"`
	Text    string           `json:"text"`
	Type    model.EntityType `json:"type"`
	Cluster *string          `json:"cluster"`
	Role    *string          `json:"role"`
}

// jsonQuote leaves speaker_start and speaker_end null when the speaker was
// carried over from an earlier quotation or is unknown.
type jsonQuote struct {
	Start          int     `json:"start"`
	End            int     `json:"end"`
	Text           string  `json:"text"`
	Speaker        *string `json:"speaker"`
	SpeakerCluster *string `json:"speaker_cluster"`
	SpeakerStart   *int    `json:"speaker_start"`
	SpeakerEnd     *int    `json:"speaker_end"`
}

func optional(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

// WriteJSON writes the analysis of arts as indented JSON.
func WriteJSON(w io.Writer, arts []model.Article, an model.Analysis) error {
	rep := jsonReport{
		Articles:    make([]jsonArticle, len(arts)),
		Clusters:    nonNil(an.Clusters),
		Alignments:  nonNil(an.Alignments),
		Suggestions: nonNil(an.Suggestions),
	}
	for i, a := range arts {
		ja := jsonArticle{ID: a.ID, Source: a.Source, Title: a.Title, Text: a.Text,
			Sentences: nonNil(a.Sentences), Entities: []jsonEntity{}, Quotes: []jsonQuote{}, Warnings: a.Warnings}
		if i < len(an.Articles) {
			for _, m := range an.Articles[i].Mentions {
				ja.Entities = append(ja.Entities, jsonEntity{Start: m.Start, End: m.End, Text: m.Text,
					Type: m.Type, Cluster: optional(m.Cluster), Role: optional(m.Role)})
			}
			for _, q := range an.Articles[i].Quotes {
				jq := jsonQuote{Start: q.Start, End: q.End, Text: q.Text,
					Speaker: optional(q.Speaker), SpeakerCluster: optional(q.SpeakerCluster)}
				if q.SpeakerSpan != nil {
					s, e := q.SpeakerSpan.Start, q.SpeakerSpan.End
					jq.SpeakerStart, jq.SpeakerEnd = &s, &e
				}
				ja.Quotes = append(ja.Quotes, jq)
			}
		}
		rep.Articles[i] = ja
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(rep)
}

func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

// WriteSummary writes a readable summary: the articles, the linked entities
// with their mentions per article (an absence is the omission signal), and
// the quotations grouped by speaker.
func WriteSummary(w io.Writer, arts []model.Article, an model.Analysis) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "ARTICLES")
	for _, a := range arts {
		fmt.Fprintf(tw, "  %s\t%s\t%s\t%d words\n", a.ID, summaryCell(a.Outlet, 30), summaryCell(a.Title, 60), a.WordCount())
	}
	fmt.Fprintln(tw)
	fmt.Fprintln(tw, "ENTITIES (mentions per article; — absent)")
	header := "  TYPE\tNAME"
	for _, a := range arts {
		header += "\t" + a.ID
	}
	fmt.Fprintln(tw, header+"\t")
	clusters := append([]model.Cluster(nil), an.Clusters...)
	sort.SliceStable(clusters, func(i, j int) bool {
		return total(clusters[i]) > total(clusters[j])
	})
	for _, c := range clusters {
		row := fmt.Sprintf("  %s\t%s", c.Type, summaryCell(c.Name, 40))
		for _, a := range arts {
			if n := c.Mentions[a.ID]; n > 0 {
				row += fmt.Sprintf("\t%d", n)
			} else {
				row += "\t—"
			}
		}
		fmt.Fprintln(tw, row+"\t")
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	fmt.Fprintln(w)
	fmt.Fprintln(w, "QUOTATIONS BY SPEAKER")
	for _, g := range quotesBySpeaker(arts, an) {
		fmt.Fprintf(w, "  %s\n", g.speaker)
		for _, q := range g.quotes {
			fmt.Fprintf(w, "    %s  “%s”\n", q.article, summaryCell(q.text, 100))
		}
	}
	return nil
}

type speakerQuotes struct {
	speaker string
	quotes  []struct{ article, text string }
}

// quotesBySpeaker groups attributed quotations by speaker cluster (or name),
// speakers in order of first quotation, unattributed ones last.
func quotesBySpeaker(arts []model.Article, an model.Analysis) []speakerQuotes {
	var groups []speakerQuotes
	index := map[string]int{}
	for i, aa := range an.Articles {
		if i >= len(arts) {
			break
		}
		for _, q := range aa.Quotes {
			if q.Short {
				continue
			}
			key, name := q.SpeakerCluster, q.Speaker
			if c := an.ClusterByID(q.SpeakerCluster); c != nil {
				name = c.Name
			}
			if key == "" {
				key = "name:" + q.Speaker
			}
			if name == "" {
				key, name = "", "(speaker unknown)"
			}
			gi, ok := index[key]
			if !ok {
				gi = len(groups)
				index[key] = gi
				groups = append(groups, speakerQuotes{speaker: name})
			}
			groups[gi].quotes = append(groups[gi].quotes, struct{ article, text string }{arts[i].ID, q.Text})
		}
	}
	// The unknown speaker goes last.
	if gi, ok := index[""]; ok && gi != len(groups)-1 {
		unknown := groups[gi]
		groups = append(append(groups[:gi:gi], groups[gi+1:]...), unknown)
	}
	return groups
}

func total(c model.Cluster) int {
	n := 0
	for _, v := range c.Mentions {
		n += v
	}
	return n
}

// summaryCell folds whitespace and shortens s to at most n runes.
func summaryCell(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	r := []rune(s)
	if len(r) > n {
		return string(r[:n-1]) + "…"
	}
	return s
}
