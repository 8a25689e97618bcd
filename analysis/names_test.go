package analysis

import (
	"math/rand"
	"os"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

func nameFindingsOf(text string) []Finding {
	return Analyze(text, Options{Kinds: []string{KindName}}).Findings
}

// checkSpans fails when a finding's spans do not match the text.
func checkSpans(t *testing.T, text string, fs []Finding) {
	t.Helper()
	for _, f := range fs {
		if f.Start < 0 || f.End > len(text) || f.Start >= f.End || text[f.Start:f.End] != f.Text {
			t.Fatalf("bad span %d-%d %q", f.Start, f.End, f.Text)
		}
		for _, s := range f.Related {
			if s.Start < 0 || s.End > len(text) || s.Start >= s.End || text[s.Start:s.End] != s.Text {
				t.Fatalf("bad related span %d-%d %q", s.Start, s.End, s.Text)
			}
		}
	}
}

func TestNamesFlag(t *testing.T) {
	cases := []struct {
		name, text string
		variant    string // the reported text
		dominant   string // the suggestion, and the text of every related span
		severity   string
	}{
		// misspellings of one name: the rarer spelling, the dominant one in Related
		{"deletion and insertion", "Grain prices in Kazakhstan doubled. Exports from Kazakhstan fell, and the cabinet of Kazakstnan resigned. Kazakhstan is calm.",
			"Kazakstnan", "Kazakhstan", SeverityWarning},
		{"dropped letter", "Protests spread across Kazakhstan. In Kazakhstan, prices doubled. Kazakstan's government resigned. Kazakhstan is calm now.",
			"Kazakstan", "Kazakhstan", SeverityWarning},
		{"possessive of the dominant", "Kassym-Zhomart Tokayev spoke. Later Tokaev told the senate that Tokayev's plan stood.",
			"Tokaev", "Tokayev", SeverityWarning},
		{"possessive of the variant", "President Kassym-Jomart Tokayev addressed the nation. Tokayev blamed foreign fighters, and Tokaev's aides repeated it.",
			"Tokaev", "Tokayev", SeverityWarning},
		{"possessive of a place", "Wheat from Ukraine reached Egypt. Ukraine's ports reopened, and Ukriane's grain fleet sailed.",
			"Ukriane", "Ukraine", SeverityWarning},
		{"curly possessive", "The talks in Pakistan ended. Donors met in Pakistan and in Pakistn’s capital.",
			"Pakistn", "Pakistan", SeverityWarning},
		{"transposition", "Chancellor Angela Merkel spoke first. Then Merkle said that Merkel's party agreed.",
			"Merkle", "Merkel", SeverityWarning},
		{"transposition, sentence-initial", "Volodymyr Zelensky addressed parliament. Zelenksy thanked the allies for Zelensky's new jets.",
			"Zelenksy", "Zelensky", SeverityWarning},
		{"transposition in a country", "Officials from Mozambique and Malawi met. Mozambique's president said Mozambqiue would help.",
			"Mozambqiue", "Mozambique", SeverityWarning},
		{"deleted letter, same first name", "Prime Minister Mark Rutte flew to Kyiv. Later, Mark Rute told reporters that Rutte would return.",
			"Rute", "Rutte", SeverityWarning},
		{"two-word name, surname misspelt", "Nursultan Nazarbayev ruled for three decades. Critics of Nursultan Nazarbaev were often jailed.",
			"Nazarbaev", "Nazarbayev", SeverityWarning},
		{"hyphenated first name", "Kassym-Zhomart Tokayev met envoys. The decree of Kassym-Zhomrat Tokayev followed. Kassym-Zhomart Tokayev signed.",
			"Kassym-Zhomrat", "Kassym-Zhomart", SeverityWarning},
		{"hyphenated surname", "Ms. Ocasio-Cortez won the primary. Ocasio-Cortes thanked voters, and Ocasio-Cortez's staff celebrated.",
			"Ocasio-Cortes", "Ocasio-Cortez", SeverityWarning},
		{"hyphenated known alias misspelt", "Protests began in Alma-Ata. Police in Alma-Ata arrested many. The mayor of Alma-Atta resigned.",
			"Alma-Atta", "Alma-Ata", SeverityWarning},
		{"doubled letter moved", "Typhoons hit the Philippines every year. Aid to the Phillipines rose, and the Philippines thanked donors.",
			"Phillipines", "Philippines", SeverityWarning},
		{"doubled letter", "Andrew Gillum ran for governor. Gilllum lost narrowly. Gillum conceded.",
			"Gilllum", "Gillum", SeverityWarning},
		{"dropped letter, unknown name", "Jacinda Ardern resigned. Ardern said she had nothing left, and Arden's deputy took over.",
			"Arden", "Ardern", SeverityWarning},
		{"vowel replaced", "Mark Zuckerberg testified. Zuckerburg said Zuckerberg's company would change.",
			"Zuckerburg", "Zuckerberg", SeverityWarning},
		{"non-ASCII Latin", "Port workers in Gdańsk struck. The mayor of Gdańsk agreed, but Gdańks officials did not.",
			"Gdańks", "Gdańsk", SeverityWarning},
		{"Cyrillic", "Президент Зеленский выступил. Позже Зеленский ответил, а Зеленскй уехал.",
			"Зеленскй", "Зеленский", SeverityWarning},
		{"transliteration with y and j", "President Zelenskyy spoke. Zelenskyy's aides agreed. Later, President Zelenskyj left.",
			"Zelenskyj", "Zelenskyy", SeverityWarning},
		{"doubled final y", "Alexei Navalny was jailed. Navalny's allies said Navalnyy had been poisoned, and Navalny agreed.",
			"Navalnyy", "Navalny", SeverityWarning},
		{"one mention each, known dominant", "Angela Merkel arrived on Monday. Reporters asked Merkle about the budget.",
			"Merkle", "Merkel", SeverityWarning},
		{"one mention each, first written wins", "The ruling was written by Judge Okonkwo. Critics said Okonkow had erred.",
			"Okonkow", "Okonkwo", SeverityWarning},
		{"dominant only at sentence starts, possessive", "Okonkwo's appeal was heard on Monday. Okonkwo's lawyers were confident. The judge said Okonkow had no case.",
			"Okonkow", "Okonkwo", SeverityWarning},
		{"same title, same person", "Mr. Harlow met reporters. Later Mr. Harlon said he would stay.",
			"Harlon", "Harlow", SeverityWarning},
		{"long name, three edits", "Arnold Schwarzenegger starred. Critics liked Schwarzenegger; later Shwarzenneger won an award.",
			"Shwarzenneger", "Schwarzenegger", SeverityWarning},
		{"twice against many", strings.Repeat("Officials in Bangladesh met. ", 8) + "Bangaldesh exports rose. Bangaldesh imports fell.",
			"Bangaldesh", "Bangladesh", SeverityWarning},
		// other names of one thing: info
		{"known aliases", "Troops left Kyiv in March. Kyiv was calm by April, and shops in Kiev reopened.",
			"Kiev", "Kyiv", SeverityInfo},
		{"old name of a city", "Almaty is the largest city. Prices in Almaty rose, and the Alma-Ata airport reopened.",
			"Alma-Ata", "Almaty", SeverityInfo},
		{"multi-word alias", "Tea exports from Sri Lanka rose. Sri Lanka was called Ceylon until 1972, and Ceylon tea kept its name.",
			"Ceylon", "Sri Lanka", SeverityInfo},
		{"diacritics", "Recep Tayyip Erdoğan won. Erdoğan's party said Erdogan would travel.",
			"Erdogan", "Erdoğan", SeverityInfo},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			fs := nameFindingsOf(c.text)
			checkSpans(t, c.text, fs)
			if len(fs) == 0 {
				t.Fatalf("no finding in %q", c.text)
			}
			for _, f := range fs {
				if f.Text != c.variant || f.Suggestion != c.dominant || f.Severity != c.severity || f.Kind != KindName {
					t.Errorf("got %s %s %q → %q (%s), want %s %q → %q", f.Severity, f.Category, f.Text, f.Suggestion, f.Message, c.severity, c.variant, c.dominant)
				}
				if len(f.Related) == 0 {
					t.Errorf("%q: no related spans", f.Text)
				}
				for _, s := range f.Related {
					if s.Text != c.dominant && !strings.EqualFold(s.Text, c.dominant) {
						t.Errorf("%q: related %q, want %q", f.Text, s.Text, c.dominant)
					}
				}
				if f.Sentence < 0 || f.Weight <= 0 || !strings.Contains(f.Message, c.variant) || !strings.Contains(f.Message, c.dominant) {
					t.Errorf("%q: sentence %d weight %v message %q", f.Text, f.Sentence, f.Weight, f.Message)
				}
			}
		})
	}
}

func TestNamesMessage(t *testing.T) {
	text := strings.Repeat("Troops stayed in Kazakhstan. ", 20) + "The Interior Ministry of Kazakstnan spoke."
	fs := nameFindingsOf(text)
	if len(fs) != 1 {
		t.Fatalf("want 1 finding, got %+v", fs)
	}
	f := fs[0]
	want := "'Kazakstnan' (1×) looks like a misspelling of 'Kazakhstan' (20×), 2 edits apart"
	if f.Message != want || f.Category != "misspelling" || len(f.Related) != 20 || f.Sentence != 20 {
		t.Errorf("got %q %s related %d sentence %d", f.Message, f.Category, len(f.Related), f.Sentence)
	}
}

func TestNamesClean(t *testing.T) {
	cases := []struct{ name, text string }{
		// close names of different places
		{"Iran and Iraq", "Iran and Iraq signed a deal. Iran's oil minister flew to Baghdad, and Iraq's minister to Tehran."},
		{"Austria and Australia", "Austria beat Australia. Austria's coach praised Australia's goalkeeper. Austria went on."},
		{"Austrian and Australian", "Austria and Australia played. Austrian fans and Australian fans cheered."},
		{"Niger and Nigeria", "Nigeria closed the border with Niger. Traders from Niger waited; Nigeria's customs chief said little."},
		{"Nigerian and Nigerien", "Nigerian and Nigerien troops met. Niger's army and Nigeria's army patrolled."},
		{"Serbia, Syria, Siberia", "Serbia sent aid to Syria. Serbia's convoy crossed Turkey; the winter in Siberia delayed a second one."},
		{"Sudan and South Sudan", "Sudan and South Sudan share oil. South Sudan became independent from Sudan in 2011. Sudan objected."},
		{"Slovakia and Slovenia", "Slovakia and Slovenia joined the EU in 2004. Slovakia uses the euro, as does Slovenia."},
		{"Latvia and Lithuania", "Latvia and Lithuania protested. Latvia's foreign minister called Lithuania's counterpart."},
		{"Mali and Malawi", "Mali and Malawi are both in Africa. Mali's junta and Malawi's president spoke."},
		{"Colombia and Columbia", "Colombia exports coffee. Students at Columbia studied Colombia's peace deal."},
		{"Virginia and West Virginia", "Palestine and Palestinian officials met Palestinians. Virginia and West Virginia sued. Mexico and New Mexico too."},
		// close names of different people
		{"Smith and Smyth, titles between", "Dr. Smyth and Dr. Smith, who are not related, ran the two clinics. Smith opened the first."},
		{"Smith and Smyth, first names", "John Smith chairs the board. Paul Smyth, his rival, spoke. John Smith replied."},
		{"unknown close names joined by and", "Ms. Harlan and Ms. Harlen, the two bidders, met. Ms. Harlan won the contract."},
		{"different first names", "Tom Harlan chairs the board. Greta Harlen, his rival, spoke. Tom Harlan replied."},
		{"a man and a woman", "Detective Harlow met Mrs. Harlon. Mr. Harlow said Mrs. Harlon had left."},
		{"different people in a list", "The cardinals Dopfner, Suenens, Lienart and Leinert voted; Lienart spoke first."},
		{"known given names", "Brian Cox and Bryan Cox are different people. Brian teaches physics; Bryan acts."},
		{"known surnames", "Boris Johnson met Tom Johnston. Johnson said Johnston was right. Peterson and Petersen disagreed."},
		{"surnames in two words", "Bernie Sanders ran. Sanders said Saunders was his aide. Sanders won."},
		{"two substitutions", "Cardinal McCarrick resigned. McCarrick, 88, was tried. Archbishop McCormick was not charged."},
		{"inside a longer name", "Tom Price spoke. Price said the Nobel Prize was deserved."},
		{"given-name gender pairs", "Antonio Rossi came with Antonia Bianchi. Antonio spoke."},
		{"feminine surname", "Ivanov and his wife were sanctioned. Ivanov said Ivanova would appeal."},
		{"familiar form of a given name", "Dick Durbin spoke. Friends call him Dicky Durbin, and Dick smiled."},
		// forms derived from one name
		{"derived forms of places", "Kazakh troops guarded Kazakhstan. Russia and the Russian army helped; Russians watched. Ukraine's and Ukrainian views differ."},
		{"demonyms", "Israel said Israeli jets struck. Israelis and Iraqis watched; Iraq's government protested. Yemeni officials said Yemenis were hit."},
		{"derived forms of words", "Democrats met. The Democratic leader spoke; Democrats applauded. Catholics and Catholicism were discussed. Zionist groups spoke of Zionism."},
		{"isms", "Trump and Trumpism dominated. Putin and Putinism were compared. Thatcherite policies outlived Thatcher."},
		{"plural of a name", "The Kennedy family met. The Kennedys have been in politics for decades; Kennedy spoke."},
		{"compound forms", "A Counter-Jihad group met. The Countering-Jihad plan, like the Counter-Jihad one, failed."},
		{"gender-neutral form", "Latino voters turned out. Latino groups and one Latinx group endorsed him."},
		{"verbs from names", "Critics said the reforms would Americanize the schools. Americans disagreed. America voted."},
		// transliterations and spellings known to be one name: info at most
		{"old name explained", "The virus was found in 1976 in the country then called Zaire. Congo has had outbreaks since; Congo's ministry said so."},
		{"old name explained after it", "The first outbreak was in Zaire, now Congo. Congo's ministry said Congo was ready."},
		{"old name explained in a clause", "The virus was found in Zaire in what is now Congo. Congo has had outbreaks since."},
		{"alias alone", "Gunmen attacked the mayor's office. Residents still call the city Alma-Ata, Tokayev said."},
		// not names
		{"sentence-initial common words", "Police said Polish citizens were held. Later, Latvia protested. Talks were held in Tallinn."},
		{"title-case headline", "Putin Says Sanctions Were A Well Planned Attack\n\nPutin spoke on Monday about the sanctions."},
		{"all capitals", "NATO and NASA signed. The NATA report and NASA data agreed with NATO."},
		{"lower-case word", "The brown dog ran. Browne said Brown was late, and brown paint dried."},
		{"handles and hashtags", "Follow @SpringfieldPD and #Springfield news. Springfield police said so."},
		{"quoted on purpose", "Senator Dick Durbin spoke. A caller shouted: \"You, Dicky Durban [sic], are a fraud.\" Durbin ignored it."},
		{"short names", "Mali and Bali differ. Iran and Oman talked. Chad met Chan."},
		{"empty", ""},
		{"no names", "it was a quiet day and nothing happened at all."},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			fs := nameFindingsOf(c.text)
			checkSpans(t, c.text, fs)
			for _, f := range fs {
				t.Errorf("unexpected %s %s %q: %s", f.Severity, f.Category, f.Text, f.Message)
			}
		})
	}
}

func TestNamesSampleArticle(t *testing.T) {
	data, err := os.ReadFile("../../shared/examples/kazakhstan-riots-2022.txt")
	if err != nil {
		t.Skip("shared examples not present")
	}
	text := string(data)
	found := false
	for _, f := range nameFindingsOf(text) {
		switch {
		case f.Text == "Kazakstnan" && f.Severity == SeverityWarning && f.Suggestion == "Kazakhstan" && len(f.Related) > 0 && f.Related[0].Text == "Kazakhstan":
			found = true
		case f.Text == "Alma-Ata" && f.Severity == SeverityInfo:
		default:
			t.Errorf("unexpected %s %q: %s", f.Severity, f.Text, f.Message)
		}
	}
	if !found {
		t.Error("Kazakstnan not reported as a misspelling of Kazakhstan")
	}
}

func TestNameDistance(t *testing.T) {
	cases := []struct {
		a, b string
		want int
	}{
		{"kazakstnan", "kazakhstan", 2},
		{"zelenksy", "zelensky", 1},
		{"merkle", "merkel", 1},
		{"rute", "rutte", 1},
		{"gdańks", "gdańsk", 1},
		{"tokaev", "tokayev", 1},
		{"abc", "abc", 0},
		{"ab", "ba", 1},
		{"abcd", "badc", 3},   // two transpositions: plain Levenshtein
		{"abcde", "abdce", 1}, // one transposition is one edit
	}
	for _, c := range cases {
		if got := nameDistance(c.a, c.b); got != c.want {
			t.Errorf("nameDistance(%q, %q) = %d, want %d", c.a, c.b, got, c.want)
		}
	}
}

func TestMoreEditsThan(t *testing.T) {
	sp := func(key string) *spelling {
		s := &spelling{key: key, rs: []rune(key)}
		for _, r := range s.rs {
			s.letters |= letterBit(r)
		}
		return s
	}
	cases := []struct {
		a, b string
		k    int
		want bool
	}{
		{"zelenksy", "zelensky", 0, false}, // a transposition: the same runes
		{"kazakstnan", "kazakhstan", 0, true},
		{"kazakstnan", "kazakhstan", 1, false}, // "h" is missing: at least one edit
		{"smith", "smyth", 0, true},
		{"smith", "smyth", 1, false}, // "i" for "y": one edit each way
		{"abcd", "efgh", 3, true},
		{"abcd", "efgh", 4, false},
		{"abcd", "abcdefg", 2, true}, // three runes added
		{"abcd", "abcdefg", 3, false},
		{"aaaa", "a", 0, false},      // only sets of runes count: no proof
		{"kazan", "kázán", 1, false}, // 'á' shares the bit of 'a' (225 = 97 + 128)
		{"erdogan", "erdoğan", 0, true},
		{"erdogan", "erdoğan", 1, false},
	}
	for _, c := range cases {
		if got := moreEditsThan(sp(c.a), sp(c.b), c.k); got != c.want {
			t.Errorf("moreEditsThan(%q, %q, %d) = %v, want %v", c.a, c.b, c.k, got, c.want)
		}
	}
	// it never claims more edits than there are
	rng := rand.New(rand.NewSource(5))
	letters := []rune("aábeiklmnorsštuyzğ-")
	word := func() string {
		w := make([]rune, 1+rng.Intn(10))
		for i := range w {
			w[i] = letters[rng.Intn(len(letters))]
		}
		return string(w)
	}
	for i := 0; i < 20000; i++ {
		a, b := word(), word()
		if i%2 == 0 { // b: a with an edit or two
			rs := []rune(a)
			for e := 1 + rng.Intn(2); e > 0; e-- {
				k := rng.Intn(len(rs))
				switch r := letters[rng.Intn(len(letters))]; rng.Intn(3) {
				case 0:
					rs = append(rs[:k:k], append([]rune{r}, rs[k:]...)...)
				case 1:
					if len(rs) > 1 {
						rs = append(rs[:k:k], rs[k+1:]...)
					}
				default:
					rs[k] = r
				}
			}
			b = string(rs)
		}
		d := nameDistance(a, b)
		for k := 0; k < 6; k++ {
			if moreEditsThan(sp(a), sp(b), k) && d <= k {
				t.Fatalf("moreEditsThan(%q, %q, %d), but nameDistance is %d", a, b, k, d)
			}
		}
	}
}

// TestDerivedWithStems checks the stems of the one-word spellings, taken
// from their tokens, and that derivedForm answers the same with them.
func TestDerivedWithStems(t *testing.T) {
	text := "Russia and Russian, Ukraine, Ukrainian, Ukrainians. Smith met Smiths and Smyth. " +
		"Kazakh, Kazakhstan, Kazakstan. Antonio, Antonia, Ivanov, Ivanova, Merkel, Merkle. " +
		"Democrats, Democratic, Kassym-Zhomart, Kassym-Zhomat, Erdoğan, Erdogan, Generalization."
	d := &Document{Text: text}
	d.Tokens, d.Sentences = segment(text, NewStemmer())
	gz, err := BuiltinGazetteer()
	if err != nil {
		t.Fatal(err)
	}
	x := indexNames(d, gz)
	withStem, pairs := 0, 0
	for i := range x.spellings {
		a := &x.spellings[i]
		if (a.word > 0 && a.stem != stemWord(a.key)) || (a.word == 0 && a.stem != "") {
			t.Errorf("%q: stem %q, want stemWord's %q", a.key, a.stem, stemWord(a.key))
		}
		if a.stem != "" {
			withStem++
		}
		for j := range x.spellings {
			b := &x.spellings[j]
			got, want := derivedForm(a.key, b.key, a.stem, b.stem), derivedForm(a.key, b.key, "", "")
			if got != want {
				t.Errorf("derivedForm(%q, %q) with stems %q, %q = %v, without: %v", a.key, b.key, a.stem, b.stem, got, want)
			}
			if want && a.stem != "" && b.stem != "" && i != j {
				pairs++
			}
		}
	}
	if withStem < 20 || pairs < 10 {
		t.Errorf("%d spellings with stems, %d derived pairs of them: want more", withStem, pairs)
	}
}

func TestPairMessage(t *testing.T) {
	cases := []struct {
		text            string
		n               int
		relation, other string
		m               int
		tail, want      string
	}{
		{"Kazakstnan", 1, "looks like a misspelling of", "Kazakhstan", 20, ", 2 edits apart",
			"'Kazakstnan' (1×) looks like a misspelling of 'Kazakhstan' (20×), 2 edits apart"},
		{"Kiev", 3, "is another name for", "Kyiv", 12, "; keep one name", "'Kiev' (3×) is another name for 'Kyiv' (12×); keep one name"},
		{"", 0, "", "", 0, "", "'' (0×)  '' (0×)"},
	}
	for _, c := range cases {
		if got := pairMessage(c.text, c.n, c.relation, c.other, c.m, c.tail); got != c.want {
			t.Errorf("pairMessage(%q, %d, %q, %q, %d, %q) = %q, want %q", c.text, c.n, c.relation, c.other, c.m, c.tail, got, c.want)
		}
	}
}

func TestDerivedForm(t *testing.T) {
	cases := []struct {
		a, b string
		want bool
	}{
		{"russia", "russian", true},
		{"kazakh", "kazakhstan", true},
		{"ukraine", "ukrainian", true},
		{"democrats", "democratic", true},
		{"smith", "smiths", true},
		{"counter-jihad", "countering-jihad", true},
		{"antonio", "antonia", true},
		{"ivanov", "ivanova", true},
		{"muslim", "muslima", true},
		{"latino", "latinx", true},
		{"pakistn", "pakistan", false},
		{"zelensky", "zelenskyy", false},
		{"kazakstnan", "kazakhstan", false},
		{"tokaev", "tokayev", false},
		{"merkle", "merkel", false},
		{"rute", "rutte", false},
		{"gdańks", "gdańsk", false},
		{"", "", true},
	}
	for _, c := range cases {
		if got := derivedForm(c.a, c.b, "", ""); got != c.want {
			t.Errorf("derivedForm(%q, %q) = %v, want %v", c.a, c.b, got, c.want)
		}
	}
}

func TestPetForm(t *testing.T) {
	cases := []struct {
		a, b string
		want bool
	}{
		{"dicky", "dick", true},
		{"tommy", "tom", true},
		{"jackie", "jack", true},
		{"bobby", "bob", true},
		{"zelenskyy", "zelensky", false}, // a doubled final y is a slip
		{"dick", "dicky", false},
		{"tomas", "tom", false},
		{"y", "", false},
	}
	for _, c := range cases {
		if got := petForm(c.a, c.b); got != c.want {
			t.Errorf("petForm(%q, %q) = %v, want %v", c.a, c.b, got, c.want)
		}
	}
}

func TestSubstitutionsOnly(t *testing.T) {
	cases := []struct {
		a, b string
		want bool
	}{
		{"mccarrick", "mccormick", true},
		{"phillipines", "philippines", false}, // a letter moved
		{"merkle", "merkel", false},           // distance 1 (transposition)
		{"harlan", "harlen", false},           // one replaced letter
		{"zuckerburg", "zuckerberg", false},
	}
	for _, c := range cases {
		if got := substitutionsOnly([]rune(c.a), []rune(c.b), nameDistance(c.a, c.b)); got != c.want {
			t.Errorf("substitutionsOnly(%q, %q) = %v, want %v", c.a, c.b, got, c.want)
		}
	}
}

func TestNameThreshold(t *testing.T) {
	for _, c := range []struct{ runes, want int }{{3, 0}, {4, 0}, {5, 1}, {8, 1}, {9, 2}, {12, 2}, {13, 3}, {40, 3}} {
		if got := nameThreshold(c.runes); got != c.want {
			t.Errorf("nameThreshold(%d) = %d, want %d", c.runes, got, c.want)
		}
	}
}

func TestBuiltinGazetteer(t *testing.T) {
	g, err := BuiltinGazetteer()
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name string
		want GazetteerKind
	}{
		{"Iraq", GazPlace}, {"iran", GazPlace}, {"Kazakh", GazPlace}, {"Alma-Ata", GazAlias}, {"Kiev", GazAlias},
		{"Smyth", GazPerson}, {"President", GazTitle}, {"However", GazCommon}, {"Sri Lanka", GazPlace}, {"Müller", GazPerson}, {"Muller", GazPerson},
	} {
		found := false
		for _, k := range g.Kinds(c.name) {
			found = found || k == c.want
		}
		if !found {
			t.Errorf("Kinds(%q) = %v, want %v among them", c.name, g.Kinds(c.name), c.want)
		}
	}
	if ks := g.Kinds("Kazakstnan"); len(ks) != 0 {
		t.Errorf("Kinds(Kazakstnan) = %v, want none", ks)
	}
	if r := related(g.lookup("russia"), g.lookup("russian")); r != GazPlace {
		t.Errorf("Russia/Russian related %v, want place", r)
	}
	if r := related(g.lookup("kiev"), g.lookup("kyiv")); r != GazAlias {
		t.Errorf("Kiev/Kyiv related %v, want alias", r)
	}
	if r := related(g.lookup("iran"), g.lookup("iraq")); r != 0 {
		t.Errorf("Iran/Iraq related %v, want none", r)
	}
}

func TestParseGazetteerErrors(t *testing.T) {
	cases := []struct{ data, want string }{
		{"place\tA|B\textra\n", "g.tsv:1: want 2 tab-separated fields"},
		{"# c\n\ncity\tParis\n", "g.tsv:3: kind \"city\""},
		{"place\tParis|\n", "g.tsv:1: empty name"},
		{"place\tPar1s\n", "g.tsv:1: name \"Par1s\" has '1'"},
		{"place\t-Paris\n", "does not start with a letter"},
		{"alias\tKyiv|kyiv\n", "twice in one line"},
		{"person\tSmith\nperson\tJones|SMITH\n", "g.tsv:2: name \"SMITH\" is already listed on line 1"},
		{"place\t" + strings.Repeat("a", 65) + "\n", "at most 64"},
		{"place\tA B C D E F\n", "more than 5 words"},
		{"alias\tKyiv|Kiev\nalias\tOdesa|Odessa\nalias\tKIEV|Kyjiw\n", "g.tsv:3: alias \"KIEV\" is already listed on line 1"},
		// whole messages
		{"place\t" + strings.Repeat("a", 65) + "\n", "g.tsv:1: name \"" + strings.Repeat("a", 65) + "\" is 65 bytes; at most 64"},
		{"place\tA  B\n", "g.tsv:1: name \"A  B\" has two spaces in a row"},
		{"place\tA B C D E F\n", "g.tsv:1: name \"A B C D E F\" has more than 5 words"},
		{"place\t-Paris\n", "g.tsv:1: name \"-Paris\" does not start with a letter"},
		{"place\tPar1s\n", "g.tsv:1: name \"Par1s\" has '1'; names hold letters, spaces, hyphens, apostrophes and periods"},
	}
	for _, c := range cases {
		_, err := ParseGazetteer("g.tsv", c.data)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("ParseGazetteer(%q) = %v, want error containing %q", c.data, err, c.want)
		}
	}
	// a name may be in several kinds, and in several place lines
	if _, err := ParseGazetteer("g.tsv", "person\tSmith\ncommon\tSmith\ntitle\tSmith\nalias\tSmith|Smyth\nplace\tSmith\nplace\tSmyth|Smith\n"); err != nil {
		t.Errorf("a name in several kinds: %v", err)
	}
	g, err := ParseGazetteer("g.tsv", "# only comments\n\nplace\tRussia|Russian\r\nperson\tSmith|Smyth\n")
	if err != nil || len(g.Kinds("russian")) != 1 || len(g.Kinds("Smyth")) != 1 {
		t.Errorf("valid gazetteer: %v", err)
	}
}

// TestNamesDeterministic runs one text many times: the report must not
// depend on map order.
func TestNamesDeterministic(t *testing.T) {
	text := "Kazakhstan, Kazakhstan and Kazakstan. Tokayev, Tokayev, Tokaev. Kyiv, Kyiv, Kiev. Merkel, Merkel, Merkle. Erdoğan, Erdogan."
	first := nameFindingsOf(text)
	for i := 0; i < 30; i++ {
		got := nameFindingsOf(text)
		if len(got) != len(first) {
			t.Fatalf("run %d: %d findings, want %d", i, len(got), len(first))
		}
		for k := range got {
			if got[k].Start != first[k].Start || got[k].Message != first[k].Message {
				t.Fatalf("run %d: finding %d differs: %+v vs %+v", i, k, got[k], first[k])
			}
		}
	}
}

// TestNamesBuffersKept runs texts of different sizes one after the other
// through Analyze, which keeps the name check's buffers with its shared
// Stemmer: the findings must be those of a document that keeps none.
func TestNamesBuffersKept(t *testing.T) {
	texts := []string{
		namesBenchText(200 << 10),
		"Kazakhstan, Kazakhstan and Kazakstan. Tokayev, Tokayev, Tokaev. Merkel, Merkel, Merkle. Erdoğan, Erdogan.",
		namesBenchText(30 << 10),
		"Mr. Smith and Mr. Smyth met Zelensky, Zelensky, Zelenksy in Kyiv (Kiev).",
		namesBenchText(200 << 10),
	}
	for round := 0; round < 2; round++ {
		for i, text := range texts {
			d := &Document{Text: text}
			d.Tokens, d.Sentences = segment(text, NewStemmer())
			var want Report
			checkNames(d, &want)
			sortFindings(want.Findings)
			got := nameFindingsOf(text)
			if len(got) != len(want.Findings) {
				t.Fatalf("round %d, text %d: %d findings, want %d", round, i, len(got), len(want.Findings))
			}
			for k := range got {
				if g, w := got[k], want.Findings[k]; g.Start != w.Start || g.End != w.End || g.Message != w.Message {
					t.Fatalf("round %d, text %d: finding %d is %+v, want %+v", round, i, k, g, w)
				}
			}
			if round == 0 && i == 0 && len(got) < 50 {
				t.Fatalf("only %d findings in the large text: too few to compare", len(got))
			}
		}
	}
}

func FuzzNames(f *testing.F) {
	for _, s := range []string{
		"Kazakhstan, Kazakhstan, Kazakstnan.", "Tokayev's and Tokaev’s", "Kassym-Zhomart Kassym-Zhomrat",
		"Zelenskyy Zelenskyj Зеленский Зеленскй", "Mr. Smith and Mr. Smyth", "Sri Lanka Ceylon Kyiv Kiev then-Zaire Congo",
		"@Handle #Tag A-B-C- -X 'S 's ’s", "\xff\xfeKazakh\xffstan Kazakhstan", "Erdoğan Erdogan Ǆemal ǅemal",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		rep := Analyze(text, Options{Kinds: []string{KindName}})
		if rep.Error != "" {
			t.Fatalf("error: %s", rep.Error)
		}
		checkSpans(t, text, rep.Findings)
		for _, fd := range rep.Findings {
			if !utf8.ValidString(fd.Text) && utf8.ValidString(text) {
				t.Fatalf("span splits a rune: %q", fd.Text)
			}
		}
	})
}

func FuzzParseGazetteer(f *testing.F) {
	f.Add("place\tRussia|Russian\n")
	f.Add("alias\tKyiv|Kiev\nperson\tSmith\n")
	f.Add("x\ty\tz")
	f.Fuzz(func(t *testing.T, data string) {
		g, err := ParseGazetteer("fuzz", data)
		if err == nil && g == nil {
			t.Fatal("nil gazetteer without error")
		}
	})
}

// namesBenchText builds about size bytes of news-like text with many
// distinct names, a few of them misspelt.
func namesBenchText(size int) string {
	rng := rand.New(rand.NewSource(7))
	syll := []string{"ka", "za", "mi", "ro", "ten", "vo", "lu", "sha", "rin", "dor", "bek", "ov", "an", "el", "is", "tu"}
	names := make([]string, 3000)
	for i := range names {
		var b strings.Builder
		for n := 2 + rng.Intn(3); n > 0; n-- {
			b.WriteString(syll[rng.Intn(len(syll))])
		}
		s := b.String()
		names[i] = strings.ToUpper(s[:1]) + s[1:]
	}
	filler := []string{"said on Monday that", "met officials from", "and the ministry of", "told reporters in", "was asked about", "will travel to"}
	var b strings.Builder
	for b.Len() < size {
		n := names[rng.Intn(len(names))]
		if rng.Intn(200) == 0 { // a misspelling: two letters swapped
			r := []rune(n)
			if len(r) > 4 {
				r[2], r[3] = r[3], r[2]
			}
			n = string(r)
		}
		b.WriteString("The report says " + n + " " + filler[rng.Intn(len(filler))] + " " + names[rng.Intn(len(names))] + ". ")
	}
	return b.String()
}

func BenchmarkNames1MB(b *testing.B) {
	text := namesBenchText(1 << 20)
	doc := &Document{Text: text}
	doc.Tokens, doc.Sentences = Segment(text)
	NewStemmer().StemTokens(doc.Tokens)
	b.SetBytes(int64(len(text)))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		var r Report
		checkNames(doc, &r)
	}
}

// TestCloseIndexComplete checks the pigeonhole index against comparing
// every pair: each pair of names with one first letter within the name
// threshold must be found.
func TestCloseIndexComplete(t *testing.T) {
	rng := rand.New(rand.NewSource(3))
	letters := []rune("aabeiklmnorsštuyz")
	var words []string
	for len(words) < 400 {
		n := 4 + rng.Intn(12)
		w := make([]rune, n)
		w[0] = 'K'
		for i := 1; i < n; i++ {
			w[i] = letters[rng.Intn(len(letters))]
		}
		words = append(words, string(w))
		// a close variant: one to three random edits or a transposition
		v := append([]rune(nil), w...)
		for e := 1 + rng.Intn(3); e > 0 && len(v) > 2; e-- {
			i := 1 + rng.Intn(len(v)-2)
			switch rng.Intn(4) {
			case 0:
				v = append(v[:i], v[i+1:]...)
			case 1:
				v = append(v[:i], append([]rune{letters[rng.Intn(len(letters))]}, v[i:]...)...)
			case 2:
				v[i] = letters[rng.Intn(len(letters))]
			case 3:
				v[i], v[i+1] = v[i+1], v[i]
			}
		}
		words = append(words, string(v))
	}
	text := strings.Join(words, " said that ") + "."
	d := &Document{Text: text}
	d.Tokens, d.Sentences = Segment(text)
	gz, err := BuiltinGazetteer()
	if err != nil {
		t.Fatal(err)
	}
	x := indexNames(d, gz)
	ix := x.closeIndex()
	pairs := 0
	for vi := range x.spellings {
		v := &x.spellings[vi]
		found := map[int32]bool{}
		ix.candidates(v, func(di int32) { found[di] = true })
		for di := range x.spellings {
			dom := &x.spellings[di]
			if di == vi || !x.isName(dom) || dom.runes < minVariantRunes || dom.first != v.first {
				continue
			}
			thr := nameThreshold(max(dom.runes, v.runes))
			if thr == 0 || abs(dom.runes-v.runes) > thr || nameDistance(v.key, dom.key) > thr {
				continue
			}
			pairs++
			if !found[int32(di)] {
				t.Errorf("%q: close spelling %q not found", v.key, dom.key)
			}
		}
	}
	t.Logf("%d close pairs", pairs)
	if pairs < 100 {
		t.Errorf("only %d close pairs: the test data is too far apart", pairs)
	}
}

// BenchmarkNamesDistinct1MB is the worst case for the clustering: about
// 1 MB of text in which nearly every capitalised word is a different name.
func BenchmarkNamesDistinct1MB(b *testing.B) {
	rng := rand.New(rand.NewSource(1))
	var sb strings.Builder
	w := make([]byte, 0, 16)
	for sb.Len() < 1<<20 {
		w = append(w[:0], byte('A'+rng.Intn(26)))
		for n := 3 + rng.Intn(9); n > 0; n-- {
			w = append(w, byte('a'+rng.Intn(26)))
		}
		sb.WriteString("the ")
		sb.Write(w)
		sb.WriteString(" said. ")
	}
	text := sb.String()
	doc := &Document{Text: text}
	doc.Tokens, doc.Sentences = Segment(text)
	b.SetBytes(int64(len(text)))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		var r Report
		checkNames(doc, &r)
	}
}

func TestNamesCommonWordsNearNames(t *testing.T) {
	for _, text := range []string{
		"Hungry families queued for bread in Hungary. Hungary's government promised aid.",
		"Charges were filed on Monday. Charles Dickens was not among the accused; Charles was long dead.",
		"Finish lines were painted. Finnish runners from Finland won.",
		"Events in Moscow moved fast. Chris Evens, a reporter, saw them.",
	} {
		for _, f := range nameFindingsOf(text) {
			t.Errorf("%q: unexpected %s %q: %s", text, f.Severity, f.Text, f.Message)
		}
	}
}

// headlineByCount is isHeadline without its early exit: the reference.
func headlineByCount(d *Document, s int) bool {
	sent := d.Sentences[s]
	long, caps := 0, 0
	for k := sent.FirstToken; k < sent.EndToken; k++ {
		t := &d.Tokens[k]
		if t.Kind != Word || t.End-t.Start < 4 {
			continue
		}
		if k > sent.FirstToken && d.Tokens[k-1].Lower == "-" && d.Tokens[k-1].Start == t.Start-1 {
			continue
		}
		long++
		if r, _ := utf8.DecodeRuneInString(d.Text[t.Start:]); unicode.IsUpper(r) {
			caps++
		}
	}
	return long >= 3 && caps*5 >= long*4
}

func TestIsHeadline(t *testing.T) {
	for _, c := range []struct {
		text string
		want bool
	}{
		{"Putin Says Sanctions Were A Well Planned Attack", true},
		{"Putin spoke on Monday about the sanctions.", false},
		{"Riots Spread", false},                                      // two long words
		{"Riots Spread Across Three Cities", true},                   // all five
		{"Riots Spread Across Three cities", true},                   // four in five
		{"Riots Spread Across three cities", false},                  // three in five
		{"rioters Spread Across Three Cities Over Many Weeks", true}, // the first lower-case
		{"Riots Spread Across Three Cities Over many weeks", false},  // the last two lower-case
		{"Kassym-Jomart Tokayev Visits Almaty", true},                // hyphenated parts count once
		{"Kassym-jomart Tokayev Visits Almaty", true},
		{"Élections Générales Décidées Demain", true}, // non-ASCII capitals
		{"élections générales décidées Demain", false},
		{"War: A Tale of Deep Sorrow", true}, // short words do not count
		{"", false},
	} {
		d := &Document{Text: c.text}
		d.Tokens, d.Sentences = Segment(c.text)
		got := len(d.Sentences) > 0 && isHeadline(d, 0)
		if got != c.want {
			t.Errorf("isHeadline(%q) = %v, want %v", c.text, got, c.want)
		}
	}
	// out of range
	d := &Document{Text: "Riots Spread Across Three Cities"}
	d.Tokens, d.Sentences = Segment(d.Text)
	if isHeadline(d, -1) || isHeadline(d, 1) {
		t.Error("isHeadline out of range: want false")
	}
	// the early exit never changes the answer: random mixes of capitalised,
	// lower-case, short and hyphenated words, and punctuation
	rng := rand.New(rand.NewSource(7))
	parts := []string{"Word", "word", "Long", "long", "of", "A", "-", ",", "Éclat", "éclat", "Mid-Term", "mid-Term"}
	var sb strings.Builder
	for n := 0; n < 3000; n++ {
		for k := 1 + rng.Intn(12); k > 0; k-- {
			sb.WriteString(parts[rng.Intn(len(parts))])
			sb.WriteByte(' ')
		}
		sb.WriteString("\n\n")
	}
	d = &Document{Text: sb.String()}
	d.Tokens, d.Sentences = Segment(d.Text)
	yes := 0
	for s := range d.Sentences {
		want := headlineByCount(d, s)
		if got := isHeadline(d, s); got != want {
			t.Fatalf("isHeadline(%q) = %v, want %v", d.Text[d.Sentences[s].Start:d.Sentences[s].End], got, want)
		}
		if want {
			yes++
		}
	}
	if yes < 100 || yes > len(d.Sentences)-100 {
		t.Errorf("%d headlines of %d sentences: the test data is too uniform", yes, len(d.Sentences))
	}
}

// TestAliasHeads checks the first words that let reportAliases skip the
// look-up of a phrase: every alias of several words is found through the
// folded first word of a phrase, with or without its diacritics.
func TestAliasHeads(t *testing.T) {
	g, err := ParseGazetteer("g.tsv", "alias\tSão Tomé City|Ana Chaves Town|Tomé\nalias\tSão Paulo|Paulista\nplace\tNew York City|New York\nalias\tKyiv|Kiev\n")
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]uint8{"sao": 3, "ana": 3}
	if len(g.aliasHeads) != len(want) {
		t.Errorf("aliasHeads = %v, want %v", g.aliasHeads, want)
	}
	for k, n := range want {
		if g.aliasHeads[k] != n {
			t.Errorf("aliasHeads[%q] = %d, want %d", k, g.aliasHeads[k], n)
		}
	}
	for _, c := range []struct{ text, variant string }{
		{"Ships reach São Tomé City often. São Tomé City is busy. Ana Chaves Town is the old name.", "Ana Chaves Town"},
		{"Ships reach Sao Tome City often. Sao Tome City is busy. Ana Chaves Town is the old name.", "Ana Chaves Town"},
		{"Rain fell on Paulista. Paulista is wet. São Paulo was dry.", "São Paulo"},
	} {
		d := &Document{Text: c.text}
		d.Tokens, d.Sentences = Segment(c.text)
		var r Report
		indexNames(d, g).reportAliases(&r)
		if len(r.Findings) != 1 || r.Findings[0].Text != c.variant {
			t.Errorf("%q: findings %+v, want one alias %q", c.text, r.Findings, c.variant)
		}
	}
}

// capitalisedByRunes is isCapitalised without its ASCII fast path: the
// reference.
func capitalisedByRunes(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	if !(unicode.IsUpper(r) || unicode.IsTitle(r)) {
		return false
	}
	rs := []rune(s)
	lower := false
	for k, r := range rs {
		lower = lower || unicode.IsLower(r)
		if k > 3 && unicode.IsUpper(r) && unicode.IsLower(rs[k-1]) {
			return false
		}
	}
	return len(rs) >= 2 && lower
}

func TestIsCapitalised(t *testing.T) {
	for _, c := range []struct {
		s    string
		want bool
	}{
		{"Kazakhstan", true},
		{"kazakhstan", false},
		{"McCain", true},
		{"DeSantis", true},
		{"MacDonald", true},
		{"MackDonald", false}, // a capital after a lower-case letter past the third letter
		{"WestervillePD", false},
		{"CSTO", false},
		{"U.S.", false},
		{"I", false},
		{"A", false},
		{"Ab", true},
		{"O'Neill", true},
		{"Erdoğan", true},
		{"ÉCOLE", false},
		{"École", true},
		{"ǅemal", true}, // a title-case letter
		{"Zelenskyy", true},
		{"GmbH", true},
		{"AbcdÉf", false},
		{"AbcÉf", true},
		{"", false},
	} {
		if got := isCapitalised(c.s); got != c.want {
			t.Errorf("isCapitalised(%q) = %v, want %v", c.s, got, c.want)
		}
	}
	rng := rand.New(rand.NewSource(5))
	parts := []string{"a", "b", "A", "B", "'", ".", "é", "É", "ǅ", "1"}
	for n := 0; n < 20000; n++ {
		var sb strings.Builder
		for k := rng.Intn(9); k >= 0; k-- {
			sb.WriteString(parts[rng.Intn(len(parts))])
		}
		if s := sb.String(); isCapitalised(s) != capitalisedByRunes(s) {
			t.Fatalf("isCapitalised(%q) = %v, want %v", s, isCapitalised(s), capitalisedByRunes(s))
		}
	}
}

func TestSicAfter(t *testing.T) {
	for _, c := range []struct {
		text string
		want bool
	}{
		{"Durban [sic] said", true},
		{"Durban (sic) said", true},
		{"Durban, [sic] said", true},
		{"Durban. (sic)", true},
		{"Durban , [sic]", false}, // the comma must touch the name
		{"Durban [sic", false},
		{"Durban [sick]", false},
		{"Durban said", false},
		{"Durban", false},
	} {
		toks, _ := Segment(c.text)
		if got := sicAfter(toks, 1); got != c.want {
			t.Errorf("sicAfter(%q) = %v, want %v", c.text, got, c.want)
		}
	}
}
