package entities

import (
	"strconv"
	"strings"

	"github.com/parallax-reader/parallax/model"
)

// Dates, times, money, percentages, quantities and cardinals, in OntoNotes
// terms: durations are dates ("27 years") or times ("four hours"); modifiers
// such as "more than" or "about" belong to the mention.

type numScanner struct {
	text string
	toks []token
	used []bool
	out  []model.Mention
}

func (s *numScanner) low(k int) string {
	if k < 0 || k >= len(s.toks) {
		return ""
	}
	return s.toks[k].low
}

func (s *numScanner) word(k int) bool {
	return k >= 0 && k < len(s.toks) && s.toks[k].kind == tWord && !s.used[k]
}

func (s *numScanner) punct(k int, p string) bool {
	return k >= 0 && k < len(s.toks) && s.toks[k].kind == tPunct && s.toks[k].low == p
}

func (s *numScanner) emit(from, to int, t model.EntityType) {
	st, en := s.toks[from].start, s.toks[to-1].end
	if last := &s.toks[to-1]; last.is(fPeriod) && !strings.Contains(last.low, ".") && last.low != "a" {
		// "1.2 billion dlrs." at the end of a sentence: the period is the
		// sentence's ("p.m." keeps its own).
		if to == len(s.toks) || s.toks[to].is(fCap) || s.toks[to].is(fLineStart) {
			en--
		}
	}
	for j := from; j < to; j++ {
		s.used[j] = true
	}
	s.out = append(s.out, model.Mention{Span: model.Span{Start: st, End: en}, Text: s.text[st:en], Type: t})
}

// numberKind describes what a digit token holds.
type numberKind uint8

const (
	numNone    numberKind = iota
	numPlain              // 27, 1,200, 3.5
	numScaled             // 3bn, 5m
	numYear               // 1980
	numDecade             // 1990s, '90s
	numOrdinal            // 10th
	numUnit               // 10km
	numTime               // 9:30
	numMoney              // dlrs fused: rare
)

func classifyDigits(low string) (numberKind, string) {
	i := 0
	if i < len(low) && low[i] == '\'' {
		i++
	}
	j := i
	for j < len(low) && (isDigitByte(low[j]) || low[j] == ',' || low[j] == '.' || low[j] == ':') {
		j++
	}
	digits, suffix := low[i:j], low[j:]
	if digits == "" {
		return numNone, ""
	}
	if strings.HasPrefix(suffix, "-") {
		// "10-km", "three-year": the part after the hyphen says what it is.
		return numUnit, suffix[1:]
	}
	switch {
	case suffix == "":
		if strings.Contains(digits, ":") {
			return numTime, ""
		}
		if len(digits) == 4 && !strings.ContainsAny(digits, ",.") && i == 0 {
			if n, _ := strconv.Atoi(digits); n >= 1000 && n <= 2099 {
				return numYear, ""
			}
		}
		return numPlain, ""
	case suffix == "s" && (len(digits) == 4 || (i == 1 && len(digits) == 2)):
		return numDecade, ""
	case suffix == "th" || suffix == "st" || suffix == "nd" || suffix == "rd":
		return numOrdinal, ""
	case scaleWords[suffix]:
		return numScaled, ""
	case suffix == "am" || suffix == "pm" || suffix == "a.m" || suffix == "p.m":
		return numTime, ""
	case quantityUnits[suffix]:
		return numUnit, suffix
	case suffix == "%":
		return numPlain, ""
	}
	return numNone, ""
}

// scan finds every numeric mention and marks its tokens used.
func (s *numScanner) scan() {
	for k := 0; k < len(s.toks); k++ {
		if s.used[k] || s.toks[k].kind == tPoss || !s.mayStart(k) {
			continue
		}
		if end, typ := s.at(k); end > k {
			from := s.extendLeft(k, typ)
			s.emit(from, end, typ)
			k = end - 1
		}
	}
}

// numStarters are the words that can begin a date, time or number
// pattern; every other word is passed over with one lookup.
var numStarters = func() map[string]bool {
	m := set("within", "by", "until", "during", "a", "an", "us", "c", "hk", "nz", "s", "half", "quarter")
	for _, l := range []map[string]bool{weekdays, relativeDates, timeWords, dateDeterminers} {
		for w := range l {
			m[w] = true
		}
	}
	for w := range months {
		m[w] = true
	}
	for w := range numberWords {
		m[w] = true
	}
	return m
}()

// mayStart reports whether a pattern may begin at token k.
func (s *numScanner) mayStart(k int) bool {
	t := &s.toks[k]
	if t.kind == tPunct {
		return currencySymbols[t.low]
	}
	if t.is(fDigit) || numStarters[t.low] {
		return true
	}
	if t.is(fHyphen) {
		if i := strings.IndexAny(t.low, "-‐‑"); i > 0 {
			return numStarters[t.low[:i]]
		}
	}
	return strings.HasPrefix(t.low, "'") || strings.HasPrefix(t.low, "’")
}

// at tries every pattern that starts at token k; it returns the end token
// index and the type, or k when nothing starts there.
func (s *numScanner) at(k int) (int, model.EntityType) {
	t := &s.toks[k]
	if t.kind == tPunct {
		if currencySymbols[t.low] {
			if end := s.number(k + 1); end > k+1 {
				return s.scaleAfter(end), model.Money
			}
		}
		return k, ""
	}
	low := t.low
	// US$ 5 million, C$ 3
	if (low == "us" || low == "c" || low == "a" || low == "hk" || low == "nz" || low == "s") && t.is(fCap) && s.punct(k+1, "$") && s.toks[k+1].start == t.end {
		if end := s.number(k + 2); end > k+2 {
			return s.scaleAfter(end), model.Money
		}
	}
	if m, ok := months[low]; ok && m > 0 {
		if end := s.monthDate(k); end > k {
			return end, model.Date
		}
	}
	// Abbreviated weekdays ("Sun", "Wed") need a period and a date after.
	if weekdays[low] && (t.is(fCap) || t.is(fCaseless)) && !t.is(fPeriod) && len(low) > 4 || (weekdays[low] && t.is(fPeriod) && s.isNumberAt(k+1)) {
		end := k + 1
		if s.punct(end, ",") {
			if e := s.monthDate(end + 1); e > end+1 {
				end = e
			}
		}
		if dayParts[s.low(end)] {
			return end + 1, model.Time
		}
		return end, model.Date
	}
	if relativeDates[low] {
		if dayParts[s.low(k+1)] {
			return k + 2, model.Time
		}
		return k + 1, model.Date
	}
	if timeWords[low] {
		return k + 1, model.Time
	}
	if dateDeterminers[low] && low != "that" && low != "each" && low != "every" {
		if dayParts[s.low(k+1)] && (low == "last" || low == "this") {
			return k + 2, model.Time
		}
		if e := s.relativeDate(k + 1); e > k+1 {
			return e, model.Date
		}
	}
	if low == "within" || low == "by" || low == "until" || low == "during" {
		// "within the month", "by the end of the year"
		j := k + 1
		if s.low(j) == "the" {
			j++
			if (s.low(j) == "end" || s.low(j) == "start" || s.low(j) == "middle" || s.low(j) == "beginning") && s.low(j+1) == "of" && s.low(j+2) == "the" {
				j += 3
			}
			if isCalendarUnit(s.low(j)) {
				return j + 1, model.Date
			}
		}
	}
	if t.is(fHyphen) && !t.is(fDigit) {
		// "three-year", "four-hour", "twenty-kilometre"
		if i := strings.LastIndexAny(low, "-‐‑"); i > 0 && isNumberWord(low[:i]) {
			tail := strings.TrimLeft(low[i:], "-‐‑")
			switch {
			case dateUnits[tail]:
				return k + 1, model.Date
			case timeUnits[tail]:
				return k + 1, model.Time
			case quantityUnits[tail]:
				return k + 1, model.Quantity
			}
		}
	}
	end := s.number(k)
	if end == k {
		return k, ""
	}
	kind, suffix := numNone, ""
	if t.is(fDigit) {
		kind, suffix = classifyDigits(low)
	}
	switch kind {
	case numYear:
		if !s.unitFollows(end) {
			if s.toks[k].is(fSpaceBefore) || k == 0 {
				return end, model.Date
			}
		}
	case numDecade:
		return end, model.Date
	case numTime:
		if ap := s.low(end); ap == "a.m" || ap == "p.m" || ap == "am" || ap == "pm" {
			return end + 1, model.Time
		}
		if strings.HasSuffix(low, "am") || strings.HasSuffix(low, "pm") || strings.HasSuffix(low, "a.m") || strings.HasSuffix(low, "p.m") {
			return end, model.Time
		}
		return end, model.Time
	case numUnit:
		switch {
		case dateUnits[suffix]:
			return end, model.Date
		case timeUnits[suffix]:
			return end, model.Time
		case quantityUnits[suffix]:
			return end, model.Quantity
		}
		return k, ""
	case numOrdinal:
		// Ordinals have no type here, but "May 28th" is handled by monthDate.
		return k, ""
	}
	if kind == numPlain && s.textAt(k) != "" && strings.HasSuffix(s.textAt(k), "%") {
		return end, model.Percent
	}
	end = s.scaleAfter(end)
	next := s.low(end)
	switch {
	case s.punct(end, "%"):
		return end + 1, model.Percent
	case next == "percent" || next == "pct":
		return end + 1, model.Percent
	case next == "per" && s.low(end+1) == "cent":
		return end + 2, model.Percent
	case next == "percentage" && (s.low(end+1) == "point" || s.low(end+1) == "points"):
		return end + 2, model.Percent
	case currencyWords[next] && !(next == "won" || next == "real" || next == "mark" || next == "marks" || next == "pound" || next == "rand") || ((next == "pounds" || next == "marks") && s.word(end)):
		if next == "pound" || next == "pounds" {
			// "180 pounds" is a weight; "3 million pounds" or "pounds
			// sterling" is money.
			if quantityAfterPound(s, end) || (!scaleWords[s.low(end-1)] && s.low(end+1) != "sterling") {
				return end + 1, model.Quantity
			}
		}
		return end + 1, model.Money
	case dateUnits[next] && next != "half" && next != "quarter" && next != "quarters":
		return end + 1, model.Date
	case (next == "quarter" || next == "quarters") && s.low(end+1) != "of":
		return end + 1, model.Date
	case next == "-" && dateUnits[s.low(end+1)]:
		return end + 2, model.Date
	case timeUnits[next]:
		return end + 1, model.Time
	case next == "a.m" || next == "p.m" || (next == "am" || next == "pm") && t.is(fDigit):
		return end + 1, model.Time
	case next == "o'clock":
		return end + 1, model.Time
	case quantityUnits[next] && (t.is(fDigit) || len(next) > 2):
		j := end + 1
		if (next == "square" || next == "cubic" || next == "sq") && quantityUnits[s.low(j)] {
			j++
		}
		return j, model.Quantity
	}
	// A lone "one" as a pronoun ("one of them") is still a cardinal in
	// OntoNotes; a lone article is not a number.
	if low == "a" || low == "an" {
		return k, ""
	}
	return end, model.Cardinal
}

func quantityAfterPound(s *numScanner, k int) bool {
	n := s.low(k + 1)
	return n == "of" || n == "bag" || n == "bags"
}

func (s *numScanner) textAt(k int) string { return s.text[s.toks[k].start:s.toks[k].end] }

func (s *numScanner) isNumberAt(k int) bool { return s.number(k) > k }

// unitFollows reports whether a unit, currency or percent follows token k,
// making a four-digit number a count rather than a year.
func (s *numScanner) unitFollows(k int) bool {
	n := s.low(k)
	return quantityUnits[n] || currencyWords[n] || percentWords[n] || scaleWords[n] || s.punct(k, "%") ||
		timeUnits[n] || dateUnits[n] || n == "people" || n == "troops" || n == "soldiers"
}

// number reads a number starting at token k: digits, or number words
// ("twenty-one", "one hundred and five", "a million"); it returns the index
// after it, or k.
func (s *numScanner) number(k int) int {
	if !s.word(k) {
		return k
	}
	t := &s.toks[k]
	if t.is(fDigit) {
		kind, _ := classifyDigits(t.low)
		if kind == numNone || kind == numOrdinal {
			return k
		}
		return k + 1
	}
	j := k
	for s.word(j) {
		w := s.low(j)
		switch {
		case isNumberWord(w):
			j++
		case (w == "a" || w == "an") && j == k && (scaleWords[s.low(j+1)] && len(s.low(j+1)) > 2 || s.low(j+1) == "dozen" || s.low(j+1) == "quarter" || s.low(j+1) == "half"):
			j++
		case (w == "quarter" || w == "half") && j > k:
			j++
		case scaleWords[w] && len(w) > 2 && j > k:
			j++
		case w == "and" && j > k && isNumberWord(s.low(j+1)) && scaleWords[s.low(j-1)]:
			j++
		default:
			return j
		}
	}
	return j
}

func isNumberWord(w string) bool {
	if _, ok := numberWords[w]; ok {
		return true
	}
	// "twenty-one", "forty-five"
	if a, b, ok := strings.Cut(w, "-"); ok {
		_, okA := numberWords[a]
		_, okB := numberWords[b]
		return okA && okB
	}
	return false
}

// scaleAfter extends a number over scale words ("3.5 million").
func (s *numScanner) scaleAfter(k int) int {
	for s.word(k) && scaleWords[s.low(k)] && (len(s.low(k)) > 1 || s.toks[k-1].is(fDigit)) {
		k++
	}
	return k
}
