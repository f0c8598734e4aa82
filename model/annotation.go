package model

import "time"

// DiscrepancyKind is what sort of disagreement a tag records.
type DiscrepancyKind string

const (
	Contradiction DiscrepancyKind = "contradiction"
	Number        DiscrepancyKind = "number"        // counts, dates, durations
	Role          DiscrepancyKind = "role"          // title, office, nationality, affiliation
	QuoteWording  DiscrepancyKind = "quote-wording" // one quotation worded differently
	Attribution   DiscrepancyKind = "attribution"   // a statement credited to different sources
	Omission      DiscrepancyKind = "omission"      // present in one article only
	Framing       DiscrepancyKind = "framing"       // same fact, different emphasis or tone
	Other         DiscrepancyKind = "other"
)

// Kinds lists every discrepancy kind in the order forms and exports show them.
var Kinds = []DiscrepancyKind{Contradiction, Number, Role, QuoteWording, Attribution, Omission, Framing, Other}

// kindKeys are the letters that choose a kind in the tag form.
var kindKeys = map[DiscrepancyKind]rune{
	Contradiction: 'c', Number: 'n', Role: 'r', QuoteWording: 'q',
	Attribution: 'a', Omission: 'o', Framing: 'f', Other: 'x',
}

// Key is the letter that chooses the kind in the tag form.
func (k DiscrepancyKind) Key() rune { return kindKeys[k] }

// Valid reports whether k is one of Kinds.
func (k DiscrepancyKind) Valid() bool { _, ok := kindKeys[k]; return ok }

// KindForKey returns the kind chosen by a letter, if any.
func KindForKey(r rune) (DiscrepancyKind, bool) {
	for k, key := range kindKeys {
		if key == r {
			return k, true
		}
	}
	return "", false
}

// Severity is how much a discrepancy matters.
type Severity string

const (
	Low    Severity = "low"
	Medium Severity = "medium"
	High   Severity = "high"
)

// Severities lists every severity from least to most.
var Severities = []Severity{Low, Medium, High}

// Valid reports whether s is one of Severities.
func (s Severity) Valid() bool { return s == Low || s == Medium || s == High }

// Anchoring says how a target was placed in the current text of its article.
type Anchoring string

const (
	AnchorNone     Anchoring = ""         // not tried: the article is not open
	AnchorPosition Anchoring = "position" // the saved position still holds the quote
	AnchorQuote    Anchoring = "quote"    // found by exact quote and context
	AnchorFuzzy    Anchoring = "fuzzy"    // found by approximate search
	AnchorOrphan   Anchoring = "orphan"   // could not be placed
)

// Target is one article passage an annotation points at.
type Target struct {
	// Source is the article's URI (see Article.URI).
	Source string
	// Exact, Prefix and Suffix are the text quote selector: the passage and
	// up to 32 characters either side of it, as last saved.
	Exact, Prefix, Suffix string
	// Role is this passage's part in the discrepancy ("claim",
	// "counterpart"), kept in an extension property.
	Role string
	// Article and Span place the target in an open article (byte offsets);
	// meaningful only when Anchoring is position, quote or fuzzy.
	Article   string
	Span      Span
	Anchoring Anchoring
}

// Placed reports whether the target was anchored in an open article.
func (t Target) Placed() bool {
	return t.Anchoring == AnchorPosition || t.Anchoring == AnchorQuote || t.Anchoring == AnchorFuzzy
}

// Annotation is one tagged discrepancy.
type Annotation struct {
	ID       string // IRI, such as urn:uuid:…
	Kind     DiscrepancyKind
	Severity Severity
	Note     string // Markdown; may be empty
	Targets  []Target
	Created  time.Time
	Modified time.Time
}

// Orphaned reports whether some target belongs to an open article but could
// not be placed in it.
func (a Annotation) Orphaned() bool {
	for _, t := range a.Targets {
		if t.Anchoring == AnchorOrphan {
			return true
		}
	}
	return false
}
