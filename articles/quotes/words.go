package quotes

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/parallax-reader/parallax/model"
)

// token is a run of non-space characters in the text around a quotation.
type token struct {
	core  model.Span // without surrounding quotes, brackets and punctuation
	text  string     // the text of core
	lead  bool       // opening quotes or brackets came before core
	line  bool       // a line break came before the token: names stop there
	trail string     // punctuation after core: ",", ".", ":", "),"…
}

// tokenize splits text[s:e] at white space, appending to out.
func tokenize(out []token, text string, s, e int) []token {
	line := false
	for i := s; i < e; {
		r, n := utf8.DecodeRuneInString(text[i:e])
		if unicode.IsSpace(r) {
			line = line || r == '\n'
			i += n
			continue
		}
		j := i
		for j < e {
			r, n := utf8.DecodeRuneInString(text[j:e])
			if unicode.IsSpace(r) {
				break
			}
			j += n
		}
		t := newToken(text, i, j)
		t.line, line = line, false
		out = append(out, t)
		i = j
	}
	return out
}

const (
	leadPunct  = "\"'“‘„([{«"
	trailPunct = ",.;:!?)]}\"'”’»—–"
)

func newToken(text string, s, e int) token {
	cs, ce := s, e
	for cs < ce {
		r, n := utf8.DecodeRuneInString(text[cs:ce])
		if !strings.ContainsRune(leadPunct, r) {
			break
		}
		cs += n
	}
	for ce > cs {
		r, n := utf8.DecodeLastRuneInString(text[cs:ce])
		if !strings.ContainsRune(trailPunct, r) {
			break
		}
		ce -= n
	}
	// A final period belongs to "U.S.", "Dr." and the initial "C.", not to
	// the sentence.
	if ce < e && text[ce] == '.' && (strings.Contains(text[cs:ce], ".") || titles[text[cs:ce+1]] || isInitial(text[cs:ce])) {
		ce++
	}
	return token{core: model.Span{Start: cs, End: ce}, text: text[cs:ce], lead: cs > s, trail: text[ce:e]}
}

// speechVerbs introduce or follow reported speech. A general list of
// English verbs of saying, in the forms news text uses.
var speechVerbs = set(
	"said", "says", "say", "saying", "told", "tells", "telling", "added", "adds", "adding",
	"stated", "states", "asked", "asks", "explained", "explains", "noted", "notes",
	"insisted", "insists", "warned", "warns", "declared", "declares", "announced",
	"announces", "claimed", "claims", "argued", "argues", "replied", "replies", "responded",
	"responds", "remarked", "commented", "observed", "acknowledged", "acknowledges",
	"admitted", "admits", "conceded", "concedes", "contended", "maintained", "maintains",
	"asserted", "asserts", "affirmed", "emphasized", "emphasised", "emphasizes", "stressed",
	"stresses", "suggested", "suggests", "continued", "concluded", "recalled", "recalls",
	"wrote", "writes", "tweeted", "posted", "testified", "confirmed", "confirms", "denied",
	"cautioned", "predicted", "promised", "vowed", "pledged", "urged", "urges", "demanded",
	"complained", "lamented", "boasted", "quipped", "joked", "shouted", "yelled",
	"whispered", "recounted", "reported", "reiterated", "indicated", "described",
	"describes", "called", "calls", "termed", "agreed", "objected", "countered", "charged",
	"alleged", "mused", "answered", "exclaimed", "stating", "noting", "writing",
	"insisting", "explaining", "arguing", "declaring", "claiming", "asking", "warning",
)

// personPronouns refer to a person and resolve to the last named person.
var personPronouns = set("he", "she", "He", "She")

// otherPronouns attribute a quotation without naming anyone we can resolve.
var otherPronouns = set("they", "They", "we", "We", "I", "it", "It", "you", "You")

// determiners start a descriptive speaker ("a senior official", "the
// ministry").
var determiners = set("a", "an", "the", "A", "An", "The", "one", "another", "two", "three",
	"some", "several", "his", "her", "its", "their", "our", "One", "Another", "Two", "Three")

// betweenSubjectAndVerb are the adverbs and auxiliaries allowed between a
// speaker and the verb ("Crocker later said", "she has said").
var betweenSubjectAndVerb = set("also", "later", "then", "earlier", "again", "once", "has",
	"have", "had", "was", "is", "would", "will", "did", "does", "once", "often", "previously",
	"reportedly", "recently", "simply", "only", "further", "repeatedly")

// phraseEnds stop a descriptive speaker phrase read forward ("said a
// spokesman in Tehran").
var phraseEnds = set("in", "on", "at", "after", "before", "during", "to", "with", "who",
	"which", "that", "when", "while", "as", "and", "but", "from", "by", "of")

// titles are offices and honorifics written before a name: they belong to
// the mention's role, not the speaker's name. A general list of English
// titles in news use.
var titles = set(
	"Ambassador", "Envoy", "President", "Vice", "Prime", "Minister", "Secretary",
	"Undersecretary", "Deputy", "Assistant", "Foreign", "Defense", "Defence", "Interior",
	"Finance", "Affairs", "Chief", "Executive", "Director", "Advisor", "Adviser", "Spokesman",
	"Spokeswoman", "Spokesperson", "Chairman", "Chairwoman", "Chair", "Commander", "General",
	"Gen.", "Lt.", "Lieutenant", "Col.", "Colonel", "Maj.", "Major", "Capt.", "Captain",
	"Sgt.", "Sergeant", "Adm.", "Admiral", "Brig.", "Brigadier", "Sen.", "Senator", "Rep.",
	"Representative", "Gov.", "Governor", "Mayor", "Dr.", "Mr.", "Mrs.", "Ms.", "Mme.",
	"Miss", "Prof.", "Professor", "Rev.", "Reverend", "Judge", "Justice", "Attorney",
	"Chancellor", "Premier", "King", "Queen", "Prince", "Princess", "Sheikh", "Sheik",
	"Ayatollah", "Imam", "Pope", "Cardinal", "Bishop", "Archbishop", "Father", "Sir", "Dame",
	"Lord", "Lady", "Speaker", "Leader", "Commissioner", "Inspector", "Superintendent",
	"Detective", "Officer", "Sheriff", "Coach", "Consul", "Counselor", "Councillor",
	"Councilman", "Councilwoman", "Congressman", "Congresswoman", "Lawmaker", "Pastor",
	"Rabbi", "Emir", "Sultan", "Crown", "Gov", "Sen", "Rep", "Dr", "Mr", "Mrs", "Ms",
	"Secretary-General", "President-elect", "Vice-President", "Prime-Minister", "CEO", "CFO",
	"COO", "CTO", "Chairperson", "Founder", "Co-founder", "Manager", "Analyst", "Economist",
)

// prepositions before a name make it part of a longer phrase ("a school in
// Qom", "the Civil Aviation Authority of Oman"), not the speaker.
var prepositions = set("in", "at", "from", "of", "for", "near", "with", "to", "on")

// notPersonWords mark a run of capitalised words as an organisation or a
// place rather than a person; pronouns never resolve to such runs when no
// entity mentions are given.
var notPersonWords = set(
	"Authority", "Agency", "Ministry", "Department", "Office", "Council", "Committee",
	"Commission", "Bank", "Group", "Company", "Corp", "Corp.", "Inc", "Inc.", "News", "Times",
	"Post", "Party", "Army", "Police", "Court", "University", "Institute", "Association",
	"Union", "Organization", "Organisation", "Foundation", "Center", "Centre", "Service",
	"Services", "Network", "Airlines", "Airways", "House", "Senate", "Congress", "Parliament",
	"Government", "State", "States", "Republic", "Kingdom", "Asia", "Africa", "America",
	"Europe", "East", "West", "North", "South", "Street", "City", "Province", "Region",
	"Island", "Islands", "Sea", "Ocean", "River", "Fund", "Board", "Bureau", "Forces",
	"Nations", "Press", "Reuters", "Television", "Radio", "Zone", "Square", "Hospital",
)

// particles join the parts of a name ("Osama bin Laden", "Ludwig van
// Beethoven") and may start a hyphenated name part ("al-Maliki").
var particles = set("al", "el", "bin", "ibn", "bint", "abu", "van", "von", "de", "da", "di",
	"du", "del", "della", "der", "den", "la", "le", "dos", "das", "y", "ter", "ben")

// functionWords are capitalised at the start of a sentence but never part
// of a speaker's name.
var functionWords = set("The", "A", "An", "In", "On", "At", "But", "And", "Or", "After",
	"Before", "When", "While", "If", "As", "For", "With", "By", "From", "To", "Of", "This",
	"That", "These", "Those", "There", "Here", "It", "He", "She", "They", "We", "I", "His",
	"Her", "Their", "Its", "Our", "However", "Meanwhile", "According", "Also", "Then", "Now",
	"Some", "Many", "Most", "Both", "Each", "Such", "Once", "Still", "Yet", "So", "Asked",
	"Speaking", "Later", "Earlier", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
	"Saturday", "Sunday")

func set(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

// isNameWord reports whether a token can be part of a name: it starts with
// a capital letter ("Crocker", "U.S.", "Kazemi-Qomi") or is a particle
// joined by a hyphen to a capitalised part ("al-Maliki").
func isNameWord(t token) bool {
	r, _ := utf8.DecodeRuneInString(t.text)
	if unicode.IsUpper(r) {
		return !functionWords[t.text]
	}
	if h := strings.IndexByte(t.text, '-'); h > 0 && particles[t.text[:h]] {
		r, _ := utf8.DecodeRuneInString(t.text[h+1:])
		return unicode.IsUpper(r)
	}
	return false
}

// isPossessive reports whether the token ends in 's ("Iraq's").
func isPossessive(t token) bool {
	return strings.HasSuffix(t.text, "'s") || strings.HasSuffix(t.text, "’s")
}

// isSpeechVerb reports whether a token is a lower-case verb of saying.
func isSpeechVerb(t token) bool { return speechVerbs[t.text] }

// isAdverb reports whether a token may stand between a speaker and the verb.
func isAdverb(t token) bool {
	return t.trail == "" && (betweenSubjectAndVerb[t.text] || len(t.text) > 4 && strings.HasSuffix(t.text, "ly") && isLower(t.text))
}

func isLower(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsLower(r)
}

// isInitial reports whether s is a single capital letter.
func isInitial(s string) bool {
	r, n := utf8.DecodeRuneInString(s)
	return n == len(s) && unicode.IsUpper(r)
}

// linkAt returns how many tokens at toks[j] join an office to what follows
// inside a name run ("Secretary of State", "Speaker of the House"), or 0.
func linkAt(toks []token, j int) int {
	if j < 1 || j >= len(toks) || toks[j].text != "of" || !titles[toks[j-1].text] || toks[j-1].trail != "" || toks[j].trail != "" {
		return 0
	}
	n := 1
	if j+1 < len(toks) && toks[j+1].text == "the" && toks[j+1].trail == "" {
		n = 2
	}
	if j+n < len(toks) && isNameWord(toks[j+n]) {
		return n
	}
	return 0
}
