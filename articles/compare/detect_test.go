package compare

import (
	"strings"
	"testing"

	"github.com/parallax-reader/parallax/model"
)

// pairFindings runs the sentence detectors on two wordings.
func pairFindings(a, b string) []finding {
	pa := passage{text: a, toks: tokenize(a, 0)}
	pb := passage{text: b, toks: tokenize(b, 0)}
	return comparePassages(&pa, &pb)
}

type detectorCase struct {
	name string
	a, b string
	kind model.DiscrepancyKind // "" when nothing should be found
	has  string                // text the summary must contain
}

func runDetectorCases(t *testing.T, cases []detectorCase) {
	t.Helper()
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			fs := pairFindings(c.a, c.b)
			if c.kind == "" {
				if len(fs) > 0 {
					t.Fatalf("want nothing, got %+v", fs)
				}
				return
			}
			for _, f := range fs {
				if f.kind == c.kind && strings.Contains(f.summary, c.has) {
					if f.conf <= 0 || f.conf > 1 || strings.Contains(f.summary, "\n") {
						t.Errorf("bad finding %+v", f)
					}
					return
				}
			}
			t.Fatalf("want %s mentioning %q, got %+v", c.kind, c.has, fs)
		})
	}
}

func TestNumberDetector(t *testing.T) {
	runDetectorCases(t, []detectorCase{
		{"count", "The gunman executed seven people in a pool hall.", "The gunman executed five people in a pool hall.", model.Number, `"seven people" vs "five people"`},
		{"digits", "They were ordered to spend another 30 days in detention.", "They were ordered to spend another 60 days in detention.", model.Number, `"30 days" vs "60 days"`},
		{"same place without unit", "Police said seven died and others fled.", "Police said nine died and others fled.", model.Number, "seven"},
		{"weekday", "The talks began on Tuesday in Baghdad.", "The talks began on Wednesday in Baghdad.", model.Number, "Date differs"},
		{"year", "Bird flu was not seen as a threat until 1997.", "Bird flu was not seen as a threat until 1998.", model.Number, "1997"},
		{"hedge approximately", "They met for approximately four hours.", "They met for four hours.", "", ""},
		{"hedge quarter century", "The first talks in 27 years.", "The first talks in more than a quarter century.", "", ""},
		{"hedge about", "About 100 people were hurt.", "110 people were hurt.", "", ""},
		{"written and digits", "Four soldiers died on Monday.", "4 soldiers died on Monday.", "", ""},
		{"thousands separator", "The strike cost 1,200 jobs.", "The strike cost 1200 jobs.", "", ""},
		{"scaled", "The fund lost $3.5 million last year.", "The fund lost $3,512,000 last year.", "", ""},
		{"different things counted", "Seven people died and 20 homes burned.", "Seven people died and 20 homes burned down.", "", ""},
		{"hedge that still disagrees", "More than 50 people were hurt.", "40 people were hurt.", model.Number, "More than 50"},
	})
}

func TestNegationDetector(t *testing.T) {
	runDetectorCases(t, []detectorCase{
		{"inserted not", `The boss admitted the company did get the balance right.`, `The boss admitted the company did not get the balance right.`, model.Contradiction, "not get"},
		{"contraction", "The minister will attend the summit.", "The minister won't attend the summit.", model.Contradiction, "won't attend"},
		{"never", "He visited the camp last year.", "He never visited the camp last year.", model.Contradiction, "never"},
		{"denied", "The ministry confirmed the strike on the convoy.", "The ministry denied the strike on the convoy.", model.Contradiction, "denied"},
		{"stopped doing", "Oman is opening its airspace to Israeli carriers.", "Oman has stopped opening its airspace to Israeli carriers.", model.Contradiction, "stopped opening"},
		{"stopped a thing", "Police stopped the convoy near the border.", "Police halted the convoy near the border.", "", ""},
		{"did not vs failed to", "The talks did not produce an agreement.", "The talks failed to produce an agreement.", "", ""},
		{"no vs without", "The talks ended with no agreement.", "The talks ended without agreement.", "", ""},
		{"not only", "The Iraqis were present and took the lead.", "The Iraqis were not only present but took the lead.", "", ""},
		{"different predicate", "Crocker said the meeting went well.", "Officials have not confirmed a second round of talks.", "", ""},
	})
}

func TestAntonymDetector(t *testing.T) {
	runDetectorCases(t, []detectorCase{
		{"open close", "Oman is opening its airspace to Israeli carriers.", "Oman is closing its airspace to Israeli carriers.", model.Contradiction, `"opening" vs "closing"`},
		{"satellite", "The airlines had to fly a roundabout route to Asia.", "The airlines had to fly a direct route to Asia.", model.Contradiction, "roundabout"},
		{"prefix", "The move followed named security concerns.", "The move followed unnamed security concerns.", model.Contradiction, "unnamed"},
		{"increase decrease", "Sales increased sharply in March.", "Sales decreased sharply in March.", model.Contradiction, "decreased"},
		{"superlative", "Yields reached the highest level since January.", "Yields reached the lowest level since January.", model.Contradiction, `"highest" vs "lowest"`},
		{"irregular comparative", "The harvest was better than last year.", "The harvest was worse than last year.", model.Contradiction, "worse"},
		{"synonym", "Shares in the company tumbled after the report.", "Shares in the company declined after the report.", "", ""},
		{"moved not replaced", "Prices rose in the north and fell in the south.", "Prices fell in the south and rose in the north.", "", ""},
	})
}

func TestNameDetector(t *testing.T) {
	runDetectorCases(t, []detectorCase{
		{"person replaced", "Lawmakers met President Zelenskyy during the trip.", "Lawmakers met President Poroshenko during the trip.", model.Contradiction, `"Zelenskyy" vs "Poroshenko"`},
		{"organisation replaced", "The executive of the European Union ordered staff to remove the app.", "The executive of the European Commission ordered staff to remove the app.", model.Contradiction, "Union"},
		{"nationality of a shared name", "Later Iraqi Foreign Minister Hoshyar Zebari spoke.", "Later Iranian Foreign Minister Hoshyar Zebari spoke.", model.Role, `"Iraqi" vs "Iranian"`},
		{"speaker replaced", "The plan will fail, said Smith on Monday.", "The plan will fail, said Jones on Monday.", model.Attribution, `"Smith" vs "Jones"`},
		{"acronym", "Talks with the United Nations resumed in May.", "Talks with the UN resumed in May.", "", ""},
		{"dotted acronym", "He met the United States envoy in Baghdad.", "He met the U.S. envoy in Baghdad.", "", ""},
		{"nationality and country", "He met Iranian officials in Baghdad.", "He met officials from Iran in Baghdad.", "", ""},
		{"irregular nationality", "Talks with French diplomats resumed.", "Talks with diplomats from France resumed.", "", ""},
		{"added detail only", "The ambassador met officials in Baghdad.", "The ambassador met officials in Baghdad's Green Zone.", "", ""},
		{"different countries", "Talks with Iraq resumed on Monday.", "Talks with Iran resumed on Monday.", model.Contradiction, `"Iraq" vs "Iran"`},
	})
}

func TestNounDetector(t *testing.T) {
	runDetectorCases(t, []detectorCase{
		{"other thing lost", "The fault could cause a loss of propulsion while driving.", "The fault could cause a loss of navigation while driving.", model.Contradiction, `"propulsion" vs "navigation"`},
		{"other victims", "The drought was a threat to farmers until 1997.", "The drought was a threat to teachers until 1997.", model.Contradiction, `"farmers" vs "teachers"`},
		{"other country, lower case", "Coffee launches in italy on Wednesday.", "Coffee launches in greece on Wednesday.", model.Contradiction, "greece"},
		{"kind of the same thing", "The long journey ended in Lisbon.", "The long voyage ended in Lisbon.", "", ""},
		{"two kinds of one thing", "The town is grappling with the fallout of the fire.", "The town is grappling with the aftermath of the fire.", "", ""},
		{"word that is also a verb", "The agency set new goals for the year.", "The agency set new targets for the year.", "", ""},
		{"several words replaced", "They met the prosecutor general on Monday.", "They met the army chief of staff on Monday.", "", ""},
	})
}

func TestVoteTallies(t *testing.T) {
	runDetectorCases(t, []detectorCase{
		{"tally differs", "The council voted 7 to 2 on Tuesday to approve the line.",
			"The council on Tuesday approved the line by 8 votes to 1.", model.Number, `"7 to 2" vs "8 votes to 1"`},
		{"same tally in words", "The council voted 7 to 2 to approve the line.",
			"The council voted seven to two to approve the line.", "", ""},
		{"a range is no tally", "Prices rose from 7 to 9 percent last year.",
			"Prices rose from 7 to 9 percent last year, officials said.", "", ""},
	})
}
