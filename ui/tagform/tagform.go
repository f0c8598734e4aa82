// Package tagform is the dialog that tags a discrepancy: the kind, the
// severity, the counterpart passage in another article (or none, for an
// omission) and a Markdown note. The root model opens it over the panes and
// owns everything the form cannot see: it moves the counterpart through the
// panes when asked (CounterpartPaneMsg, CounterpartSentenceMsg) and saves
// what the form submits (SubmitMsg).
//
// The form is built to be driven from the keyboard without looking:
// "n h enter", then the note, then ctrl+s tags a high-severity number
// discrepancy with a note.
package tagform

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textarea"
	tea "charm.land/bubbletea/v2"

	"github.com/parallax-reader/parallax/model"
	"github.com/parallax-reader/parallax/ui/component"
	"github.com/parallax-reader/parallax/ui/theme"
)

// MaxNoteLen is the longest note, in characters, the form saves.
const MaxNoteLen = 10000

// Target roles of the passages the form saves.
const (
	RoleClaim       = "claim"
	RoleCounterpart = "counterpart"
)

// Passage is one article passage the form shows and saves.
type Passage struct {
	ArticleID string
	Label     string // the article's outlet, or its title
	Span      model.Span
	Text      string // the passage's text, as cleaned at load
}

// Params open the form.
type Params struct {
	// Claim is the passage being tagged.
	Claim Passage
	// Counterpart is the preset counterpart (the cursor sentence of the
	// next pane); nil for none.
	Counterpart *Passage
	// Existing is the tag being edited: its kind, severity and note fill
	// the form, and its ID and times are kept. Nil for a new tag.
	Existing *model.Annotation
}

// SubmitMsg carries the tag the user saved. The form stays open: the root
// closes it once the tag is stored (or shows why it was not).
type SubmitMsg struct {
	Annotation model.Annotation
}

// CancelMsg says the user closed the form without saving.
type CancelMsg struct{}

// CounterpartPaneMsg asks the root to move the counterpart to the
// previous (Delta -1) or next (+1) other article; it answers with
// SetCounterpart.
type CounterpartPaneMsg struct{ Delta int }

// CounterpartSentenceMsg asks the root to move the counterpart to the
// previous (-1) or next (+1) sentence in its article; it answers with
// SetCounterpart.
type CounterpartSentenceMsg struct{ Delta int }

// CounterpartClearedMsg tells the root the user chose no counterpart, so it
// can stop marking one in the panes. The form has already cleared it.
type CounterpartClearedMsg struct{}

// Field is one part of the form, in the order tab visits them.
type Field int

const (
	KindField Field = iota
	SeverityField
	CounterpartField
	NoteField
	numFields
)

func (f Field) String() string {
	switch f {
	case KindField:
		return "kind"
	case SeverityField:
		return "severity"
	case CounterpartField:
		return "counterpart"
	case NoteField:
		return "note"
	}
	return "unknown"
}

// Model is the tag form.
type Model struct {
	c    *component.Common
	keys KeyMap

	claim       Passage
	counterpart *Passage
	existing    *model.Annotation

	// Article text prepared for the screen once, not per frame.
	claimShown, counterShown shownPassage

	kind     model.DiscrepancyKind // empty until chosen
	severity model.Severity
	field    Field
	note     textarea.Model
	noteWas  string // the note as the form opened, to know if it was typed

	help     help.Model
	styledBy *theme.Styles // the styles note and help were last given
	st       styles

	// errText is a validation error, shown until the next key; confirm
	// is set by an esc that would lose a typed note.
	errText string
	confirm bool

	width, height  int
	drawnW, drawnH int // the size of the box last drawn
	scroll         int // first body row shown when the body does not fit
}

var _ component.Component = (*Model)(nil)

// New opens the form on a passage, with the kind field focused.
func New(c *component.Common, p Params) *Model {
	m := &Model{
		c:        c,
		keys:     DefaultKeyMap(),
		claim:    p.Claim,
		existing: p.Existing,
		severity: model.Medium,
		help:     help.New(),
	}
	m.claimShown = prepare(p.Claim)
	m.SetCounterpart(p.Counterpart)

	m.note = textarea.New()
	m.note.ShowLineNumbers = false
	m.note.MaxHeight = 0 // no line limit: the length check is MaxNoteLen
	m.note.MaxWidth = 0
	m.note.Placeholder = "optional, Markdown"
	if ex := p.Existing; ex != nil {
		if ex.Kind.Valid() {
			m.kind = ex.Kind
		}
		if ex.Severity.Valid() {
			m.severity = ex.Severity
		}
		// Files may hold CRLF; the text area would make each a blank line.
		m.note.SetValue(strings.ReplaceAll(ex.Note, "\r\n", "\n"))
		m.note.MoveToBegin()
	}
	m.noteWas = m.note.Value()
	m.applyStyles()
	return m
}

// SetCounterpart sets the counterpart passage; nil for none.
func (m *Model) SetCounterpart(p *Passage) {
	if p == nil {
		m.counterpart = nil
		m.counterShown = shownPassage{}
		return
	}
	cp := *p
	m.counterpart = &cp
	m.counterShown = prepare(cp)
}

// Counterpart is the counterpart passage, nil for none.
func (m *Model) Counterpart() *Passage { return m.counterpart }

// Claim is the passage being tagged.
func (m *Model) Claim() Passage { return m.claim }

// Field is the focused field.
func (m *Model) Field() Field { return m.field }

// Kind is the chosen kind, empty until one is chosen.
func (m *Model) Kind() model.DiscrepancyKind { return m.kind }

// Severity is the chosen severity.
func (m *Model) Severity() model.Severity { return m.severity }

// Note is the note as it would be saved.
func (m *Model) Note() string { return cleanNote(m.note.Value()) }

// Editing reports whether the form edits an existing tag.
func (m *Model) Editing() bool { return m.existing != nil }

// Err is the validation error on show, empty when there is none.
func (m *Model) Err() string { return m.errText }

// SetSize gives the form the room it may take; the box it draws is at most
// MaxWidth wide and no taller than it needs.
func (m *Model) SetSize(width, height int) { m.width, m.height = width, height }

// Annotation is the tag as the form would save it now: the claim and the
// counterpart (if any) as targets. An edited tag keeps its ID and times,
// and the targets the form cannot show (orphans, or in articles not open)
// so that saving does not drop them.
func (m *Model) Annotation() model.Annotation {
	a := model.Annotation{Kind: m.kind, Severity: m.severity, Note: m.Note()}
	a.Targets = append(a.Targets, target(m.claim, RoleClaim))
	if m.counterpart != nil {
		a.Targets = append(a.Targets, target(*m.counterpart, RoleCounterpart))
	}
	if ex := m.existing; ex != nil {
		a.ID, a.Created, a.Modified = ex.ID, ex.Created, ex.Modified
		for _, t := range ex.Targets {
			if !t.Placed() {
				a.Targets = append(a.Targets, t)
			}
		}
	}
	return a
}

func target(p Passage, role string) model.Target {
	return model.Target{Role: role, Article: p.ArticleID, Span: p.Span}
}

// cleanNote drops the blank lines and spaces around a note; indentation
// of its first line is kept, as it means something in Markdown.
func cleanNote(s string) string {
	s = strings.TrimRight(s, " \t\n")
	for {
		line, rest, ok := strings.Cut(s, "\n")
		if !ok || strings.TrimSpace(line) != "" {
			return s
		}
		s = rest
	}
}

// Update handles a key press or a paste; other messages go to the note.
func (m *Model) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case tea.KeyPressMsg:
		return m.handleKey(msg)
	case tea.PasteMsg:
		// Pasted text can only be meant for the note.
		m.errText, m.confirm = "", false
		focus := m.focus(NoteField)
		var cmd tea.Cmd
		m.note, cmd = m.note.Update(msg)
		return tea.Batch(focus, cmd)
	}
	var cmd tea.Cmd
	m.note, cmd = m.note.Update(msg)
	return cmd
}

func (m *Model) handleKey(msg tea.KeyPressMsg) tea.Cmd {
	k := &m.keys
	confirming := m.confirm
	m.errText, m.confirm = "", false
	switch {
	case key.Matches(msg, k.Save):
		return m.save()
	case key.Matches(msg, k.Cancel):
		if m.noteTyped() && !confirming {
			m.confirm = true
			return nil
		}
		return emit(CancelMsg{})
	case key.Matches(msg, k.NextField):
		return m.focus((m.field + 1) % numFields)
	case key.Matches(msg, k.PrevField):
		return m.focus((m.field + numFields - 1) % numFields)
	}
	if m.field == NoteField {
		var cmd tea.Cmd
		m.note, cmd = m.note.Update(msg)
		return cmd
	}
	switch {
	case key.Matches(msg, k.Down, k.Advance):
		return m.focus(m.field + 1)
	case key.Matches(msg, k.Up):
		return m.focus(max(m.field-1, KindField))
	}
	switch m.field {
	case KindField:
		switch {
		case key.Matches(msg, k.Kind):
			m.kind, _ = model.KindForKey([]rune(msg.String())[0])
			return m.focus(SeverityField)
		case key.Matches(msg, k.PrevOption):
			m.kind = stepKind(m.kind, -1)
		case key.Matches(msg, k.NextOption):
			m.kind = stepKind(m.kind, 1)
		}
	case SeverityField:
		switch {
		case key.Matches(msg, k.Severity):
			m.severity = severityFor(msg.String())
			return m.focus(CounterpartField)
		case key.Matches(msg, k.PrevOption):
			m.severity = stepSeverity(m.severity, -1)
		case key.Matches(msg, k.NextOption):
			m.severity = stepSeverity(m.severity, 1)
		}
	case CounterpartField:
		switch {
		case key.Matches(msg, k.PrevArticle):
			return emit(CounterpartPaneMsg{Delta: -1})
		case key.Matches(msg, k.NextArticle):
			return emit(CounterpartPaneMsg{Delta: 1})
		case key.Matches(msg, k.PrevSentence):
			return emit(CounterpartSentenceMsg{Delta: -1})
		case key.Matches(msg, k.NextSentence):
			return emit(CounterpartSentenceMsg{Delta: 1})
		case key.Matches(msg, k.NoCounterpart):
			if m.counterpart == nil {
				return nil
			}
			m.SetCounterpart(nil)
			return emit(CounterpartClearedMsg{})
		}
	}
	return nil
}

// save submits the tag, or shows why it cannot be saved yet.
func (m *Model) save() tea.Cmd {
	if !m.kind.Valid() {
		m.errText = "choose a kind before saving: " + m.keys.Kind.Help().Key
		return m.focus(KindField)
	}
	if n := utf8.RuneCountInString(m.Note()); n > MaxNoteLen {
		m.errText = fmt.Sprintf("the note is %d characters; shorten it to %d", n, MaxNoteLen)
		return m.focus(NoteField)
	}
	return emit(SubmitMsg{Annotation: m.Annotation()})
}

// noteTyped reports whether the note differs from how the form opened.
func (m *Model) noteTyped() bool { return m.note.Value() != m.noteWas }

// focus moves to field f; only the note takes text.
func (m *Model) focus(f Field) tea.Cmd {
	m.field = min(max(f, KindField), NoteField)
	if m.field == NoteField {
		return m.note.Focus()
	}
	m.note.Blur()
	return nil
}

func emit(msg tea.Msg) tea.Cmd { return func() tea.Msg { return msg } }

// stepKind moves through the kinds, wrapping round: the row is long and
// the last kinds are quicker reached from the first. From none, → picks
// the first kind and ← the last.
func stepKind(k model.DiscrepancyKind, d int) model.DiscrepancyKind {
	n := len(model.Kinds)
	i := indexOf(model.Kinds, k)
	if i < 0 {
		if d > 0 {
			return model.Kinds[0]
		}
		return model.Kinds[n-1]
	}
	return model.Kinds[((i+d)%n+n)%n]
}

// stepSeverity moves along the severities without wrapping: they are a
// scale, and → past high landing on low would be a surprise.
func stepSeverity(s model.Severity, d int) model.Severity {
	i := indexOf(model.Severities, s)
	if i < 0 {
		return model.Medium
	}
	return model.Severities[min(max(i+d, 0), len(model.Severities)-1)]
}

func severityFor(letter string) model.Severity {
	for _, s := range model.Severities {
		if severityKey(s) == letter {
			return s
		}
	}
	return model.Medium
}

func indexOf[T comparable](xs []T, x T) int {
	for i, y := range xs {
		if y == x {
			return i
		}
	}
	return -1
}
