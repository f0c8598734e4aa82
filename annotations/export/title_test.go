package export

import (
	"strings"
	"testing"

	"github.com/parallax-reader/parallax/model"
)

func TestTitleIsTheNotesHeading(t *testing.T) {
	arts := []model.Article{{ID: "a1", Title: "Talks resume"}}
	for _, c := range []struct {
		in   Input
		want string
	}{
		{Input{Articles: arts}, "Discrepancy notes: Talks resume"},
		{Input{Title: "  Vote count\nin two papers ", Articles: arts}, "Vote count in two papers"},
		{Input{}, "Discrepancy notes"},
	} {
		got := Title(c.in)
		if got != c.want {
			t.Errorf("Title = %q, want %q", got, c.want)
		}
		if md := string(Markdown(c.in)); !strings.Contains(md, "\n# "+got+"\n") {
			t.Errorf("the note's heading is not %q:\n%s", got, md)
		}
	}
}
