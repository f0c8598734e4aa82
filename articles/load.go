package articles

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/parallax-reader/parallax/articles/segment"
	"github.com/parallax-reader/parallax/model"
)

// Defaults for Options fields left zero.
const (
	DefaultTimeout   = 20 * time.Second
	DefaultURLLimit  = 10 << 20 // bytes read from a URL at most
	DefaultFileLimit = 64 << 20 // bytes read from a file or standard input at most
	maxRedirects     = 5
	loadParallelism  = 4
)

// Options tune loading. The zero value is ready to use.
type Options struct {
	// Timeout bounds fetching a URL, body included; 0 means DefaultTimeout.
	Timeout time.Duration
	// MaxBytes is the most a source may hold; 0 means DefaultURLLimit for
	// URLs and DefaultFileLimit for files and standard input.
	MaxBytes int64
	// HTTPClient fetches URLs; nil means a client with the default
	// transport. Redirects are limited to 5 unless it sets CheckRedirect.
	HTTPClient *http.Client
	// Stdin is read for the source "-"; nil means os.Stdin.
	Stdin io.Reader
	// UserAgent is sent with every request; "" means "parallax".
	UserAgent string
}

func (o Options) limit(def int64) int64 {
	if o.MaxBytes > 0 {
		return o.MaxBytes
	}
	return def
}

// format is how a source's bytes are read.
type format int

const (
	formatText format = iota
	formatMarkdown
	formatHTML
)

// document is a source's bytes and what is known about them before
// cleaning.
type document struct {
	source      string
	raw         []byte
	format      format
	contentType string   // HTTP Content-Type, for HTML charset detection
	pageURL     *url.URL // where HTML came from, for readability
	uri         string   // "" means urn:sha256 of the cleaned text
	outlet      string
	nameTitle   string // title to use when the content offers none
}

// Load reads one article from source: a file path (.txt or anything else
// as text, .md/.markdown as Markdown, .html/.htm through readability
// extraction), an http or https URL, "-" for standard input, or
// "sample:NAME" for a built-in sample. The article's ID is left empty for
// the caller; LoadAll numbers them. Every error is an *Error whose message
// is one line naming the source.
func Load(ctx context.Context, source string, opt Options) (model.Article, error) {
	d, err := open(ctx, source, opt)
	if err != nil {
		return model.Article{}, err
	}
	return build(d)
}

// LoadAll loads every source, several at a time, and numbers the articles
// "a1", "a2", … in the order given. When any source fails, it returns no
// articles and an error with one line per failed source, in order.
func LoadAll(ctx context.Context, sources []string, opt Options) ([]model.Article, error) {
	stdin := 0
	for _, s := range sources {
		if s == "-" {
			stdin++
		}
	}
	if stdin > 1 {
		return nil, newError("-", ErrStdinTwice, nil, `standard input ("-") can be given only once`)
	}
	arts := make([]model.Article, len(sources))
	errs := make([]error, len(sources))
	sem := make(chan struct{}, loadParallelism)
	var wg sync.WaitGroup
	for i, s := range sources {
		wg.Go(func() {
			sem <- struct{}{}
			defer func() { <-sem }()
			arts[i], errs[i] = Load(ctx, s, opt)
			arts[i].ID = fmt.Sprintf("a%d", i+1)
		})
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	return arts, nil
}

// schemeRE matches a URL scheme followed by "//".
var schemeRE = regexp.MustCompile(`^([A-Za-z][A-Za-z0-9+.-]*)://`)

// open finds and reads the source.
func open(ctx context.Context, source string, opt Options) (document, error) {
	if err := ctx.Err(); err != nil {
		return document{}, newError(source, ErrCanceled, err, "reading %s: canceled", quoted(source))
	}
	if source == "-" {
		return readStdin(source, opt)
	}
	if name, ok := strings.CutPrefix(source, "sample:"); ok {
		if raw, err := sampleFS.ReadFile("sample/" + name); err == nil {
			return sampleDocument(name, raw), nil
		}
	}
	if m := schemeRE.FindStringSubmatch(source); m != nil {
		switch strings.ToLower(m[1]) {
		case "http", "https":
			return fetch(ctx, source, opt)
		case "file":
			u, err := url.Parse(source)
			if err != nil || (u.Host != "" && u.Host != "localhost") {
				return document{}, newError(source, ErrBadURL, err, "%s is not a local file URL", quoted(source))
			}
			return readFile(source, filepath.FromSlash(u.Path), opt)
		}
		if _, err := os.Stat(source); err != nil {
			return document{}, newError(source, ErrScheme, nil, "unsupported URL scheme %q in %s (use http or https)", m[1], quoted(source))
		}
	}
	return readFile(source, source, opt)
}

func readStdin(source string, opt Options) (document, error) {
	r := opt.Stdin
	if r == nil {
		r = os.Stdin
	}
	limit := opt.limit(DefaultFileLimit)
	raw, err := io.ReadAll(io.LimitReader(r, limit+1))
	if err != nil {
		return document{}, newError(source, ErrRead, err, "cannot read standard input: %s", causeText(err))
	}
	if int64(len(raw)) > limit {
		return document{}, tooLargeError(source, limit)
	}
	f := formatText
	switch {
	case looksLikeHTML(raw):
		f = formatHTML
	case looksLikeMarkdown(raw):
		f = formatMarkdown
	}
	return document{source: source, raw: raw, format: f, outlet: "stdin", nameTitle: "Standard input"}, nil
}

func readFile(source, path string, opt Options) (document, error) {
	limit := opt.limit(DefaultFileLimit)
	info, err := os.Stat(path)
	if err != nil {
		return document{}, fileError(source, err)
	}
	if info.IsDir() {
		return document{}, newError(source, ErrIsDirectory, nil, "%s is a directory", quoted(source))
	}
	if info.Mode().IsRegular() && info.Size() > limit {
		return document{}, tooLargeError(source, limit)
	}
	f, err := os.Open(path)
	if err != nil {
		return document{}, fileError(source, err)
	}
	defer f.Close()
	// Pipes and devices have no size up front, so the limit also applies
	// while reading. A regular file is read into a buffer of its size.
	var buf bytes.Buffer
	if info.Mode().IsRegular() {
		buf.Grow(int(info.Size()) + bytes.MinRead)
	}
	_, err = buf.ReadFrom(io.LimitReader(f, limit+1))
	raw := buf.Bytes()
	if err != nil {
		return document{}, fileError(source, err)
	}
	if int64(len(raw)) > limit {
		return document{}, tooLargeError(source, limit)
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		abs = path
	}
	base := filepath.Base(path)
	ext := strings.ToLower(filepath.Ext(base))
	d := document{
		source:    source,
		raw:       raw,
		uri:       fileURI(abs),
		outlet:    base,
		nameTitle: strings.TrimSuffix(base, filepath.Ext(base)),
		pageURL:   &url.URL{Scheme: "file", Path: filepath.ToSlash(abs)},
	}
	switch ext {
	case ".md", ".markdown", ".mdown", ".mkd":
		d.format = formatMarkdown
	case ".html", ".htm", ".xhtml":
		d.format = formatHTML
	case ".txt", ".text":
		d.format = formatText
	default:
		// A page saved without an extension is still a page.
		switch {
		case looksLikeHTML(raw):
			d.format = formatHTML
		case looksLikeMarkdown(raw):
			d.format = formatMarkdown
		}
	}
	return d, nil
}

// fileURI is the file:// URI of an absolute path.
func fileURI(abs string) string {
	p := filepath.ToSlash(abs)
	if !strings.HasPrefix(p, "/") {
		p = "/" + p // a Windows drive letter
	}
	return (&url.URL{Scheme: "file", Path: p}).String()
}

// bareHostRE matches a web address given without its scheme.
// A file name such as "notes.md" must not match, so a host needs "www."
// or a path after it.
var bareHostRE = regexp.MustCompile(`^(www\.[A-Za-z0-9.-]+|[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/)`)

func fileError(source string, err error) *Error {
	switch {
	case errors.Is(err, fs.ErrNotExist) && bareHostRE.MatchString(source):
		return newError(source, ErrNotFound, err, "cannot read %s: no such file (for a web page, give the whole URL: https://%s)", quoted(source), source)
	case errors.Is(err, fs.ErrNotExist):
		return newError(source, ErrNotFound, err, "cannot read %s: no such file", quoted(source))
	case errors.Is(err, fs.ErrPermission):
		return newError(source, ErrPermission, err, "cannot read %s: permission denied", quoted(source))
	}
	return newError(source, ErrRead, err, "cannot read %s: %s", quoted(source), causeText(err))
}

// causeText is the innermost useful part of an error, on one line.
func causeText(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		err = pe.Err
	}
	return oneLine(err.Error())
}

// looksLikeHTML reports whether bytes start like an HTML document.
func looksLikeHTML(raw []byte) bool {
	head := raw[:min(len(raw), 512)]
	head = bytes.TrimPrefix(head, []byte{0xEF, 0xBB, 0xBF})
	head = bytes.ToLower(bytes.TrimLeft(head, " \t\r\n"))
	return bytes.HasPrefix(head, []byte("<!doctype html")) || bytes.HasPrefix(head, []byte("<html"))
}

// looksLikeMarkdown reports whether text with no name to go by starts like
// a Markdown document: an ATX heading ("# Title") or YAML front matter.
// News text does not begin with either, so plain text stays plain.
func looksLikeMarkdown(raw []byte) bool {
	head := raw[:min(len(raw), 512)]
	head = bytes.TrimPrefix(head, []byte{0xEF, 0xBB, 0xBF})
	head = bytes.TrimLeft(head, " \t\r\n")
	if bytes.HasPrefix(head, []byte("---\n")) || bytes.HasPrefix(head, []byte("---\r\n")) {
		return true
	}
	hashes := len(head) - len(bytes.TrimLeft(head, "#"))
	return hashes >= 1 && hashes <= 6 && len(head) > hashes+1 && head[hashes] == ' ' && head[hashes+1] != ' '
}

// build cleans and reads a document into an article.
func build(d document) (model.Article, error) {
	if !hasUTF16BOM(d.raw) {
		if i := bytes.IndexByte(d.raw, 0); i >= 0 {
			return model.Article{}, binaryError(d.source, &BinaryError{Offset: i})
		}
	}
	var text, title string
	var rep cleanReport
	switch d.format {
	case formatHTML:
		if len(bytes.TrimSpace(d.raw)) == 0 {
			return model.Article{}, emptyError(d.source, false)
		}
		ex := extractHTML(d.raw, d.contentType, d.pageURL)
		text, title, rep = ex.text, ex.title, ex.rep
	default:
		var err error
		text, rep, err = clean(d.raw)
		var bin *BinaryError
		if errors.As(err, &bin) {
			return model.Article{}, binaryError(d.source, bin)
		}
		if d.format == formatMarkdown && strings.TrimSpace(text) != "" {
			var md string
			var mdRep cleanReport
			title, md = markdownToText(text)
			text, mdRep = cleanReported(md)
			rep.escapes += mdRep.escapes
			rep.controls += mdRep.controls
			rep.bidi += mdRep.bidi
			title = oneLine(title)
		}
	}
	if strings.TrimSpace(text) == "" {
		return model.Article{}, emptyError(d.source, d.format != formatText && len(bytes.TrimSpace(d.raw)) > 0)
	}
	if title == "" {
		title = firstLineTitle(text)
	}
	if title == "" {
		title = oneLine(d.nameTitle)
	}
	sum := sha256.Sum256([]byte(text))
	hexSum := hex.EncodeToString(sum[:])
	uri := d.uri
	if uri == "" {
		uri = "urn:sha256:" + hexSum
	}
	paras := segment.Paragraphs(text)
	return model.Article{
		Source:     d.source,
		URI:        uri,
		Title:      title,
		Outlet:     oneLine(d.outlet),
		Text:       text,
		SHA256:     hexSum,
		Paragraphs: paras,
		Sentences:  segment.Sentences(text, paras),
		Replaced:   rep.replaced,
		Warnings:   rep.warnings(),
	}, nil
}

func hasUTF16BOM(raw []byte) bool {
	return bytes.HasPrefix(raw, []byte{0xFF, 0xFE}) || bytes.HasPrefix(raw, []byte{0xFE, 0xFF})
}

// warnings are the short notes shown in the pane header about what
// cleaning changed.
func (r cleanReport) warnings() []string {
	var w []string
	if r.replaced > 0 {
		unit := "UTF-8 sequence"
		if r.utf16 {
			unit = "UTF-16 code unit"
		}
		w = append(w, fmt.Sprintf("%d invalid %s%s replaced", r.replaced, unit, plural(r.replaced)))
	}
	if r.escapes > 0 {
		w = append(w, "terminal escape sequences removed")
	}
	if r.controls > 0 {
		w = append(w, "control characters removed")
	}
	if r.bidi > 0 {
		w = append(w, "bidirectional text controls removed")
	}
	return w
}

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}

// firstLineTitle returns the text's first line when it reads as a title:
// under 120 characters, with a letter in it, not ending like a sentence or
// a lead-in (. ! ? : ; ,), and followed by more text.
func firstLineTitle(text string) string {
	rest := strings.TrimLeft(text, " \t\n")
	line, after, found := strings.Cut(rest, "\n")
	line = strings.TrimSpace(line)
	if !found || strings.TrimSpace(after) == "" || line == "" || utf8.RuneCountInString(line) >= 120 {
		return ""
	}
	if !strings.ContainsFunc(line, unicode.IsLetter) {
		return ""
	}
	end := strings.TrimRight(line, `"'”’»)]`)
	if end == "" || strings.ContainsAny(end[len(end)-1:], ".!?:;,") {
		return ""
	}
	return oneLine(line)
}
