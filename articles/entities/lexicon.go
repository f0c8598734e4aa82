package entities

import "github.com/parallax-reader/parallax/model"

// Hand-written word lists: titles and offices, organisation and place cue
// words, name particles, calendar words, number words, units and currencies,
// and a short alias table. They were compiled for parallax from general
// English usage (newspaper style guides' lists of courtesy titles, military
// ranks and offices; the ISO 4217 currency names; SI and customary units) and
// are released with parallax under its own licence. They are deliberately
// general: nothing here names a person or an event.

// titleWords are offices, ranks and courtesy titles that precede a name and
// are kept as the mention's role rather than as part of the name. Keys are
// lower case; a trailing period is stripped before lookup.
var titleWords = set(
	"mr", "mrs", "ms", "miss", "dr", "prof", "professor", "sir", "dame", "lord", "lady",
	"rev", "reverend", "father", "sister", "brother", "rabbi", "imam", "sheikh", "sheik",
	"cleric", "pope", "cardinal", "bishop", "archbishop", "ayatollah", "grand", "mullah",
	"president", "vice", "prime", "minister", "premier", "chancellor", "secretary",
	"ambassador", "envoy", "consul", "senator", "sen", "rep", "representative",
	"congressman", "congresswoman", "gov", "governor", "mayor", "judge", "justice",
	"king", "queen", "prince", "princess", "emir", "sultan", "crown", "chairman",
	"chairwoman", "chair", "director", "spokesman", "spokeswoman", "spokesperson",
	"leader", "chief", "commander", "gen", "general", "lt", "lieutenant", "col",
	"colonel", "maj", "major", "capt", "captain", "sgt", "sergeant", "adm", "admiral",
	"cpl", "corporal", "pvt", "private", "brig", "brigadier", "marshal", "officer",
	"inspector", "detective", "superintendent", "supt", "commissioner", "speaker",
	"deputy", "assistant", "acting", "interim", "former", "foreign", "defense",
	"defence", "interior", "finance", "treasury", "attorney", "state", "national",
	"security", "adviser", "advisor", "coach", "manager", "ceo", "cfo", "coo",
	"executive", "founder", "analyst", "correspondent", "editor", "author",
	"negotiator", "diplomat", "official", "lawmaker", "legislator", "mp", "mep",
	"dep", "pres", "atty", "gen.", "supreme", "high", "special", "senior", "top",
	"first", "lady", "mufti", "patriarch", "chief", "justice", "head", "delegate",
	"councillor", "councilor", "councilman", "councilwoman", "alderman", "alderwoman",
	"assemblyman", "assemblywoman", "magistrate", "sheriff", "constable", "provost",
	"dean", "rector", "chaplain", "ombudsman", "auditor", "prosecutor",
)

// titleHeads are the title words that can stand alone before a name and
// end a role ("Ambassador Ryan Crocker", "Gen. David Petraeus"); modifiers
// such as "Foreign", "Vice", "Deputy" need one of these after them.
var titleHeads = set(
	"mr", "mrs", "ms", "miss", "dr", "prof", "professor", "sir", "dame", "lord", "lady",
	"rev", "reverend", "father", "sister", "rabbi", "imam", "sheikh", "sheik", "cleric",
	"pope", "cardinal", "bishop", "archbishop", "ayatollah", "mullah", "president",
	"minister", "premier", "chancellor", "secretary", "ambassador", "envoy", "consul",
	"senator", "sen", "rep", "representative", "congressman", "congresswoman", "gov",
	"governor", "mayor", "judge", "justice", "king", "queen", "prince", "princess",
	"emir", "sultan", "chairman", "chairwoman", "director", "spokesman", "spokeswoman",
	"spokesperson", "leader", "commander", "gen", "general", "lt", "lieutenant", "col",
	"colonel", "maj", "major", "capt", "captain", "sgt", "sergeant", "adm", "admiral",
	"cpl", "corporal", "pvt", "brig", "brigadier", "marshal", "inspector", "detective",
	"superintendent", "supt", "commissioner", "speaker", "adviser", "advisor", "coach",
	"manager", "ceo", "cfo", "coo", "founder", "analyst", "correspondent", "editor",
	"negotiator", "diplomat", "official", "lawmaker", "legislator", "mp", "mep", "pres",
	"atty", "mufti", "patriarch", "delegate", "officer", "chief",
	"councillor", "councilor", "councilman", "councilwoman", "alderman", "alderwoman",
	"assemblyman", "assemblywoman", "magistrate", "sheriff", "constable", "provost",
	"dean", "rector", "chaplain", "ombudsman", "auditor", "prosecutor",
)

// orgCues are words that make a capitalised phrase an organisation when
// they appear in it ("Ministry of Defense", "Paxar Corp", "Labour Party").
var orgCues = set(
	"inc", "corp", "corporation", "co", "company", "companies", "ltd", "limited", "llc",
	"plc", "gmbh", "ag", "sa", "nv", "bv", "spa", "lp", "llp", "holdings", "holding",
	"group", "industries", "international", "enterprises", "partners", "associates",
	"bancorp", "bancshares", "financial", "capital", "securities", "investments",
	"ministry", "department", "dept", "agency", "office", "bureau", "administration",
	"authority", "commission", "committee", "council", "board", "court", "tribunal",
	"parliament", "congress", "senate", "assembly", "cabinet", "government",
	"university", "college", "school", "academy", "institute", "institution",
	"foundation", "fund", "trust", "society", "association", "federation", "union",
	"league", "alliance", "coalition", "organization", "organisation", "party",
	"movement", "front", "brigade", "brigades", "army", "navy", "force", "forces",
	"corps", "guard", "guards", "police", "militia", "regiment", "division",
	"battalion", "bank", "bancorp", "exchange", "reserve", "airlines", "airways",
	"motors", "systems", "technologies", "technology", "communications", "networks",
	"energy", "petroleum", "oil", "gas", "resources", "mining", "pharmaceuticals",
	"labs", "laboratories", "electric", "electronics", "telecom", "media", "press",
	"news", "times", "post", "journal", "herald", "tribune", "gazette", "network",
	"broadcasting", "television", "radio", "records", "studios", "pictures", "club",
	"team", "fc", "church", "hospital", "center", "centre", "museum", "library",
	"services", "products", "stores", "foods", "chemical", "chemicals", "steel",
	"motor", "insurance", "trading", "bancorporation", "ventures", "band", "orchestra",
	"choir", "magazine", "council", "nations", "commonwealth", "caucus", "cooperative",
	"co-operative", "railway", "railways", "railroad", "airline", "telecommunications",
	"software", "command", "entertainment", "project", "productions", "recordings",
	"theatre", "theater", "hc", "united", "rovers", "wanderers", "athletic", "hotel",
	"hotels", "casino", "lines", "design", "transport", "cable", "diocese", "cruise",
	"archdiocese", "brewery", "motorsport", "racing", "publishing", "publications",
)

// corporateSuffixes are dropped when names are compared for linking
// ("Paxar Corp" = "Paxar").
var corporateSuffixes = set(
	"inc", "incorporated", "corp", "corporation", "co", "company", "ltd", "limited",
	"llc", "plc", "gmbh", "ag", "sa", "nv", "bv", "spa", "lp", "llp", "group",
	"holdings", "holding", "cos",
)

// locCues make a capitalised phrase a geographical location (LOC) rather
// than a political one ("Persian Gulf", "Mount Everest", "Tigris River").
var locCues = set(
	"river", "sea", "ocean", "gulf", "bay", "lake", "mountain", "mountains", "mount",
	"mt", "hill", "hills", "valley", "desert", "island", "islands", "isle", "peninsula",
	"strait", "straits", "canal", "channel", "coast", "plain", "plains", "forest",
	"park", "basin", "delta", "glacier", "cape", "highlands", "range", "reef", "falls",
	"creek", "harbor", "harbour", "region", "peak", "heights", "street", "road",
	"avenue", "boulevard", "lane", "square", "bridge", "airport", "plateau", "beach",
	"oval", "stadium", "arena", "pass", "trail", "highway", "fjord", "lagoon", "rapids",
	"ave", "house", "estate", "cave", "caves", "rink", "tower", "castle", "palace",
	"zone", "pond", "brook", "reservoir", "dock", "docks", "mall", "gym", "playfield",
	"wharf", "pier", "canyon", "gorge", "marsh", "swamp", "springs", "dam", "glen",
)

// gpeCues make a capitalised phrase a political place ("Kansas City",
// "Orange County", "Anbar Province").
var gpeCues = set(
	"city", "county", "province", "state", "district", "township", "borough",
	"village", "town", "republic", "kingdom", "emirate", "prefecture", "governorate",
	"municipality", "territory", "oblast", "parish", "shire", "canton", "commune",
	"empire", "duchy", "principality", "sultanate", "caliphate",
)

// eventCues mark names of events, works and prizes, which have no entity
// type here: such a phrase is consumed without a mention so its parts are
// not mistaken for names ("Second Battle of Bull Run", "World Cup").
var eventCues = set(
	"war", "battle", "cup", "championship", "championships", "olympics", "games",
	"award", "awards", "prize", "festival", "tournament", "open", "grand", "series",
	"album", "revolution", "crisis", "summit", "conference", "treaty", "accord",
	"accords", "act", "agreement", "day", "week", "season", "tour", "trophy", "bowl",
	"prix", "expo", "olympiad", "marathon", "derby", "convention", "massacre",
	"uprising", "rebellion", "election", "elections", "show", "song", "symphony",
)

// particles join the parts of a name ("Ludwig van Beethoven", "Osama bin
// Laden", "Nouri al-Maliki", "Charles de Gaulle").
var particles = set(
	"van", "von", "der", "den", "de", "del", "della", "di", "da", "du", "la", "le",
	"bin", "ibn", "bint", "al", "el", "ben", "dos", "das", "do", "ter", "ten", "zu",
	"y", "abu", "abd", "st", "mac", "des", "e",
)

// hyphenPrefixes are lower-case name prefixes joined by a hyphen
// ("al-Maliki", "el-Baradei", "bin-Laden", "abu-Ghraib").
var hyphenPrefixes = set("al", "el", "bin", "ibn", "abu", "abd", "ad", "an", "ar", "as", "ash", "at", "az", "ul", "ben")

// orgConnectors may join the words of an organisation's name ("Bank of
// America", "Oil and Gas", "Center for Strategic Studies", "Army of the
// Potomac"); a phrase kept whole across one must look like an organisation
// or a place.
var orgConnectors = set("of", "and", "&", "for", "on", "the")

// stopCaps are words that are capitalised only because they start a
// sentence or a heading; never a name on their own.
var stopCaps = set(
	"the", "a", "an", "in", "on", "at", "of", "for", "to", "from", "by", "with", "and",
	"but", "or", "nor", "so", "yet", "if", "as", "after", "before", "since", "while",
	"when", "where", "what", "who", "whom", "whose", "which", "why", "how", "this",
	"that", "these", "those", "it", "its", "he", "she", "they", "we", "i", "you",
	"his", "her", "their", "our", "my", "your", "there", "here", "then", "than",
	"however", "meanwhile", "also", "although", "though", "because", "but", "despite",
	"during", "under", "over", "into", "about", "among", "between", "both", "each",
	"every", "all", "some", "many", "most", "more", "other", "another", "such", "no",
	"not", "only", "just", "even", "still", "yes", "until", "unless", "upon", "within",
	"without", "against", "through", "throughout", "toward", "towards", "via", "per",
	"do", "does", "did", "is", "are", "was", "were", "be", "been", "has", "have", "had",
	"will", "would", "can", "could", "should", "may", "might", "must", "shall", "mr",
	"mrs", "ms", "dr", "yesterday", "today", "tomorrow", "tonight", "now", "later",
	"earlier", "instead", "indeed", "thus", "therefore", "moreover", "furthermore",
	"nevertheless", "nonetheless", "otherwise", "perhaps", "maybe", "once", "twice",
	"several", "few", "any", "none", "one", "two", "three", "four", "five", "six",
	"seven", "eight", "nine", "ten", "like", "unlike", "whether", "around", "near",
	"above", "below", "beyond", "behind", "ahead", "inside", "outside", "across",
	"along", "amid", "amidst", "beside", "besides", "except", "following", "including",
	"regarding", "concerning", "according", "why", "let", "please", "thank", "thanks",
	"well", "oh", "again", "ever", "never", "always", "often", "sometimes", "usually",
	"speaking", "asked", "said", "says", "told", "added", "noted",
)

// stateAbbrevs are the newspaper abbreviations of US states ("Calif.",
// "N.J."), written with their period after a city ("Salem, Ore.").
var stateAbbrevs = set(
	"ala", "ariz", "ark", "calif", "colo", "conn", "del", "fla", "ga", "ill", "ind",
	"kan", "kans", "ky", "la", "md", "mass", "mich", "minn", "miss", "mo", "mont",
	"neb", "nev", "n.h", "n.j", "n.m", "n.y", "n.c", "n.d", "okla", "ore", "pa",
	"r.i", "s.c", "s.d", "tenn", "tex", "vt", "va", "wash", "w.va", "wis", "wyo", "d.c",
)

// months maps month names and their abbreviations to month numbers.
var months = map[string]int{
	"january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6,
	"july": 7, "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
	"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
	"sept": 9, "oct": 10, "nov": 11, "dec": 12,
}

// weekdays are day names and their abbreviations.
var weekdays = set(
	"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
	"mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
)

// dateUnits make a number a date or duration ("27 years", "two weeks").
var dateUnits = set(
	"year", "years", "month", "months", "week", "weeks", "day", "days", "decade",
	"decades", "century", "centuries", "weekend", "weekends", "quarter", "quarters",
	"fortnight", "millennium", "yr", "yrs", "half",
)

// timeUnits make a number a time or short duration ("four hours").
var timeUnits = set("hour", "hours", "minute", "minutes", "second", "seconds", "hr", "hrs", "min", "mins", "sec", "secs", "o'clock")

// relativeDates are words that are dates by themselves.
var relativeDates = set("yesterday", "today", "tomorrow")

// timeWords are words that are times by themselves.
var timeWords = set("noon", "midnight", "tonight", "overnight")

// dayParts follow a day to make a time ("Monday morning", "last night").
var dayParts = set("morning", "afternoon", "evening", "night")

// dateDeterminers start a relative date ("last week", "next year", "this
// month", "earlier this week").
var dateDeterminers = set("last", "next", "this", "past", "coming", "previous", "same", "that", "each", "every", "recent")

// quantityUnits make a number a quantity ("10 km", "5 tonnes").
var quantityUnits = set(
	"km", "kilometer", "kilometers", "kilometre", "kilometres", "mile", "miles", "m",
	"meter", "meters", "metre", "metres", "cm", "mm", "ft", "foot", "feet", "inch",
	"inches", "yard", "yards", "kg", "kilogram", "kilograms", "kilo", "kilos", "g",
	"gram", "grams", "lb", "lbs", "pound", "ounce", "ounces", "oz", "ton", "tons",
	"tonne", "tonnes", "litre", "litres", "liter", "liters", "gallon", "gallons",
	"barrel", "barrels", "bpd", "acre", "acres", "hectare", "hectares", "sq", "square",
	"cubic", "degree", "degrees", "mph", "kph", "knots", "megawatt", "megawatts", "mw",
	"gigawatt", "gigawatts", "kw", "kwh", "watts", "calories", "bushels", "bushel",
	"troy", "carats", "volts", "bytes", "gigabytes", "megabytes", "terabytes",
)

// currencyWords follow a number to make an amount of money ("500 dollars").
var currencyWords = set(
	"dollar", "dollars", "dlr", "dlrs", "cent", "cents", "ct", "cts", "euro", "euros", "pound",
	"pounds", "sterling", "yen", "yuan", "renminbi", "rupee", "rupees", "rial",
	"rials", "riyal", "riyals", "dinar", "dinars", "dirham", "dirhams", "franc",
	"francs", "mark", "marks", "lira", "lire", "peso", "pesos", "rouble", "roubles",
	"ruble", "rubles", "won", "krona", "kronor", "krone", "kroner", "rand", "real",
	"reais", "shekel", "shekels", "baht", "ringgit", "rupiah", "naira", "zloty",
	"forint", "pence", "guilders", "usd", "eur", "gbp", "jpy", "cad", "aud", "chf",
)

// currencySymbols precede a number to make an amount of money.
var currencySymbols = set("$", "€", "£", "¥", "₹", "₩", "₽", "₪", "US$", "A$", "C$", "HK$", "NZ$", "S$", "R$")

// numberWords are cardinal numbers written as words, with their values.
var numberWords = map[string]int{
	"zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
	"seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
	"thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
	"eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40,
	"fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
	"dozen": 12, "dozens": 12, "hundreds": 100, "thousands": 1000, "millions": 1e6,
	"billions": 1e9, "tens": 10, "score": 20,
}

// scaleWords multiply the number before them ("3.5 million", "€3bn").
var scaleWords = set("hundred", "thousand", "million", "billion", "trillion", "mln", "bln", "bn", "mn", "m", "k", "tn", "trn")

// percentWords follow a number to make a percentage.
var percentWords = set("percent", "pct", "per", "percentage")

// numberModifiers may precede a number and belong to its mention ("more
// than 300", "about 5 percent", "nearly $2 billion").
var numberModifiers = set(
	"about", "around", "nearly", "almost", "approximately", "roughly", "some",
	"over", "under", "only", "just", "up", "at", "more", "less", "fewer", "than",
	"least", "most", "some", "estimated", "an", "a", "exactly", "barely", "upwards",
	"another", "the",
)

// aliasGroup is a set of names for one place or body; the first is the
// canonical key. Entries are normalised keys (lower case, no periods).
type aliasGroup struct {
	typ   model.EntityType
	names []string
}

// aliasGroups are names that refer to the same place or body.
var aliasGroups = []aliasGroup{
	{model.GPE, []string{"united states", "us", "usa", "united states of america", "america", "the united states", "u s", "u s a"}},
	{model.GPE, []string{"united kingdom", "uk", "britain", "great britain", "united kingdom of great britain and northern ireland", "u k", "gb"}},
	{model.Org, []string{"united nations", "un", "u n"}},
	{model.Org, []string{"european union", "eu", "e u"}},
	{model.GPE, []string{"soviet union", "ussr", "union of soviet socialist republics"}},
	{model.GPE, []string{"united arab emirates", "uae", "emirates"}},
	{model.Org, []string{"north atlantic treaty organization", "nato", "north atlantic treaty organisation"}},
	{model.Org, []string{"international monetary fund", "imf"}},
	{model.Org, []string{"world bank", "international bank for reconstruction and development"}},
	{model.Org, []string{"world health organization", "who", "world health organisation"}},
	{model.Org, []string{"world trade organization", "wto", "world trade organisation"}},
	{model.Org, []string{"organization of the petroleum exporting countries", "opec", "organisation of the petroleum exporting countries"}},
	{model.Org, []string{"international atomic energy agency", "iaea"}},
	{model.Org, []string{"federal bureau of investigation", "fbi"}},
	{model.Org, []string{"central intelligence agency", "cia"}},
	{model.Org, []string{"securities and exchange commission", "sec"}},
	{model.Org, []string{"federal reserve", "fed", "federal reserve board", "federal reserve system"}},
	{model.GPE, []string{"people's republic of china", "china", "prc", "peoples republic of china"}},
	{model.GPE, []string{"russia", "russian federation"}},
	{model.GPE, []string{"iran", "islamic republic of iran", "persia"}},
	{model.GPE, []string{"south korea", "republic of korea", "rok"}},
	{model.GPE, []string{"north korea", "democratic people's republic of korea", "dprk"}},
	{model.GPE, []string{"netherlands", "holland", "the netherlands"}},
	{model.GPE, []string{"myanmar", "burma"}},
	{model.GPE, []string{"czech republic", "czechia"}},
	{model.GPE, []string{"ivory coast", "cote d'ivoire", "côte d'ivoire"}},
	{model.GPE, []string{"democratic republic of the congo", "drc", "dr congo"}},
	{model.GPE, []string{"west germany", "federal republic of germany", "frg"}},
	{model.GPE, []string{"east germany", "german democratic republic", "gdr"}},
	{model.GPE, []string{"palestinian territories", "palestine"}},
	{model.GPE, []string{"new york city", "nyc"}},
	{model.GPE, []string{"los angeles", "la"}},
	{model.GPE, []string{"washington dc", "washington d c", "district of columbia", "dc"}},
	{model.Org, []string{"associated press", "ap"}},
	{model.Org, []string{"agence france-presse", "afp", "agence france presse"}},
	{model.Org, []string{"british broadcasting corporation", "bbc"}},
	{model.Org, []string{"organization for economic cooperation and development", "oecd", "organisation for economic co-operation and development"}},
	{model.Org, []string{"african union", "au"}},
	{model.Org, []string{"arab league", "league of arab states"}},
	{model.Org, []string{"red cross", "international committee of the red cross", "icrc"}},
	{model.Org, []string{"international criminal court", "icc"}},
	{model.Org, []string{"new york stock exchange", "nyse"}},
	{model.Org, []string{"department of defense", "pentagon", "defense department"}},
	{model.Org, []string{"white house"}},
	{model.Org, []string{"kremlin"}},
	{model.Org, []string{"state department", "department of state"}},
}

func set(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}
