package ui

import (
	"fmt"
	"unicode"
	"unicode/utf8"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/parallax-reader/parallax/model"
	"github.com/parallax-reader/parallax/ui/keys"
	"github.com/parallax-reader/parallax/ui/pane"
	"github.com/parallax-reader/parallax/ui/theme"
)

// LayerSelection is the pane decoration layer of the passage being selected
// (and, while the tag form is open, of the passages being tagged).
const LayerSelection = "selection"

// selection is a passage being chosen for a tag, word by word: anchor is
// the word it started on and head the word its moving end is on, which may
// lie before the anchor (then b and [ grow it backwards).
type selection struct {
	pane         int
	anchor, head model.Span
}

// span is the selected passage.
func (s selection) span() model.Span { return s.anchor.Union(s.head) }

// startSelection begins a selection on the first word of the cursor
// sentence, placing the cursor on the first sentence in view if needed.
func (m *Model) startSelection() tea.Cmd {
	p := m.focused()
	sent, ok := p.EnsureCursor()
	if !ok {
		return m.statusError("this article has no text to select")
	}
	text := p.Article().Text
	w, ok := nextWord(text, sent.Start)
	if !ok || w.Start >= sent.End {
		return m.statusError("no words to select here")
	}
	m.tags.sel = &selection{pane: m.focus, anchor: w, head: w}
	m.state = keys.Selecting
	m.showSelection()
	return nil
}

// handleSelectKey moves the selection's end, opens the tag form on it, or
// cancels it. Scrolling keys still scroll; b is word-back here.
func (m *Model) handleSelectKey(msg tea.KeyPressMsg) tea.Cmd {
	k := m.c.Keys
	sel := m.tags.sel
	p := m.panes[sel.pane]
	art := p.Article()
	m.status, m.statusErr = "", false
	switch {
	case key.Matches(msg, k.CancelSelection):
		m.endSelection()
		return nil
	case key.Matches(msg, k.Quit):
		return tea.Quit
	case key.Matches(msg, k.Help):
		m.openHelp()
		return nil
	case key.Matches(msg, k.Tag):
		return m.openTagForm()
	case key.Matches(msg, k.SelectWordNext):
		if w, ok := nextWord(art.Text, sel.head.End); ok {
			sel.head = w
		}
	case key.Matches(msg, k.SelectWordPrev):
		if w, ok := prevWord(art.Text, sel.head.Start); ok {
			sel.head = w
		}
	case key.Matches(msg, k.SelectSentenceNext):
		if w, ok := sentenceEndWord(art.Text, p.Sentences(), sel.head); ok {
			sel.head = w
		}
	case key.Matches(msg, k.SelectSentencePrev):
		if w, ok := sentenceStartWord(art.Text, p.Sentences(), sel.head); ok {
			sel.head = w
		}
	case key.Matches(msg, k.SelectScrolling()...):
		// Scrolling keeps the selection; b is not page-up here.
		cmd := p.Update(msg)
		m.showSelection()
		return cmd
	default:
		m.showSelection()
		return nil
	}
	p.Reveal(sel.head)
	m.showSelection()
	return nil
}

// showSelection draws the selection and says how long it is.
func (m *Model) showSelection() {
	sel := m.tags.sel
	if sel == nil {
		return
	}
	p := m.panes[sel.pane]
	sp := sel.span()
	p.SetDecorations(LayerSelection, []pane.Decoration{{Span: sp, Class: theme.Selection}})
	n := countWordsIn(p.Article().Slice(sp))
	unit := "words"
	if n == 1 {
		unit = "word"
	}
	m.status, m.statusErr = fmt.Sprintf("selection: %d %s — t to tag, esc to cancel", n, unit), false
}

// endSelection drops the selection and goes back to reading.
func (m *Model) endSelection() {
	if sel := m.tags.sel; sel != nil {
		m.panes[sel.pane].SetDecorations(LayerSelection, nil)
	}
	m.tags.sel = nil
	m.state = keys.Reading
}

// statusError shows text as an error at once and returns no command.
func (m *Model) statusError(text string) tea.Cmd {
	m.status, m.statusErr = text, true
	return nil
}

// Words, for selecting: a word is a run of non-space characters with the
// punctuation around it trimmed ("“Hello," is Hello), keeping a closing %
// and the final period of an abbreviation such as U.S. A run of
// punctuation alone (a dash) is no word. Articles are scanned from the
// selection's end only, never tokenised whole: a 5 MB article costs a
// selection no more than a short one.

// nextWord is the first word that ends after byte offset off.
func nextWord(text string, off int) (model.Span, bool) {
	i := max(off, 0)
	for i < len(text) {
		r, n := utf8.DecodeRuneInString(text[i:])
		if unicode.IsSpace(r) {
			i += n
			continue
		}
		j := i
		for j < len(text) {
			r, n := utf8.DecodeRuneInString(text[j:])
			if unicode.IsSpace(r) {
				break
			}
			j += n
		}
		if w, ok := trimWord(text, i, j); ok && w.End > off {
			return w, true
		}
		i = j
	}
	return model.Span{}, false
}

// prevWord is the last word that starts before byte offset off.
func prevWord(text string, off int) (model.Span, bool) {
	j := min(off, len(text))
	for j > 0 {
		r, n := utf8.DecodeLastRuneInString(text[:j])
		if unicode.IsSpace(r) {
			j -= n
			continue
		}
		i := j
		for i > 0 {
			r, n := utf8.DecodeLastRuneInString(text[:i])
			if unicode.IsSpace(r) {
				break
			}
			i -= n
		}
		if w, ok := trimWord(text, i, j); ok && w.Start < off {
			return w, true
		}
		j = i
	}
	return model.Span{}, false
}

// trimWord trims the punctuation around the run text[i:j].
func trimWord(text string, i, j int) (model.Span, bool) {
	run := text[i:j]
	s, e := 0, len(run)
	for s < e {
		r, n := utf8.DecodeRuneInString(run[s:])
		if isWordRune(r) {
			break
		}
		s += n
	}
	for e > s {
		r, n := utf8.DecodeLastRuneInString(run[:e])
		if isWordRune(r) || r == '%' || r == '.' && hasInnerPeriod(run[s:e-n]) {
			break
		}
		e -= n
	}
	if s >= e {
		return model.Span{}, false
	}
	return model.Span{Start: i + s, End: i + e}, true
}

// isWordRune is a letter, digit, or a symbol such as a currency sign.
func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsSymbol(r)
}

// hasInnerPeriod reports whether w has a period between word characters,
// as an abbreviation (U.S, a.m) does.
func hasInnerPeriod(w string) bool {
	for k := 1; k < len(w)-1; k++ {
		if w[k] == '.' {
			return true
		}
	}
	return false
}

// countWordsIn counts the words of s as selection sees them.
func countWordsIn(s string) int {
	n := 0
	for off := 0; ; {
		w, ok := nextWord(s, off)
		if !ok {
			return n
		}
		n++
		off = w.End
	}
}

// sentenceEndWord moves a selection end to the last word of its sentence,
// or of the next sentence when it is there already.
func sentenceEndWord(text string, sents []model.Span, head model.Span) (model.Span, bool) {
	i := model.SpanIndex(sents, head.End-1)
	for ; i < len(sents); i++ {
		if i < 0 {
			continue
		}
		if w, ok := prevWord(text, sents[i].End); ok && w.Start >= sents[i].Start && w.End > head.End {
			return w, true
		}
	}
	return model.Span{}, false
}

// sentenceStartWord moves a selection end to the first word of its
// sentence, or of the previous sentence when it is there already.
func sentenceStartWord(text string, sents []model.Span, head model.Span) (model.Span, bool) {
	for i := model.SpanIndex(sents, head.Start); i >= 0; i-- {
		if w, ok := nextWord(text, sents[i].Start); ok && w.End <= sents[i].End && w.Start < head.Start {
			return w, true
		}
	}
	return model.Span{}, false
}
