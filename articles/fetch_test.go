package articles

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"
)

func newServer(t *testing.T) *httptest.Server {
	t.Helper()
	mux := http.NewServeMux()
	mux.HandleFunc("/story", func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("User-Agent") == "" || !strings.Contains(r.Header.Get("Accept"), "text/html") {
			http.Error(w, "missing headers", http.StatusBadRequest)
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, newsPage)
	})
	mux.HandleFunc("/plain", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		fmt.Fprint(w, "Plain headline\r\n\r\nPlain body \x1b]52;c;AAAA\x07text.")
	})
	mux.HandleFunc("/latin1", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain; charset=iso-8859-1")
		fmt.Fprint(w, "Caf\xe9 news\n\nCr\xe8me.")
	})
	mux.HandleFunc("/notes.md", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain")
		fmt.Fprint(w, "# Notes title\n\nSome **bold** text.")
	})
	mux.HandleFunc("/markdown", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/markdown")
		fmt.Fprint(w, "# Served as Markdown\n\nBody.")
	})
	mux.HandleFunc("/untyped", func(w http.ResponseWriter, r *http.Request) {
		w.Header()["Content-Type"] = nil // no sniffing by the server
		fmt.Fprint(w, newsPage)
	})
	mux.HandleFunc("/image.png", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "image/png")
		w.Write([]byte("\x89PNG\r\n\x1a\n"))
	})
	mux.HandleFunc("/slow", func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-time.After(5 * time.Second):
		case <-r.Context().Done():
		}
	})
	mux.HandleFunc("/slow-body", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain")
		fmt.Fprint(w, "start ")
		w.(http.Flusher).Flush()
		select {
		case <-time.After(5 * time.Second):
		case <-r.Context().Done():
		}
	})
	mux.HandleFunc("/big", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain")
		fmt.Fprint(w, strings.Repeat("word ", 1000))
	})
	mux.HandleFunc("/big-chunked", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain")
		for range 100 {
			fmt.Fprint(w, strings.Repeat("word ", 100))
			w.(http.Flusher).Flush()
		}
	})
	mux.HandleFunc("/loop", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/loop", http.StatusFound)
	})
	for i := range 5 {
		mux.HandleFunc(fmt.Sprintf("/hop%d", i), func(w http.ResponseWriter, r *http.Request) {
			http.Redirect(w, r, fmt.Sprintf("/hop%d", i+1), http.StatusMovedPermanently)
		})
	}
	mux.HandleFunc("/hop5", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/story", http.StatusFound)
	})
	mux.HandleFunc("/empty", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
	})
	mux.HandleFunc("/evil-status", func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(599)
	})
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return srv
}

func TestFetch(t *testing.T) {
	srv := newServer(t)
	ctx := context.Background()
	opt := Options{HTTPClient: srv.Client()}

	a, err := Load(ctx, srv.URL+"/story", opt)
	if err != nil {
		t.Fatal(err)
	}
	checkArticle(t, a)
	if a.Title != "Council approves budget after long debate" || a.Outlet != "127.0.0.1" || a.URI != srv.URL+"/story" || a.Source != a.URI {
		t.Errorf("HTML article: title %q outlet %q uri %q", a.Title, a.Outlet, a.URI)
	}
	if !strings.HasPrefix(a.Text, "The city council approved the 2024 budget") || strings.Contains(a.Text, "Unrelated story") {
		t.Errorf("HTML article text: %q", a.Text)
	}

	p, err := Load(ctx, srv.URL+"/plain", opt)
	if err != nil || p.Text != "Plain headline\n\nPlain body text." || p.Title != "Plain headline" || len(p.Warnings) != 1 {
		t.Errorf("text/plain: %q %q %v %v", p.Text, p.Title, p.Warnings, err)
	}

	l, err := Load(ctx, srv.URL+"/latin1", opt)
	if err != nil || l.Text != "Café news\n\nCrème." || l.Replaced != 0 {
		t.Errorf("latin-1: %q %d %v", l.Text, l.Replaced, err)
	}

	for _, path := range []string{"/notes.md", "/markdown"} {
		m, err := Load(ctx, srv.URL+path, opt)
		if err != nil || strings.Contains(m.Text, "#") || strings.Contains(m.Text, "*") {
			t.Errorf("%s: %q %v", path, m.Text, err)
		}
	}

	u, err := Load(ctx, srv.URL+"/untyped", opt)
	if err != nil || u.Title != "Council approves budget after long debate" {
		t.Errorf("untyped HTML: %q %v", u.Title, err)
	}

	// Credentials in the URL stay out of the URI saved in annotation files.
	cred, err := Load(ctx, strings.Replace(srv.URL, "http://", "http://reader:secret@", 1)+"/plain", opt)
	if err != nil || cred.URI != srv.URL+"/plain" {
		t.Errorf("URL with credentials: URI %q, %v", cred.URI, err)
	}

	// hop1 → … → hop5 → story: exactly the five redirects allowed.
	r, err := Load(ctx, srv.URL+"/hop1", opt)
	if err != nil || r.Title != "Council approves budget after long debate" || r.URI != srv.URL+"/hop1" {
		t.Errorf("5 redirects: %q %q %v", r.Title, r.URI, err)
	}
}

func TestFetchErrors(t *testing.T) {
	srv := newServer(t)
	ctx := context.Background()
	opt := Options{HTTPClient: srv.Client()}
	tests := []struct {
		path string
		opt  Options
		kind error
		msg  string // %s is the URL
	}{
		{"/missing", opt, ErrHTTPStatus, `"%s": server answered 404 Not Found`},
		{"/evil-status", opt, ErrHTTPStatus, `"%s": server answered 599`},
		{"/slow", Options{HTTPClient: srv.Client(), Timeout: 100 * time.Millisecond}, ErrTimeout, `fetching "%s": timed out after 100ms`},
		{"/slow-body", Options{HTTPClient: srv.Client(), Timeout: 100 * time.Millisecond}, ErrTimeout, `fetching "%s": timed out after 100ms`},
		{"/slow", Options{HTTPClient: &http.Client{Timeout: 50 * time.Millisecond}}, ErrTimeout, `fetching "%s": timed out after 50ms`},
		{"/big", Options{HTTPClient: srv.Client(), MaxBytes: 1024}, ErrTooLarge, `"%s" is larger than the 1 KiB limit`},
		{"/big-chunked", Options{HTTPClient: srv.Client(), MaxBytes: 1024}, ErrTooLarge, `"%s" is larger than the 1 KiB limit`},
		{"/loop", opt, ErrRedirects, `fetching "%s": stopped after 5 redirects`},
		{"/image.png", opt, ErrNotAnArticle, `"%s" is image/png, not an article; parallax reads text, Markdown and HTML`},
		{"/empty", opt, ErrEmpty, `"%s" is empty`},
	}
	for _, tc := range tests {
		url := srv.URL + tc.path
		_, err := Load(ctx, url, tc.opt)
		if !errors.Is(err, tc.kind) {
			t.Errorf("%s: error %v, want kind %v", tc.path, err, tc.kind)
			continue
		}
		if want := fmt.Sprintf(tc.msg, url); err.Error() != want {
			t.Errorf("%s: error\n = %s\nwant %s", tc.path, err, want)
		}
	}

	// hop0 adds a sixth redirect.
	if _, err := Load(ctx, srv.URL+"/hop0", opt); !errors.Is(err, ErrRedirects) {
		t.Errorf("6 redirects: %v", err)
	}

	// The caller's context ends first.
	cctx, cancel := context.WithTimeout(ctx, 50*time.Millisecond)
	defer cancel()
	if _, err := Load(cctx, srv.URL+"/slow", opt); !errors.Is(err, ErrCanceled) {
		t.Errorf("canceled: %v", err)
	}

	// Nothing listens on a closed server.
	closed := httptest.NewServer(http.NotFoundHandler())
	closed.Close()
	_, err := Load(ctx, closed.URL+"/x", Options{})
	if !errors.Is(err, ErrNetwork) || err.Error() != fmt.Sprintf(`fetching "%s/x": connection refused`, closed.URL) {
		t.Errorf("connection refused: %v", err)
	}

	for _, bad := range []string{"http://", "https:///path", "http://exa mple.com/"} {
		if _, err := Load(ctx, bad, opt); !errors.Is(err, ErrBadURL) {
			t.Errorf("%q: %v", bad, err)
		}
	}
}
