package compare

import (
	"math"
	"strconv"
	"strings"
)

// quantity is a number, date part or ordinal found in a passage, as the
// interval of values its wording allows: "about 40" is [34, 46], "more than a
// quarter century" is [25, ∞) years. Two wordings of one fact disagree only
// when their intervals do not meet.
type quantity struct {
	first, last int // token indices of the whole phrase, hedge and unit included
	lo, hi      float64
	// unit is what is counted: a word stem ("hour", "peopl"), "%", a currency
	// sign, "year" for spans of years, "date:year", "date:month",
	// "date:day", "date:weekday", "time", or "ord:"+stem for ordinals; empty
	// when nothing follows the number.
	unit   string
	value  float64 // the number as written, for alignment features
	hedged bool
}

func (q quantity) overlaps(o quantity) bool {
	eps := 1e-9 * math.Max(1, math.Max(math.Abs(q.value), math.Abs(o.value)))
	return q.lo <= o.hi+eps && o.lo <= q.hi+eps
}

// quantities finds the numbers, dates and ordinals among toks.
func quantities(toks []token) []quantity {
	var qs []quantity
	for i := 0; i < len(toks); i++ {
		q, ok := quantityAt(toks, i)
		if !ok {
			continue
		}
		qs = append(qs, q)
		i = max(i, q.last)
	}
	return qs
}

// quantityAt parses a quantity whose number starts at token i.
func quantityAt(toks []token, i int) (quantity, bool) {
	t := &toks[i]
	if t.word {
		if m, ok := months[strings.TrimSuffix(t.lower, ".")]; ok && t.cap && isMonth(toks, i) {
			return quantity{first: i, last: i, lo: float64(m), hi: float64(m), value: float64(m), unit: "date:month"}, true
		}
		if d, ok := weekdays[t.lower]; ok {
			return quantity{first: i, last: i, lo: float64(d), hi: float64(d), value: float64(d), unit: "date:weekday"}, true
		}
		if o, ok := ordinals[t.lower]; ok {
			q := quantity{first: i, last: i, lo: o, hi: o, value: o}
			if u, j := unitAfter(toks, i+1); u != "" {
				q.unit, q.last = "ord:"+u, j
				return q, true
			}
			return q, false
		}
		if r, ok := vague[t.lower]; ok {
			return finish(toks, quantity{first: i, last: i, lo: r[0], hi: r[1], value: r[0], hedged: true}, i, exact, 0), true
		}
	}
	v, last, tol, ok := numberAt(toks, i)
	if !ok {
		return quantity{}, false
	}
	if tq, ok := tallyAt(toks, i, last, v); ok {
		return tq, true
	}
	q := quantity{first: i, last: last, lo: v - tol, hi: v + tol, value: v}
	if t.digit {
		if k := strings.IndexByte(t.key, '-'); k > 0 {
			rest := t.key[k+1:]
			if hi, err := strconv.ParseFloat(rest, 64); err == nil && hi > v {
				q.hi = hi // "10-15"
			} else if rest != "" {
				q.unit = rest // "20-year-old"
				return q, true
			}
		}
	}
	// Dates: a day after or before a month name, a four-digit year.
	if last+1 < len(toks) && isMonthToken(toks[last+1]) && v >= 1 && v <= 31 && v == math.Trunc(v) {
		q.unit = "date:day"
		return q, true
	}
	prev := i - 1
	if prev > 0 && toks[prev].text == "." {
		prev-- // "Jan. 18"
	}
	if prev >= 0 && isMonthToken(toks[prev]) && v >= 1 && v <= 31 && v == math.Trunc(v) {
		q.unit = "date:day"
		return q, true
	}
	if isYear(toks, i, last, v) {
		q.unit = "date:year"
		return q, true
	}
	if strings.HasSuffix(toks[last].lower, "s") && toks[last].digit && len(toks[last].lower) == 5 {
		// "the 1990s"
		q.lo, q.hi, q.unit = v, v+9, "date:year"
		return q, true
	}
	h, first := hedgeBefore(toks, i)
	if first < i && toks[first].text == "$" {
		first = i // "$" handled by finish
	}
	q.first = first
	return finish(toks, q, i, h, tol), true
}

// voteWords mark a count of votes: "voted 7 to 2", "by 8 votes to 1".
var voteWords = map[string]bool{"vote": true, "votes": true, "voted": true, "voting": true, "ballot": true, "ballots": true}

// tallyAt reads a vote count starting with the number v at toks[i:last+1]:
// "7 to 2" after a word of voting, or "8 votes to 1". Both numbers make the
// value (for and against), so "7 to 2" and "8 votes to 1" differ while
// "7 to 2" and "seven votes to two" do not. A plain "from 7 to 9" is a
// range, not a tally, and is left to the caller.
func tallyAt(toks []token, i, last int, v float64) (quantity, bool) {
	j := last + 1
	voted := false
	if j < len(toks) && voteWords[toks[j].lower] {
		voted = true
		j++
	}
	if j+1 >= len(toks) || toks[j].lower != "to" {
		return quantity{}, false
	}
	for k := max(0, i-3); k < i && !voted; k++ {
		voted = voteWords[toks[k].lower]
	}
	if !voted {
		return quantity{}, false
	}
	w, end, _, ok := numberAt(toks, j+1)
	if !ok || v != math.Trunc(v) || w != math.Trunc(w) || v > 1e5 || w > 1e5 {
		return quantity{}, false
	}
	if end+1 < len(toks) && voteWords[toks[end+1].lower] {
		end++ // "7 votes to 2 votes"
	}
	tally := v*1e6 + w
	return quantity{first: i, last: end, lo: tally, hi: tally, value: v, unit: "tally"}, true
}

// finish attaches the currency, percentage, unit and trailing hedge to a
// number whose value is already in q, and widens the interval by the hedge.
func finish(toks []token, q quantity, numStart int, h hedgeKind, tol float64) quantity {
	if numStart > 0 {
		if c, ok := currencies[toks[numStart-1].text]; ok && !toks[numStart-1].word {
			q.unit = c
			if q.first == numStart {
				q.first = numStart - 1
			}
			if hb, first := hedgeBefore(toks, numStart-1); first < numStart-1 {
				h, q.first = hb, first
			}
		}
	}
	j := q.last + 1
	if j < len(toks) && (toks[j].text == "%" || toks[j].lower == "percent") {
		q.unit, q.last = "%", j
		j++
	} else if j+1 < len(toks) && toks[j].lower == "per" && toks[j+1].lower == "cent" {
		q.unit, q.last = "%", j+1
		j += 2
	}
	for _, ha := range hedgesAfter {
		if matchWords(toks, j, ha.words) {
			h, q.last = ha.kind, j+len(ha.words)-1
			j += len(ha.words)
			break
		}
	}
	if q.unit == "" && !yearUnitEnd(toks, q.last) {
		if u, k := unitAfter(toks, j); u != "" {
			if c, ok := currencies[toks[k].lower]; ok {
				u = c
			}
			q.unit, q.last = u, k
		}
	}
	if f, ok := yearUnits[toks[q.last].lower]; ok {
		if q.unit == "" {
			q.unit = "year" // "a quarter century": the years are counted already
		} else {
			q.lo, q.hi, q.value, q.unit = q.lo*f, q.hi*f, q.value*f, "year"
		}
	}
	v := q.value
	switch h {
	case approx:
		q.lo, q.hi = math.Min(q.lo, v*0.85), math.Max(q.hi, v*1.15)
	case atLeast:
		q.hi = math.Inf(1)
	case atMost:
		q.lo = math.Min(q.lo, 0)
	case justUnder:
		q.lo = math.Min(q.lo, v*0.85)
	}
	q.hedged = q.hedged || h != exact
	return q
}

// yearUnitEnd reports whether the number phrase ended with its own unit,
// as in "a quarter century".
func yearUnitEnd(toks []token, last int) bool {
	_, ok := yearUnits[toks[last].lower]
	return ok
}

// unitAfter returns the stem of the word counted by a number whose phrase
// ends before token j ("four hours" → "hour", "dozens of people" →
// "peopl"), and the index of that word.
func unitAfter(toks []token, j int) (string, int) {
	for k := j; k < len(toks) && k < j+3; k++ {
		t := &toks[k]
		if t.text == "-" || t.lower == "of" {
			continue
		}
		if !t.word || !t.content() {
			return "", 0
		}
		if _, ok := months[t.lower]; ok && t.cap {
			return "", 0
		}
		if y, ok := yearUnits[t.lower]; ok && y > 0 {
			return t.lower, k
		}
		return t.key, k
	}
	return "", 0
}

// numberAt reads the number starting at token i: digits ("1,200", "3.5",
// "10-15", "20-year-old"), number words ("twenty-seven", "one hundred and
// five"), a scale ("3.5 million", "a dozen", "a quarter century"). It
// returns the value, the last token used and the rounding tolerance.
func numberAt(toks []token, i int) (v float64, last int, tol float64, ok bool) {
	t := &toks[i]
	last = i
	switch {
	case t.digit:
		s := t.key
		if k := strings.IndexAny(s, "-:"); k > 0 {
			s = s[:k] // "20-year-old", "10-15": the first number
		}
		s = strings.TrimRight(s, "abcdefghijklmnopqrstuvwxyz")
		var err error
		v, err = strconv.ParseFloat(s, 64)
		if err != nil || math.IsInf(v, 0) || math.IsNaN(v) {
			return 0, 0, 0, false
		}
		if suf := strings.TrimLeft(t.key[len(s):], "0123456789"); suf != "" {
			if f, ok := scales[suf]; ok && f >= 1e3 {
				v *= f
			}
		}
		decimals := 0
		if k := strings.IndexByte(s, '.'); k >= 0 {
			decimals = len(s) - k - 1
		}
		if i+1 < len(toks) {
			if f, ok := scales[toks[i+1].lower]; ok && toks[i+1].word && (f >= 100 || toks[i+1].lower == "dozen") {
				tol = 0.5 * math.Pow(10, -float64(decimals)) * f
				if decimals == 0 {
					tol = 0
				}
				v *= f
				last = i + 1
			}
		}
		return v, last, tol, true
	case t.word:
		if t.lower == "a" || t.lower == "an" {
			if i+1 >= len(toks) {
				return 0, 0, 0, false
			}
			n := toks[i+1].lower
			switch {
			case n == "quarter" && i+2 < len(toks) && (toks[i+2].lower == "century" || toks[i+2].lower == "of"):
				if toks[i+2].lower == "century" {
					return 25, i + 2, 0, true
				}
				if i+4 < len(toks) && toks[i+4].lower == "century" {
					return 25, i + 4, 0, true
				}
				return 0, 0, 0, false
			case n == "half" && i+2 < len(toks) && toks[i+2].lower == "century":
				return 50, i + 2, 0, true
			case n == "decade" || n == "century":
				return 1, i, 0, true // the unit word follows
			case scales[n] >= 12 && toks[i+1].word:
				return wordNumber(toks, i+1, 1)
			}
			return 0, 0, 0, false
		}
		if t.lower == "half" && i+2 < len(toks) && (toks[i+1].lower == "a" || toks[i+1].lower == "an") {
			if f, ok := scales[toks[i+2].lower]; ok && f >= 12 {
				return f / 2, i + 2, 0, true
			}
		}
		if _, ok := smallNumbers[firstPart(t.lower)]; ok {
			return wordNumber(toks, i, 0)
		}
	}
	return 0, 0, 0, false
}

func firstPart(s string) string {
	if k := strings.IndexByte(s, '-'); k > 0 {
		return s[:k]
	}
	return s
}

// wordNumber reads number words from token i on ("twenty-seven", "two
// hundred and five", "three million"); start seeds a leading "a".
func wordNumber(toks []token, i int, start float64) (float64, int, float64, bool) {
	total, cur := 0.0, start
	last, seen := i-1, false
	for k := i; k < len(toks); k++ {
		w := toks[k].lower
		if !toks[k].word {
			break
		}
		if w == "and" && seen && k+1 < len(toks) {
			if _, ok := smallNumbers[firstPart(toks[k+1].lower)]; ok {
				continue
			}
			break
		}
		parts := strings.Split(w, "-")
		used := true
		for _, p := range parts {
			if n, ok := smallNumbers[p]; ok {
				cur += n
			} else if f, ok := scales[p]; ok && (f >= 100 || p == "dozen") {
				if cur == 0 {
					cur = 1
				}
				if f >= 1e3 {
					total += cur * f
					cur = 0
				} else {
					cur *= f
				}
			} else {
				used = false
				break
			}
		}
		if !used {
			break
		}
		seen, last = true, k
	}
	if !seen {
		return 0, 0, 0, false
	}
	return total + cur, last, 0, true
}

// hedgeBefore finds a hedge ending just before token i and returns it with
// its first token; i itself when there is none.
func hedgeBefore(toks []token, i int) (hedgeKind, int) {
	for _, h := range hedgesBefore {
		n := len(h.words)
		if i-n >= 0 && matchWords(toks, i-n, h.words) {
			return h.kind, i - n
		}
	}
	return exact, i
}

func matchWords(toks []token, i int, words []string) bool {
	if i+len(words) > len(toks) {
		return false
	}
	for k, w := range words {
		if toks[i+k].lower != w {
			return false
		}
	}
	return true
}

func isMonthToken(t token) bool {
	_, ok := months[strings.TrimSuffix(t.lower, ".")]
	return ok && t.cap && t.word
}

// isMonth tells the month "May" or "March" from the verb: the short and
// ambiguous names count only next to a number or after a date preposition.
func isMonth(toks []token, i int) bool {
	switch toks[i].lower {
	case "may", "march", "jan", "mar", "jun", "jul", "aug", "sep", "oct", "nov", "dec", "feb", "apr", "sept":
	default:
		return true
	}
	if i+1 < len(toks) && toks[i+1].text == "." && i+2 < len(toks) && toks[i+2].digit {
		return true
	}
	if i+1 < len(toks) && toks[i+1].digit {
		return true
	}
	return i > 0 && yearContext[toks[i-1].lower]
}

// isYear tells a year ("in 2022") from a count ("2022 people").
func isYear(toks []token, i, last int, v float64) bool {
	if last != i || v < 1000 || v > 2100 || v != math.Trunc(v) || strings.ContainsAny(toks[i].text, ",.") || len(toks[i].key) != 4 {
		return false
	}
	if i > 0 && (yearContext[toks[i-1].lower] || isMonthToken(toks[i-1]) || toks[i-1].text == ",") {
		return true
	}
	return i+1 >= len(toks) || !toks[i+1].word || !toks[i+1].content()
}
