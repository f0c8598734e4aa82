package annotations

import (
	"crypto/sha256"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sync"
	"time"

	"github.com/gofrs/flock"

	"github.com/parallax-reader/parallax/model"
)

// Options configure Open.
type Options struct {
	// ReadOnly opens the file without locking it and refuses every change.
	ReadOnly bool
	// Now is the clock for created and modified times; time.Now if nil.
	Now func() time.Time
	// Generator names the program in what it writes, such as
	// "parallax 1.2.0"; "parallax" if empty.
	Generator string
}

// Store is the annotation file of one set of articles. Every change is
// saved before the method returns; a change that returns an error was not
// made. A Store is safe for use from several goroutines.
type Store struct {
	mu       sync.Mutex
	path     string
	opt      Options
	lock     *flock.Flock
	readOnly string // why changes are refused; "" when writable
	closed   bool

	doc  *document // as last read from or written to disk
	disk diskState

	arts    *articleSet
	anchors map[*item][]model.Target

	undo, redo []step
	// notices are merge conflicts not yet reported by Refresh.
	notices []string
}

// diskState is what the file held when parallax last read or wrote it.
type diskState struct {
	exists bool
	size   int64
	mtime  time.Time
	hash   [sha256.Size]byte
	data   []byte
}

// Open reads the annotation file at path (a missing file is an empty one,
// created on the first change), locks it against a second parallax unless
// opt.ReadOnly, and anchors every annotation in the articles given.
//
// A file that cannot be read returns a *ParseError and is left untouched.
// A file in use returns an error matching ErrLocked.
func Open(path string, arts []model.Article, opt Options) (*Store, error) {
	if path == "" {
		return nil, errors.New("no annotation file given")
	}
	if opt.Now == nil {
		opt.Now = time.Now
	}
	if opt.Generator == "" {
		opt.Generator = "parallax"
	}
	s := &Store{path: path, opt: opt, anchors: map[*item][]model.Target{}}
	if opt.ReadOnly {
		s.readOnly = "opened read-only"
		if locked, pid := lockedBy(path); locked {
			s.readOnly = "in use by another parallax"
			if pid > 0 {
				s.readOnly += fmt.Sprintf(" (pid %d)", pid)
			}
		}
	} else {
		dir := filepath.Dir(path)
		if err := os.MkdirAll(dir, dirPerm(dir)); err != nil {
			return nil, fmt.Errorf("cannot create the folder for %s: %w", path, err)
		}
		fl, err := acquireLock(path)
		if err != nil {
			return nil, err
		}
		s.lock = fl
		removeStaleTemps(path)
	}
	st, err := readState(path)
	if err == nil {
		s.disk = st
		s.doc, err = s.parse(st.data)
	}
	if err != nil {
		s.release()
		return nil, err
	}
	if s.doc == nil {
		s.doc = s.newDocument(arts)
	}
	s.setArticles(arts)
	s.loadHistory()
	return s, nil
}

func (s *Store) newDocument(arts []model.Article) *document {
	label := "parallax annotations"
	if len(arts) > 0 && arts[0].Title != "" {
		label = "parallax annotations: " + arts[0].Title
	}
	return newDocument(label, s.opt.Now(), generatorValue(s.opt.Generator))
}

// readState reads the file; a missing file is not an error. The stat
// comes first: if the file changes in between, the stamp is older than the
// contents and the next Refresh reads the file again rather than missing
// the change.
func readState(path string) (diskState, error) {
	fi, err := os.Stat(path)
	if err == nil {
		var data []byte
		if data, err = os.ReadFile(path); err == nil {
			return diskState{exists: true, data: data, hash: sha256Sum(data), size: fi.Size(), mtime: fi.ModTime()}, nil
		}
	}
	if errors.Is(err, fs.ErrNotExist) {
		return diskState{}, nil
	}
	return diskState{}, fmt.Errorf("cannot read %s: %w", path, err)
}

// parse reads file contents as this store's file, naming the file, line
// and column when it cannot.
func (s *Store) parse(data []byte) (*document, error) {
	d, err := parseDocument(data)
	if err == nil {
		return d, nil
	}
	pe := &ParseError{Path: s.path, Msg: err.Error()}
	var fe *formatError
	if errors.As(err, &fe) && fe.offset >= 0 {
		pe.Line, pe.Column = lineColumn(data, fe.offset)
	}
	if _, err := os.Stat(s.path + ".bak"); err == nil {
		pe.Backup = s.path + ".bak"
	}
	return nil, pe
}

func (s *Store) release() {
	if s.lock != nil {
		_ = os.Truncate(lockPath(s.path), 0) // no stale pid once we are gone
		_ = s.lock.Close()
		s.lock = nil
	}
}

// Close releases the lock. The store refuses changes afterwards; what it
// holds stays readable.
func (s *Store) Close() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.closed = true
	s.release()
	return nil
}

// Path is the annotation file's path.
func (s *Store) Path() string { return s.path }

// ReadOnly reports whether the store refuses changes; WhyReadOnly says why.
func (s *Store) ReadOnly() bool { return s.readOnly != "" }

// WhyReadOnly is a short reason, such as "in use by another parallax (pid
// 4242)" or "opened read-only"; empty when the store is writable.
func (s *Store) WhyReadOnly() string { return s.readOnly }

// Annotations lists the discrepancy tags, oldest first, each target placed
// in the open articles (model.Target.Anchoring says how). Tags on articles
// that are not open are listed with their targets unplaced; an orphaned
// target keeps its last known passage in Exact. The slice is a copy.
func (s *Store) Annotations() []model.Annotation {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []model.Annotation
	for _, it := range s.doc.items {
		if !it.listed {
			continue
		}
		a := it.ann
		a.Targets = s.anchored(it)
		out = append(out, a)
	}
	return out
}

// Get returns one annotation by id, anchored as in Annotations.
func (s *Store) Get(id string) (model.Annotation, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	_, it := s.doc.find(id)
	if it == nil || !it.listed {
		return model.Annotation{}, false
	}
	a := it.ann
	a.Targets = s.anchored(it)
	return a, true
}

// Reanchor places every annotation again in a new set of open articles,
// such as after an article was reloaded.
func (s *Store) Reanchor(arts []model.Article) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.setArticles(arts)
}

func (s *Store) setArticles(arts []model.Article) {
	s.arts = newArticleSet(arts)
	s.anchors = map[*item][]model.Target{}
	for _, it := range s.doc.items {
		s.anchored(it)
	}
}

// anchored returns the item's targets placed in the open articles,
// computing them once per item (items never change in place).
func (s *Store) anchored(it *item) []model.Target {
	if ts, ok := s.anchors[it]; ok {
		return append([]model.Target(nil), ts...)
	}
	ts := make([]model.Target, len(it.targets))
	for i, st := range it.targets {
		ts[i] = st.model()
		art := s.arts.byURI[st.source]
		if art == nil {
			continue
		}
		ts[i].Article = art.ID
		ts[i].Span, ts[i].Anchoring = anchorIn(s.arts.index(art), st)
	}
	s.anchors[it] = ts
	return append([]model.Target(nil), ts...)
}

// articleSet is the open articles, indexed for anchoring.
type articleSet struct {
	byURI   map[string]*model.Article
	byID    map[string]*model.Article
	indexes map[string]*textIndex // by article ID, built when first needed
}

func newArticleSet(arts []model.Article) *articleSet {
	set := &articleSet{byURI: map[string]*model.Article{}, byID: map[string]*model.Article{}, indexes: map[string]*textIndex{}}
	for i := range arts {
		a := &arts[i]
		if _, dup := set.byURI[articleURI(a)]; !dup {
			set.byURI[articleURI(a)] = a
		}
		set.byID[a.ID] = a
	}
	return set
}

// articleURI is how targets name an article: its URI, or failing that
// what the user gave.
func articleURI(a *model.Article) string {
	if a.URI != "" {
		return a.URI
	}
	return a.Source
}

func (set *articleSet) index(a *model.Article) *textIndex {
	ix, ok := set.indexes[a.ID]
	if !ok {
		ix = newTextIndex(a.Text)
		set.indexes[a.ID] = ix
	}
	return ix
}

// lookup finds the article a target belongs to: by ID, else by URI.
func (set *articleSet) lookup(t model.Target) *model.Article {
	if a := set.byID[t.Article]; a != nil && t.Article != "" {
		return a
	}
	return set.byURI[t.Source]
}

// generator is this program as the generator property.
func (s *Store) generator() json.RawMessage { return generatorValue(s.opt.Generator) }

func sha256Sum(data []byte) [sha256.Size]byte { return sha256.Sum256(data) }
