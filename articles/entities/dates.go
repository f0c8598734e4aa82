package entities

// Dates written with month names, relative dates ("last week", "the past
// three years"), and the modifiers that belong to a number's mention.

import (
	"strconv"
	"strings"

	"github.com/parallax-reader/parallax/model"
)

func isCalendarUnit(w string) bool {
	switch w {
	case "week", "month", "year", "weekend", "decade", "century", "quarter", "day", "season",
		"spring", "summer", "autumn", "fall", "winter", "morning", "afternoon", "evening":
		return true
	}
	return false
}

// monthDate reads a date starting with a month name at k, or a day number
// followed by a month: "May 28, 2007", "May 2007", "28 May", "May 28th". A
// bare "May" or "March" counts only where a date is expected.
func (s *numScanner) monthDate(k int) int {
	if !s.word(k) {
		return k
	}
	low := s.low(k)
	if _, ok := months[low]; !ok {
		return k
	}
	t := &s.toks[k]
	if !t.is(fCap) && !t.is(fCaseless) {
		return k
	}
	j := k + 1
	day := false
	if s.word(j) && s.toks[j].is(fDigit) {
		kind, _ := classifyDigits(s.low(j))
		n, _ := strconv.Atoi(strings.TrimRight(s.low(j), "thsndr"))
		if (kind == numPlain || kind == numOrdinal) && n >= 1 && n <= 31 {
			j++
			day = true
		}
	}
	if day && s.punct(j, ",") && s.word(j+1) {
		if kind, _ := classifyDigits(s.low(j + 1)); kind == numYear {
			return j + 2
		}
	}
	if s.word(j) {
		if kind, _ := classifyDigits(s.low(j)); kind == numYear {
			return j + 1
		}
	}
	if day {
		return j
	}
	// A month name alone: abbreviations need a number; "May" and "March"
	// need a date word before them.
	if t.is(fPeriod) || len(low) <= 3 && low != "may" {
		return k
	}
	prev := s.low(k - 1)
	switch prev {
	case "in", "since", "until", "till", "by", "early", "late", "mid", "last", "next", "this",
		"of", "from", "through", "during", "before", "after", "end", "between", "to":
		return k + 1
	}
	if low == "may" || low == "march" {
		return k
	}
	return k + 1
}

// relativeDate reads what follows "last", "next", "this", "past": a calendar
// unit, a weekday, a month, or a number of units ("the past three years").
func (s *numScanner) relativeDate(k int) int {
	w := s.low(k)
	switch {
	case isCalendarUnit(w) || weekdays[w]:
		return k + 1
	case months[w] > 0 && s.toks[k].is(fCap):
		return k + 1
	}
	if e := s.number(k); e > k && (dateUnits[s.low(e)] || isCalendarUnit(s.low(e))) {
		return e + 1
	}
	if (w == "few" || w == "several") && dateUnits[s.low(k+1)] {
		return k + 2
	}
	return k
}

// extendLeft takes modifiers before a mention into it ("more than 300",
// "about $5 million", "the past three years", "last Monday", "early May").
func (s *numScanner) extendLeft(k int, typ model.EntityType) int {
	from := k
	for {
		p := from - 1
		if !s.word(p) {
			if typ == model.Money && p >= 0 && s.toks[p].kind == tPunct {
				return from
			}
			return from
		}
		w := s.low(p)
		switch {
		case w == "than" && (s.low(p-1) == "more" || s.low(p-1) == "less" || s.low(p-1) == "fewer") && s.word(p-1):
			from = p - 1
		case (w == "least" || w == "most") && s.low(p-1) == "at" && s.word(p-1):
			from = p - 1
		case w == "to" && s.low(p-1) == "up" && s.word(p-1):
			from = p - 1
		case (w == "many" || w == "much") && s.low(p-1) == "as" && s.low(p-2) == "as" && s.word(p-2):
			from = p - 2
		case w == "about" || w == "around" || w == "nearly" || w == "almost" || w == "approximately" ||
			w == "roughly" || w == "some" || w == "over" || w == "only" || w == "just" || w == "under" ||
			w == "estimated" || w == "exactly" || w == "barely":
			if typ == model.Date && (w == "over" || w == "under" || w == "some") {
				return from
			}
			from = p
		case typ == model.Date && (w == "early" || w == "late" || w == "mid" || w == "earlier" || w == "later") &&
			(months[s.low(from)] > 0 || dateDeterminers[s.low(from)] || s.toks[from].is(fDigit)):
			from = p
		case typ == model.Date && w == "the" && (dateDeterminers[s.low(from)] || s.toks[from].is(fDigit) && strings.HasSuffix(s.low(from), "s")):
			from = p
		case typ == model.Date && (w == "a" || w == "the") && s.low(from) == "quarter":
			from = p
		default:
			return from
		}
	}
}
