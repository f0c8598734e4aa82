package articles

import (
	"errors"
	"fmt"
	"strconv"
)

// Kinds of load failure, for errors.Is. The message of every error Load
// returns is one plain line naming the source, fit to print as it is.
var (
	ErrNotFound     = errors.New("no such file")
	ErrPermission   = errors.New("permission denied")
	ErrIsDirectory  = errors.New("is a directory")
	ErrRead         = errors.New("read failed")
	ErrBinary       = errors.New("binary input")
	ErrEmpty        = errors.New("no text")
	ErrTooLarge     = errors.New("too large")
	ErrBadURL       = errors.New("invalid URL")
	ErrScheme       = errors.New("unsupported URL scheme")
	ErrTimeout      = errors.New("timed out")
	ErrCanceled     = errors.New("canceled")
	ErrNetwork      = errors.New("network failure")
	ErrRedirects    = errors.New("too many redirects")
	ErrHTTPStatus   = errors.New("unsuccessful HTTP status")
	ErrNotAnArticle = errors.New("not an article")
	ErrStdinTwice   = errors.New("standard input given twice")
)

// Error is a failure to load one source.
type Error struct {
	Source string // the source as given: a path, a URL or "-"
	kind   error  // one of the Err* values above
	msg    string
	cause  error
}

func (e *Error) Error() string { return e.msg }

// Unwrap returns the underlying cause, such as an *os.PathError, if any.
func (e *Error) Unwrap() error { return e.cause }

// Is matches the kind of failure (ErrNotFound, ErrTooLarge, …).
func (e *Error) Is(target error) bool { return target == e.kind }

func newError(source string, kind, cause error, format string, args ...any) *Error {
	return &Error{Source: source, kind: kind, cause: cause, msg: fmt.Sprintf(format, args...)}
}

// quoted names a source in a message. %q escapes control characters, so a
// hostile name cannot drive the terminal through an error line.
func quoted(source string) string {
	if source == "-" {
		return "standard input"
	}
	return strconv.Quote(source)
}

// sizeLabel writes a byte limit the way a person would say it.
func sizeLabel(n int64) string {
	switch {
	case n >= 1<<20 && n%(1<<20) == 0:
		return fmt.Sprintf("%d MiB", n>>20)
	case n >= 1<<10 && n%(1<<10) == 0:
		return fmt.Sprintf("%d KiB", n>>10)
	}
	return fmt.Sprintf("%d bytes", n)
}

func binaryError(source string, b *BinaryError) *Error {
	return newError(source, ErrBinary, b, "%s looks like a binary file (NUL byte at offset %d); parallax reads text, Markdown and HTML", quoted(source), b.Offset)
}

func emptyError(source string, extracted bool) *Error {
	if extracted {
		return newError(source, ErrEmpty, nil, "%s has no readable text", quoted(source))
	}
	return newError(source, ErrEmpty, nil, "%s is empty", quoted(source))
}

func tooLargeError(source string, limit int64) *Error {
	return newError(source, ErrTooLarge, nil, "%s is larger than the %s limit", quoted(source), sizeLabel(limit))
}
