package export

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/parallax-reader/parallax/model"
)

// absent is the entity table's cell for an article that never names the
// entity: a word as well as the dash, so it reads without the symbol.
const absent = "— absent"

// typeName is how an entity type reads in the entity table.
func typeName(t model.EntityType) string {
	switch t {
	case model.Person:
		return "person"
	case model.Org:
		return "organisation"
	case model.GPE:
		return "country, state or city"
	case model.Loc:
		return "place"
	case model.NORP:
		return "nationality or group"
	case model.Date:
		return "date"
	case model.Time:
		return "time"
	case model.Cardinal:
		return "number"
	case model.Quantity:
		return "quantity"
	case model.Money:
		return "money"
	case model.Percent:
		return "percentage"
	}
	return strings.ToLower(string(t))
}

// writeEntities writes the table of linked names: which article mentions
// each and how often, most mentioned first.
func (d *doc) writeEntities(b *strings.Builder, an *model.Analysis) {
	b.WriteString("\n## Entities\n\n")
	clusters := make([]*model.Cluster, 0, len(an.Clusters))
	for i := range an.Clusters {
		c := &an.Clusters[i]
		if d.total(c) > 0 {
			clusters = append(clusters, c)
		}
	}
	if len(clusters) == 0 {
		b.WriteString("No people, places or organisations were found.\n")
		return
	}
	slices.SortStableFunc(clusters, func(x, y *model.Cluster) int {
		return cmp.Or(cmp.Compare(d.total(y), d.total(x)), strings.Compare(x.Name, y.Name), strings.Compare(x.ID, y.ID))
	})
	b.WriteString("Mentions per article of each person, place and organisation; “" + absent + "” means the article never names it.\n\n")
	b.WriteString("| Entity | Type |")
	for _, l := range d.labels {
		b.WriteString(" " + cell(l) + " |")
	}
	b.WriteString("\n| --- | --- |" + strings.Repeat(" ---: |", len(d.labels)) + "\n")
	for _, c := range clusters {
		fmt.Fprintf(b, "| %s | %s |", cell(cmp.Or(c.Name, c.ID)), cell(typeName(c.Type)))
		for _, a := range d.in.Articles {
			if n := c.Mentions[a.ID]; n > 0 {
				fmt.Fprintf(b, " %d |", n)
			} else {
				b.WriteString(" " + absent + " |")
			}
		}
		b.WriteString("\n")
	}
}

// total counts a cluster's mentions in the exported articles.
func (d *doc) total(c *model.Cluster) int {
	n := 0
	for _, a := range d.in.Articles {
		n += c.Mentions[a.ID]
	}
	return n
}

// speaker gathers one speaker's quotations per article.
type speaker struct {
	name   string
	quotes [][]string // per article
}

// writeQuotes lists the quotations by speaker, each article's under its
// label, speakers in order of their first quotation; unattributed last.
func (d *doc) writeQuotes(b *strings.Builder, an *model.Analysis) {
	var speakers []*speaker
	byKey := map[string]*speaker{}
	var unattributed *speaker
	for ai, art := range d.in.Articles {
		aa := analysisFor(an, art.ID, ai)
		if aa == nil {
			continue
		}
		for _, q := range aa.Quotes {
			if q.Short || strings.TrimSpace(q.Text) == "" {
				continue
			}
			key, name := "", strings.TrimSpace(oneLine(cleanControls(q.Speaker)))
			if q.SpeakerCluster != "" {
				key = "cluster:" + q.SpeakerCluster
				if c := an.ClusterByID(q.SpeakerCluster); c != nil && c.Name != "" {
					name = c.Name
				}
			} else if name != "" {
				key = "name:" + strings.ToLower(name)
			}
			var s *speaker
			switch {
			case key == "":
				if unattributed == nil {
					unattributed = &speaker{name: "Unattributed", quotes: make([][]string, len(d.in.Articles))}
				}
				s = unattributed
			case byKey[key] != nil:
				s = byKey[key]
			default:
				s = &speaker{name: cmp.Or(name, q.SpeakerCluster), quotes: make([][]string, len(d.in.Articles))}
				byKey[key] = s
				speakers = append(speakers, s)
			}
			s.quotes[ai] = append(s.quotes[ai], q.Text)
		}
	}
	if unattributed != nil {
		speakers = append(speakers, unattributed)
	}

	b.WriteString("\n## Quotations\n")
	if len(speakers) == 0 {
		b.WriteString("\nNo quotations were found.\n")
		return
	}
	for _, s := range speakers {
		b.WriteString("\n### " + heading(s.name) + "\n")
		for ai, qs := range s.quotes {
			if len(qs) == 0 {
				fmt.Fprintf(b, "\n%s: — not quoted.\n", strong(d.labels[ai]))
				continue
			}
			fmt.Fprintf(b, "\n%s:\n\n", strong(d.labels[ai]))
			for _, q := range qs {
				b.WriteString("- “" + inline(strings.TrimSpace(oneLine(cleanControls(q))), false) + "”\n")
			}
		}
	}
}

// analysisFor finds an article's analysis by ID, falling back to its
// position (Analysis.Articles is in article order).
func analysisFor(an *model.Analysis, id string, i int) *model.ArticleAnalysis {
	for j := range an.Articles {
		if an.Articles[j].Article == id {
			return &an.Articles[j]
		}
	}
	if i < len(an.Articles) && an.Articles[i].Article == "" {
		return &an.Articles[i]
	}
	return nil
}
