package export

import "strings"

// Title is the note's title as Markdown writes it: in.Title on one line, or
// "Discrepancy notes: " and the first article's title when it is blank. The
// reader names the file it offers to write after it.
func Title(in Input) string {
	if t := strings.TrimSpace(oneLine(cleanControls(in.Title))); t != "" {
		return t
	}
	if len(in.Articles) > 0 && strings.TrimSpace(in.Articles[0].Title) != "" {
		return "Discrepancy notes: " + in.Articles[0].Title
	}
	return "Discrepancy notes"
}
