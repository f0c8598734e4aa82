package articles

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/parallax-reader/parallax/model"
)

func writeFile(t *testing.T, dir, name, content string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// checkArticle asserts what every loaded article must hold.
func checkArticle(t *testing.T, a model.Article) {
	t.Helper()
	checkCleanInvariants(t, a.Text)
	checkOneLine(t, a.Title)
	sum := sha256.Sum256([]byte(a.Text))
	if a.SHA256 != hex.EncodeToString(sum[:]) {
		t.Errorf("SHA256 %s does not match the text", a.SHA256)
	}
	if a.Title == "" || a.Outlet == "" || a.URI == "" {
		t.Errorf("missing title, outlet or URI: %+v", a)
	}
	if len(a.Paragraphs) == 0 || len(a.Sentences) == 0 {
		t.Errorf("no paragraphs or sentences")
	}
	for _, spans := range [][]model.Span{a.Paragraphs, a.Sentences} {
		for i, s := range spans {
			if s.Start < 0 || s.End > len(a.Text) || s.Empty() || (i > 0 && s.Start < spans[i-1].End) {
				t.Fatalf("bad span %v at %d", s, i)
			}
		}
	}
}

func TestLoadTextFile(t *testing.T) {
	dir := t.TempDir()
	p := writeFile(t, dir, "wire story.txt", "Talks end without deal\r\n\r\nNegotiators left Geneva on Friday. They will meet again.\r\n")
	a, err := Load(context.Background(), p, Options{})
	if err != nil {
		t.Fatal(err)
	}
	checkArticle(t, a)
	if a.Text != "Talks end without deal\n\nNegotiators left Geneva on Friday. They will meet again.\n" {
		t.Errorf("text = %q", a.Text)
	}
	if a.Title != "Talks end without deal" || a.Outlet != "wire story.txt" || a.Source != p {
		t.Errorf("title %q, outlet %q, source %q", a.Title, a.Outlet, a.Source)
	}
	if want := "file://" + filepath.ToSlash(p); strings.ReplaceAll(a.URI, "%20", " ") != want || strings.Contains(a.URI, " ") {
		t.Errorf("URI = %q, want %q with the space escaped", a.URI, want)
	}
	if a.Title != a.Text[:len(a.Title)] {
		t.Errorf("the title line must stay in the text")
	}
	if len(a.Paragraphs) != 2 {
		t.Errorf("paragraphs = %v", a.Paragraphs)
	}
	if a.ID != "" || len(a.Warnings) != 0 || a.Replaced != 0 {
		t.Errorf("ID %q, warnings %v, replaced %d", a.ID, a.Warnings, a.Replaced)
	}

	// The same file by a relative path has the same URI.
	t.Chdir(dir)
	b, err := Load(context.Background(), "wire story.txt", Options{})
	if err != nil || b.URI != a.URI {
		t.Errorf("relative path: URI %q, err %v; want %q", b.URI, err, a.URI)
	}
}

func TestLoadTitles(t *testing.T) {
	dir := t.TempDir()
	tests := []struct{ name, content, want string }{
		{"headline.txt", "Quake shakes city\n\nBuildings swayed.", "Quake shakes city"},
		{"sentence.txt", "The quake shook the city.\n\nBuildings swayed.", "sentence"},
		{"colon.txt", "He said:\nno.", "colon"},
		{"long.txt", strings.Repeat("word ", 30) + "\n\nmore", "long"},
		{"single-line.txt", "Only one line here", "single-line"},
		{"quoted-sentence.txt", "\"It is over.\"\n\nShe left.", "quoted-sentence"},
		{"digits.txt", "2024\n\nA year.", "digits"},
		{"leading-blank.txt", "\n\n  Headline after blanks  \nBody text.", "Headline after blanks"},
		{"story.md", "Intro line\n\n# The Real Title\n\nBody.", "The Real Title"},
		{"notitle.md", "Just *one* paragraph that ends.\n\nAnd another.", "notitle"},
	}
	for _, tc := range tests {
		a, err := Load(context.Background(), writeFile(t, dir, tc.name, tc.content), Options{})
		if err != nil {
			t.Errorf("%s: %v", tc.name, err)
			continue
		}
		if a.Title != tc.want {
			t.Errorf("%s: title %q, want %q", tc.name, a.Title, tc.want)
		}
	}
}

func TestLoadMarkdownAndHTMLFiles(t *testing.T) {
	dir := t.TempDir()
	md, err := Load(context.Background(), writeFile(t, dir, "notes.md", "# Vote delayed\n\nThe **vote** was [delayed](http://x.example).\n"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	checkArticle(t, md)
	if md.Title != "Vote delayed" || md.Text != "Vote delayed\n\nThe vote was delayed." {
		t.Errorf("markdown: %q %q", md.Title, md.Text)
	}

	for _, name := range []string{"page.html", "page.HTM", "saved-page"} {
		h, err := Load(context.Background(), writeFile(t, dir, name, newsPage), Options{})
		if err != nil {
			t.Fatal(err)
		}
		checkArticle(t, h)
		if h.Title != "Council approves budget after long debate" || !strings.HasPrefix(h.Text, "The city council approved") {
			t.Errorf("%s: %q %q", name, h.Title, h.Text[:min(80, len(h.Text))])
		}
	}

	// A .txt file is text even when it holds markup.
	txt, err := Load(context.Background(), writeFile(t, dir, "markup.txt", "<html><p>x</p></html>\n\nmore"), Options{})
	if err != nil || !strings.HasPrefix(txt.Text, "<html>") {
		t.Errorf(".txt with markup: %q, %v", txt.Text, err)
	}
}

func TestLoadWarnings(t *testing.T) {
	dir := t.TempDir()
	p := writeFile(t, dir, "hostile.txt", "Title\x1b]0;pwned\x07\n\ncaf\xe9 and \xff\xfe\x07bell \u202eevil\u202c text.")
	a, err := Load(context.Background(), p, Options{})
	if err != nil {
		t.Fatal(err)
	}
	checkArticle(t, a)
	want := []string{"3 invalid UTF-8 sequences replaced", "terminal escape sequences removed", "control characters removed", "bidirectional text controls removed"}
	if strings.Join(a.Warnings, "|") != strings.Join(want, "|") || a.Replaced != 3 {
		t.Errorf("warnings %q, replaced %d", a.Warnings, a.Replaced)
	}

	b, err := Load(context.Background(), writeFile(t, dir, "one.txt", "caf\xe9 ok\n\nmore"), Options{})
	if err != nil || len(b.Warnings) != 1 || b.Warnings[0] != "1 invalid UTF-8 sequence replaced" {
		t.Errorf("singular warning: %q, %v", b.Warnings, err)
	}
}

func TestLoadUTF16File(t *testing.T) {
	p := filepath.Join(t.TempDir(), "windows.txt")
	if err := os.WriteFile(p, utf16LE("Résumé of talks\r\n\r\nThey met.", true), 0o644); err != nil {
		t.Fatal(err)
	}
	a, err := Load(context.Background(), p, Options{})
	if err != nil || a.Text != "Résumé of talks\n\nThey met." || a.Title != "Résumé of talks" {
		t.Errorf("UTF-16 file: %q, %v", a.Text, err)
	}
}

func TestLoadFileErrors(t *testing.T) {
	dir := t.TempDir()
	bin := filepath.Join(dir, "x.bin")
	os.WriteFile(bin, []byte("GIF89a\x01\x00\x00\x00"), 0o644)
	big := writeFile(t, dir, "big.txt", strings.Repeat("a", 2048))
	tests := []struct {
		source string
		opt    Options
		kind   error
		msg    string
	}{
		{filepath.Join(dir, "missing.txt"), Options{}, ErrNotFound, `cannot read "` + filepath.Join(dir, "missing.txt") + `": no such file`},
		{dir, Options{}, ErrIsDirectory, `"` + dir + `" is a directory`},
		{bin, Options{}, ErrBinary, `"` + bin + `" looks like a binary file (NUL byte at offset 7); parallax reads text, Markdown and HTML`},
		{writeFile(t, dir, "empty.txt", ""), Options{}, ErrEmpty, `"` + filepath.Join(dir, "empty.txt") + `" is empty`},
		{writeFile(t, dir, "blank.md", " \n\t\n"), Options{}, ErrEmpty, `"` + filepath.Join(dir, "blank.md") + `" is empty`},
		{writeFile(t, dir, "escapes.txt", "\x1b[2J\x1b]0;t\x07\n"), Options{}, ErrEmpty, `"` + filepath.Join(dir, "escapes.txt") + `" is empty`},
		{writeFile(t, dir, "nav.html", "<html><body><script>x()</script><img src=a.png></body></html>"), Options{}, ErrEmpty, `"` + filepath.Join(dir, "nav.html") + `" has no readable text`},
		{big, Options{MaxBytes: 1024}, ErrTooLarge, `"` + big + `" is larger than the 1 KiB limit`},
		{filepath.Join(dir, "missing.txt", "child"), Options{}, ErrNotFound, ""},
		{"notes.md", Options{}, ErrNotFound, `cannot read "notes.md": no such file`},
		{"example.com/story", Options{}, ErrNotFound, `cannot read "example.com/story": no such file (for a web page, give the whole URL: https://example.com/story)`},
		{"www.example.com/news/story", Options{}, ErrNotFound, `cannot read "www.example.com/news/story": no such file (for a web page, give the whole URL: https://www.example.com/news/story)`},
		{"ftp://example.com/a.txt", Options{}, ErrScheme, `unsupported URL scheme "ftp" in "ftp://example.com/a.txt" (use http or https)`},
		{"file://otherhost/a.txt", Options{}, ErrBadURL, `"file://otherhost/a.txt" is not a local file URL`},
		{"bad\x1b]0;x\x07name.txt", Options{}, ErrNotFound, `cannot read "bad\x1b]0;x\aname.txt": no such file`},
	}
	for _, tc := range tests {
		_, err := Load(context.Background(), tc.source, tc.opt)
		if !errors.Is(err, tc.kind) {
			t.Errorf("Load(%q) error = %v, want kind %v", tc.source, err, tc.kind)
			continue
		}
		var le *Error
		if !errors.As(err, &le) || le.Source != tc.source {
			t.Errorf("Load(%q) error is not an *Error naming the source: %#v", tc.source, err)
		}
		if tc.msg != "" && err.Error() != tc.msg {
			t.Errorf("Load(%q) error\n = %s\nwant %s", tc.source, err, tc.msg)
		}
		if strings.ContainsAny(err.Error(), "\n\x1b\x07") {
			t.Errorf("error message is not one safe line: %q", err)
		}
	}
}

func TestLoadPermissionDenied(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("root reads any file")
	}
	p := writeFile(t, t.TempDir(), "secret.txt", "text")
	if err := os.Chmod(p, 0); err != nil {
		t.Fatal(err)
	}
	_, err := Load(context.Background(), p, Options{})
	if !errors.Is(err, ErrPermission) || err.Error() != `cannot read "`+p+`": permission denied` {
		t.Errorf("error = %v", err)
	}
}

func TestLoadFileURL(t *testing.T) {
	p := writeFile(t, t.TempDir(), "a b.txt", "Hello there\n\nBody.")
	a, err := Load(context.Background(), fileURI(p), Options{})
	if err != nil || a.Text != "Hello there\n\nBody." || a.URI != fileURI(p) {
		t.Errorf("file URL: %q %q %v", a.Text, a.URI, err)
	}
}

func TestLoadStdin(t *testing.T) {
	opt := Options{Stdin: strings.NewReader("Piped headline\n\nPiped body text.")}
	a, err := Load(context.Background(), "-", opt)
	if err != nil {
		t.Fatal(err)
	}
	checkArticle(t, a)
	if a.Source != "-" || a.Title != "Piped headline" || a.Outlet != "stdin" || a.URI != "urn:sha256:"+a.SHA256 {
		t.Errorf("stdin article: %+v", a)
	}

	h, err := Load(context.Background(), "-", Options{Stdin: strings.NewReader(newsPage)})
	if err != nil || h.Title != "Council approves budget after long debate" {
		t.Errorf("HTML on stdin: %q, %v", h.Title, err)
	}

	_, err = Load(context.Background(), "-", Options{Stdin: strings.NewReader("")})
	if !errors.Is(err, ErrEmpty) || err.Error() != "standard input is empty" {
		t.Errorf("empty stdin: %v", err)
	}
	_, err = Load(context.Background(), "-", Options{Stdin: strings.NewReader("abc\x00"), MaxBytes: 100})
	if !errors.Is(err, ErrBinary) || !strings.HasPrefix(err.Error(), "standard input looks like a binary file") {
		t.Errorf("binary stdin: %v", err)
	}
	_, err = Load(context.Background(), "-", Options{Stdin: strings.NewReader(strings.Repeat("x", 101)), MaxBytes: 100})
	if !errors.Is(err, ErrTooLarge) || err.Error() != "standard input is larger than the 100 bytes limit" {
		t.Errorf("large stdin: %v", err)
	}
	_, err = Load(context.Background(), "-", Options{Stdin: failingReader{}})
	if !errors.Is(err, ErrRead) || err.Error() != "cannot read standard input: device gone" {
		t.Errorf("failing stdin: %v", err)
	}
}

type failingReader struct{}

func (failingReader) Read([]byte) (int, error) { return 0, errors.New("device gone") }

func TestLoadCanceled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := Load(ctx, "whatever.txt", Options{}); !errors.Is(err, ErrCanceled) {
		t.Errorf("error = %v", err)
	}
}

func TestLoadAll(t *testing.T) {
	dir := t.TempDir()
	one := writeFile(t, dir, "one.txt", "First\n\nOne.")
	two := writeFile(t, dir, "two.md", "# Second\n\nTwo.")
	arts, err := LoadAll(context.Background(), []string{one, "-", two}, Options{Stdin: strings.NewReader("Third\n\nThree.")})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, a := range arts {
		got = append(got, a.ID+"="+a.Title)
	}
	if strings.Join(got, " ") != "a1=First a2=Third a3=Second" {
		t.Errorf("articles: %v", got)
	}

	_, err = LoadAll(context.Background(), []string{one, filepath.Join(dir, "nope.txt"), dir}, Options{})
	if !errors.Is(err, ErrNotFound) || !errors.Is(err, ErrIsDirectory) {
		t.Fatalf("error = %v", err)
	}
	lines := strings.Split(err.Error(), "\n")
	if len(lines) != 2 || !strings.Contains(lines[0], "nope.txt") || !strings.Contains(lines[1], "is a directory") {
		t.Errorf("error lines: %q", lines)
	}

	_, err = LoadAll(context.Background(), []string{"-", "-"}, Options{Stdin: strings.NewReader("x")})
	if !errors.Is(err, ErrStdinTwice) {
		t.Errorf("stdin twice: %v", err)
	}

	if arts, err := LoadAll(context.Background(), nil, Options{}); err != nil || len(arts) != 0 {
		t.Errorf("no sources: %v, %v", arts, err)
	}
}

func TestSample(t *testing.T) {
	arts := Sample()
	if len(arts) != 2 {
		t.Fatalf("%d samples, want 2", len(arts))
	}
	entries, _ := sampleFS.ReadDir("sample")
	for i, a := range arts {
		checkArticle(t, a)
		name := entries[i].Name()
		if a.ID != []string{"a1", "a2"}[i] || a.Source != "sample:"+name || a.Outlet != name || a.URI != "urn:sha256:"+a.SHA256 {
			t.Errorf("sample %d: %+v", i, a)
		}
		raw, _ := sampleFS.ReadFile("sample/" + name)
		text, _, _ := Clean(raw)
		if a.Text != text {
			t.Errorf("sample %d text is not the cleaned file", i)
		}
		// "sample:NAME" loads the same article.
		b, err := Load(context.Background(), a.Source, Options{})
		if err != nil || b.SHA256 != a.SHA256 || b.Title != a.Title {
			t.Errorf("Load(%q): %v", a.Source, err)
		}
	}
}

func TestLoadHuge(t *testing.T) {
	p := filepath.Join(t.TempDir(), "huge.txt")
	raw := hugeArticle(5 << 20)
	if err := os.WriteFile(p, raw, 0o644); err != nil {
		t.Fatal(err)
	}
	a, err := Load(context.Background(), p, Options{})
	if err != nil {
		t.Fatal(err)
	}
	want, _, _ := Clean(raw)
	if a.Text != want || len(a.Text) < 5<<20*99/100 {
		t.Errorf("huge article text differs from its cleaned file (%d bytes)", len(a.Text))
	}
	if n := strings.Count(string(raw), "\r\n\r\n") + 1; len(a.Paragraphs) != n {
		t.Errorf("%d paragraphs, want %d", len(a.Paragraphs), n)
	}
}

// hugeParagraph mixes plain prose with accents, curly quotes and numbers,
// like a long wire story.
const hugeParagraph = "Officials in Zürich said on Monday that the 2,450 delegates had agreed to “continue talks” after a 14-hour session; Dr. Amélie Durand, the U.N. envoy, called it “a modest but real step.” Critics were unconvinced.\r\n"

func hugeArticle(size int) []byte {
	var b strings.Builder
	for b.Len() < size {
		b.WriteString(hugeParagraph)
		b.WriteString("\r\n")
	}
	return []byte(strings.TrimRight(b.String(), "\r\n"))
}

// Markdown on standard input, or in a file with no extension, is read as
// Markdown when it starts like it; plain text stays plain.
func TestMarkdownSniffedWithoutAName(t *testing.T) {
	md := "# City council approves tram line\n\nThe council **voted** on [Tuesday](http://example.org).\n"
	a, err := Load(context.Background(), "-", Options{Stdin: strings.NewReader(md)})
	if err != nil {
		t.Fatal(err)
	}
	if a.Title != "City council approves tram line" || strings.Contains(a.Text, "**") || strings.Contains(a.Text, "](") {
		t.Fatalf("stdin Markdown not read as Markdown: title %q, text %q", a.Title, a.Text)
	}
	for _, plain := range []string{"#hashtag news of the day.\n\nMore text.\n", "Plain report.\n\n# not a heading here\n"} {
		a, err := Load(context.Background(), "-", Options{Stdin: strings.NewReader(plain)})
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(a.Text, "#") {
			t.Fatalf("plain text %q lost its #: %q", plain, a.Text)
		}
	}
}
