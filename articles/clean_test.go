package articles

import (
	"bytes"
	"errors"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

func TestCleanRemovesTerminalControl(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"OSC 0 window title with BEL", "before\x1b]0;pwned title\x07after", "beforeafter"},
		{"OSC 2 window title with ST", "before\x1b]2;pwned\x1b\\after", "beforeafter"},
		{"OSC 52 clipboard write", "a\x1b]52;c;cm0gLXJmIH4=\x07b", "ab"},
		{"OSC 8 hyperlink keeps its label", "\x1b]8;;http://evil.example\x1b\\click\x1b]8;;\x1b\\", "click"},
		{"CSI 2J clear screen", "top\x1b[2J\x1b[Hbottom", "topbottom"},
		{"CSI SGR colour", "\x1b[1;31mred\x1b[0m text", "red text"},
		{"CSI private mode (alt screen)", "x\x1b[?1049hy", "xy"},
		{"ESC c full reset", "x\x1bcy", "xy"},
		{"ESC ( B charset", "x\x1b(By", "xy"},
		{"DCS string", "x\x1bP1$r0m\x1b\\y", "xy"},
		{"APC string", "x\x1b_Gf=100;AAAA\x1b\\y", "xy"},
		{"PM and SOS strings", "x\x1b^secret\x1b\\y\x1bXmore\x07z", "xyz"},
		{"UTF-8 encoded C1 CSI", "a\u009b2Jb", "ab"},
		{"UTF-8 encoded C1 OSC with C1 ST", "a\u009d0;title\u009cb", "ab"},
		{"UTF-8 encoded C1 OSC with BEL", "a\u009d52;c;AAAA\u0007b", "ab"},
		{"UTF-8 encoded C1 DCS and APC", "a\u0090q#0\u009cb\u009fx\u009cc", "abc"},
		{"other C1 controls", "a\u0084b\u008ec", "abc"},
		{"C0 controls and DEL", "a\x01\x07c\x08d\x7fe\x1a", "acde"},
		{"bell and backspace", "ring\x07\x08\x08", "ring"},
		{"bidi overrides", "abc\u202edcba\u202c", "abcdcba"},
		{"bidi isolates", "x\u2066y\u2067z\u2068w\u2069", "xyzw"},
		{"bidi embeddings", "\u202ax\u202by\u202c", "xy"},
		{"marks kept", "a\u200eb\u200fc", "a\u200eb\u200fc"},
		{"tabs and newlines kept", "a\tb\nc", "a\tb\nc"},
		{"CRLF", "one\r\ntwo\r\n", "one\ntwo\n"},
		{"lone CR", "one\rtwo\r\rthree", "one\ntwo\n\nthree"},
		{"form feed and vertical tab break lines", "page\fnext\vline", "page\nnext\nline"},
		{"next line, line and paragraph separators", "a\u0085b\u2028c\u2029d", "a\nb\nc\n\nd"},
		{"soft hyphen and stray BOM removed", "co\u00adop\ufefferate", "cooperate"},
		{"UTF-8 BOM", "\ufeffhello", "hello"},
		{"NFC", "cafe\u0301 A\u030a", "café Å"},
		{"NFC after removing a control between base and mark", "e\u202e\u0301", "é"},
		{"NFC after removing an escape between base and mark", "e\x1b[0m\u0301", "é"},
		{"truncated CSI at end", "text\x1b[31", "text"},
		{"truncated OSC at end", "text\x1b]0;tit", "text"},
		{"unterminated OSC ends at the line", "a\x1b]0;junk\nthe article goes on", "a\nthe article goes on"},
		{"many unterminated OSCs", strings.Repeat("\x1b]x\n", 3) + "end", "\n\n\nend"},
		{"lone ESC at end", "text\x1b", "text"},
		{"ESC before non-ASCII", "a\x1bé", "aé"},
		{"ESC ESC", "a\x1b\x1b[31mb", "ab"},
		{"CSI broken by a newline", "a\x1b[3\n1mb", "a\n1mb"},
		{"CSI with non-ASCII inside", "a\x1b[3éb", "aéb"},
		{"OSC cut short by another escape", "a\x1b]0;t\x1b[31mb", "ab"},
		{"stray ST", "a\x1b\\b", "ab"},
		{"CJK and emoji untouched", "東京 👩‍👩‍👧", "東京 👩‍👩‍👧"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, replaced, err := Clean([]byte(tc.in))
			if err != nil {
				t.Fatalf("Clean(%q): %v", tc.in, err)
			}
			if got != tc.want {
				t.Errorf("Clean(%q) = %q, want %q", tc.in, got, tc.want)
			}
			if replaced != 0 {
				t.Errorf("Clean(%q) replaced %d, want 0", tc.in, replaced)
			}
			checkCleanInvariants(t, got)
		})
	}
}

func TestCleanInvalidUTF8(t *testing.T) {
	tests := []struct {
		in       string
		want     string
		replaced int
	}{
		{"caf\xe9", "caf\ufffd", 1},                         // Latin-1 é
		{"\x93quoted\x94", "\ufffdquoted\ufffd", 2},         // Windows-1252 quotes
		{"a\xe2\x82b", "a\ufffd\ufffdb", 2},                 // truncated 3-byte sequence
		{"\xed\xa0\x80", "\ufffd\ufffd\ufffd", 3},           // UTF-8 encoded surrogate
		{"\xc0\xaf", "\ufffd\ufffd", 2},                     // overlong "/"
		{"ok \ufffd already", "ok \ufffd already", 0},       // a real U+FFFD is not counted
		{"\x9b2J", "\ufffd2J", 1},                           // raw 8-bit CSI cannot reach the terminal
		{"\x9d0;title\x07x", "\ufffd0;titlex", 1},           // raw 8-bit OSC
		{"\x1b]0;\xff\x07ok", "ok", 0},                      // invalid bytes inside a removed sequence
		{"\xf4\x90\x80\x80", "\ufffd\ufffd\ufffd\ufffd", 4}, // beyond U+10FFFF
	}
	for _, tc := range tests {
		got, replaced, err := Clean([]byte(tc.in))
		if err != nil {
			t.Fatalf("Clean(%q): %v", tc.in, err)
		}
		if got != tc.want || replaced != tc.replaced {
			t.Errorf("Clean(%q) = %q, %d; want %q, %d", tc.in, got, replaced, tc.want, tc.replaced)
		}
		checkCleanInvariants(t, got)
	}
}

func utf16LE(s string, bom bool) []byte {
	var b []byte
	if bom {
		b = append(b, 0xFF, 0xFE)
	}
	for _, r := range s {
		if r >= 0x10000 {
			r -= 0x10000
			hi, lo := 0xD800+(r>>10), 0xDC00+(r&0x3FF)
			b = append(b, byte(hi), byte(hi>>8), byte(lo), byte(lo>>8))
			continue
		}
		b = append(b, byte(r), byte(r>>8))
	}
	return b
}

func TestCleanUTF16(t *testing.T) {
	le := utf16LE("Grüße, 世界 😀\r\nline two", true)
	got, replaced, err := Clean(le)
	if err != nil || got != "Grüße, 世界 😀\nline two" || replaced != 0 {
		t.Errorf("UTF-16LE: %q, %d, %v", got, replaced, err)
	}

	// Big endian: swap every pair after the mark.
	be := bytes.Clone(le)
	for i := 0; i+1 < len(be); i += 2 {
		be[i], be[i+1] = be[i+1], be[i]
	}
	got, replaced, err = Clean(be)
	if err != nil || got != "Grüße, 世界 😀\nline two" || replaced != 0 {
		t.Errorf("UTF-16BE: %q, %d, %v", got, replaced, err)
	}

	// A lone high surrogate, a lone low surrogate, a real U+FFFD and a
	// dangling final byte: three replacements, the real one not counted.
	bad := append(utf16LE("a", true), 0x00, 0xD8, 'b', 0, 0x00, 0xDC, 0xFD, 0xFF, 'c', 0, 'd')
	got, replaced, err = Clean(bad)
	if err != nil || got != "a\ufffdb\ufffd\ufffdc\ufffd" || replaced != 3 {
		t.Errorf("UTF-16 with lone surrogates: %q, %d, %v", got, replaced, err)
	}

	// NUL characters in UTF-16 are removed, not taken for binary.
	got, _, err = Clean(utf16LE("x\x00y\x1b[2Jz", true))
	if err != nil || got != "xyz" {
		t.Errorf("UTF-16 with NUL and escape: %q, %v", got, err)
	}
}

func TestCleanBinary(t *testing.T) {
	_, _, err := Clean([]byte("PK\x03\x04 zip\x00data"))
	var bin *BinaryError
	if !errors.As(err, &bin) || bin.Offset != 8 {
		t.Fatalf("Clean(zip) error = %v, want BinaryError at offset 8", err)
	}
	if !strings.Contains(err.Error(), "NUL byte at offset 8") {
		t.Errorf("message %q does not say where the NUL is", err)
	}
	// UTF-16 without a byte order mark holds NULs and is taken for binary.
	if _, _, err := Clean(utf16LE("hello", false)); !errors.As(err, &bin) {
		t.Errorf("UTF-16 without BOM: err = %v, want BinaryError", err)
	}
}

func TestCleanEmpty(t *testing.T) {
	for _, in := range []string{"", "\ufeff", "\xff\xfe", "\x1b[2J"} {
		got, replaced, err := Clean([]byte(in))
		if got != "" || replaced != 0 || err != nil {
			t.Errorf("Clean(%q) = %q, %d, %v; want empty", in, got, replaced, err)
		}
	}
}

func TestCleanIsIdempotentOnSamples(t *testing.T) {
	for _, a := range Sample() {
		again, replaced, err := Clean([]byte(a.Text))
		if err != nil || again != a.Text || replaced != 0 {
			t.Errorf("%s: cleaning the cleaned text changed it", a.Source)
		}
	}
}

// checkCleanInvariants asserts what every cleaned text must satisfy.
func checkCleanInvariants(t *testing.T, s string) {
	t.Helper()
	if !utf8.ValidString(s) {
		t.Fatalf("output is not valid UTF-8: %q", s)
	}
	if !norm.NFC.IsNormalString(s) {
		t.Fatalf("output is not NFC: %q", s)
	}
	for i, r := range s {
		if isForbidden(r) {
			t.Fatalf("output holds %U at byte %d: %q", r, i, s)
		}
	}
}

// isForbidden reports runes that must never survive cleaning.
func isForbidden(r rune) bool {
	switch {
	case r == '\n' || r == '\t':
		return false
	case r < 0x20, r >= 0x7F && r <= 0x9F:
		return true
	case r >= 0x202A && r <= 0x202E, r >= 0x2066 && r <= 0x2069:
		return true
	}
	return false
}
