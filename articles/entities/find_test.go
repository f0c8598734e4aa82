package entities

import (
	"testing"

	"github.com/parallax-reader/parallax/model"
)

// want is one expected mention: its text, type and role.
type want struct {
	text string
	typ  model.EntityType
	role string
}

// findCase checks that every wanted mention is found with its type and
// role, and that none of the unwanted texts is a mention.
func findCase(t *testing.T, text string, wants []want, unwanted ...string) {
	t.Helper()
	got := Find(text, nil)
	byText := map[string]model.Mention{}
	for _, m := range got {
		if text[m.Start:m.End] != m.Text {
			t.Errorf("mention %q does not match its span %d:%d", m.Text, m.Start, m.End)
		}
		byText[m.Text] = m
	}
	for _, w := range wants {
		m, ok := byText[w.text]
		if !ok {
			t.Errorf("%q: missing %s %q; got %v", text, w.typ, w.text, summary(got))
			continue
		}
		if m.Type != w.typ {
			t.Errorf("%q: %q typed %s, want %s", text, w.text, m.Type, w.typ)
		}
		if m.Role != w.role {
			t.Errorf("%q: %q role %q, want %q", text, w.text, m.Role, w.role)
		}
	}
	for _, u := range unwanted {
		if m, ok := byText[u]; ok {
			t.Errorf("%q: %q should not be a mention (typed %s)", text, u, m.Type)
		}
	}
}

func summary(ms []model.Mention) []string {
	var out []string
	for _, m := range ms {
		out = append(out, string(m.Type)+":"+m.Text)
	}
	return out
}

func TestFindTitlesAndRoles(t *testing.T) {
	findCase(t, "Councillor Mark Davies voted against it.", []want{
		{"Mark Davies", model.Person, "Councillor"},
	})
	findCase(t, "Iraqi Prime Minister Nouri al-Maliki opened the meeting.", []want{
		{"Nouri al-Maliki", model.Person, "Iraqi Prime Minister"},
		{"Iraqi", model.NORP, ""},
	}, "Prime Minister", "Iraqi Prime Minister Nouri al-Maliki")
	findCase(t, "The talks were led by U.S. Ambassador Ryan C. Crocker in Baghdad.", []want{
		{"Ryan C. Crocker", model.Person, "U.S. Ambassador"},
		{"U.S.", model.GPE, ""},
		{"Baghdad", model.GPE, ""},
	})
	findCase(t, "Iran's ambassador to Iraq, Hassan Kazemi-Qomi, spoke first.", []want{
		{"Hassan Kazemi-Qomi", model.Person, "Iran's ambassador to Iraq"},
		{"Iraq", model.GPE, ""},
	})
	findCase(t, "Ryan Crocker, the U.S. ambassador to Iraq, said so. Joost Hiltermann, an analyst with the International Crisis Group in Amman, said.", []want{
		{"Ryan Crocker", model.Person, "U.S. ambassador to Iraq"},
		{"Joost Hiltermann", model.Person, "analyst with the International Crisis Group in Amman"},
		{"International Crisis Group", model.Org, ""},
	})
	findCase(t, "Officials met the United States Ambassador to Iraq Ryan C. Crocker. White House spokesman Tony Snow agreed.", []want{
		{"Ryan C. Crocker", model.Person, "United States Ambassador to Iraq"},
		{"United States", model.GPE, ""},
		{"Iraq", model.GPE, ""},
		{"Tony Snow", model.Person, "White House spokesman"},
		{"White House", model.Org, ""},
	})
	// A title with no name after it is no mention; what precedes it may be.
	findCase(t, "The Iranian Ambassador and the Prime Minister met.", []want{
		{"Iranian", model.NORP, ""},
	}, "Iranian Ambassador", "Prime Minister")
	findCase(t, "He met Iran's ambassador Hassan Kazemi Qomi on Monday.", []want{
		{"Hassan Kazemi Qomi", model.Person, "Iran's ambassador"},
		{"Iran", model.GPE, ""},
		{"Monday", model.Date, ""},
	})
}

func TestFindInitials(t *testing.T) {
	findCase(t, "The novel by J. K. Rowling sold well, and Ryan C. Crocker read it.", []want{
		{"J. K. Rowling", model.Person, ""},
		{"Ryan C. Crocker", model.Person, ""},
	}, "J.", "K. Rowling", "Crocker")
	findCase(t, "George W. Bush and John A. Corder met.", []want{
		{"George W. Bush", model.Person, ""},
		{"John A. Corder", model.Person, ""},
	})
}

func TestFindParticlesAndHyphens(t *testing.T) {
	findCase(t, "Works by Ludwig van Beethoven and Charles de Gaulle's memoirs were read by Osama bin Laden, Ibn Saud and Conan O'Brien.", []want{
		{"Ludwig van Beethoven", model.Person, ""},
		{"Charles de Gaulle", model.Person, ""},
		{"Osama bin Laden", model.Person, ""},
		{"Conan O'Brien", model.Person, ""},
	})
	findCase(t, "He spoke with Nouri al-Maliki, Paul McCartney and Hassan Kazemi-Qomi.", []want{
		{"Nouri al-Maliki", model.Person, ""},
		{"Paul McCartney", model.Person, ""},
		{"Hassan Kazemi-Qomi", model.Person, ""},
	})
	// Places or peoples joined by a hyphen are separate mentions.
	findCase(t, "The U.S.-Iranian talks followed the Iran-Iraq war.", []want{
		{"U.S.", model.GPE, ""},
		{"Iranian", model.NORP, ""},
		{"Iran", model.GPE, ""},
		{"Iraq", model.GPE, ""},
	}, "U.S.-Iranian", "Iran-Iraq")
	// A name before a lower-case part, or after a prefix.
	findCase(t, "The U.S.-led coalition fought Iranian-backed and pro-Syrian militias.", []want{
		{"U.S.", model.GPE, ""},
		{"Iranian", model.NORP, ""},
		{"Syrian", model.NORP, ""},
	})
}

func TestFindPossessives(t *testing.T) {
	findCase(t, "Iran's ambassador met Britain’s envoy and the Iranians' lawyers in Baghdad 's centre.", []want{
		{"Iran", model.GPE, ""},
		{"Britain", model.GPE, ""},
		{"Iranians", model.NORP, ""},
		{"Baghdad", model.GPE, ""},
	}, "Iran's", "Britain’s", "Iranians'", "Baghdad 's")
}

func TestFindSentenceInitialCapitals(t *testing.T) {
	// Common words capitalised by position are not names; names are.
	findCase(t, "Officials met on Tuesday. Talks began at once. However, Ryan Crocker arrived late. Crocker said little.", []want{
		{"Ryan Crocker", model.Person, ""},
		{"Crocker", model.Person, ""},
		{"Tuesday", model.Date, ""},
	}, "Officials", "Talks", "However")
	findCase(t, "Bank of America said profits rose. New York welcomed it. Yesterday Barack Obama spoke.", []want{
		{"Bank of America", model.Org, ""},
		{"New York", model.GPE, ""},
		{"Barack Obama", model.Person, ""},
		{"Yesterday", model.Date, ""},
	}, "Yesterday Barack Obama")
	// The sentences given by the caller mark starts the text alone does not
	// show (here after a line without final punctuation).
	text := "Reports came in\nPolice said the road was closed"
	sentences := []model.Span{{Start: 0, End: 15}, {Start: 16, End: len(text)}}
	for _, m := range Find(text, sentences) {
		t.Errorf("unexpected mention %s %q", m.Type, m.Text)
	}
}

func TestFindAllCapsHeadlines(t *testing.T) {
	findCase(t, "IRAN AND U.S. HOLD TALKS IN BAGHDAD\nThe meeting was short.", []want{
		{"IRAN", model.GPE, ""},
		{"U.S.", model.GPE, ""},
		{"BAGHDAD", model.GPE, ""},
	}, "HOLD", "TALKS", "HOLD TALKS", "IRAN AND U.S. HOLD TALKS IN BAGHDAD")
	findCase(t, "Iran And U.S. Hold Talks In Baghdad\nThe meeting was short.", []want{
		{"Iran", model.GPE, ""},
		{"U.S.", model.GPE, ""},
		{"Baghdad", model.GPE, ""},
	}, "Hold Talks", "Talks")
}

func TestFindAcronyms(t *testing.T) {
	findCase(t, "The International Atomic Energy Agency (IAEA) and NATO met the U.N. and the AP.", []want{
		{"International Atomic Energy Agency", model.Org, ""},
		{"IAEA", model.Org, ""},
		{"NATO", model.Org, ""},
		{"U.N.", model.Org, ""},
		{"AP", model.Org, ""},
	})
	// A two-letter abbreviation nothing in the text spells is no name.
	findCase(t, "He bought the CD and a TV set.", nil, "CD", "TV")
}

func TestFindOrganisationsAndPlaces(t *testing.T) {
	findCase(t, "Paxar Corp said it acquired Thermo-Print GmbH of Lohn, West Germany, and the Ministry of Defense agreed.", []want{
		{"Paxar Corp", model.Org, ""},
		{"Thermo-Print GmbH", model.Org, ""},
		{"West Germany", model.GPE, ""},
		{"Lohn", model.GPE, ""},
		{"Ministry of Defense", model.Org, ""},
	})
	findCase(t, "Brensbach is a municipality in Hesse. Boats crossed the Persian Gulf near the Tigris River.", []want{
		{"Brensbach", model.GPE, ""},
		{"Persian Gulf", model.Loc, ""},
		{"Tigris River", model.Loc, ""},
	})
	// US states as newspapers abbreviate them, after a city.
	findCase(t, "It bought Cartel Security Inc of Paramus, N.J., and a firm in Salem, Ore. The deal closed.", []want{
		{"Cartel Security Inc", model.Org, ""},
		{"Paramus", model.GPE, ""},
		{"N.J.", model.GPE, ""},
		{"Salem", model.GPE, ""},
		{"Ore.", model.GPE, ""},
	}, "Ore. The")
	// A company's name ends at its suffix, in either case.
	findCase(t, "Key Tronic corp said Erskine Resources Ltd. Terms were not disclosed.", []want{
		{"Key Tronic corp", model.Org, ""},
		{"Erskine Resources Ltd", model.Org, ""},
	})
	// Shapes and neighbours that type a lone name.
	findCase(t, "Staff must delete TikTok, the Biden administration said. East Palestine residents and Airservices Australia agreed.", []want{
		{"TikTok", model.Org, ""},
		{"Biden", model.Person, ""},
		{"East Palestine", model.GPE, ""},
		{"Airservices Australia", model.Org, ""},
	})
	// A nationality before a person's name is a mention of its own.
	findCase(t, "He beat fellow American John Smith on the 6PR radio show.", []want{
		{"American", model.NORP, ""},
		{"John Smith", model.Person, ""},
		{"6PR", model.Org, ""},
	}, "American John Smith")
	// Two bodies joined by "and" stay two.
	findCase(t, "Collections went to the German Entomological Institute and the Senckenberg Museum.", []want{
		{"German Entomological Institute", model.Org, ""},
		{"Senckenberg Museum", model.Org, ""},
	})
	// Events are no entity of any type here.
	findCase(t, "He fought in World War II and the Second Battle of Bull Run.", nil, "World War II", "Bull Run", "World War")
}

func TestFindNumbersDatesMoney(t *testing.T) {
	findCase(t, "On Monday, May 28, 2007, 27 people met for four hours from 9 a.m. until noon.", []want{
		{"Monday, May 28, 2007", model.Date, ""},
		{"27", model.Cardinal, ""},
		{"four hours", model.Time, ""},
		{"9 a.m.", model.Time, ""},
		{"noon", model.Time, ""},
	})
	findCase(t, "It cost $5 million, €3bn or 500 dollars, up 12% or 12 percent, for 1,200 and 3.5 million and five.", []want{
		{"$5 million", model.Money, ""},
		{"€3bn", model.Money, ""},
		{"500 dollars", model.Money, ""},
		{"12%", model.Percent, ""},
		{"12 percent", model.Percent, ""},
		{"1,200", model.Cardinal, ""},
		{"3.5 million", model.Cardinal, ""},
		{"five", model.Cardinal, ""},
	})
	findCase(t, "Over 27 years and more than a quarter century, 10 km and 5 tonnes, last week and within the month, in 1980 and the 1990s.", []want{
		{"27 years", model.Date, ""},
		{"more than a quarter century", model.Date, ""},
		{"10 km", model.Quantity, ""},
		{"5 tonnes", model.Quantity, ""},
		{"last week", model.Date, ""},
		{"within the month", model.Date, ""},
		{"1980", model.Date, ""},
		{"the 1990s", model.Date, ""},
	})
	findCase(t, "Nearly 300 people signed a three-year deal worth US$2 billion.", []want{
		{"Nearly 300", model.Cardinal, ""},
		{"three-year", model.Date, ""},
		{"US$2 billion", model.Money, ""},
	})
	// "may" the verb and a lone "March" at a sentence start are not dates.
	findCase(t, "They may go. March on, he said.", nil, "may", "March")
}

func TestFindSpansAreOrderedAndExact(t *testing.T) {
	text := "Iraqi Prime Minister Nouri al-Maliki told U.S. Ambassador Ryan C. Crocker on Monday that 40 Iranians’ visas cost $5 million."
	got := Find(text, nil)
	end := 0
	for _, m := range got {
		if m.Start < end {
			t.Errorf("mention %q overlaps the one before", m.Text)
		}
		if m.Text != text[m.Start:m.End] {
			t.Errorf("mention %q does not match its span", m.Text)
		}
		end = m.End
	}
	if len(got) < 8 {
		t.Errorf("found %d mentions, want at least 8: %v", len(got), summary(got))
	}
}

func TestFindEmptyAndBlank(t *testing.T) {
	for _, text := range []string{"", " ", "\n\n", "...", "'s"} {
		if ms := Find(text, nil); len(ms) != 0 {
			t.Errorf("Find(%q) = %v", text, summary(ms))
		}
	}
}

func TestFindRecurringUnknownWord(t *testing.T) {
	// Met twice mid-sentence, an unknown name is kept; met once, it is not.
	findCase(t, "Officials said Binance moved funds. Regulators say Binance hid them.", []want{
		{"Binance", model.Org, ""},
	})
	findCase(t, "Officials said Zorblax moved funds.", nil, "Zorblax")
}

func TestFindContextOfOneMentionTypesTheOthers(t *testing.T) {
	// "in Atwick" says Atwick is a place; its next mention gets the type.
	findCase(t, "Defences were built in Atwick long ago. Atwick grew, and Atwick became a village.", []want{
		{"Atwick", model.GPE, ""},
	})
	ms := Find("Defences were built in Atwick long ago. Later Atwick grew.", nil)
	n := 0
	for _, m := range ms {
		if m.Text == "Atwick" && m.Type == model.GPE {
			n++
		}
	}
	if n != 2 {
		t.Errorf("want both mentions of Atwick as GPE, got %v", summary(ms))
	}
}
