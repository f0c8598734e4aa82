package preview

import (
	"strings"
	"testing"

	"github.com/parallax-reader/parallax/ui/theme"
)

// FuzzPreview feeds arbitrary Markdown and searches at arbitrary sizes:
// the view is always exactly its size, and every match is the query.
func FuzzPreview(f *testing.F) {
	f.Add([]byte("# Title\n\nSome **bold** text.\n"), "bold", uint8(80), uint8(24))
	f.Add([]byte("---\ntitle: x\n---\n\n| a | b |\n| --- | --- |\n| 1 | 2 |\n"), "1", uint8(20), uint8(6))
	f.Add([]byte("> quote\n>\n> ~~old~~ **new**\n\n```\ncode\twith tab\n```\n"), "ol", uint8(15), uint8(4))
	f.Add([]byte("世界 e\u0301 👩‍👩‍👧 \x1b[31mred\x1b]0;title\x07\n"), "E", uint8(16), uint8(5))
	f.Add([]byte("[link](http://example.com/\x1b) ![img](x.png)\n- [ ] task\n- [x] done\n"), "example", uint8(30), uint8(8))
	f.Add([]byte(strings.Repeat("word ", 400)), "WORD", uint8(255), uint8(3))
	f.Add([]byte("a\nb"), "", uint8(0), uint8(0))
	f.Fuzz(func(t *testing.T, md []byte, query string, w, h uint8) {
		for _, st := range []*theme.Styles{theme.Dark(), theme.Mono()} {
			m := newPreview(t, st, md, "notes.md", int(w), int(h))
			check := func() {
				v := m.View()
				w, h := m.Size()
				if w == 0 || h == 0 {
					if v != "" {
						t.Fatalf("%dx%d view not empty", w, h)
					}
					return
				}
				checkFrame(t, v, w, h)
				checkSafe(t, v)
			}
			check()
			m.Search(query)
			for _, mt := range m.search.matches {
				if got := m.plain[mt.line][mt.start:mt.end]; !strings.EqualFold(got, query) {
					t.Fatalf("match %q for query %q", got, query)
				}
			}
			check()
			m.NextMatch(-1)
			m.SetSize(int(h), int(w)) // another width: rendered again
			check()
			m.SetSize(int(w), int(h))
			check()
		}
	})
}
