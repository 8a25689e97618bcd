package analysis

import (
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

func extract(text string) []NumberMention {
	d := &Document{Text: text}
	d.Tokens, d.Sentences = Segment(text)
	NewStemmer().StemTokens(d.Tokens)
	return ExtractNumbers(d)
}

// findMention returns the mention whose text is want.
func findMention(ms []NumberMention, want string) *NumberMention {
	for i := range ms {
		if ms[i].Text == want {
			return &ms[i]
		}
	}
	return nil
}

func TestExtractValues(t *testing.T) {
	tests := []struct {
		text, mention string
		kind          NumberKind
		value         float64
		unit          string
	}{
		// digits, separators, decimals
		{"It cost 200,000 to build.", "200,000", NumCount, 200000, ""},
		{"A rate of 3.5 was set.", "3.5", NumCount, 3.5, ""},
		{"About 1,234.5 tonnes of grain.", "1,234.5 tonnes", NumMeasure, 1234.5, "t"},
		// spelled numbers
		{"Sixteen officers died.", "Sixteen", NumCount, 16, ""},
		{"There were twenty-one of them.", "twenty-one", NumCount, 21, ""},
		{"He bought a dozen eggs.", "a dozen", NumCount, 12, ""},
		{"It happened a thousand times.", "a thousand", NumCount, 1000, ""},
		{"A week later they left.", "A week later", NumDuration, 1, "week"},
		{"Some one hundred and five people came.", "one hundred and five", NumCount, 105, ""},
		{"Two thousand troops left.", "Two thousand", NumCount, 2000, ""},
		{"They number two million.", "two million", NumCount, 2e6, ""},
		{"Hundreds of people fled.", "Hundreds", NumCount, 200, ""},
		// fractions
		{"Half of them stayed.", "Half", NumFraction, 0.5, "fraction"},
		{"A third of voters agreed.", "A third", NumFraction, 1.0 / 3, "fraction"},
		{"Only a-third came.", "a-third", NumFraction, 1.0 / 3, "fraction"},
		{"He was a fourth person there.", "a fourth", NumOrdinal, 4, "ordinal"},
		{"Two-thirds of the seats.", "Two-thirds", NumFraction, 2.0 / 3, "fraction"},
		{"Three quarters of the land.", "Three quarters", NumFraction, 0.75, "fraction"},
		{"One in five adults smoke.", "One in five", NumFraction, 0.2, "fraction"},
		// scales and money
		{"The deal is worth 2.5 billion.", "2.5 billion", NumCount, 2.5e9, ""},
		{"The club paid $3m for him.", "$3m", NumMoney, 3e6, "USD"},
		{"Aid of 1.2 million euros arrived.", "1.2 million euros", NumMoney, 1.2e6, "EUR"},
		{"It costs €40 a month.", "€40", NumMoney, 40, "EUR"},
		{"Fines of £2bn were paid.", "£2bn", NumMoney, 2e9, "GBP"},
		{"A fee of $40k was paid.", "$40k", NumMoney, 4e4, "USD"},
		{"They paid CHF 300 each.", "300", NumMoney, 300, "CHF"},
		{"Wages of 300,000 tenge.", "300,000 tenge", NumMoney, 300000, "KZT"},
		// percentages and points
		{"Turnout was 41%.", "41%", NumPercent, 41, "%"},
		{"It rose 20 percent.", "20 percent", NumPercent, 20, "%"},
		{"It rose 20 per cent.", "20 per cent", NumPercent, 20, "%"},
		{"A drop of 3 percentage points.", "3 percentage points", NumPoints, 3, "pp"},
		{"She has a 5-point lead.", "5-point", NumPoints, 5, "pt"},
		// ordinals
		{"Their 21st title.", "21st", NumOrdinal, 21, "ordinal"},
		{"It was the fifth attempt.", "fifth", NumOrdinal, 5, "ordinal"},
		// units
		{"A 5 km walk.", "5 km", NumMeasure, 5, "km"},
		{"About 8 miles away.", "8 miles", NumMeasure, 8, "mi"},
		{"It weighed 10 kg.", "10 kg", NumMeasure, 10, "kg"},
		{"It weighed 22 pounds.", "22 pounds", NumMeasure, 22, "lb"},
		{"It was 40°C outside.", "40°C", NumMeasure, 40, "C"},
		{"It was 104 degrees Fahrenheit.", "104 degrees Fahrenheit", NumMeasure, 104, "F"},
		{"A 34-year-old man.", "34-year-old", NumMeasure, 34, "age"},
		// years, durations, labels
		{"The 1992 treaty holds.", "1992", NumYear, 1992, "year"},
		{"It lasted three days.", "three days", NumDuration, 3, "day"},
		{"Under Article 4 of the treaty.", "4", NumLabel, 4, ""},
		{"The COVID-19 pandemic.", "19", NumLabel, 19, ""},
	}
	for _, tt := range tests {
		m := findMention(extract(tt.text), tt.mention)
		if m == nil {
			t.Errorf("%q: no mention %q; got %v", tt.text, tt.mention, texts(extract(tt.text)))
			continue
		}
		if m.Kind != tt.kind || math.Abs(m.Value-tt.value) > 1e-9 || m.Unit != tt.unit {
			t.Errorf("%q: %q = %v %g %q, want %v %g %q", tt.text, tt.mention, m.Kind, m.Value, m.Unit, tt.kind, tt.value, tt.unit)
		}
	}
}

func texts(ms []NumberMention) []string {
	var out []string
	for _, m := range ms {
		out = append(out, m.Text+"/"+m.Kind.String())
	}
	return out
}

func TestExtractRangesAndRatios(t *testing.T) {
	tests := []struct {
		text, mention string
		kind          NumberKind
		lo, hi        float64
		rng           bool
	}{
		{"Between 10 and 12 people came.", "10 and 12", NumCount, 10, 12, true},
		{"Some 10-12 people came.", "10-12", NumCount, 10, 12, true},
		{"Only 10 to 12 people came.", "10 to 12", NumCount, 10, 12, true},
		{"The board voted 7-6 to approve it.", "7-6", NumRatio, 7, 6, false},
		{"The motion passed 7 to 6.", "7 to 6", NumRatio, 7, 6, false},
		{"Growth of 2-3% is expected.", "2-3%", NumPercent, 2, 3, true},
		{"United won 2-1 on Sunday.", "2-1", NumRatio, 2, 1, false},
		{"It was -5°C at night.", "-5°C", NumMeasure, -5, 0, false},
	}
	for _, tt := range tests {
		m := findMention(extract(tt.text), tt.mention)
		if m == nil {
			t.Errorf("%q: no mention %q; got %v", tt.text, tt.mention, texts(extract(tt.text)))
			continue
		}
		if m.Kind != tt.kind || m.Value != tt.lo || m.Value2 != tt.hi || m.Range != tt.rng {
			t.Errorf("%q: %q = %v %g–%g range=%v, want %v %g–%g range=%v", tt.text, tt.mention, m.Kind, m.Value, m.Value2, m.Range, tt.kind, tt.lo, tt.hi, tt.rng)
		}
	}
	if m := findMention(extract("United won 2-1 on Sunday."), "2-1"); m == nil || m.Unit != "score" {
		t.Errorf("a score is not a vote: %+v", m)
	}
	// "from 80 to 100" is a change, not a range
	if ms := extract("Prices rose from 80 to 100."); len(ms) != 2 || ms[0].Range {
		t.Errorf("from-to read as a range: %v", texts(ms))
	}
}

func TestExtractDates(t *testing.T) {
	tests := []struct {
		text, mention  string
		y, m, d, wd    int
		inferred, date bool
	}{
		{"It happened on Thursday, March 3, 2021, at noon.", "Thursday, March 3, 2021", 2021, 3, 3, 4, false, true},
		{"It happened on 3 March 2021.", "3 March 2021", 2021, 3, 3, -1, false, true},
		{"On Jan. 10 they met.", "Jan. 10", 0, 1, 10, -1, false, true},
		{"In March 2020 it began.", "March 2020", 2020, 3, 0, -1, false, true},
		{"It began on January 2, 2022. On January 9 it ended.", "January 9", 2022, 1, 9, -1, true, true},
		{"Since Tuesday (May 8) it spread.", "Tuesday (May 8)", 0, 5, 8, 2, false, true},
		{"They met on Monday.", "Monday", 0, 0, 0, 1, false, false},
	}
	for _, tt := range tests {
		m := findMention(extract(tt.text), tt.mention)
		if m == nil {
			t.Errorf("%q: no mention %q; got %v", tt.text, tt.mention, texts(extract(tt.text)))
			continue
		}
		if m.Year != tt.y || m.Month != tt.m || m.Day != tt.d || m.Weekday != tt.wd || m.YearInferred != tt.inferred || (m.Kind == NumDate) != tt.date {
			t.Errorf("%q: %q = %d-%d-%d wd %d inferred %v kind %v", tt.text, tt.mention, m.Year, m.Month, m.Day, m.Weekday, m.YearInferred, m.Kind)
		}
	}
	// "may" the verb is not a month
	for _, m := range extract("They may 3 times refuse.") {
		if m.Kind == NumDate {
			t.Errorf("\"may 3\" read as a date: %q", m.Text)
		}
	}
	if m := findMention(extract("Three days later, they left."), "Three days later"); m == nil || !m.Later || m.Value != 3 {
		t.Errorf("\"Three days later\" not a later duration: %+v", m)
	}
}

func TestExtractSubjects(t *testing.T) {
	tests := []struct {
		text, mention string
		head, state   string
		definite      bool
		approx        bool
	}{
		{"He awarded 16 servicemen and police officers who were killed in the riots.", "16", "offic", "killed", false, false},
		{"A total of 16 law-enforcement officers killed in the riots.", "16", "offic", "killed", false, false},
		{"The number of officers who were killed has risen to 17.", "17", "offic", "killed", false, false},
		{"The death toll rose to 12.", "12", "", "killed", false, false},
		{"The fire destroyed 43 homes.", "43", "home", "destroyed", false, false},
		{"Officials said the 34 destroyed homes were insured.", "34", "home", "destroyed", true, false},
		{"All 72 injured were treated.", "72", "", "injured", true, false},
		{"Two soldiers were wounded in the attack.", "Two", "soldier", "injured", false, false},
		{"The storm left 27 people injured.", "27", "person", "injured", false, false},
		{"Police named the four victims.", "four", "person", "", true, false},
		{"About 30 protesters were arrested.", "30", "protest", "arrested", false, true},
		{"More than 40 students marched.", "40", "student", "", false, true},
		{"Two children were killed and one remains in hospital.", "Two", "children", "killed", false, false},
		{"9 deaths were reported.", "9", "", "killed", false, false},
	}
	for _, tt := range tests {
		m := findMention(extract(tt.text), tt.mention)
		if m == nil {
			t.Errorf("%q: no mention %q; got %v", tt.text, tt.mention, texts(extract(tt.text)))
			continue
		}
		if m.Head != tt.head || m.State != tt.state || m.Definite != tt.definite || m.Approx != tt.approx {
			t.Errorf("%q: %q head %q state %q definite %v approx %v; want %q %q %v %v", tt.text, tt.mention, m.Head, m.State, m.Definite, m.Approx, tt.head, tt.state, tt.definite, tt.approx)
		}
	}
	// one quantity in the words of two sentences: the stems agree
	a := findMention(extract("There were 16 law-enforcement officers killed."), "16")
	b := findMention(extract("The 17 police officers killed were named."), "17")
	if a == nil || b == nil || quantityKey(a) != quantityKey(b) {
		t.Errorf("law-enforcement vs police officers killed: keys differ (%v, %v)", a, b)
	}
}

func TestExtractNoOverlapAndSpans(t *testing.T) {
	text := "On Thursday, March 3, 2021, 16 officers (about 40%) earned $3m, 5 km (3.1 miles) from the 12-member board; it voted 7-6."
	ms := extract(text)
	end := 0
	for _, m := range ms {
		if m.Start < end {
			t.Errorf("mention %q overlaps the previous one", m.Text)
		}
		if text[m.Start:m.End] != m.Text {
			t.Errorf("span %d-%d is %q, text %q", m.Start, m.End, text[m.Start:m.End], m.Text)
		}
		end = m.End
	}
	if len(ms) < 8 {
		t.Errorf("expected at least 8 mentions, got %v", texts(ms))
	}
}

func TestParseDigits(t *testing.T) {
	tests := []struct {
		in   string
		want float64
		ok   bool
	}{
		{"200,000", 200000, true}, {"1,234,567.5", 1234567.5, true}, {"3.5", 3.5, true},
		{"3,5", 3.5, true}, {"1.2.3", 0, false}, {"1,23,4", 0, false}, {"007", 7, true},
	}
	for _, tt := range tests {
		got, ok := parseDigitsOK(tt.in)
		if got != tt.want || ok != tt.ok {
			t.Errorf("parseDigitsOK(%q) = %g %v, want %g %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}

func TestCalendar(t *testing.T) {
	tests := []struct{ y, m, d, wd int }{
		{2021, 3, 3, 3}, {2022, 1, 10, 1}, {1976, 5, 12, 3}, {2000, 2, 29, 2}, {1970, 1, 1, 4}, {2024, 12, 31, 2},
	}
	for _, tt := range tests {
		if got := dayOfWeek(tt.y, tt.m, tt.d); got != tt.wd {
			t.Errorf("dayOfWeek(%d-%d-%d) = %d, want %d", tt.y, tt.m, tt.d, got, tt.wd)
		}
	}
	if n := dayNumber(1970, 1, 1); n != 0 {
		t.Errorf("dayNumber(1970-01-01) = %d", n)
	}
	if n := dayNumber(2022, 1, 10) - dayNumber(2021, 12, 31); n != 10 {
		t.Errorf("days 2021-12-31 → 2022-01-10 = %d, want 10", n)
	}
	if validDate(2021, 2, 29) || !validDate(2020, 2, 29) || validDate(0, 4, 31) {
		t.Error("validDate is wrong about leap days or 30-day months")
	}
}

func FuzzExtractNumbers(f *testing.F) {
	for _, s := range []string{
		"On Thursday, March 3, 2021, 16 officers killed", "$3m, 2.5 billion euros, 41%", "two-thirds of 7-6 votes",
		"5 km (8 miles)", "the 34 destroyed homes", "between 10 and", "from 80 to", "Jan. 10", "1,2,3,4",
		"\xff12\xfe%", "٣٤ km", "twenty-", "a dozen", "Monday (", "40°", "1e9", "- 5 -", "12-", "the number of",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		// rune boundaries as Go decodes the text (a bad byte is one rune)
		boundary := make([]bool, len(text)+1)
		for i := 0; i < len(text); {
			boundary[i] = true
			_, w := utf8.DecodeRuneInString(text[i:])
			i += w
		}
		boundary[len(text)] = true
		ms := extract(text)
		for _, m := range ms {
			if m.Start < 0 || m.End > len(text) || m.Start > m.End {
				t.Fatalf("span %d-%d outside the text (%d bytes)", m.Start, m.End, len(text))
			}
			if m.Text != text[m.Start:m.End] {
				t.Fatalf("text %q != input[%d:%d] %q", m.Text, m.Start, m.End, text[m.Start:m.End])
			}
			if !boundary[m.Start] || !boundary[m.End] {
				t.Fatalf("span %d-%d splits a rune", m.Start, m.End)
			}
		}
		rep := Analyze(text, Options{Kinds: []string{KindNumber}})
		if rep.Error != "" {
			t.Fatalf("Analyze failed: %s", rep.Error)
		}
		for _, fd := range rep.Findings {
			if fd.Text != text[fd.Start:fd.End] {
				t.Fatalf("finding text %q != input[%d:%d]", fd.Text, fd.Start, fd.End)
			}
			for _, r := range fd.Related {
				if r.Text != text[r.Start:r.End] {
					t.Fatalf("related text %q != input[%d:%d]", r.Text, r.Start, r.End)
				}
			}
		}
	})
}

// benchText builds about 1 MB of news text: the PTC articles when
// ../shared is present, generated sentences otherwise.
func benchText() string {
	var b strings.Builder
	files, _ := filepath.Glob("../../shared/corpora/ptc-train/train-articles/*.txt")
	for _, fn := range files {
		if data, err := os.ReadFile(fn); err == nil {
			b.Write(data)
			b.WriteString("\n\n")
		}
		if b.Len() >= 1<<20 {
			break
		}
	}
	gen := []string{
		"On Thursday, March 3, 2021, police said 16 officers were killed and 27 people injured. ",
		"Prices rose from $80 to $100, an increase of 25 percent, while unemployment fell 2 percentage points. ",
		"Of the 50 delegates, 30 voted in favour, 15 against and 5 abstained; the 12-member board voted 7-5. ",
		"The route is 5 km (3.1 miles) long and the fish weighed 10 kg (22 pounds). ",
		"Three days later, the three victims were named; about two-thirds of respondents, 64%, agreed.\n\n",
	}
	for k := 0; b.Len() < 1<<20; k++ {
		b.WriteString(gen[k%len(gen)])
	}
	return b.String()
}

func BenchmarkCheckNumbers(b *testing.B) {
	text := benchText()
	d := &Document{Text: text}
	d.Tokens, d.Sentences = Segment(text)
	NewStemmer().StemTokens(d.Tokens)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		var r Report
		checkNumbers(d, &r)
	}
}

func TestSkipNonStarts(t *testing.T) {
	const cannot, can = 2 << (2 * testMayStartNumber), 3 << (2 * testMayStartNumber)
	memo := []uint64{0, cannot, can, 0} // words 1 and 2 tested, 3 not yet
	toks := []Token{
		{Kind: Punct}, {Kind: Word, word: 1}, {Kind: Word, word: 2}, // 0-2
		{Kind: Punct}, {Kind: Word, word: 3}, // 3-4
		{Kind: Word, word: 1}, {Kind: Number}, // 5-6
		{Kind: Word, word: 1}, {Kind: Word}, // 7-8: no word number
		{Kind: Word, word: 9},                // beyond the memo
		{Kind: Punct}, {Kind: Word, word: 1}, // 10-11
	}
	for _, c := range []struct{ from, want int }{
		{0, 2}, {2, 2}, {3, 4}, {5, 6}, {7, 8}, {9, 9}, {10, 12}, {12, 12},
	} {
		if got := skipNonStarts(toks, memo, c.from); got != c.want {
			t.Errorf("skipNonStarts from %d = %d, want %d", c.from, got, c.want)
		}
	}
	if got := skipNonStarts(toks, nil, 1); got != 1 {
		t.Errorf("skipNonStarts without a memo = %d, want 1", got)
	}
}
