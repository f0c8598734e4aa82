package segment

import (
	"reflect"
	"strings"
	"testing"

	"github.com/parallax-reader/parallax/model"
)

// sentencesOf returns the text of each sentence Sentences finds.
func sentencesOf(text string) []string {
	var out []string
	for _, s := range Sentences(text, Paragraphs(text)) {
		out = append(out, text[s.Start:s.End])
	}
	return out
}

func TestSentences(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []string
	}{
		{"plain", "One thing happened. Then another. And a third!",
			[]string{"One thing happened.", "Then another.", "And a third!"}},
		{"question and exclamation", "Is it over? It is! Good.",
			[]string{"Is it over?", "It is!", "Good."}},
		{"interrobang run", "Really?! Yes.", []string{"Really?!", "Yes."}},
		{"us and un acronyms", "The U.S. and the U.N. met. They agreed.",
			[]string{"The U.S. and the U.N. met.", "They agreed."}},
		{"acronym before a name", "U.S. Ambassador Ryan Crocker spoke.",
			[]string{"U.S. Ambassador Ryan Crocker spoke."}},
		{"acronym ends a sentence", "Troops left the U.S. The war went on.",
			[]string{"Troops left the U.S.", "The war went on."}},
		{"titles", "Dr. Smith met Mr. Jones, Mrs. Brown and St. John. Gen. Petraeus, Sen. Reid, Rep. Pelosi, Gov. Perry, Lt. Col. North came.",
			[]string{"Dr. Smith met Mr. Jones, Mrs. Brown and St. John.", "Gen. Petraeus, Sen. Reid, Rep. Pelosi, Gov. Perry, Lt. Col. North came."}},
		{"month before number", "It began on Jan. 5 and ended Dec. 31. Nobody came.",
			[]string{"It began on Jan. 5 and ended Dec. 31.", "Nobody came."}},
		{"month before lower case", "Sales fell in Oct. and rose in Nov. as expected.",
			[]string{"Sales fell in Oct. and rose in Nov. as expected."}},
		{"month ends a sentence", "The vote is due in Sept. Nobody expects a surprise.",
			[]string{"The vote is due in Sept.", "Nobody expects a surprise."}},
		{"a.m. before lower case", "They met at 9 a.m. on Monday.", []string{"They met at 9 a.m. on Monday."}},
		{"a.m. before a capital", "They met at 9 a.m. Officials said little.",
			[]string{"They met at 9 a.m.", "Officials said little."}},
		{"p.m. before a time zone", "Polls close at 8 p.m. Eastern time.", []string{"Polls close at 8 p.m. Eastern time."}},
		{"p.m. before a weekday", "It starts at 7 p.m. Friday in Rome.", []string{"It starts at 7 p.m. Friday in Rome."}},
		{"e.g. and i.e.", "Some cities, e.g. Paris, agreed; i.e. Lyon did not. Others waited.",
			[]string{"Some cities, e.g. Paris, agreed; i.e. Lyon did not.", "Others waited."}},
		{"etc. before a capital", "They brought food, water, etc. The trucks left.",
			[]string{"They brought food, water, etc.", "The trucks left."}},
		{"etc. before lower case", "Food, water, etc. were sent.", []string{"Food, water, etc. were sent."}},
		{"vs.", "It was Iraq vs. Iran. Both lost.", []string{"It was Iraq vs. Iran.", "Both lost."}},
		{"No. before a number", "He was No. 5 on the list. No. He was sixth.",
			[]string{"He was No. 5 on the list.", "No.", "He was sixth."}},
		{"middle initial", "Ryan C. Crocker met them.", []string{"Ryan C. Crocker met them."}},
		{"several initials", "J. R. R. Tolkien wrote it. He was a professor.",
			[]string{"J. R. R. Tolkien wrote it.", "He was a professor."}},
		{"decimal number", "Growth was 3.5 percent. It was 2.25 before.",
			[]string{"Growth was 3.5 percent.", "It was 2.25 before."}},
		{"ellipsis before lower case", "He paused... and went on.", []string{"He paused... and went on."}},
		{"ellipsis before a capital", "He paused... Then he went on.", []string{"He paused...", "Then he went on."}},
		{"unicode ellipsis", "He paused… Then he left.", []string{"He paused…", "Then he left."}},
		{"spaced ellipsis", "He paused . . . and left.", []string{"He paused . . . and left."}},
		{"closing straight quote", `He said "Stop." Then he left.`, []string{`He said "Stop."`, "Then he left."}},
		{"closing curly quote", "He said “Stop.” Then he left.", []string{"He said “Stop.”", "Then he left."}},
		{"closing bracket", "It ended (or did it?) Then more came. (See below.) Done.",
			[]string{"It ended (or did it?)", "Then more came.", "(See below.)", "Done."}},
		{"question inside a quotation", `"Why?" he asked. "Because," she said.`,
			[]string{`"Why?" he asked.`, `"Because," she said.`}},
		{"opening quote starts the next sentence", `He agreed. "We will go," he said.`,
			[]string{"He agreed.", `"We will go," he said.`}},
		{"list marker is not a sentence", "1. Open the door.", []string{"1. Open the door."}},
		{"year ends a sentence", "It happened in 2003. Many died.", []string{"It happened in 2003.", "Many died."}},
		{"company suffix", "He joined Acme Inc. The firm grew.", []string{"He joined Acme Inc.", "The firm grew."}},
		{"state abbreviation", "He lives in Fresno, Calif. with his family. Police in Springfield, Ill. The end.",
			[]string{"He lives in Fresno, Calif. with his family.", "Police in Springfield, Ill.", "The end."}},
		{"punctuation after an abbreviation", "He joined Acme Ltd. , a maker, and Smith Jr. ; then left. Fine.",
			[]string{"He joined Acme Ltd. , a maker, and Smith Jr. ; then left.", "Fine."}},
		{"born and died", "Andrew Sant (b. 1950) and Jan Roe (d. 2001) wrote it.",
			[]string{"Andrew Sant (b. 1950) and Jan Roe (d. 2001) wrote it."}},
		{"ideographic full stop", "会议结束了。他们离开了。", []string{"会议结束了。", "他们离开了。"}},
		{"no final punctuation", "a fragment without an end", []string{"a fragment without an end"}},
		{"email and domain", "Write to news@example.com or visit example.org. Thanks.",
			[]string{"Write to news@example.com or visit example.org.", "Thanks."}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := sentencesOf(tt.text); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Sentences(%q)\n got %q\nwant %q", tt.text, got, tt.want)
			}
		})
	}
}

func TestSentencesLineBreaks(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []string
	}{
		{"hard-wrapped prose joins",
			"The ambassadors met for four hours in the Green Zone offices of\nPrime Minister Nouri al-Maliki, whose government has fostered\nFriendly relations with both countries.",
			[]string{"The ambassadors met for four hours in the Green Zone offices of\nPrime Minister Nouri al-Maliki, whose government has fostered\nFriendly relations with both countries."}},
		{"title line", "Talks Resume in Baghdad\nThe two ambassadors met on Monday for four hours in the city.",
			[]string{"Talks Resume in Baghdad", "The two ambassadors met on Monday for four hours in the city."}},
		{"long sentence-case title", "First talks in 27 years barely break the ice between both sides\nThe two ambassadors met.",
			[]string{"First talks in 27 years barely break the ice between both sides\nThe two ambassadors met."}},
		{"short line the wrapper could have extended",
			"By Jane Doe\nThe ambassadors met for four hours in the Green Zone offices of the\nprime minister.",
			[]string{"By Jane Doe", "The ambassadors met for four hours in the Green Zone offices of the\nprime minister."}},
		{"dateline in capitals", "BAGHDAD, IRAQ\nThe ambassadors met.", []string{"BAGHDAD, IRAQ", "The ambassadors met."}},
		{"markdown heading", "# Talks resume in the capital after years of silence\nThe ambassadors met.",
			[]string{"# Talks resume in the capital after years of silence", "The ambassadors met."}},
		{"list items", "Demands:\n- End support for militias\n- Release the five detainees",
			[]string{"Demands:", "- End support for militias", "- Release the five detainees"}},
		{"line ending in a comma continues", "Short line,\nThen more words here.", []string{"Short line,\nThen more words here."}},
		{"abbreviation at line end continues", "They met Dr.\nSmith in Rome.", []string{"They met Dr.\nSmith in Rome."}},
		{"lower-case next line continues", "Talks Resume\nin Baghdad today.", []string{"Talks Resume\nin Baghdad today."}},
		{"line with final punctuation", "It was over.\nThen it began again.", []string{"It was over.", "Then it began again."}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := sentencesOf(tt.text); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Sentences(%q)\n got %q\nwant %q", tt.text, got, tt.want)
			}
		})
	}
}

func TestSentencesStayInsideParagraphs(t *testing.T) {
	text := "First paragraph has no end\n\nSecond one, Dr.\n\nSmith starts here. Done."
	want := []string{"First paragraph has no end", "Second one, Dr.", "Smith starts here.", "Done."}
	if got := sentencesOf(text); !reflect.DeepEqual(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestSentencesOffsets(t *testing.T) {
	text := "  Café opened. Ça marche!  \n\n\tNext one. "
	got := Sentences(text, nil)
	for _, s := range got {
		if s.Start < 0 || s.End > len(text) || s.Start >= s.End {
			t.Fatalf("bad span %v", s)
		}
		if strings.TrimSpace(text[s.Start:s.End]) != text[s.Start:s.End] {
			t.Errorf("span %v not trimmed: %q", s, text[s.Start:s.End])
		}
	}
	if len(got) != 3 || text[got[1].Start:got[1].End] != "Ça marche!" {
		t.Errorf("got %v", got)
	}
}

func TestSentencesClampsParagraphs(t *testing.T) {
	text := "One. Two."
	if out := Sentences(text, []model.Span{{Start: -5, End: 100}}); len(out) != 2 || out[1] != (model.Span{Start: 5, End: 9}) {
		t.Errorf("clamped paragraph: got %v", out)
	}
	if out := Sentences(text, []model.Span{}); len(out) != 0 {
		t.Errorf("no paragraphs: got %v", out)
	}
	if out := Sentences(text, []model.Span{{Start: 0, End: 4}}); len(out) != 1 || out[0].End != 4 {
		t.Errorf("first paragraph only: got %v", out)
	}
}
