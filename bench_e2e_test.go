package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

// BenchmarkReaderVsLess opens a 5 MB article in parallax and in less, in
// the same tmux size, and measures for each: time to the first screen, and
// time to process 200 keystrokes followed by G (until the last line shows).
// It reports parallax's figures as ratios to less's, measured in the same
// run, and parallax's peak resident memory.
func BenchmarkReaderVsLess(b *testing.B) {
	bin := parallaxBinary(b)
	path := filepath.Join(b.TempDir(), "big.txt")
	if err := os.WriteFile(path, bigArticle(5<<20), 0o644); err != nil {
		b.Fatal(err)
	}
	keys := make([]string, 0, 201)
	for i := 0; len(keys) < 200; i++ {
		keys = append(keys, []string{"j", "j", "C-d", "j", "space", "k"}[i%6])
	}
	keys = append(keys, "G")

	var px, ls run
	for i := 0; i < b.N; i++ {
		px = px.add(driveReader(b, bin, path, keys))
		ls = ls.add(driveReader(b, "less", path, keys))
	}
	n := float64(b.N)
	b.ReportMetric(px.firstScreen.Seconds()*1000/n, "first-screen-ms")
	b.ReportMetric(px.keys.Seconds()*1000/n, "keys+G-ms")
	b.ReportMetric(ls.keys.Seconds()*1000/n, "less-keys+G-ms")
	b.ReportMetric(px.keys.Seconds()/ls.keys.Seconds(), "keys-x-less")
	b.ReportMetric(px.firstScreen.Seconds()/ls.firstScreen.Seconds(), "first-screen-x-less")
	b.ReportMetric(float64(px.peakKB)/1024, "peak-MB")
}

type run struct {
	firstScreen, keys time.Duration
	peakKB            int
}

func (r run) add(o run) run {
	return run{r.firstScreen + o.firstScreen, r.keys + o.keys, max(r.peakKB, o.peakKB)}
}

func driveReader(b *testing.B, program, path string, keys []string) run {
	b.Helper()
	start := time.Now()
	s := startTmux(b, 80, 24, []string{"NO_COLOR=", "LESS="}, "exec", program, path)
	s.waitFor(30*time.Second, "FIRST-LINE-MARKER")
	first := time.Since(start)
	start = time.Now()
	s.send(keys...)
	s.waitFor(60*time.Second, "LAST-LINE-MARKER")
	r := run{firstScreen: first, keys: time.Since(start), peakKB: peakKB(s.pid())}
	s.send("q")
	return r
}

// peakKB reads a process's peak resident set size (VmHWM) in KiB.
func peakKB(pid int) int {
	data, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(data), "\n") {
		if rest, ok := strings.CutPrefix(line, "VmHWM:"); ok {
			n, _ := strconv.Atoi(strings.TrimSuffix(strings.TrimSpace(rest), " kB"))
			return n
		}
	}
	return 0
}

// bigArticle builds size bytes of news-like paragraphs between two markers.
func bigArticle(size int) []byte {
	var sb strings.Builder
	sb.WriteString("FIRST-LINE-MARKER\n\n")
	sentences := []string{
		"Officials met on Monday in the capital for talks that lasted about four hours.",
		"The minister said the two sides had agreed to meet again within a month.",
		"According to the agency, 1,200 people attended the rally on 3 May 2021.",
		"“We are hopeful,” the ambassador told reporters after the meeting.",
		"Critics noted that the budget of $4.5 million was 12% higher than planned.",
	}
	for i := 0; sb.Len() < size; i++ {
		sb.WriteString(sentences[i%len(sentences)])
		if i%4 == 3 {
			sb.WriteString("\n\n")
		} else {
			sb.WriteString(" ")
		}
	}
	sb.WriteString("\n\nLAST-LINE-MARKER\n")
	return []byte(sb.String())
}
