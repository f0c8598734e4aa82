package export

import (
	"fmt"
	"strings"

	"github.com/parallax-reader/parallax/articles/worddiff"
	"github.com/parallax-reader/parallax/model"
)

// passage is one target as the note shows it.
type passage struct {
	label string // plain text, escaped when written
	text  string
}

// writeTag writes one tag's section: heading, passages, absences, diffs and
// note.
func (d *doc) writeTag(b *strings.Builder, t tagRef) {
	a := t.a
	fmt.Fprintf(b, "\n### %d. %s — %s\n", t.n, heading(kindName(a.Kind)), heading(severityName(a.Severity)))

	var shown []passage
	covered := make([]bool, len(d.in.Articles))
	for _, tg := range a.Targets {
		p, i := d.passage(tg)
		if i >= 0 {
			covered[i] = true
		}
		fmt.Fprintf(b, "\n%s:\n\n%s", labelWithNote(p.label, targetNote(tg, i)), quoteBlock(p.text))
		shown = append(shown, p)
	}
	if len(a.Targets) == 0 {
		b.WriteString("\nNo passage was saved with this tag.\n")
	}

	if a.Kind == model.Omission {
		var absent []string
		for i, c := range covered {
			if !c {
				absent = append(absent, strong(d.labels[i]))
			}
		}
		if len(absent) > 0 {
			fmt.Fprintf(b, "\nNot in %s.\n", strings.Join(absent, ", "))
		}
	}

	threshold := diffSimilarity
	if a.Kind == model.QuoteWording {
		threshold = quoteDiffSimilarity
	}
	for i := 1; i < len(shown); i++ {
		first, p := shown[0], shown[i]
		if strings.TrimSpace(first.text) == "" || oneLine(first.text) == oneLine(p.text) ||
			len(first.text)+len(p.text) > maxDiffBytes ||
			worddiff.Similarity(first.text, p.text) < threshold {
			continue
		}
		fmt.Fprintf(b, "\nWording in %s against %s (~~removed~~, **added**):\n\n%s\n",
			strong(p.label), strong(first.label), markdownDiff(first.text, p.text))
	}

	if n := note(a.Note); n != "" {
		b.WriteString("\nNote:\n\n" + n + "\n")
	}
}

// passage finds what a target shows: the article's current text where it
// was placed, else the quote saved with it. The int is the article's index,
// -1 when the article is not in the export.
func (d *doc) passage(t model.Target) (passage, int) {
	i := d.articleOf(t)
	p := passage{text: t.Exact}
	if i < 0 {
		p.label = strings.TrimSpace(oneLine(cleanControls(t.Source)))
		if p.label == "" {
			p.label = "Unknown article"
		}
		return p, -1
	}
	p.label = d.labels[i]
	if t.Placed() {
		if s := d.in.Articles[i].Slice(t.Span); s != "" {
			p.text = s
		}
	}
	return p, i
}

// targetNote is the parenthesis after a passage's label: its role, and why
// the text shown may not be the article's current text.
func targetNote(t model.Target, article int) string {
	var parts []string
	if r := strings.TrimSpace(oneLine(cleanControls(t.Role))); r != "" {
		parts = append(parts, r)
	}
	switch {
	case article < 0:
		parts = append(parts, "article not in this note")
	case t.Anchoring == model.AnchorOrphan:
		parts = append(parts, "last known passage, not found in the current text")
	case t.Anchoring == model.AnchorFuzzy:
		parts = append(parts, "found by approximate match")
	}
	return strings.Join(parts, "; ")
}

func labelWithNote(label, note string) string {
	s := strong(label)
	if note != "" {
		s += " (" + inline(note, false) + ")"
	}
	return s
}
