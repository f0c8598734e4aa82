package model

// EntityType is the kind of thing a mention names, in OntoNotes terms.
type EntityType string

const (
	Person   EntityType = "PERSON"
	Org      EntityType = "ORG"
	GPE      EntityType = "GPE" // countries, cities, states
	Loc      EntityType = "LOC" // other places: regions, rivers, zones
	NORP     EntityType = "NORP"
	Date     EntityType = "DATE"
	Time     EntityType = "TIME"
	Cardinal EntityType = "CARDINAL"
	Quantity EntityType = "QUANTITY"
	Money    EntityType = "MONEY"
	Percent  EntityType = "PERCENT"
)

// EntityTypes lists every type in display order.
var EntityTypes = []EntityType{Person, Org, GPE, Loc, NORP, Date, Time, Cardinal, Quantity, Money, Percent}

// IsName reports whether the type names someone or something (as opposed to
// a date or a number); only names are linked into clusters across articles.
func (t EntityType) IsName() bool {
	switch t {
	case Person, Org, GPE, Loc, NORP:
		return true
	}
	return false
}

// IsNumeric reports whether the type is a date, time or number.
func (t EntityType) IsNumeric() bool { return t != "" && !t.IsName() }

// Mention is one occurrence of an entity in an article.
type Mention struct {
	Span
	Text string     `json:"text"`
	Type EntityType `json:"type"`
	// Role is a title or office given with the name and not part of it
	// ("Iraqi Prime Minister" for "Nouri al-Maliki").
	Role string `json:"role,omitempty"`
	// Cluster is the ID of the cluster the mention is linked to; empty for
	// dates and numbers.
	Cluster string `json:"cluster,omitempty"`
}

// Cluster is one entity as linked within and across articles.
type Cluster struct {
	ID   string     `json:"id"`
	Name string     `json:"name"` // the longest, most complete form
	Type EntityType `json:"type"`
	// Mentions counts mentions per article ID; an article with none is
	// absent from the map (the omission signal).
	Mentions map[string]int `json:"mentions"`
}

// Quote is one quotation in an article.
type Quote struct {
	// Span covers the quoted words including the opening and closing marks.
	Span
	Text string `json:"text"` // the words inside the marks
	// Speaker is the attributed speaker as named in the article (a pronoun is
	// resolved to the name); empty when unknown or not attributed.
	Speaker        string `json:"speaker,omitempty"`
	SpeakerCluster string `json:"speaker_cluster,omitempty"`
	// SpeakerSpan locates the words that attribute the quotation (a name or
	// a pronoun); nil when the speaker was carried over from an earlier
	// quotation or is unknown.
	SpeakerSpan *Span `json:"speaker_span,omitempty"`
	// Short marks quotations of under four words (scare quotes): highlighted
	// but never attributed.
	Short bool `json:"short,omitempty"`
}

// ArticleAnalysis is what analysis found in one article.
type ArticleAnalysis struct {
	Article  string    `json:"article"` // article ID
	Mentions []Mention `json:"mentions"`
	Quotes   []Quote   `json:"quotes"`
}

// Alignment pairs a passage of one article with the corresponding passage of
// another.
type Alignment struct {
	A     Passage `json:"a"`
	B     Passage `json:"b"`
	Score float64 `json:"score"`
	// Quote is true when the pair is two quotations rather than sentences.
	Quote bool `json:"quote,omitempty"`
}

// Evidence is a passage supporting a suggestion, with its text.
type Evidence struct {
	Passage
	Text string `json:"text"`
}

// Suggestion is a likely discrepancy proposed by the analysis for the user to
// accept (it becomes an annotation) or dismiss.
type Suggestion struct {
	// ID is stable for the same finding on the same texts, so a dismissal
	// can be remembered.
	ID         string          `json:"id"`
	Kind       DiscrepancyKind `json:"kind"`
	Confidence float64         `json:"confidence"`
	Summary    string          `json:"summary"`
	Evidence   []Evidence      `json:"evidence"`
}

// Analysis is everything found across a set of articles.
type Analysis struct {
	Articles    []ArticleAnalysis `json:"articles"` // same order as the articles
	Clusters    []Cluster         `json:"clusters"`
	Alignments  []Alignment       `json:"alignments"`
	Suggestions []Suggestion      `json:"suggestions"`
}

// ClusterByID returns the cluster with the given ID, or nil.
func (a *Analysis) ClusterByID(id string) *Cluster {
	for i := range a.Clusters {
		if a.Clusters[i].ID == id {
			return &a.Clusters[i]
		}
	}
	return nil
}
