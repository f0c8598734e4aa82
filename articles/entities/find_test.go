package entities

import (
	"testing"

	"github.com/parallax-reader/parallax/model"
)

// want is one expected mention: its text, type and role.
type want struct {
	text string
	typ  model.EntityType
	role string
}

// findCase checks that every wanted mention is found with its type and
// role, and that none of the unwanted texts is a mention.
func findCase(t *testing.T, text string, wants []want, unwanted ...string) {
	t.Helper()
	got := Find(text, nil)
	byText := map[string]model.Mention{}
	for _, m := range got {
		if text[m.Start:m.End] != m.Text {
			t.Errorf("mention %q does not match its span %d:%d", m.Text, m.Start, m.End)
		}
		byText[m.Text] = m
	}
	for _, w := range wants {
		m, ok := byText[w.text]
		if !ok {
			t.Errorf("%q: missing %s %q; got %v", text, w.typ, w.text, summary(got))
			continue
		}
		if m.Type != w.typ {
			t.Errorf("%q: %q typed %s, want %s", text, w.text, m.Type, w.typ)
		}
		if m.Role != w.role {
			t.Errorf("%q: %q role %q, want %q", text, w.text, m.Role, w.role)
		}
	}
	for _, u := range unwanted {
		if m, ok := byText[u]; ok {
			t.Errorf("%q: %q should not be a mention (typed %s)", text, u, m.Type)
		}
	}
}

func summary(ms []model.Mention) []string {
	var out []string
	for _, m := range ms {
		out = append(out, string(m.Type)+":"+m.Text)
	}
	return out
}

func TestFindTitlesAndRoles(t *testing.T) {
	findCase(t, "Iraqi Prime Minister Nouri al-Maliki opened the meeting.", []want{
		{"Nouri al-Maliki", model.Person, "Iraqi Prime Minister"},
		{"Iraqi", model.NORP, ""},
	}, "Prime Minister", "Iraqi Prime Minister Nouri al-Maliki")
	findCase(t, "The talks were led by U.S. Ambassador Ryan C. Crocker in Baghdad.", []want{
		{"Ryan C. Crocker", model.Person, "U.S. Ambassador"},
		{"U.S.", model.GPE, ""},
		{"Baghdad", model.GPE, ""},
	})
	findCase(t, "He met Iran's ambassador Hassan Kazemi Qomi on Monday.", []want{
		{"Hassan Kazemi Qomi", model.Person, "Iran's ambassador"},
		{"Iran", model.GPE, ""},
		{"Monday", model.Date, ""},
	})
}
