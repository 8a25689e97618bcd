package analysis

import (
	"os"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"
)

// hedgingKinds selects the findings of the hedging check.
var hedgingKinds = []string{KindHedge, KindBooster, KindAttribution}

// hedgingFindings runs Analyze with the built-in lexicon and returns the
// hedging findings as "kind/category text".
func hedgingFindings(t testing.TB, text string) []string {
	t.Helper()
	rep := Analyze(text, Options{Kinds: hedgingKinds})
	if rep.Error != "" {
		t.Fatalf("Analyze(%q): %s", text, rep.Error)
	}
	var out []string
	for _, f := range rep.Findings {
		out = append(out, f.Kind+"/"+f.Category+" "+f.Text)
	}
	return out
}

// TestHedgingPatterns checks each kind of pattern of the hedging check on
// a text of its own.
func TestHedgingPatterns(t *testing.T) {
	tests := []struct {
		name, text string
		want       []string
	}{
		// hedges
		{"adverb", "Perhaps the talks failed.", []string{"hedge/hedge Perhaps"}},
		{"adverb between commas", "This is, perhaps, the best plan.", []string{"hedge/hedge perhaps"}},
		{"reportedly", "The leader reportedly fled the country.", []string{"hedge/hedge reportedly"}},
		{"allegedly", "He allegedly took bribes.", []string{"hedge/hedge allegedly"}},
		{"apparently", "The fire apparently started in the kitchen.", []string{"hedge/hedge apparently"}},
		{"seems", "The ceasefire seems to hold.", []string{"hedge/hedge seems"}},
		{"appears to", "The bridge appears to be damaged.", []string{"hedge/hedge appears to"}},
		{"it is likely that", "It is likely that prices rise.", []string{"hedge/hedge It is likely that"}},
		{"a possible", "Police found a possible motive.", []string{"hedge/hedge a possible"}},
		{"modal may", "The strike may spread to other plants.", []string{"hedge/modal may"}},
		{"modal might", "Prices might fall next year.", []string{"hedge/modal might"}},
		{"modal could", "The decision could lead to protests.", []string{"hedge/modal could lead"}},
		{"modal could soon", "The conflict could soon spread.", []string{"hedge/modal could soon"}},
		{"could undermine", "The leak could undermine the talks.", []string{"hedge/modal could undermine"}},
		{"modal may with you be", "You may be right about that.", []string{"hedge/modal may"}},
		{"may in a title-case headline", "Governor May Use Army Against Gangs", []string{"hedge/modal May"}},
		{"may after a court", "The court may rule on Friday.", []string{"hedge/modal may"}},
		{"belief of a named holder", "Smith believes the vote was rigged.", []string{"hedge/belief believes"}},
		{"modal passive opinion", "The remark would be considered rude.", []string{"hedge/belief considered"}},
		{"self-description", "They consider themselves a nation.", []string{"hedge/belief consider themselves"}},
		{"unverified", "It remains unclear who fired first.", []string{"hedge/unverified unclear"}},
		{"no evidence", "There is no evidence of fraud.", []string{"hedge/unverified no evidence"}},
		{"allegation", "The alleged attack took place at night.", []string{"hedge/allegation alleged"}},
		{"supposed to have", "He is supposed to have fled.", []string{"hedge/allegation supposed"}},
		{"as if", "The crowds gathered as if by one single signal.", []string{"hedge/unsupported-analogy as if"}},
		{"similarly to how", "Similarly to how it happened before, the riots spread.", []string{"hedge/unsupported-analogy Similarly to how"}},
		// vague quantities and scare labels
		{"hundreds of", "Hundreds of people were detained.", []string{"hedge/vague-quantity Hundreds"}},
		{"it goes about", "It goes about thousands of victims.", []string{"hedge/vague-quantity goes about thousands"}},
		{"a number of", "A number of shops were looted.", []string{"hedge/vague-quantity A number of"}},
		{"many", "Many shops were looted.", []string{"hedge/vague-quantity Many"}},
		{"dozens", "Dozens were injured.", []string{"hedge/vague-quantity Dozens"}},
		{"so-called", "The so-called reforms failed.", []string{"hedge/scare-label so-called"}},
		{"so called without hyphen", "The so called reforms failed.", []string{"hedge/scare-label so called"}},
		// boosters
		{"clearly shown", "The events have clearly shown the danger.", []string{"booster/booster clearly shown"}},
		{"clearly", "Clearly, the plan failed.", []string{"booster/booster Clearly"}},
		{"undoubtedly", "This is undoubtedly a crime.", []string{"booster/booster undoubtedly"}},
		{"obviously", "The plan obviously failed.", []string{"booster/booster obviously"}},
		{"there is no doubt", "There is no doubt that he lied.", []string{"booster/booster There is no doubt"}},
		{"it is clear that", "It is clear that the vote was fair.", []string{"booster/booster It is clear that"}},
		// anonymous and passive attributions
		{"according to unconfirmed reports", "According to unconfirmed reports, five people died.", []string{"attribution/anonymous According to unconfirmed reports"}},
		{"it was reported", "Earlier it was reported that five people died.", []string{"attribution/passive it was reported"}},
		{"it was announced", "It was announced that the border would close.", []string{"attribution/passive It was announced"}},
		{"were reported", "Five deaths were reported in the city.", []string{"attribution/passive were reported"}},
		{"tens of thousands", "Tens of thousands of people marched.", []string{"hedge/vague-quantity Tens of thousands"}},
		{"it has been claimed", "It has been claimed that the vote was rigged.", []string{"attribution/passive It has been claimed"}},
		{"it is hypothesised", "It is hypothesised that the pilot was locked out.", []string{"attribution/passive It is hypothesised"}},
		{"it is alleged", "It is alleged that he paid.", []string{"attribution/passive It is alleged"}},
		{"X is said to", "The leader is said to be ill.", []string{"attribution/passive is said to"}},
		{"X are believed to", "The rebels are believed to hold the town.", []string{"attribution/passive are believed to"}},
		{"it is believed", "It is believed that he fled.", []string{"attribution/passive It is believed"}},
		{"widely believed", "He is widely believed to have fled.", []string{"attribution/passive is widely believed"}},
		{"sources say", "Sources say the deal is done.", []string{"attribution/anonymous Sources say"}},
		{"experts believe", "Experts believe the dam will hold.", []string{"attribution/anonymous Experts believe"}},
		{"some people say", "Some people say the vote was rigged.", []string{"attribution/anonymous Some people say"}},
		{"officials said", "Officials said the border was closed.", []string{"attribution/anonymous Officials said"}},
		{"a senior diplomat told", "A senior diplomat told reporters the talks failed.", []string{"attribution/anonymous A senior diplomat told"}},
		{"people familiar with", "People familiar with the matter said talks stalled.", []string{"attribution/anonymous People familiar with the matter said"}},
		{"present tense: observers note", "Observers note that turnout was low.", []string{"attribution/anonymous Observers note"}},
		{"present tense: critics argue", "Critics argue the law is unfair.", []string{"attribution/anonymous Critics argue"}},
		{"it was revealed", "It was revealed that the minister had resigned.", []string{"attribution/passive It was revealed"}},
		{"there were reports", "There were reports of shooting.", []string{"attribution/anonymous There were reports"}},
		{"passive by a named source is named", "It was reported by Reuters that the talks failed.", []string{"attribution/named It was reported by Reuters"}},
		{"passive verb by a named source", "The deal was announced by the ministry.", []string{"attribution/named was announced by the ministry"}},
		{"passive by an unnamed source", "It was reported by local media that the talks failed.", []string{"attribution/passive It was reported"}},
		// named attributions
		{"according to a name", "According to Putin, the unrest was planned.", []string{"attribution/named According to Putin"}},
		{"the ministry said", "The ministry said five people died.", []string{"attribution/named The ministry said"}},
		{"an institution said", "The bank said in a statement that rates rose.", []string{"attribution/named The bank said"}},
		{"name said", "Tokayev said the order was restored.", []string{"attribution/named Tokayev said"}},
		{"said after the quote", "“We will win,” said the minister.", []string{"attribution/named said the minister"}},
		{"according to: span stops after the name", "According to Campbell Russia provided the fuel.", []string{"attribution/named According to Campbell Russia"}},
		{"according to a title and a name", "According to the President of Russia Vladimir Putin the plan failed.", []string{"attribution/named According to the President of Russia Vladimir Putin"}},
		{"according to an unnamed diplomat", "According to a Western diplomat the plan failed.", []string{"attribution/anonymous According to a Western diplomat"}},
		{"a report said", "A report said the dam was weak.", []string{"attribution/anonymous A report said"}},
		{"the nearest word is the subject", "He thanked everyone who, she said, worked hard.", []string{"attribution/named she said"}},
		{"he's said (has said)", "He's said it again.", []string{"attribution/named He's said"}},
		{"it's said (is said)", "It's said that he fled.", []string{"attribution/passive It's said"}},
		{"present tense, named", "Smith writes that the plan failed.", []string{"attribution/named Smith writes"}},
		{"a report by a named body", "A report by the Senate has revealed the deal.", []string{"attribution/named A report by the Senate has revealed"}},
		{"pronoun refers back", "He said the order was restored.", []string{"attribution/named He said"}},
		{"spokesman with a name", "Spokesman Dmitry Peskov said the talks went well.", []string{"attribution/named Spokesman Dmitry Peskov said"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := hedgingFindings(t, tc.text); !reflect.DeepEqual(got, tc.want) {
				t.Errorf("%q\n got %q\nwant %q", tc.text, got, tc.want)
			}
		})
	}
}

// TestHedgingFalseAlarms lists words and senses that look like hedges but
// are not: each text must give no hedging finding at all.
func TestHedgingFalseAlarms(t *testing.T) {
	tests := []struct{ name, text string }{
		{"will can that also", "The bridge will open in June. Cars can cross it. Officials hope that it also helps trade."},
		{"month May after a preposition", "The talks began in May."},
		{"month May with a day", "On May 5 the talks began."},
		{"month May before a year", "The talks began 20 May 2022."},
		{"month May opening a sentence", "May was the wettest month."},
		{"May as a name", "The minister met Theresa May in London."},
		{"may in a quoted law", "The law reads: “The president may dissolve parliament.”"},
		{"may under a law", "Under the constitution, the president may dissolve parliament."},
		{"may granted by a law", "The statute allows that a judge may refuse bail."},
		{"may citing an article", "Under Article 5 the minister may issue decrees."},
		{"may under rules", "Under the new rules, banks may lend more."},
		{"may with shall", "The tenant may leave and shall give notice."},
		{"permission: you may", "You may check the figures on the website."},
		{"question: May I", "May I ask a question?"},
		{"wish: May God", "May God bless you."},
		{"May as a surname in a list", "Prime Minister Theresa May, President Macron and Chancellor Merkel met."},
		{"wish after a comma", "They lost, may Allah help them."},
		{"would like", "He would like to stay."},
		{"an aside: I might add", "These, I might add, are not new."},
		{"supposed to (obligation)", "They are supposed to help their neighbours."},
		{"naming option", "The dish may also be called a pie."},
		{"military might", "Russia showed its military might."},
		{"all his might", "He pushed with all his might."},
		{"believe in", "Voters believe in the party."},
		{"school of thought", "A school of thought holds this."},
		{"think tank", "A think tank published the study."},
		{"as soon as possible", "The road will reopen as soon as possible."},
		{"if possible", "He wants to leave, if possible, tonight."},
		{"clearly visible", "The smoke was clearly visible."},
		{"clearly as manner", "The minister clearly stated the terms."},
		{"could: past ability", "He could not swim, and she could read at four."},
		{"the accused", "The accused denied the charges."},
		{"fears of (noun)", "Fears of a war grew."},
		{"no subject: the doctor said", "The doctor said nothing new."},
		{"negated: did not say", "The minister did not say when."},
		{"an order: told to", "Residents were told to leave."},
		{"a thought (noun)", "A thought occurred to him."},
		{"active consider", "The board considered the plan."},
		{"assumed office", "He assumed office in 2019."},
		{"as the name suggests", "As the name suggests, the lake is salty."},
		{"think-tank", "The plan came from a think-tank in Washington."},
		{"confirmed to a post", "Will the judge be confirmed to the court? He will be confirmed."},
		{"a passive act, not a claim", "The results were announced on Monday and the law was declared void."},
		{"under consideration", "He is being considered for the post."},
		{"told not to", "Residents have been told not to travel."},
		{"subject before a clause word", "Those who know him have said this is typical of Smith."},
		{"critical thinking", "The course teaches critical thinking."},
		{"general report", "The inspector general report was released."},
		{"named report", "The Senate report said the deal was legal. The report said more."},
		{"possessive noun", "Allen's view is supported by the facts."},
		{"to believe", "Officials refused to believe them."},
		{"modal passive act", "The debts will be assumed by the state."},
		{"infinitive passive", "We need to be told the truth."},
		{"passive act without a subject", "Caveats (in italics) were added to the headline."},
		{"notes as a noun", "The notes were lost. His notes were found."},
		{"warn of a storm, no source", "Forecasters warn of a storm."},
		{"idiom: take note", "Drivers should take note that the road is closed."},
		{"idiom: said and done", "When all was said and done, the vote passed."},
		{"how many", "How many people came?"},
		{"as many as", "As many as 300 people came."},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var got []string
			for _, f := range hedgingFindings(t, tc.text) {
				if !strings.HasPrefix(f, "attribution/named ") {
					got = append(got, f)
				}
			}
			if len(got) > 0 {
				t.Errorf("%q: false alarms %q", tc.text, got)
			}
		})
	}
}

// TestHedgingSeverity checks that anonymous sources weigh more than named
// ones, and that a quoted speaker's hedges count less than the author's.
func TestHedgingSeverity(t *testing.T) {
	rep := Analyze("Officials said five died. The ministry said five died. “Perhaps,” he said. Perhaps so.", Options{Kinds: hedgingKinds})
	byText := map[string]Finding{}
	for _, f := range rep.Findings {
		if _, seen := byText[f.Text]; !seen {
			byText[f.Text] = f
		}
	}
	anon, named := byText["Officials said"], byText["The ministry said"]
	if anon.Weight <= named.Weight || anon.Severity != SeverityWarning || named.Severity != SeverityInfo {
		t.Errorf("anonymous %v/%s should outweigh named %v/%s", anon.Weight, anon.Severity, named.Weight, named.Severity)
	}
	if anon.Suggestion == "" || named.Suggestion != "" {
		t.Errorf("suggestions: anonymous %q, named %q", anon.Suggestion, named.Suggestion)
	}
	belief := Analyze("Smith believes the vote was rigged. The timing suggests a plan.", Options{Kinds: hedgingKinds}).Findings
	if len(belief) != 2 || belief[0].Severity != SeverityInfo || belief[1].Severity != SeverityWarning || belief[0].Weight >= belief[1].Weight {
		t.Errorf("a named holder's belief should weigh less than an unattributed one: %+v", belief)
	}
	var quoted, own *Finding
	for i := range rep.Findings {
		if f := &rep.Findings[i]; f.Kind == KindHedge && f.Quoted {
			quoted = f
		} else if f.Kind == KindHedge {
			own = f
		}
	}
	if quoted == nil || own == nil || quoted.Weight >= own.Weight || quoted.Severity != SeverityInfo {
		t.Errorf("quoted hedge %+v should weigh less than the author's %+v", quoted, own)
	}
}

// TestHedgingSummary checks the counts of anonymous and named sources and
// the hedging density in the summary.
func TestHedgingSummary(t *testing.T) {
	tests := []struct {
		text                   string
		anonymous, named, sent int
		perSentence            float64
	}{
		{"The bridge opened in June.", 0, 0, 0, 0},
		{"Sources say it failed. It was reported that five died. Putin said it failed.", 2, 1, 2, 0.67},
		{"Perhaps it failed. It clearly failed, experts believe. According to Tokayev, it worked.", 1, 1, 2, 1},
	}
	for _, tc := range tests {
		rep := Analyze(tc.text, Options{})
		s := rep.Summary
		if s.AnonymousSources != tc.anonymous || s.NamedSources != tc.named || s.HedgedSentences != tc.sent || s.HedgesPerSentence != tc.perSentence {
			t.Errorf("%q: anonymous %d named %d hedged sentences %d per sentence %v; want %d %d %d %v",
				tc.text, s.AnonymousSources, s.NamedSources, s.HedgedSentences, s.HedgesPerSentence,
				tc.anonymous, tc.named, tc.sent, tc.perSentence)
		}
		if (tc.anonymous+tc.sent > 0) != (rep.Scores.Hedging > 0) {
			t.Errorf("%q: hedging score %v", tc.text, rep.Scores.Hedging)
		}
	}
}

// TestHedgesLexicon checks the embedded hedging lexicon: every entry
// compiles (Builtin validates), uses a known category, and says what to do
// instead.
func TestHedgesLexicon(t *testing.T) {
	entries, err := ParseTSV("hedges.tsv", hedgesTSV)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := NewLexicon(entries); err != nil {
		t.Fatal(err)
	}
	known := map[string]bool{
		"hedge/hedge": true, "hedge/modal": true, "hedge/belief": true, "hedge/belief-verb": true,
		"hedge/prediction": true, "hedge/unverified": true, "hedge/allegation": true, "hedge/vague-quantity": true,
		"hedge/scare-label": true, "hedge/unsupported-analogy": true, "booster/booster": true,
		"attribution/anonymous": true, "attribution/passive": true, "attribution/reporting-verb": true,
		"attribution/source-follows": true, "ignore/neutral-sense": true,
	}
	count := map[string]int{}
	for _, e := range entries {
		if !known[e.Kind+"/"+e.Category] {
			t.Errorf("%s: unknown category %s/%s", e.Source, e.Kind, e.Category)
		}
		if e.Kind != KindIgnore && e.Suggestion == "" {
			t.Errorf("%s: %q has no suggestion", e.Source, e.Term)
		}
		count[e.Kind]++
	}
	if count[KindHedge] < 50 || count[KindBooster] < 10 || count[KindAttribution] < 15 {
		t.Errorf("lexicon too small: %v", count)
	}
}

// TestHedgingSampleArticle checks the sample article against the editor's
// list (shared/examples/kazakhstan-riots-2022.expected.md): each hedge and
// attribution is found with the expected kind.
func TestHedgingSampleArticle(t *testing.T) {
	data, err := os.ReadFile("../../shared/examples/kazakhstan-riots-2022.txt")
	if err != nil {
		t.Skip("../shared is absent:", err)
	}
	text := string(data)
	rep := Analyze(text, Options{Kinds: hedgingKinds})
	want := []struct{ phrase, kind, category, severity string }{
		{"perhaps", KindHedge, "hedge", ""},
		{"as if by one single command", KindHedge, "unsupported-analogy", SeverityWarning},
		{"according to unconfirmed reports", KindAttribution, CategoryAnonymous, SeverityWarning},
		{"Earlier it was reported", KindAttribution, CategoryPassive, SeverityWarning},
		{"it goes about hundreds", KindHedge, "vague-quantity", SeverityWarning},
		{"so-called", KindHedge, "scare-label", ""},
		{"similarly to how it happened", KindHedge, "unsupported-analogy", SeverityWarning},
		{"According to Putin", KindAttribution, CategoryNamed, SeverityInfo},
		{"According to Tokayev", KindAttribution, CategoryNamed, SeverityInfo},
		{"clearly shown", KindBooster, "booster", ""},
	}
	lower := strings.ToLower(text)
	for _, w := range want {
		i := strings.Index(lower, strings.ToLower(w.phrase))
		if i < 0 {
			t.Errorf("%q is not in the article", w.phrase)
			continue
		}
		found := false
		for _, f := range rep.Findings {
			if f.Start < i+len(w.phrase) && i < f.End && f.Kind == w.kind && f.Category == w.category &&
				(w.severity == "" || f.Severity == w.severity) {
				found = true
			}
		}
		if !found {
			t.Errorf("%q: no %s/%s %s finding", w.phrase, w.kind, w.category, w.severity)
		}
	}
	if rep.Summary.AnonymousSources < 2 || rep.Summary.NamedSources < 2 {
		t.Errorf("summary: %d anonymous, %d named sources", rep.Summary.AnonymousSources, rep.Summary.NamedSources)
	}
	for _, f := range rep.Findings {
		if f.Kind == KindHedge && f.Category == "modal" {
			t.Errorf("modal hedge %q: the article has no epistemic may/might/could", f.Text)
		}
	}
}

// TestHedgingLinear checks that pathological inputs (a long run of
// auxiliaries before one reporting verb, one sentence of thousands of
// hedges) are analysed without error and with findings that stay in order.
func TestHedgingLinear(t *testing.T) {
	for _, text := range []string{
		strings.Repeat("has ", 5000) + "said it.",
		strings.Repeat("it may be, perhaps, as if sources said, ", 2000),
		strings.Repeat("May may May, might might ", 3000),
	} {
		rep := Analyze(text, Options{Kinds: hedgingKinds})
		if rep.Error != "" {
			t.Fatalf("%.40q...: %s", text, rep.Error)
		}
		hedgingSpansValid(t, text, rep)
	}
}

// hedgingSpansValid checks the contract's span rules on hedging findings.
func hedgingSpansValid(t *testing.T, text string, rep Report) {
	t.Helper()
	for i, f := range rep.Findings {
		if f.Start < 0 || f.End <= f.Start || f.End > len(text) || text[f.Start:f.End] != f.Text {
			t.Fatalf("finding %d %+v: bad span", i, f)
		}
		if i > 0 && rep.Findings[i-1].Start > f.Start {
			t.Fatalf("findings not sorted at %d", i)
		}
		if utf8.ValidString(text) && !utf8.ValidString(f.Text) {
			t.Fatalf("finding %d splits a rune: %q", i, f.Text)
		}
		if f.Sentence < 0 || f.Sentence >= rep.Stats.Sentences {
			t.Fatalf("finding %d: sentence %d of %d", i, f.Sentence, rep.Stats.Sentences)
		}
	}
}

func FuzzHedging(f *testing.F) {
	for _, s := range []string{
		"It was reported, perhaps, that sources said May 5.", "“May,” said Putin. According to", "said", "According to",
		"is, perhaps, the", "Under the law may", "it has been suggested by", "\"may\" law \"", "May\xff might",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		rep := Analyze(text, Options{Kinds: hedgingKinds})
		if rep.Error != "" {
			t.Fatalf("error: %s", rep.Error)
		}
		hedgingSpansValid(t, text, rep)
	})
}

// hedgingBenchText is news-like text dense in hedges and attributions.
var hedgingBenchText = strings.Repeat("According to unconfirmed reports, hundreds of people, perhaps thousands, "+
	"were detained in May. It was reported that the so-called protesters may have been armed, officials said. "+
	"Putin said the events had clearly shown a plan, as if by one command. The law says: “The president may act.” ", 500)

func BenchmarkHedging(b *testing.B) {
	lex, err := Builtin()
	if err != nil {
		b.Fatal(err)
	}
	doc := &Document{Text: hedgingBenchText}
	doc.Tokens, doc.Sentences = Segment(hedgingBenchText)
	NewStemmer().StemTokens(doc.Tokens)
	doc.Matches = lex.Find(hedgingBenchText, doc.Tokens)
	b.SetBytes(int64(len(hedgingBenchText)))
	b.ResetTimer()
	for b.Loop() {
		var r Report
		checkHedging(doc, &r)
	}
}

// TestTokenIs checks the per-word memo against the word tests themselves:
// for every token and test, cold and warm, in an order that mixes the
// tests of one word, and without scratch.
func TestTokenIs(t *testing.T) {
	text := "It is believed that the officials, who may have said so, did not know. " +
		"Under the law the court may act; Article 5 shall apply. Some sources said two thirds of the " +
		"ministry's experts think so. They're here: 1,200 people, a third of them. § 4 of the Act. " +
		"THE Officials SAID it."
	st := NewStemmer()
	toks, sents := segment(text, st)
	with := &Document{Text: text, Tokens: toks, Sentences: sents, scratch: &scratch{}}
	without := &Document{Text: text, Tokens: toks, Sentences: sents}
	for round := 0; round < 2; round++ {
		for i := range numWordTests { // every test, last first
			test := numWordTests - 1 - i
			for k, tok := range toks {
				want := wordIs(tok.Lower, test)
				if got := tokenIs(with, k, test); got != want {
					t.Errorf("round %d: tokenIs(%q, %d) = %v, want %v", round, tok.Lower, test, got, want)
				}
				if got := tokenIs(without, k, test); got != want {
					t.Errorf("no scratch: tokenIs(%q, %d) = %v, want %v", tok.Lower, test, got, want)
				}
			}
		}
	}
	for _, k := range []int{-1, len(toks)} { // beyond the tokens: false
		if tokenIs(with, k, testMayStartNumber) || tokenIs(without, k, testMayStartNumber) {
			t.Errorf("tokenIs(%d) beyond the tokens = true", k)
		}
	}
	for _, c := range []struct {
		w    string
		test wordTest
		want bool
	}{
		{"the", testDeterminer, true}, {"officials", testDeterminer, false},
		{"'s", testBeVerb, true}, {"were", testBeVerb, true},
		{"officials", testAnonymousNoun, true}, {"ministry", testInstitutionNoun, true},
		{"§", testLegalDivision, true}, {"shall", testLegalWord, true},
		{"third", testMayStartNumber, true}, {"thirds", testMayStartNumber, false},
		{"a", testMayStartNumber, true}, {"officials", testMayStartNumber, false},
		{"about", testApprox, true}, {"voted", testVerbLike, true}, {"later", testAdverbWord, true},
		{"sept", testMonth, true}, {"mayor", testMonth, false}, {"tenth", testOrdinal, true}, {"eleventh", testOrdinal, false},
		{"quarters", testFraction, true}, {"zero", testSmallNumber, true}, {"hundred", testSmallNumber, false},
		{"among", testNPStop, true}, {"were", testNPStop, true}, {"people", testNPStop, false},
		{"dozen", testArticleNumber, true}, {"thirds", testArticleNumber, true}, {"-", testArticleNumber, true},
		{"days", testArticleNumber, false}, {"man", testArticleNumber, false},
	} {
		if got := wordIs(c.w, c.test); got != c.want {
			t.Errorf("wordIs(%q, %d) = %v, want %v", c.w, c.test, got, c.want)
		}
	}
}

func TestHedgeKindSlot(t *testing.T) {
	for _, c := range []struct {
		kind string
		want int
	}{{KindHedge, 0}, {KindBooster, 1}, {KindAttribution, 2}} {
		if got := hedgeKindSlot(c.kind); got != c.want {
			t.Errorf("hedgeKindSlot(%q) = %d, want %d", c.kind, got, c.want)
		}
	}
}
