package compare

import (
	"math"
	"testing"
)

func TestQuantities(t *testing.T) {
	inf := math.Inf(1)
	cases := []struct {
		text   string
		phrase string
		lo, hi float64
		unit   string
	}{
		{"It took four hours.", "four hours", 4, 4, "hour"},
		{"It took approximately four hours.", "approximately four hours", 3.4, 4.6, "hour"},
		{"The strike killed 1,200 people", "1,200 people", 1200, 1200, "peopl"},
		{"a budget of 3.5 million dollars", "3.5 million dollars", 3.45e6, 3.55e6, "$"},
		{"he served twenty-seven years", "twenty-seven years", 27, 27, "year"},
		{"he served more than a quarter century", "more than a quarter century", 25, inf, "year"},
		{"he served 27 years", "27 years", 27, 27, "year"},
		{"at least 30 days in detention", "at least 30 days", 30, inf, "day"},
		{"up to 10 people", "up to 10 people", 0, 10, "peopl"},
		{"nearly 500 homes", "nearly 500 homes", 425, 500, "home"},
		{"$1.8 billion worth of funds", "$1.8 billion", 1.75e9, 1.85e9, "$"},
		{"rose 5% on the day", "5%", 5, 5, "%"},
		{"rose 5 per cent", "5 per cent", 5, 5, "%"},
		{"dozens of people were hurt", "dozens of people", 24, 144, "peopl"},
		{"in 1997, after an outbreak", "1997", 1997, 1997, "date:year"},
		{"the second straight session", "second straight", 2, 2, "ord:straight"},
		{"two decades of war", "two decades", 20, 20, "year"},
		{"one hundred and five soldiers", "one hundred and five soldiers", 105, 105, "soldier"},
		{"a dozen or so boats", "a dozen or so boats", 10.2, 13.8, "boat"},
		{"a 20-year-old man", "20-year-old", 20, 20, "year-old"}, {"10-15 boats", "10-15 boats", 10, 15, "boat"},
		{"some 40 miles away", "some 40 miles", 34, 46, "mile"},
	}
	for _, c := range cases {
		toks := tokenize(c.text, 0)
		qs := quantities(toks)
		if len(qs) != 1 {
			t.Errorf("%q: got %d quantities %+v, want 1", c.text, len(qs), qs)
			continue
		}
		q := qs[0]
		got := c.text[toks[q.first].start:toks[q.last].end]
		if got != c.phrase || math.Abs(q.lo-c.lo) > 1e-6*math.Max(1, c.lo) || (q.hi != c.hi && math.Abs(q.hi-c.hi) > 1e-6*math.Max(1, c.hi)) || q.unit != c.unit {
			t.Errorf("%q: got %q [%g, %g] %q, want %q [%g, %g] %q", c.text, got, q.lo, q.hi, q.unit, c.phrase, c.lo, c.hi, c.unit)
		}
	}
}

func TestDates(t *testing.T) {
	toks := tokenize("On Tuesday, February 23, 2023 and since Jan. 18 the talks went on.", 0)
	qs := quantities(toks)
	want := []string{"date:weekday", "date:month", "date:day", "date:year", "date:month", "date:day"}
	if len(qs) != len(want) {
		t.Fatalf("got %d quantities %+v, want %d", len(qs), qs, len(want))
	}
	for i, q := range qs {
		if q.unit != want[i] {
			t.Errorf("quantity %d (%s): unit %q, want %q", i, toks[q.first].text, q.unit, want[i])
		}
	}
	// "May" the verb is not a month.
	if qs := quantities(tokenize("Officials said it May take time, and they may not.", 0)); len(qs) != 0 {
		t.Errorf("verb May read as a date: %+v", qs)
	}
}

func TestHedgedNumbersOverlap(t *testing.T) {
	pairs := []struct {
		a, b    string
		overlap bool
	}{
		{"approximately four hours", "four hours", true},
		{"more than a quarter century", "27 years", true},
		{"about 100 people", "110 people", true},
		{"four hours", "five hours", false},
		{"seven people", "five people", false},
		{"more than 50", "40", false},
		{"fewer than 10 boats", "12 boats", false},
		{"3.5 million", "3,512,000", true},
		{"3.5 million", "3.8 million", false},
		{"dozens", "40", true},
		{"hundreds", "50", false},
	}
	for _, p := range pairs {
		qa, qb := quantities(tokenize(p.a, 0)), quantities(tokenize(p.b, 0))
		if len(qa) != 1 || len(qb) != 1 {
			t.Errorf("%q / %q: %d and %d quantities", p.a, p.b, len(qa), len(qb))
			continue
		}
		if got := qa[0].overlaps(qb[0]); got != p.overlap {
			t.Errorf("%q [%g,%g] vs %q [%g,%g]: overlap %v, want %v", p.a, qa[0].lo, qa[0].hi, p.b, qb[0].lo, qb[0].hi, got, p.overlap)
		}
	}
}
