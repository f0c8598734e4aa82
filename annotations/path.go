package annotations

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/parallax-reader/parallax/model"
)

// DefaultPathHelp describes DefaultPath for --help.
const DefaultPathHelp = "$XDG_DATA_HOME/parallax/annotations/TITLE-HASH.jsonld " +
	"(default ~/.local/share/parallax/annotations/…): TITLE from the first article, " +
	"HASH from all the article addresses, so the same articles always find the same file"

// slugMax bounds the title part of a file name.
const slugMax = 48

// DataDir is where parallax keeps annotation files by default:
// $XDG_DATA_HOME/parallax/annotations, or ~/.local/share/parallax/annotations.
func DataDir() (string, error) {
	base := os.Getenv("XDG_DATA_HOME")
	if !filepath.IsAbs(base) { // the XDG spec says to ignore relative paths
		home, err := os.UserHomeDir()
		if err != nil {
			return "", errors.New("cannot find a folder for annotations: no home folder and no XDG_DATA_HOME; use --annotations FILE")
		}
		base = filepath.Join(home, ".local", "share")
	}
	return filepath.Join(base, "parallax", "annotations"), nil
}

// DefaultPath names the annotation file for a set of articles: a readable
// slug of the first article's title and a short hash of all the article
// URIs (sorted, so their order does not matter). The same articles always
// give the same path.
func DefaultPath(arts []model.Article) (string, error) {
	if len(arts) == 0 {
		return "", errors.New("no articles to name an annotation file after")
	}
	dir, err := DataDir()
	if err != nil {
		return "", err
	}
	uris := make([]string, len(arts))
	for i, a := range arts {
		uris[i] = a.URI
	}
	slices.Sort(uris)
	sum := sha256.Sum256([]byte(strings.Join(uris, "\n")))
	name := slug(arts[0].Title) + "-" + hex.EncodeToString(sum[:4]) + ".jsonld"
	return filepath.Join(dir, name), nil
}

// slug turns a title into a file name part: lower case, accents dropped,
// letters and digits of any script kept, everything else one hyphen; cut
// at a word boundary when long.
func slug(title string) string {
	var b strings.Builder
	hyphen := false
	for _, r := range norm.NFKD.String(title) {
		switch {
		case unicode.Is(unicode.Mn, r):
			continue // a combining accent: é → e
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if hyphen && b.Len() > 0 {
				b.WriteByte('-')
			}
			hyphen = false
			b.WriteRune(unicode.ToLower(r))
		default:
			hyphen = true
		}
		if b.Len() > slugMax {
			break
		}
	}
	s := b.String()
	if len(s) > slugMax {
		cut := s[:slugMax]
		if i := strings.LastIndexByte(cut, '-'); i > slugMax/2 {
			cut = cut[:i]
		}
		for !utf8.ValidString(cut) { // a hard cut must not split a character
			cut = cut[:len(cut)-1]
		}
		s = cut
	}
	if s == "" {
		return "articles"
	}
	return s
}

// dirPerm is the mode for a folder parallax creates: private inside its
// own data folder (notes on what one is investigating), ordinary elsewhere.
func dirPerm(dir string) os.FileMode {
	data, err := DataDir()
	if err != nil {
		return 0o755
	}
	abs, err := filepath.Abs(dir)
	if err != nil {
		return 0o755
	}
	if rel, err := filepath.Rel(filepath.Dir(data), abs); err == nil && !strings.HasPrefix(rel, "..") {
		return 0o700
	}
	return 0o755
}
