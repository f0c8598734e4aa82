package segment

import (
	"reflect"
	"testing"

	"github.com/parallax-reader/parallax/model"
)

func TestParagraphs(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []model.Span
	}{
		{"empty", "", nil},
		{"only blank lines", " \n\t\n\n", nil},
		{"one line", "Hello.", []model.Span{{Start: 0, End: 6}}},
		{"trimmed", "  Hello.  \n", []model.Span{{Start: 2, End: 8}}},
		{"single newline stays inside", "a\nb", []model.Span{{Start: 0, End: 3}}},
		{"blank line separates", "a\n\nb", []model.Span{{Start: 0, End: 1}, {Start: 3, End: 4}}},
		{"spaces and tabs make a blank line", "a\n \t \nb", []model.Span{{Start: 0, End: 1}, {Start: 6, End: 7}}},
		{"several blank lines", "a\n\n\n\n b \n", []model.Span{{Start: 0, End: 1}, {Start: 6, End: 7}}},
		{"leading and trailing blank lines", "\n\na\n\n", []model.Span{{Start: 2, End: 3}}},
		{"no-break space line is blank", "a\n\u00a0\nb", []model.Span{{Start: 0, End: 1}, {Start: 5, End: 6}}},
		{"indented continuation", "a\n  b\n\nc", []model.Span{{Start: 0, End: 5}, {Start: 7, End: 8}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Paragraphs(tt.text); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Paragraphs(%q) = %v, want %v", tt.text, got, tt.want)
			}
		})
	}
}
