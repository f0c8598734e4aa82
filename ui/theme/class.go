package theme

import "github.com/parallax-reader/parallax/model"

// Class is what a highlighted stretch of article text is: the cursor
// sentence, a search match, an entity, a quotation, a tag, a diff mark.
// Panes decorate text by class; the theme decides how a class looks.
type Class uint8

const (
	Plain        Class = iota // undecorated text
	Cursor                    // the sentence under the sentence cursor
	Match                     // a search match
	CurrentMatch              // the search match n/N last moved to
	Person
	Org
	Place // GPE and LOC
	NORP  // nationalities, religious and political groups
	DateTime
	Number // CARDINAL, QUANTITY, MONEY, PERCENT
	Quote
	Speaker
	Tag
	DiffRemoved
	DiffAdded
	Selection // the passage being selected for a tag
	// Current is the entity mention or quotation that e, E, " or a panel's
	// enter last moved to.
	Current
	// Linked is the sentence of another pane aligned with the cursor
	// sentence while linked scrolling is on.
	Linked

	// NumClasses counts the classes; it sizes per-class tables.
	NumClasses
)

var classNames = [NumClasses]string{
	"plain", "cursor", "match", "current-match", "person", "org", "place", "norp",
	"datetime", "number", "quote", "speaker", "tag", "diff-removed", "diff-added",
	"selection", "current", "linked",
}

func (c Class) String() string {
	if c < NumClasses {
		return classNames[c]
	}
	return "unknown"
}

// classPriority orders overlapping decorations: a higher class is drawn over
// a lower one (its attributes win where both set the same one), and the
// gutter shows the mark of the highest class on a line. Search matches sit
// on top so a match inside a named entity is still visible. The cursor
// sentence sets only a background, so ranking it over quotations changes no
// text style; it puts the cursor's gutter mark over a quotation's, which
// matters without colour, where the mark is all that shows the cursor.
var classPriority = [NumClasses]int{
	Plain: 0,
	Quote: 20, Linked: 21, Cursor: 22, Speaker: 25,
	Person: 30, Org: 30, Place: 30, NORP: 30, DateTime: 30, Number: 30,
	Tag: 40, DiffRemoved: 50, DiffAdded: 50, Current: 55, Selection: 60,
	Match: 80, CurrentMatch: 90,
}

// Priority is the class's default stacking order.
func (c Class) Priority() int {
	if c < NumClasses {
		return classPriority[c]
	}
	return 0
}

// EntityClass is the highlight class for an entity type; Plain for an
// unknown type.
func EntityClass(t model.EntityType) Class {
	switch t {
	case model.Person:
		return Person
	case model.Org:
		return Org
	case model.GPE, model.Loc:
		return Place
	case model.NORP:
		return NORP
	case model.Date, model.Time:
		return DateTime
	case model.Cardinal, model.Quantity, model.Money, model.Percent:
		return Number
	}
	return Plain
}
