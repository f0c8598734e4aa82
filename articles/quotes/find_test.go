package quotes

import (
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/parallax-reader/parallax/model"
)

// found is a quotation as the tests compare it.
type found struct {
	Text    string
	Speaker string
	By      string // the attributing words; "" when none
	Short   bool
}

func (f found) String() string {
	return fmt.Sprintf("{%q by %q [%q] short=%v}", f.Text, f.Speaker, f.By, f.Short)
}

func find(text string, names []model.Mention) []found {
	var out []found
	for _, q := range Find(text, nil, names) {
		f := found{Text: q.Text, Speaker: q.Speaker, Short: q.Short}
		if q.SpeakerSpan != nil {
			f.By = text[q.SpeakerSpan.Start:q.SpeakerSpan.End]
		}
		if got := text[q.Start:q.End]; !strings.Contains(got, q.Text) {
			panic(fmt.Sprintf("text %q outside span %q", q.Text, got))
		}
		out = append(out, f)
	}
	return out
}

type quoteCase struct {
	name string
	text string
	want []found
}

func runCases(t *testing.T, cases []quoteCase) {
	t.Helper()
	for _, tt := range cases {
		t.Run(tt.name, func(t *testing.T) {
			if got := find(tt.text, nil); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Find(%q)\n got %v\nwant %v", tt.text, got, tt.want)
			}
		})
	}
}

const long = "We will meet again soon"

func TestMarks(t *testing.T) {
	runCases(t, []quoteCase{
		{"straight", `He said "` + long + `" today.`,
			[]found{{Text: long, Speaker: "", By: ""}}},
		{"curly", "He arrived. “" + long + "” Nobody answered.",
			[]found{{Text: long}}},
		{"low opening mark", "„" + long + "“ was the reply.",
			[]found{{Text: long}}},
		{"straight after a comma without space", `Then,"` + long + `," was heard.`,
			[]found{{Text: long + ","}}},
		{"nested single quotes stay inside", `"He told me 'no way' and left," Smith said.`,
			[]found{{Text: "He told me 'no way' and left,", Speaker: "Smith", By: "Smith"}}},
		{"nested curly single quotes", "“They called it ‘a farce’ from the start,” Smith said.",
			[]found{{Text: "They called it ‘a farce’ from the start,", Speaker: "Smith", By: "Smith"}}},
		{"inch mark is not an opener", `He is 6' 2" tall and "` + long + `" he said.`,
			[]found{{Text: long, Speaker: "", By: ""}}},
		{"empty marks are skipped", `Use "" or “ ” here.`, nil},
		{"two quotations in a row", `"One two three four." "Five six seven eight."`,
			[]found{{Text: "One two three four."}, {Text: "Five six seven eight."}}},
	})
}

func TestApostrophes(t *testing.T) {
	runCases(t, []quoteCase{
		{"contractions and possessives", `Iran's envoy didn't say. "Rock 'n' roll in the '90s was Iranians’ joy," he said.`,
			[]found{{Text: "Rock 'n' roll in the '90s was Iranians’ joy,", Speaker: "", By: ""}}},
		{"curly apostrophes around a quotation", "Iran’s envoy spoke. “The Iranians’ position is clear to all,” said Smith.",
			[]found{{Text: "The Iranians’ position is clear to all,", Speaker: "Smith", By: "Smith"}}},
		{"no double marks, no quotations", "It's the Iranians' view that rock 'n' roll's '90s were 'great'.", nil},
	})
}

func TestUnbalanced(t *testing.T) {
	text := "He said \"this never closes and goes on\n\nThe next paragraph is not a quotation at all. \"" + long + ",\" said Smith."
	want := []found{
		{Text: "this never closes and goes on"},
		{Text: long + ",", Speaker: "Smith", By: "Smith"},
	}
	if got := find(text, nil); !reflect.DeepEqual(got, want) {
		t.Errorf("got %v\nwant %v", got, want)
	}
}

func TestMultiParagraph(t *testing.T) {
	text := "Smith said: \"The first part of the statement runs on.\n\n" +
		"\"The second part continues it.\n\n" +
		"\"And the third ends it.\"\n\n" +
		"\"A new quotation in its own paragraph.\""
	got := Find(text, nil, nil)
	if len(got) != 4 {
		t.Fatalf("got %d quotes: %+v", len(got), got)
	}
	for i, q := range got[:3] {
		if q.Speaker != "Smith" || q.SpeakerSpan == nil || text[q.SpeakerSpan.Start:q.SpeakerSpan.End] != "Smith" {
			t.Errorf("part %d: speaker %q span %v", i, q.Speaker, q.SpeakerSpan)
		}
	}
	if got[0].Text != "The first part of the statement runs on." || got[1].Text != "The second part continues it." ||
		got[2].Text != "And the third ends it." {
		t.Errorf("texts %q %q %q", got[0].Text, got[1].Text, got[2].Text)
	}
	if !strings.HasPrefix(text[got[1].Start:], "\"The second") || text[got[0].End-1] != '.' {
		t.Errorf("part spans %v %v", got[0].Span, got[1].Span)
	}
	if got[3].Speaker != "" {
		t.Errorf("a separate quotation in another paragraph inherited %q", got[3].Speaker)
	}
	// Paragraph spans with white space around them work the same.
	padded := Find("Smith said: \"One two three four five\n\n  \"six seven.\" ", []model.Span{{Start: 0, End: 37}, {Start: 37, End: 53}}, nil)
	if len(padded) != 2 || padded[1].Speaker != "Smith" || padded[1].Text != "six seven." {
		t.Errorf("untrimmed paragraphs: %+v", padded)
	}
	// Short counts the words of the whole quotation, not of each part.
	two := Find("\"Yes, we\n\n\"will go.\"", nil, nil)
	if len(two) != 2 || two[0].Short || two[1].Short {
		t.Errorf("short parts of a four-word quotation: %+v", two)
	}
	// The attribution may come at the end of the last part.
	end := find("\"We have waited for this day.\n\n\"It is here at last,\" Jones said.", nil)
	if len(end) != 2 || end[0].Speaker != "Jones" || end[1].Speaker != "Jones" {
		t.Errorf("attribution at the end: %v", end)
	}
}

func TestSpeechPatterns(t *testing.T) {
	q := `"` + long + `,"`
	runCases(t, []quoteCase{
		{"said X", q + ` said Crocker.`, []found{{Text: long + ",", Speaker: "Crocker", By: "Crocker"}}},
		{"X said", q + ` Crocker said.`, []found{{Text: long + ",", Speaker: "Crocker", By: "Crocker"}}},
		{"X told", q + ` Qomi told Iranian television.`, []found{{Text: long + ",", Speaker: "Qomi", By: "Qomi"}}},
		{"X later said", q + ` Crocker later said.`, []found{{Text: long + ",", Speaker: "Crocker", By: "Crocker"}}},
		{"question mark", `"Will we meet again soon?" asked Smith.`,
			[]found{{Text: "Will we meet again soon?", Speaker: "Smith", By: "Smith"}}},
		{"X said: quote", `Crocker said: "` + long + `."`, []found{{Text: long + ".", Speaker: "Crocker", By: "Crocker"}}},
		{"X said that quote", `Crocker stated that "the Iraqi side would invite them again."`,
			[]found{{Text: "the Iraqi side would invite them again.", Speaker: "Crocker", By: "Crocker"}}},
		{"verb with an object", `Qomi declared the meeting "a first step in negotiations."`,
			[]found{{Text: "a first step in negotiations.", Speaker: "Qomi", By: "Qomi"}}},
		{"appositive after", q + ` Hassan Qomi, the Iranian ambassador, said.`,
			[]found{{Text: long + ",", Speaker: "Hassan Qomi", By: "Hassan Qomi"}}},
		{"appositive before", `Hassan Qomi, Iran's ambassador to Iraq, said: "` + long + `."`,
			[]found{{Text: long + ".", Speaker: "Hassan Qomi", By: "Hassan Qomi"}}},
		{"title before the name", q + ` said U.S. Ambassador Ryan C. Crocker.`,
			[]found{{Text: long + ",", Speaker: "Ryan C. Crocker", By: "Ryan C. Crocker"}}},
		{"title before the name, name first", q + ` Iranian Foreign Minister Manouchehr Mottaki said in Tehran.`,
			[]found{{Text: long + ",", Speaker: "Manouchehr Mottaki", By: "Manouchehr Mottaki"}}},
		{"possessive and title", q + ` said Iraq's National Security Advisor Dr. Mowaffak al-Rubaie.`,
			[]found{{Text: long + ",", Speaker: "Mowaffak al-Rubaie", By: "Mowaffak al-Rubaie"}}},
		{"office with of", q + ` said Secretary of State Condoleezza Rice.`,
			[]found{{Text: long + ",", Speaker: "Condoleezza Rice", By: "Condoleezza Rice"}}},
		{"particle name", q + ` al-Maliki said after the meeting began.`,
			[]found{{Text: long + ",", Speaker: "al-Maliki", By: "al-Maliki"}}},
		{"according to, after", q + ` according to Reuters.`, []found{{Text: long + ",", Speaker: "Reuters", By: "Reuters"}}},
		{"according to, before", `According to the ministry, "` + long + `."`,
			[]found{{Text: long + ".", Speaker: "the ministry", By: "the ministry"}}},
		{"description", q + ` a senior U.S. official said.`,
			[]found{{Text: long + ",", Speaker: "a senior U.S. official", By: "a senior U.S. official"}}},
		{"middle attribution", `"We will meet again," said Smith, "and we will agree next time."`,
			[]found{{Text: "We will meet again,", Speaker: "Smith", By: "Smith"}, {Text: "and we will agree next time.", Speaker: "Smith", By: "Smith"}}},
		{"lower-case title before the name", q + ` chief executive Don Meij said.`,
			[]found{{Text: long + ",", Speaker: "Don Meij", By: "Don Meij"}}},
		{"bare plural subject", q + ` prosecutors said.`, []found{{Text: long + ",", Speaker: "prosecutors", By: "prosecutors"}}},
		{"-ing verb before", `The firm issued a reply, with a spokesperson stating, "` + long + `."`,
			[]found{{Text: long + ".", Speaker: "a spokesperson", By: "a spokesperson"}}},
		{"name inside a longer phrase", `A teacher at a school in Qom told reporters that "` + long + `."`,
			[]found{{Text: long + ".", Speaker: "A teacher at a school in Qom", By: "A teacher at a school in Qom"}}},
		{"names stop at a line break", "BREAKING NEWS\nCrocker said: \"" + long + ".\"",
			[]found{{Text: long + ".", Speaker: "Crocker", By: "Crocker"}}},
		{"conjunction before the verb", `He praised the plan and added "` + long + `."`, []found{{Text: long + "."}}},
		{"comma outside the marks", `"` + long + `", Smith said.`, []found{{Text: long, Speaker: "Smith", By: "Smith"}}},
		{"full stop then a new sentence is not an attribution", `"` + long + `." Smith said nothing else.`,
			[]found{{Text: long + "."}}},
		{"they: attributed but unknown", `Smith arrived. "` + long + `," they said.`,
			[]found{{Text: long + ","}}},
		{"no attribution", `The sign read "` + long + `" in red.`, []found{{Text: long}}},
	})
}

func TestPronouns(t *testing.T) {
	runCases(t, []quoteCase{
		{"he after a named speaker", `"` + long + `," said Ryan Crocker. "And we will agree on more," he added.`,
			[]found{{Text: long + ",", Speaker: "Ryan Crocker", By: "Ryan Crocker"}, {Text: "And we will agree on more,", Speaker: "Ryan Crocker", By: "he"}}},
		{"she before the quotation", "Angela Merkel spoke first.\n\nShe said: \"" + long + ".\"",
			[]found{{Text: long + ".", Speaker: "Angela Merkel", By: "She"}}},
		{"unresolved he", `"` + long + `," he said.`, []found{{Text: long + ","}}},
		{"he skips organisations and places", `Andrew Tate wrote to the Civil Aviation Authority in Southeast Asia. "` + long + `," he said.`,
			[]found{{Text: long + ",", Speaker: "Andrew Tate", By: "he"}}},
	})
	// With entity mentions: the last PERSON mention before the pronoun,
	// outside quotations, with its cluster.
	text := `Ryan Crocker met Iran's envoy. "We told Hassan Qomi our concerns," he said.`
	names := []model.Mention{
		{Span: model.Span{Start: 0, End: 12}, Text: "Ryan Crocker", Type: model.Person, Cluster: "c1"},
		{Span: model.Span{Start: 17, End: 21}, Text: "Iran", Type: model.GPE, Cluster: "c2"},
		{Span: model.Span{Start: 40, End: 51}, Text: "Hassan Qomi", Type: model.Person, Cluster: "c3"},
	}
	got := Find(text, nil, names)
	if len(got) != 1 || got[0].Speaker != "Ryan Crocker" || got[0].SpeakerCluster != "c1" ||
		got[0].SpeakerSpan == nil || text[got[0].SpeakerSpan.Start:got[0].SpeakerSpan.End] != "he" {
		t.Errorf("pronoun with mentions: %+v", got)
	}
}

func TestSpeakerFromMentions(t *testing.T) {
	text := `"We will meet again soon," said U.S. Ambassador Ryan Crocker.`
	names := []model.Mention{
		{Span: model.Span{Start: 32, End: 36}, Text: "U.S.", Type: model.GPE, Cluster: "us"},
		{Span: model.Span{Start: 48, End: 60}, Text: "Ryan Crocker", Type: model.Person, Role: "Ambassador", Cluster: "crocker"},
	}
	got := Find(text, nil, names)
	if len(got) != 1 || got[0].Speaker != "Ryan Crocker" || got[0].SpeakerCluster != "crocker" ||
		*got[0].SpeakerSpan != (model.Span{Start: 48, End: 60}) {
		t.Errorf("got %+v", got)
	}
	// An organisation as the speaker.
	text = `"The talks will go on for some time," the Associated Press reported.`
	names = []model.Mention{{Span: model.Span{Start: 42, End: 58}, Text: "Associated Press", Type: model.Org, Cluster: "ap"}}
	got = Find(text, nil, names)
	if len(got) != 1 || got[0].SpeakerCluster != "ap" || got[0].Speaker != "Associated Press" {
		t.Errorf("got %+v", got)
	}
}

func TestInheritance(t *testing.T) {
	runCases(t, []quoteCase{
		{"inside the paragraph", `"` + long + `," Smith said. "There is more to do before then."`,
			[]found{{Text: long + ",", Speaker: "Smith", By: "Smith"}, {Text: "There is more to do before then.", Speaker: "Smith"}}},
		{"not across paragraphs", "\"" + long + ",\" Smith said.\n\n\"There is more to do before then.\"",
			[]found{{Text: long + ",", Speaker: "Smith", By: "Smith"}, {Text: "There is more to do before then."}}},
		{"scare quotes do not break the chain", `"` + long + `," Smith said of the "useful" talks. "There is more to do."`,
			[]found{{Text: long + ",", Speaker: "Smith", By: "Smith"}, {Text: "useful", Short: true}, {Text: "There is more to do.", Speaker: "Smith"}}},
		{"own attribution wins", `"` + long + `," Smith said. "We disagree with all of it," Jones said.`,
			[]found{{Text: long + ",", Speaker: "Smith", By: "Smith"}, {Text: "We disagree with all of it,", Speaker: "Jones", By: "Jones"}}},
	})
}

func TestScareQuotes(t *testing.T) {
	runCases(t, []quoteCase{
		{"one word", `Crocker said the talks were "businesslike".`, []found{{Text: "businesslike", Short: true}}},
		{"three words", `"Trilateral security mechanism," Smith said.`,
			[]found{{Text: "Trilateral security mechanism,", Short: true}}},
		{"four words are a quotation", `"This is a start," Smith said.`,
			[]found{{Text: "This is a start,", Speaker: "Smith", By: "Smith"}}},
	})
}

func TestBadInput(t *testing.T) {
	text := `"We will meet again soon," said Smith.`
	// Paragraphs out of range or out of order, and mentions outside the
	// text, must not panic.
	_ = Find(text, []model.Span{{Start: 10, End: 5}, {Start: -3, End: 400}, {Start: 0, End: len(text)}}, nil)
	got := Find(text, []model.Span{{Start: 0, End: len(text)}}, []model.Mention{{Span: model.Span{Start: 30, End: 900}, Type: model.Person}})
	if len(got) != 1 || got[0].Speaker != "Smith" {
		t.Errorf("got %+v", got)
	}
	if got := Find("", nil, nil); got != nil {
		t.Errorf("empty text: %+v", got)
	}
}
