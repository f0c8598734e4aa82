package main

import (
	"bytes"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// runCLI runs the built binary with args and returns its stdout, stderr and
// exit code.
func runCLI(t *testing.T, stdin string, args ...string) (string, string, int) {
	t.Helper()
	cmd := exec.Command(parallaxBinary(t), args...)
	cmd.Stdin = strings.NewReader(stdin)
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	cmd.Env = append(os.Environ(), "NO_COLOR=1")
	err := cmd.Run()
	code := 0
	if ee, ok := err.(*exec.ExitError); ok {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	return out.String(), errb.String(), code
}

// Every bad input is refused before the screen is taken over: one line on
// stderr naming the problem, a non-zero exit, never a stack trace.
func TestCLIRefusesBadInputWithOneLine(t *testing.T) {
	dir := t.TempDir()
	binFile := filepath.Join(dir, "photo.txt")
	if err := os.WriteFile(binFile, []byte("GIF89a\x00\x01\x02\x03"), 0o644); err != nil {
		t.Fatal(err)
	}
	empty := filepath.Join(dir, "empty.txt")
	if err := os.WriteFile(empty, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	slow := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-r.Context().Done():
		case <-time.After(5 * time.Second):
		}
	}))
	defer slow.Close()
	huge := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain")
		chunk := bytes.Repeat([]byte("word "), 1<<14)
		for i := 0; i < 64; i++ { // 5 MiB
			if _, err := w.Write(chunk); err != nil {
				return
			}
		}
	}))
	defer huge.Close()

	cases := []struct {
		name string
		args []string
		want string
	}{
		{"missing file", []string{filepath.Join(dir, "nosuch.txt")}, "nosuch.txt"},
		{"directory", []string{dir}, "directory"},
		{"binary file", []string{binFile}, "binary"},
		{"empty file", []string{empty}, "empty"},
		{"unsupported scheme", []string{"ftp://example.org/story"}, "ftp"},
		{"url times out", []string{"--timeout", "300ms", slow.URL}, "timed out"},
		{"url too large", []string{"--max-size", "1MiB", huge.URL}, "limit"},
		{"unknown theme", []string{"--theme", "purple"}, "theme"},
		{"unknown flag", []string{"--frobnicate"}, "--help"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			stdout, stderr, code := runCLI(t, "", c.args...)
			if code == 0 {
				t.Fatalf("exit status 0; stdout=%q stderr=%q", stdout, stderr)
			}
			lines := strings.Split(strings.TrimRight(stderr, "\n"), "\n")
			if len(lines) != 1 {
				t.Fatalf("stderr has %d lines, want one:\n%s", len(lines), stderr)
			}
			if !strings.HasPrefix(lines[0], "parallax: ") || !strings.Contains(lines[0], c.want) {
				t.Fatalf("stderr %q: want a 'parallax: ' line mentioning %q", lines[0], c.want)
			}
			if strings.Contains(stderr, "goroutine") || strings.Contains(stderr, "panic") {
				t.Fatalf("stack trace on stderr:\n%s", stderr)
			}
			if strings.Contains(stdout, "\x1b[?1049h") {
				t.Fatal("the screen was taken over before the error")
			}
		})
	}
}

func TestCLIVersionAndHelp(t *testing.T) {
	out, _, code := runCLI(t, "", "--version")
	if code != 0 || !strings.Contains(out, "parallax") {
		t.Fatalf("--version: code %d, %q", code, out)
	}
	out2, _, code := runCLI(t, "", "version")
	if code != 0 || !strings.Contains(out2, "parallax") {
		t.Fatalf("version: code %d, %q", code, out2)
	}
	help, _, code := runCLI(t, "", "--help")
	if code != 0 {
		t.Fatalf("--help exit %d", code)
	}
	for _, want := range []string{"ARTICLE", "--theme", "--no-mouse", "--timeout", "--max-size", "--annotations", "--read-only", "parallax/annotations/", "built-in sample"} {
		if !strings.Contains(help, want) {
			t.Errorf("--help does not mention %q:\n%s", want, help)
		}
	}
	man, _, code := runCLI(t, "", "man")
	if code != 0 || !strings.Contains(man, ".TH") {
		t.Fatalf("man: exit %d, %.80q", code, man)
	}
	comp, _, code := runCLI(t, "", "completion", "bash")
	if code != 0 || !strings.Contains(comp, "parallax") {
		t.Fatalf("completion bash: exit %d", code)
	}
}

func TestCLIExport(t *testing.T) {
	dir := t.TempDir()
	t.Setenv("XDG_DATA_HOME", dir)
	t.Setenv("SOURCE_DATE_EPOCH", "1700000000")
	empty := filepath.Join(dir, "none.jsonld")

	// Nothing tagged: an empty but valid note, on stdout.
	out, stderr, code := runCLI(t, "", "export", "--annotations", empty)
	if code != 0 {
		t.Fatalf("export: exit %d: %s", code, stderr)
	}
	for _, want := range []string{"---\ntitle:", "date: \"2023-11-14T22:13:20Z\"", "tags: 0", "Nothing tagged"} {
		if !strings.Contains(out, want) {
			t.Fatalf("empty export lacks %q:\n%s", want, out)
		}
	}
	if _, err := os.Stat(empty); !os.IsNotExist(err) {
		t.Fatalf("export must not create the annotation file (stat: %v)", err)
	}

	// -o FILE holds the same bytes as standard output.
	note := filepath.Join(dir, "notes.md")
	if _, stderr, code := runCLI(t, "", "export", "--annotations", empty, "-o", note); code != 0 {
		t.Fatalf("export -o: exit %d: %s", code, stderr)
	}
	written, err := os.ReadFile(note)
	if err != nil {
		t.Fatal(err)
	}
	if string(written) != out {
		t.Fatal("export -o wrote different bytes from standard output")
	}

	// A broken annotation file: one line naming file, line and column; the
	// file is left as it was.
	bad := filepath.Join(dir, "bad.jsonld")
	broken := "{\n  \"@context\": \"http://www.w3.org/ns/anno.jsonld\",\n  \"type\": \n}\n"
	if err := os.WriteFile(bad, []byte(broken), 0o644); err != nil {
		t.Fatal(err)
	}
	_, stderr, code = runCLI(t, "", "export", "--annotations", bad)
	if code == 0 || strings.Count(strings.TrimSpace(stderr), "\n") != 0 || !strings.Contains(stderr, "bad.jsonld:4:") {
		t.Fatalf("broken file: exit %d, stderr %q; want one line naming bad.jsonld:4:col", code, stderr)
	}
	if after, _ := os.ReadFile(bad); string(after) != broken {
		t.Fatal("a broken annotation file was changed")
	}

	// The reader refuses it the same way, before taking the screen.
	stdout, stderr, code := runCLI(t, "", "--annotations", bad)
	if code == 0 || !strings.Contains(stderr, "bad.jsonld:4:") || strings.Contains(stdout, "\x1b[?1049h") {
		t.Fatalf("reader on a broken file: exit %d, stderr %q", code, stderr)
	}
	if after, _ := os.ReadFile(bad); string(after) != broken {
		t.Fatal("the reader changed a broken annotation file")
	}
}
