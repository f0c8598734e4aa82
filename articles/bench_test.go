package articles

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"
)

// BenchmarkLoad5MB loads a 5 MiB text article from a file: reading,
// cleaning, hashing, and paragraph and sentence segmentation.
func BenchmarkLoad5MB(b *testing.B) {
	raw := hugeArticle(5 << 20)
	p := filepath.Join(b.TempDir(), "huge.txt")
	if err := os.WriteFile(p, raw, 0o644); err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(raw)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Load(context.Background(), p, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkClean5MB is the cleaning step alone.
func BenchmarkClean5MB(b *testing.B) {
	raw := hugeArticle(5 << 20)
	b.SetBytes(int64(len(raw)))
	b.ReportAllocs()
	for b.Loop() {
		if _, _, err := Clean(raw); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkCleanBaseline5MB is the baseline for BenchmarkClean5MB: the
// least any cleaner must do (valid UTF-8, LF line ends, NFC) with the
// standard library and x/text, and no escape or control handling.
func BenchmarkCleanBaseline5MB(b *testing.B) {
	raw := hugeArticle(5 << 20)
	b.SetBytes(int64(len(raw)))
	b.ReportAllocs()
	for b.Loop() {
		s := strings.ToValidUTF8(string(raw), "\uFFFD")
		s = strings.ReplaceAll(s, "\r\n", "\n")
		_ = norm.NFC.String(s)
	}
}

// BenchmarkLoadHTML1MB extracts the article from a 1 MiB page, the size of
// a heavy news page.
func BenchmarkLoadHTML1MB(b *testing.B) {
	var page strings.Builder
	page.WriteString("<html><head><title>Long page</title></head><body><article>")
	for page.Len() < 1<<20 {
		page.WriteString("<p>" + hugeParagraph + " <a href=\"/x\">link</a></p>\n")
	}
	page.WriteString("</article></body></html>")
	p := filepath.Join(b.TempDir(), "page.html")
	if err := os.WriteFile(p, []byte(page.String()), 0o644); err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(page.Len()))
	for b.Loop() {
		if _, err := Load(context.Background(), p, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}
