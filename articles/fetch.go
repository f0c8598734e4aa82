package articles

import (
	"context"
	"errors"
	"fmt"
	"io"
	"mime"
	"net"
	"net/http"
	"net/url"
	"path"
	"strconv"
	"strings"
	"syscall"
	"time"

	"golang.org/x/net/html/charset"
)

var errTooManyRedirects = fmt.Errorf("stopped after %d redirects", maxRedirects)

// acceptHeader prefers what parallax reads.
const acceptHeader = "text/html, application/xhtml+xml;q=0.9, text/markdown;q=0.9, text/plain;q=0.8, */*;q=0.1"

// fetch downloads a URL within the time and size limits and says how to
// read the body.
func fetch(ctx context.Context, source string, opt Options) (document, error) {
	u, err := url.Parse(source)
	if err != nil {
		return document{}, newError(source, ErrBadURL, err, "%s is not a valid URL", quoted(source))
	}
	if u.Host == "" {
		return document{}, newError(source, ErrBadURL, nil, "%s is not a valid URL: it names no host", quoted(source))
	}
	timeout := opt.Timeout
	if timeout <= 0 {
		timeout = DefaultTimeout
	}
	fctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(fctx, http.MethodGet, u.String(), nil)
	if err != nil {
		return document{}, newError(source, ErrBadURL, err, "%s is not a valid URL", quoted(source))
	}
	ua := opt.UserAgent
	if ua == "" {
		ua = "parallax"
	}
	req.Header.Set("User-Agent", ua)
	req.Header.Set("Accept", acceptHeader)

	c := client(opt)
	if c.Timeout > 0 && c.Timeout < timeout {
		timeout = c.Timeout // the caller's client gives up first
	}
	resp, err := c.Do(req)
	if err != nil {
		return document{}, fetchError(ctx, source, timeout, err)
	}
	defer resp.Body.Close()
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		// The server's reason phrase is not shown: it is the server's text
		// and could hold anything; the standard one says the same.
		status := strconv.Itoa(resp.StatusCode)
		if text := http.StatusText(resp.StatusCode); text != "" {
			status += " " + text
		}
		return document{}, newError(source, ErrHTTPStatus, nil, "%s: server answered %s", quoted(source), status)
	}
	limit := opt.limit(DefaultURLLimit)
	if resp.ContentLength > limit {
		return document{}, tooLargeError(source, limit)
	}
	raw, err := io.ReadAll(io.LimitReader(resp.Body, limit+1))
	if err != nil {
		return document{}, fetchError(ctx, source, timeout, err)
	}
	if int64(len(raw)) > limit {
		return document{}, tooLargeError(source, limit)
	}

	final := resp.Request.URL
	// The URI is saved in annotation files that get shared: never with a
	// password in it.
	id := *u
	id.User = nil
	d := document{
		source:      source,
		raw:         raw,
		uri:         id.String(),
		outlet:      strings.TrimPrefix(final.Hostname(), "www."),
		nameTitle:   strings.TrimSuffix(strings.TrimPrefix(final.Hostname(), "www.")+final.EscapedPath(), "/"),
		pageURL:     final,
		contentType: resp.Header.Get("Content-Type"),
	}
	mediaType, params, _ := mime.ParseMediaType(d.contentType)
	if mediaType == "" || mediaType == "application/octet-stream" {
		mediaType, params, _ = mime.ParseMediaType(http.DetectContentType(raw))
	}
	switch ext := strings.ToLower(path.Ext(final.Path)); {
	case mediaType == "text/html" || mediaType == "application/xhtml+xml":
		d.format = formatHTML
	case mediaType == "text/markdown" || mediaType == "text/x-markdown":
		d.format = formatMarkdown
	case strings.HasPrefix(mediaType, "text/"):
		// Many servers send Markdown and saved pages as text/plain.
		switch ext {
		case ".md", ".markdown":
			d.format = formatMarkdown
		case ".html", ".htm":
			d.format = formatHTML
		}
	default:
		return document{}, newError(source, ErrNotAnArticle, nil, "%s is %s, not an article; parallax reads text, Markdown and HTML", quoted(source), mediaType)
	}
	if d.format != formatHTML {
		d.raw = toUTF8(raw, params["charset"])
	}
	return d, nil
}

// toUTF8 decodes text sent in a declared charset other than UTF-8. Input
// with a byte order mark is left for Clean, which decodes UTF-16 itself.
func toUTF8(raw []byte, label string) []byte {
	if label == "" || hasUTF16BOM(raw) {
		return raw
	}
	enc, name := charset.Lookup(label)
	if enc == nil || name == "utf-8" {
		return raw
	}
	out, err := enc.NewDecoder().Bytes(raw)
	if err != nil {
		return raw
	}
	return out
}

// client is the caller's HTTP client, or a default one, with redirects
// limited.
func client(opt Options) *http.Client {
	c := &http.Client{}
	if opt.HTTPClient != nil {
		copied := *opt.HTTPClient
		c = &copied
	}
	if c.CheckRedirect == nil {
		c.CheckRedirect = func(_ *http.Request, via []*http.Request) error {
			if len(via) > maxRedirects {
				return errTooManyRedirects
			}
			return nil
		}
	}
	return c
}

// fetchError says in one line why a request failed. ctx is the caller's
// context, to tell its cancellation from the fetch timing out.
func fetchError(ctx context.Context, source string, timeout time.Duration, err error) *Error {
	var dns *net.DNSError
	var ue *url.Error
	switch {
	case errors.Is(err, errTooManyRedirects):
		return newError(source, ErrRedirects, err, "fetching %s: %s", quoted(source), errTooManyRedirects)
	case ctx.Err() != nil:
		return newError(source, ErrCanceled, err, "fetching %s: canceled", quoted(source))
	case errors.Is(err, context.DeadlineExceeded), errors.As(err, &ue) && ue.Timeout():
		return newError(source, ErrTimeout, err, "fetching %s: timed out after %s", quoted(source), timeout)
	case errors.As(err, &dns) && dns.IsNotFound:
		return newError(source, ErrNetwork, err, "fetching %s: no such host %q", quoted(source), dns.Name)
	case errors.Is(err, syscall.ECONNREFUSED):
		return newError(source, ErrNetwork, err, "fetching %s: connection refused", quoted(source))
	}
	if errors.As(err, &ue) {
		err = ue.Err
	}
	return newError(source, ErrNetwork, err, "fetching %s: %s", quoted(source), oneLine(err.Error()))
}
