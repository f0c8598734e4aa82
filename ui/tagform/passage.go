package tagform

import (
	"strings"

	"github.com/charmbracelet/x/ansi"

	"github.com/parallax-reader/parallax/ui/pane"
)

// maxPassageCols bounds how much of a passage the form keeps for the
// screen: it never shows more than a few lines of one, and a selection may
// be a whole article.
const maxPassageCols = 3 * MaxWidth

// shownPassage is a passage made ready for the screen: one line of
// characters that cannot drive the terminal.
type shownPassage struct {
	label, text string
}

// prepare collapses the passage's white space to single spaces (the form
// shows it on a line or two) and passes it and its label through
// pane.Visible, so article text is only ever drawn as plain characters.
func prepare(p Passage) shownPassage {
	label := oneLine(p.Label)
	if label == "" {
		label = oneLine(p.ArticleID)
	}
	if label == "" {
		label = "article"
	}
	text := oneLine(p.Text)
	if ansi.StringWidth(text) > maxPassageCols {
		text = ansi.Truncate(text, maxPassageCols, "…")
	}
	return shownPassage{label: label, text: text}
}

// oneLine is s with every run of white space made one space, visible.
func oneLine(s string) string {
	return pane.Visible(strings.Join(strings.Fields(s), " "))
}

// lines draws the passage as "label: “text”" in at most maxLines lines of
// width columns, the label styled and the text cut with an ellipsis.
func (p shownPassage) lines(st styles, width, maxLines int) []string {
	label := ansi.Truncate(p.label, max(width/3, 4), "…") + ":"
	body := "“" + p.text + "”"
	if p.text == "" {
		body = "the whole article"
	}
	rows := strings.Split(ansi.Wrap(label+" "+body, width, ""), "\n")
	if len(rows) > maxLines {
		rows = rows[:maxLines]
		last := strings.TrimRight(ansi.Truncate(rows[maxLines-1], max(width-2, 0), ""), " ")
		rows[maxLines-1] = last + "…”"
	}
	// The label is no wider than a third of the line, so wrapping left it
	// whole at the start of the first row.
	if rest, ok := strings.CutPrefix(rows[0], label); ok {
		rows[0] = st.source.Render(label) + rest
	}
	return rows
}
