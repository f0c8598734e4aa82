package compare

import (
	"fmt"
	"strings"
	"unicode"

	"github.com/parallax-reader/parallax/articles/worddiff"
	"github.com/parallax-reader/parallax/model"
)

// quotePair reports an aligned pair of quotations worded differently or
// credited to different speakers.
func (s *suggester) quotePair(a model.Alignment) {
	ia, ok1 := s.byID[a.A.Article]
	ib, ok2 := s.byID[a.B.Article]
	if !ok1 || !ok2 {
		return
	}
	qa, qb := quoteAt(s.quotes(ia), a.A.Span), quoteAt(s.quotes(ib), a.B.Span)
	if qa == nil || qb == nil {
		return
	}
	ev := []model.Evidence{s.evidence(ia, qa.Span), s.evidence(ib, qb.Span)}
	sim := worddiff.Similarity(qa.Text, qb.Text)
	sameSpeaker := qa.SpeakerCluster != "" && qa.SpeakerCluster == qb.SpeakerCluster
	if differentSpeakers(qa, qb) {
		s.add(model.Attribution, 0.5+0.4*sim,
			fmt.Sprintf("Quotation attributed to different speakers: %s vs %s", qa.Speaker, qb.Speaker), ev...)
	}
	if normalizedWords(qa.Text) != normalizedWords(qb.Text) {
		conf := 0.4 + 0.45*sim
		if sameSpeaker {
			conf += 0.1
		}
		s.add(model.QuoteWording, conf, "Quotation worded differently: "+diffSummary(qa.Text, qb.Text), ev...)
	}
}

func quoteAt(qs []model.Quote, span model.Span) *model.Quote {
	for i := range qs {
		if qs[i].Span == span {
			return &qs[i]
		}
	}
	return nil
}

func differentSpeakers(a, b *model.Quote) bool {
	if a.SpeakerCluster != "" && b.SpeakerCluster != "" {
		return a.SpeakerCluster != b.SpeakerCluster
	}
	if a.Speaker == "" || b.Speaker == "" {
		return false
	}
	// Unlinked speakers: different unless one name contains the other
	// ("Crocker" in "Ryan Crocker").
	x, y := strings.ToLower(a.Speaker), strings.ToLower(b.Speaker)
	return !strings.Contains(x, y) && !strings.Contains(y, x)
}

// normalizedWords is the wording without case, punctuation or spacing
// differences, which are not a different wording.
func normalizedWords(s string) string {
	return strings.Join(strings.FieldsFunc(strings.ToLower(strings.ReplaceAll(s, "’", "'")), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '\''
	}), " ")
}

// diffSummary shows one wording with the other's changes marked inline,
// "[-dropped-]{+added+}", eliding long unchanged runs.
func diffSummary(a, b string) string {
	var sb strings.Builder
	// Typographic apostrophes and dashes are not a different wording.
	fold := strings.NewReplacer("’", "'", "‘", "'", "–", "-", "—", "-")
	a, b = fold.Replace(a), fold.Replace(b)
	for _, op := range worddiff.Words(a, b) {
		text := strings.Join(strings.Fields(op.Text), " ")
		if op.Kind == worddiff.Equal {
			if w := strings.Fields(text); len(w) > 6 {
				switch {
				case op.A.Start == 0:
					text = "… " + strings.Join(w[len(w)-3:], " ")
				case op.A.End == len(a):
					text = strings.Join(w[:3], " ") + " …"
				default:
					text = strings.Join(w[:3], " ") + " … " + strings.Join(w[len(w)-3:], " ")
				}
			}
		} else if text != "" {
			if op.Kind == worddiff.Delete {
				text = "[-" + text + "-]"
			} else {
				text = "{+" + text + "+}"
			}
		}
		// Keep the spacing around the run outside its marks.
		if op.Text != "" && strings.TrimLeftFunc(op.Text, unicode.IsSpace) != op.Text {
			sb.WriteByte(' ')
		}
		sb.WriteString(text)
		if op.Text != "" && strings.TrimRightFunc(op.Text, unicode.IsSpace) != op.Text {
			sb.WriteByte(' ')
		}
	}
	out := strings.Join(strings.Fields(sb.String()), " ")
	if r := []rune(out); len(r) > 160 {
		out = string(r[:159]) + "…"
	}
	return out
}
