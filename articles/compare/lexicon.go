package compare

// General English word lists the detectors rely on. None of them is tied to
// any particular story.

var months = map[string]int{
	"january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3,
	"april": 4, "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7,
	"august": 8, "aug": 8, "september": 9, "sep": 9, "sept": 9, "october": 10,
	"oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}

var weekdays = map[string]int{
	"monday": 1, "tuesday": 2, "wednesday": 3, "thursday": 4, "friday": 5,
	"saturday": 6, "sunday": 7,
}

var smallNumbers = map[string]float64{
	"zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
	"seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
	"thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
	"seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30,
	"forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
	"ninety": 90,
}

var scales = map[string]float64{
	"hundred": 1e2, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
	"dozen": 12, "bn": 1e9, "mn": 1e6, "m": 1e6, "k": 1e3,
}

var ordinals = map[string]float64{
	"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6,
	"seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11,
	"twelfth": 12, "twentieth": 20, "hundredth": 100,
}

// vague plurals stand for a range rather than a number.
var vague = map[string][2]float64{
	"dozens": {24, 144}, "scores": {40, 200}, "hundreds": {200, 999},
	"thousands": {2000, 999999}, "millions": {2e6, 999e6}, "billions": {2e9, 999e9},
}

// Time spans counted in years, so "a quarter century" meets "27 years".
var yearUnits = map[string]float64{"decade": 10, "decades": 10, "century": 100, "centuries": 100}

// hedgeKind says how a hedge widens a number into an interval.
type hedgeKind int

const (
	exact     hedgeKind = iota
	approx              // about, around, some: either side
	atLeast             // more than, over, at least: the number or above
	atMost              // fewer than, up to: the number or below
	justUnder           // nearly, almost: a little below
)

// hedgesBefore are the words that hedge a following number, longest first so
// "no more than" wins over "more than".
var hedgesBefore = []struct {
	words []string
	kind  hedgeKind
}{
	{[]string{"no", "more", "than"}, atMost}, {[]string{"no", "fewer", "than"}, atLeast},
	{[]string{"no", "less", "than"}, atLeast}, {[]string{"as", "many", "as"}, atMost},
	{[]string{"as", "much", "as"}, atMost}, {[]string{"as", "few", "as"}, atLeast},
	{[]string{"in", "excess", "of"}, atLeast}, {[]string{"a", "little", "over"}, atLeast},
	{[]string{"more", "than"}, atLeast}, {[]string{"greater", "than"}, atLeast},
	{[]string{"less", "than"}, atMost}, {[]string{"fewer", "than"}, atMost},
	{[]string{"at", "least"}, atLeast}, {[]string{"at", "most"}, atMost},
	{[]string{"up", "to"}, atMost}, {[]string{"close", "to"}, justUnder},
	{[]string{"upwards", "of"}, atLeast}, {[]string{"just", "over"}, atLeast},
	{[]string{"well", "over"}, atLeast}, {[]string{"just", "under"}, justUnder},
	{[]string{"an", "estimated"}, approx}, {[]string{"some"}, approx},
	{[]string{"about"}, approx}, {[]string{"around"}, approx}, {[]string{"approximately"}, approx},
	{[]string{"roughly"}, approx}, {[]string{"circa"}, approx}, {[]string{"approx"}, approx},
	{[]string{"estimated"}, approx}, {[]string{"nearly"}, justUnder}, {[]string{"almost"}, justUnder},
	{[]string{"over"}, atLeast}, {[]string{"above"}, atLeast}, {[]string{"exceeding"}, atLeast},
	{[]string{"beyond"}, atLeast}, {[]string{"under"}, atMost}, {[]string{"below"}, atMost},
	{[]string{"~"}, approx},
}

// hedgesAfter follow the number: "40 or more", "a dozen or so".
var hedgesAfter = []struct {
	words []string
	kind  hedgeKind
}{
	{[]string{"or", "more"}, atLeast}, {[]string{"or", "so"}, approx},
	{[]string{"or", "fewer"}, atMost}, {[]string{"or", "less"}, atMost},
	{[]string{"plus"}, atLeast}, {[]string{"+"}, atLeast}, {[]string{"odd"}, approx},
}

var currencies = map[string]string{
	"$": "$", "€": "€", "£": "£", "¥": "¥",
	"dollar": "$", "dollars": "$", "euro": "€", "euros": "€", "pound": "£", "pounds": "£",
	"yen": "¥",
}

// yearContext are words after which a four-digit number is a year.
var yearContext = map[string]bool{
	"in": true, "since": true, "by": true, "until": true, "till": true, "from": true,
	"of": true, "early": true, "late": true, "mid": true, "during": true, "before": true,
	"after": true, "between": true, "and": true, "to": true, "through": true, "the": true,
	"year": true, "season": true, "summer": true, "winter": true, "spring": true,
	"autumn": true, "fall": true,
}

// negationWords turn a statement into its opposite.
var negationWords = map[string]bool{
	"not": true, "no": true, "never": true, "none": true, "nobody": true, "nothing": true,
	"nowhere": true, "neither": true, "nor": true, "without": true, "cannot": true,
	"deny": true, "denies": true, "denied": true, "denying": true,
	"refuse": true, "refuses": true, "refused": true, "refusing": true,
	"unable": true, "lack": true, "lacks": true, "lacked": true, "lacking": true,
}

// failVerbs negate only before "to": "failed to reach".
var failVerbs = map[string]bool{"fail": true, "fails": true, "failed": true, "failing": true}

// stopVerbs negate the activity they govern: "stopped opening".
var stopVerbs = map[string]bool{
	"stop": true, "stops": true, "stopped": true, "stopping": true, "cease": true,
	"ceases": true, "ceased": true, "ceasing": true, "quit": true, "quits": true,
	"abandoned": true, "halted": true,
}

// notNegation follows a negation word in idioms that do not negate:
// "not only", "no doubt".
var notNegation = map[string]bool{"only": true, "just": true, "merely": true, "doubt": true, "sooner": true}

// speechWords introduce or follow reported speech.
var speechWords = map[string]bool{
	"said": true, "says": true, "say": true, "told": true, "tells": true, "stated": true,
	"added": true, "according": true, "announced": true, "claimed": true, "claims": true,
	"insisted": true, "argued": true, "explained": true, "wrote": true, "tweeted": true,
	"declared": true, "asserted": true, "noted": true, "warned": true, "confirmed": true,
	"denied": true, "reported": true, "quoted": true, "spokesman": true, "spokeswoman": true,
	"spokesperson": true,
}

// demonyms lists the nationality words that do not start with their
// country's name; the rest ("Iranian", "Chinese") are matched by prefix.
var demonyms = map[string]string{
	"french": "france", "dutch": "netherlands", "british": "britain", "briton": "britain",
	"english": "england", "welsh": "wales", "scottish": "scotland", "scots": "scotland",
	"irish": "ireland", "swiss": "switzerland", "spanish": "spain", "greek": "greece",
	"danish": "denmark", "swedish": "sweden", "finnish": "finland", "polish": "poland",
	"turkish": "turkey", "filipino": "philippines", "thai": "thailand", "cypriot": "cyprus",
	"norwegian": "norway", "american": "america", "peruvian": "peru",
	"malagasy": "madagascar", "emirati": "emirates", "saudi": "saudi", "kiwi": "zealand",
	"uk": "britain", "u.k": "britain", "us": "america", "u.s": "america", "usa": "america",
	"states": "america", "kingdom": "britain",
}
