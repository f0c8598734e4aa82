package segment

import (
	"unicode"
	"unicode/utf8"
)

// abbrevClass says how a period after an abbreviation behaves.
type abbrevClass uint8

const (
	notAbbrev abbrevClass = iota
	// beforeName abbreviations precede a name and never end a sentence.
	beforeName
	// inline abbreviations sit inside a sentence ("e.g.", "vs.").
	inline
	// beforeNumber abbreviations precede a number ("No. 5", "Jan. 5"); before
	// a capitalised word they end the sentence.
	beforeNumber
	// clock is "a.m."/"p.m.": before a capitalised word the sentence ends,
	// unless the word continues the time ("9 a.m. Eastern", "a.m. Monday").
	clock
	// final abbreviations often end a sentence ("etc.", "Inc."): a capitalised
	// word after them starts a new one.
	final
	// place abbreviations (US states in news style) end a sentence only
	// before a common sentence opener, like initials and acronyms.
	place
)

// abbreviations is a small table of common English abbreviations (without
// the final period, case as written), drawn from the AP Stylebook's
// abbreviations for titles, months and states and from the abbreviation
// classes of Kiss & Strunk (2006), "Unsupervised Multilingual Sentence
// Boundary Detection". Words written with inner periods ("U.S", "Ph.D") are
// recognised by their shape and need no entry.
var abbreviations = map[string]abbrevClass{
	// Titles and ranks before a name.
	"Mr": beforeName, "Mrs": beforeName, "Ms": beforeName, "Messrs": beforeName, "Mme": beforeName,
	"Dr": beforeName, "Prof": beforeName, "Rev": beforeName, "Hon": beforeName, "Fr": beforeName,
	"St": beforeName, "Mt": beforeName, "Ft": beforeName, "Pres": beforeName, "Gov": beforeName,
	"Sen": beforeName, "Rep": beforeName, "Reps": beforeName, "Sens": beforeName, "Amb": beforeName,
	"Gen": beforeName, "Lt": beforeName, "Col": beforeName, "Maj": beforeName, "Capt": beforeName,
	"Cmdr": beforeName, "Cdr": beforeName, "Adm": beforeName, "Brig": beforeName, "Sgt": beforeName,
	"Cpl": beforeName, "Pvt": beforeName, "Spc": beforeName, "Supt": beforeName, "Insp": beforeName,
	"Det": beforeName, "Atty": beforeName, "Gens": beforeName, "Drs": beforeName,
	// Inside a sentence.
	"e.g": inline, "i.e": inline, "vs": inline, "v": inline, "cf": inline, "viz": inline,
	"approx": inline, "ca": inline, "esp": inline, "incl": inline, "Eq": inline,
	// Before a number.
	"No": beforeNumber, "Nos": beforeNumber, "no": beforeNumber, "Vol": beforeNumber, "vol": beforeNumber,
	"pp": beforeNumber, "p": beforeNumber, "Fig": beforeNumber, "fig": beforeNumber, "Art": beforeNumber,
	"Sec": beforeNumber, "sec": beforeNumber, "Ch": beforeNumber, "ch": beforeNumber, "Para": beforeNumber,
	"b": beforeNumber, "d": beforeNumber, "c": beforeNumber, "Ed": beforeNumber, "ed": beforeNumber, "Rt": beforeNumber, "Hwy": beforeNumber, "Ave": final,
	"Jan": beforeNumber, "Feb": beforeNumber, "Mar": beforeNumber, "Apr": beforeNumber,
	"Jun": beforeNumber, "Jul": beforeNumber, "Aug": beforeNumber, "Sep": beforeNumber,
	"Sept": beforeNumber, "Oct": beforeNumber, "Nov": beforeNumber, "Dec": beforeNumber,
	// Times of day.
	"a.m": clock, "p.m": clock, "A.M": clock, "P.M": clock,
	// Often at the end of a sentence.
	"etc": final, "al": final, "Inc": final, "Ltd": final, "Corp": final, "Co": final,
	"Bros": final, "Jr": final, "Sr": final, "Plc": final, "Blvd": final, "Rd": final,
	// US states in news style.
	"Ala": place, "Ariz": place, "Ark": place, "Calif": place, "Colo": place, "Conn": place,
	"Del": place, "Fla": place, "Ga": place, "Ill": place, "Ind": place, "Kan": place,
	"Ky": place, "La": place, "Md": place, "Mass": place, "Mich": place, "Minn": place,
	"Miss": place, "Mo": place, "Mont": place, "Neb": place, "Nev": place, "Okla": place,
	"Ore": place, "Pa": place, "Tenn": place, "Vt": place, "Va": place, "Wash": place,
	"Wis": place, "Wyo": place,
}

// sentenceOpeners are frequent first words of English sentences. After an
// initial or an acronym ("in the U.S. The …") only these start a new
// sentence; any other capitalised word is taken as part of a name ("U.S.
// Ambassador", "Ryan C. Crocker").
var sentenceOpeners = set(
	"The", "A", "An", "He", "She", "It", "They", "We", "I", "You", "His", "Her", "Its",
	"Their", "Our", "My", "This", "That", "These", "Those", "There", "Here", "But", "And",
	"Or", "So", "Yet", "In", "On", "At", "As", "After", "Before", "When", "While", "If",
	"Although", "Though", "Because", "Since", "However", "Meanwhile", "Still", "Also",
	"Then", "Now", "Some", "Many", "Most", "All", "Both", "Each", "Such", "What", "Who",
	"Why", "How", "Where", "Last", "Earlier", "Later", "Instead", "Nevertheless",
)

// timeContinuations are capitalised words that may follow "a.m."/"p.m." in
// the same sentence: time zones, days and months.
var timeContinuations = set(
	"ET", "EST", "EDT", "CT", "CST", "CDT", "MT", "MST", "MDT", "PT", "PST", "PDT", "AKST",
	"HST", "GMT", "UTC", "BST", "CET", "CEST", "EET", "EEST", "IST", "JST", "KST", "AEST",
	"AEDT", "Eastern", "Central", "Mountain", "Pacific", "Atlantic", "Greenwich", "Moscow",
	"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
	"January", "February", "March", "April", "May", "June", "July", "August",
	"September", "October", "November", "December", "Jan", "Feb", "Mar", "Apr", "Jun",
	"Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "local",
)

// titleMinorWords stay in lower case in title-case headlines.
var titleMinorWords = set(
	"a", "an", "the", "and", "or", "but", "nor", "of", "in", "on", "at", "to", "for", "by",
	"with", "from", "as", "vs", "vs.", "via", "into", "over", "per", "up", "off", "out",
)

func set(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

// splitAfter decides whether "word." followed by a space and next (which
// does not start in lower case) ends a sentence.
func splitAfter(word, next string) bool {
	r, _ := utf8.DecodeRuneInString(next)
	digit := unicode.IsDigit(r)
	switch abbreviations[word] {
	case beforeName, inline:
		return false
	case beforeNumber:
		return !digit
	case clock:
		return !timeContinuations[leadingWord(next)]
	case final:
		return true
	case place:
		return digit || sentenceOpeners[leadingWord(next)]
	}
	if isInitial(word) || isDotted(word) {
		return digit || sentenceOpeners[leadingWord(next)]
	}
	return true
}

// leadingWord returns the letters at the start of s.
func leadingWord(s string) string {
	for i, r := range s {
		if !unicode.IsLetter(r) {
			return s[:i]
		}
	}
	return s
}

// isInitial reports whether word is a single capital letter ("C" in "Ryan
// C. Crocker").
func isInitial(word string) bool {
	r, n := utf8.DecodeRuneInString(word)
	return n == len(word) && unicode.IsUpper(r)
}

// isDotted reports whether word is short letter groups joined by periods
// ("U.S", "U.N", "Ph.D", "D.C").
func isDotted(word string) bool {
	groups, letters := 1, 0
	for _, r := range word {
		switch {
		case r == '.':
			if letters == 0 {
				return false
			}
			groups++
			letters = 0
		case unicode.IsLetter(r):
			letters++
			if letters > 3 {
				return false
			}
		default:
			return false
		}
	}
	return groups >= 2 && letters > 0
}

// isListMarker reports whether word can number a list item: up to three
// digits, one letter, or a short Roman numeral.
func isListMarker(word string) bool {
	if word == "" || len(word) > 4 {
		return false
	}
	digits, roman := true, true
	for i := 0; i < len(word); i++ {
		c := word[i]
		if c < '0' || c > '9' {
			digits = false
		}
		switch c | 0x20 {
		case 'i', 'v', 'x', 'l', 'c', 'd', 'm':
		default:
			roman = false
		}
	}
	if digits && len(word) <= 3 {
		return true
	}
	if r, n := utf8.DecodeRuneInString(word); n == len(word) && unicode.IsLetter(r) {
		return true
	}
	return roman
}
