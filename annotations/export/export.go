// Package export writes tagged discrepancies as a Markdown note a colleague
// can read raw in an editor, render with any CommonMark tool, or preview in
// parallax through glamour.
//
// The note has YAML front matter (title, date, parallax version, the
// articles with their content hash, counts by kind), a summary table, one
// section per tag with each article's passage as a block quote, the note and
// a word-level diff where the passages are two wordings of one sentence, an
// entity table and the quotations by speaker (when an analysis is given), and
// the orphaned tags last.
//
// Article text, titles, names and sources are always literal: they are
// escaped so they cannot open structure, and control characters are dropped.
//
// A tag's note is the user's own Markdown and is kept as written, except
// that its headings are demoted by three levels so they sit under the tag's
// own heading, raw HTML is backslash-escaped into literal text (the export
// holds no HTML), a code fence left open at its end is closed, and control
// characters (also as character references) are removed. A note that still
// would not parse cleanly falls back to literal paragraphs.
package export

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/parallax-reader/parallax/model"
)

// Input is everything one export holds.
type Input struct {
	Title    string    // the note's title; a default is used when blank
	Date     time.Time // when the note was made; left out when zero
	Version  string    // the parallax version that made it
	Articles []model.Article
	// Analysis adds the entity table and the quotations; may be nil.
	Analysis    *model.Analysis
	Annotations []model.Annotation
}

// Markdown renders the note. The same input always gives the same bytes.
func Markdown(in Input) []byte {
	d := newDoc(in)
	var b strings.Builder
	b.WriteString(frontMatter(in, d))
	b.WriteString("\n# " + heading(d.title) + "\n")
	d.writeArticles(&b)
	d.writeSummary(&b)
	d.writeTags(&b)
	if in.Analysis != nil {
		d.writeEntities(&b, in.Analysis)
		d.writeQuotes(&b, in.Analysis)
	}
	d.writeOrphans(&b)
	return []byte(b.String())
}

// Body returns the note without its front matter, for renderers (such as
// glamour) that would show the YAML as text.
func Body(md []byte) []byte {
	s := string(md)
	if !strings.HasPrefix(s, "---\n") {
		return md
	}
	end := strings.Index(s[4:], "\n---\n")
	if end < 0 {
		return md
	}
	return []byte(strings.TrimLeft(s[4+end+5:], "\n"))
}

// doc is an export being written: the input plus the labels and order worked
// out once.
type doc struct {
	in     Input
	title  string
	labels []string // per article, unique
	tags   []tagRef // placed (or not yet anchored) tags, in reading order
	orphan []tagRef // tags with a target that could not be placed
}

// tagRef is one annotation with its number in the note.
type tagRef struct {
	n int
	a *model.Annotation
}

func newDoc(in Input) *doc {
	d := &doc{in: in, title: Title(in)}
	d.labels = articleLabels(in.Articles)

	order := make([]int, len(in.Annotations))
	for i := range order {
		order[i] = i
	}
	keys := make([]sortKey, len(in.Annotations))
	for i := range in.Annotations {
		keys[i] = d.sortKey(&in.Annotations[i])
	}
	slices.SortStableFunc(order, func(x, y int) int { return keys[x].compare(keys[y]) })
	for _, i := range order {
		a := &in.Annotations[i]
		if a.Orphaned() {
			d.orphan = append(d.orphan, tagRef{a: a})
		} else {
			d.tags = append(d.tags, tagRef{a: a})
		}
	}
	n := 0
	for i := range d.tags {
		n++
		d.tags[i].n = n
	}
	for i := range d.orphan {
		n++
		d.orphan[i].n = n
	}
	return d
}

// articleLabels names each article by its outlet, else its title, else its
// ID, adding the ID where two would read the same.
func articleLabels(arts []model.Article) []string {
	labels := make([]string, len(arts))
	seen := map[string]int{}
	for i, a := range arts {
		l := strings.TrimSpace(oneLine(cleanControls(cmp.Or(strings.TrimSpace(a.Outlet), strings.TrimSpace(a.Title), a.ID))))
		if l == "" {
			l = fmt.Sprintf("article %d", i+1)
		}
		labels[i] = l
		seen[l]++
	}
	for i, l := range labels {
		if seen[l] > 1 {
			labels[i] = fmt.Sprintf("%s (%s)", l, cmp.Or(arts[i].ID, fmt.Sprint(i+1)))
		}
	}
	return labels
}

// sortKey orders tags by where they start in the first article that holds
// one of their passages; tags not placed in any article come after.
type sortKey struct {
	article, start int
	created        time.Time
	id             string
}

func (k sortKey) compare(o sortKey) int {
	return cmp.Or(cmp.Compare(k.article, o.article), cmp.Compare(k.start, o.start),
		k.created.Compare(o.created), strings.Compare(k.id, o.id))
}

func (d *doc) sortKey(a *model.Annotation) sortKey {
	k := sortKey{article: len(d.in.Articles), created: a.Created, id: a.ID}
	for _, t := range a.Targets {
		if !t.Placed() {
			continue
		}
		i := d.articleOf(t)
		if i < 0 {
			continue
		}
		if i < k.article || (i == k.article && t.Span.Start < k.start) {
			k.article, k.start = i, t.Span.Start
		}
	}
	return k
}

// articleOf finds the article a target points into: by article ID when it
// was placed, else by source URI; -1 when the article is not in the export.
func (d *doc) articleOf(t model.Target) int {
	if t.Article != "" {
		for i := range d.in.Articles {
			if d.in.Articles[i].ID == t.Article {
				return i
			}
		}
	}
	if t.Source != "" {
		for i := range d.in.Articles {
			if d.in.Articles[i].URI == t.Source {
				return i
			}
		}
	}
	return -1
}

func (d *doc) writeArticles(b *strings.Builder) {
	if len(d.in.Articles) == 0 {
		b.WriteString("\nNo articles.\n")
		return
	}
	b.WriteString("\n")
	for i, a := range d.in.Articles {
		fmt.Fprintf(b, "- %s", strong(d.labels[i]))
		if t := strings.TrimSpace(oneLine(cleanControls(a.Title))); t != "" && t != d.labels[i] {
			b.WriteString(": " + inline(t, false))
		}
		if src := strings.TrimSpace(oneLine(cleanControls(cmp.Or(a.Source, a.URI)))); src != "" {
			b.WriteString(" (" + inline(src, false) + ")")
		}
		b.WriteString("\n")
	}
}

// kindName is how a kind reads in headings and tables.
func kindName(k model.DiscrepancyKind) string {
	switch k {
	case model.QuoteWording:
		return "Quote wording"
	case "":
		return "Untyped"
	}
	s := string(k)
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[n:]
}

func severityName(s model.Severity) string { return cmp.Or(string(s), "unrated") }

// kindOrder sorts kinds as model.Kinds lists them, unknown kinds after.
func kindOrder(x, y model.DiscrepancyKind) int {
	ix, iy := slices.Index(model.Kinds, x), slices.Index(model.Kinds, y)
	if ix < 0 {
		ix = len(model.Kinds)
	}
	if iy < 0 {
		iy = len(model.Kinds)
	}
	return cmp.Or(cmp.Compare(ix, iy), strings.Compare(string(x), string(y)))
}

// severityOrder sorts from most to least severe, unknown severities last.
func severityOrder(x, y model.Severity) int {
	rank := func(s model.Severity) int {
		if i := slices.Index(model.Severities, s); i >= 0 {
			return -i
		}
		return 1
	}
	return cmp.Or(cmp.Compare(rank(x), rank(y)), strings.Compare(string(x), string(y)))
}

func (d *doc) writeSummary(b *strings.Builder) {
	b.WriteString("\n## Summary\n\n")
	if len(d.in.Annotations) == 0 {
		b.WriteString("Nothing tagged yet.\n")
		return
	}
	type row struct {
		k model.DiscrepancyKind
		s model.Severity
	}
	counts := map[row]int{}
	for _, a := range d.in.Annotations {
		counts[row{a.Kind, a.Severity}]++
	}
	rows := make([]row, 0, len(counts))
	for r := range counts {
		rows = append(rows, r)
	}
	slices.SortFunc(rows, func(x, y row) int { return cmp.Or(kindOrder(x.k, y.k), severityOrder(x.s, y.s)) })
	b.WriteString("| Kind | Severity | Tags |\n| --- | --- | ---: |\n")
	for _, r := range rows {
		fmt.Fprintf(b, "| %s | %s | %d |\n", cell(kindName(r.k)), cell(severityName(r.s)), counts[r])
	}
	fmt.Fprintf(b, "| **Total** | | **%d** |\n", len(d.in.Annotations))
	if len(d.orphan) > 0 {
		fmt.Fprintf(b, "\n%d of them could not be found in the current text of their article: see the last section.\n", len(d.orphan))
	}
}

func (d *doc) writeTags(b *strings.Builder) {
	if len(d.tags) == 0 {
		return
	}
	b.WriteString("\n## Discrepancies\n")
	for _, t := range d.tags {
		d.writeTag(b, t)
	}
}

func (d *doc) writeOrphans(b *strings.Builder) {
	if len(d.orphan) == 0 {
		return
	}
	b.WriteString("\n## Orphaned tags\n\n")
	b.WriteString("These passages could not be found in the current text of their article (it may have been edited). Each shows the passage as it was when tagged.\n")
	for _, t := range d.orphan {
		d.writeTag(b, t)
	}
}
