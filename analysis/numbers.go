package analysis

import "strings"

// NumberKind says what sort of number a NumberMention is.
type NumberKind uint8

const (
	// NumCount is a plain count or amount ("16 officers", "hundreds of people").
	NumCount NumberKind = iota
	// NumPercent is a percentage ("41%", "20 percent").
	NumPercent
	// NumPoints is a difference in points ("3 percentage points", "a 5-point lead").
	NumPoints
	// NumMoney is an amount of money with its currency ("$3m", "1.2 million euros").
	NumMoney
	// NumMeasure is a physical quantity with a unit ("5 km", "30°C", "a 5-year-old").
	NumMeasure
	// NumFraction is a fraction of a whole ("half", "a third", "two-thirds").
	NumFraction
	// NumOrdinal is an ordinal ("21st", "the fifth").
	NumOrdinal
	// NumYear is a year on its own ("in 2014", "the 1992 treaty").
	NumYear
	// NumDate is a calendar date, possibly with its weekday ("Thursday, March 3, 2021").
	NumDate
	// NumWeekday is a weekday on its own ("on Monday").
	NumWeekday
	// NumRatio is a vote or score ("voted 7 to 6", "a 7-6 vote", "won 2-1");
	// Unit says which ("votes", "score").
	NumRatio
	// NumDuration is a span of time ("three days", "three days later").
	NumDuration
	// NumLabel is a number that names rather than counts ("Article 4",
	// "COVID-19", "10:30"); checks ignore it.
	NumLabel
)

var numberKindNames = [...]string{"count", "percent", "points", "money", "measure", "fraction", "ordinal",
	"year", "date", "weekday", "ratio", "duration", "label"}

// String returns the kind's name as used in the report ("count", "percent", ...).
func (k NumberKind) String() string {
	if int(k) < len(numberKindNames) {
		return numberKindNames[k]
	}
	return "number"
}

// NumberMention is one number found in the text, with what it counts.
type NumberMention struct {
	// Start and End are half-open byte offsets of the whole expression
	// ("$3m", "2.5 billion", "20 percent", "Thursday, March 3, 2021").
	Start, End int
	// Text is exactly the input from Start to End.
	Text string
	Kind NumberKind
	// Value is the number (a fraction for NumFraction: "two-thirds" is
	// 0.667; the day count for a NumDuration; the lower end of a range; the
	// first term of a ratio).
	Value float64
	// Value2 is the upper end of a range or the second term of a ratio.
	Value2 float64
	// Range is true for "10 to 12", "10-12", "between 10 and 12".
	Range bool
	// Mantissa and Scale: Value = Mantissa × Scale ("2.5 billion": 2.5, 1e9).
	Mantissa, Scale float64
	// Unit is the unit, currency or calendar unit: "%", "pp", "pt", "USD",
	// "EUR", "km", "mi", "kg", "lb", "C", "F", "day", "age", "date", "year"...
	Unit string
	// Spelled is true when the number is written in words ("sixteen").
	Spelled bool
	// Approx is true for vague or hedged numbers ("about 30", "hundreds",
	// "more than 40", "at least 12").
	Approx bool
	// Definite is true after "the", "all", "those", "these", "both", "its",
	// "their": a reference back to a number the reader already knows.
	Definite bool
	// Later is true for a duration counted from an earlier event ("three
	// days later", "a week after").
	Later bool
	// Year, Month (1-12), Day are set for dates (0 when not given; the
	// year may be inferred from another date in the text, see YearInferred).
	Year, Month, Day int
	// YearInferred is true when Year was taken from another date in the
	// text; YearFrom is then the sentence of that date.
	YearInferred bool
	YearFrom     int
	// Weekday is 0 (Sunday) to 6 (Saturday), or -1 when none is given.
	Weekday int
	// Invalid is true for a date that does not exist ("February 29, 2019",
	// "June 31").
	Invalid bool
	// Subject is what the number counts, in plain words
	// ("law-enforcement officers killed"); empty when unknown.
	Subject string
	// Head is the stem of the counted noun ("offic"), "person" for
	// people/victims/persons, empty when only a state is known ("the 72
	// injured").
	Head string
	// Mods are the stems of the words that qualify the head
	// ("law", "enforc"), excluding the state.
	Mods []string
	// State is what happened to the counted things, normalised
	// ("killed", "injured", "arrested", "destroyed", ...).
	State string
	// Restricted is true when the noun phrase is followed by "of",
	// "from", "among" or a relative clause that names no state: a subset.
	Restricted bool
	// Sentence is the index of the sentence; FirstToken and EndToken are
	// the half-open token range of the expression, SubjectEnd the end of
	// its noun phrase (EndToken when it has none).
	Sentence   int
	FirstToken int
	EndToken   int
	SubjectEnd int
	// Quoted is true inside a direct quotation.
	Quoted bool
}

// HasSubject reports whether the mention counts a known thing.
//
//go:noinline
func (m *NumberMention) HasSubject() bool { return m.Head != "" || m.State != "" }

// ExtractNumbers finds every number in the document: digits, spelled
// numbers, scales, percentages, money, measures, fractions, ordinals,
// ranges, ratios, dates, weekdays and durations, each with what it counts.
// Mentions are in text order and never overlap. d must have been segmented
// and stemmed.
func ExtractNumbers(d *Document) []NumberMention { return extractNumbers(d, nil) }

// extractNumbers is ExtractNumbers appending to out[:0].
func extractNumbers(d *Document, out []NumberMention) []NumberMention {
	x := numExtractor{d: d, t: d.Tokens}
	out = out[:0]
	toks := d.Tokens
	var memo []uint64 // tokenIs's answers by word number, when kept
	if d.scratch != nil {
		memo = d.scratch.wordTests
	}
	var m NumberMention
	for i := 0; ; {
		// most tokens cannot start a number: skip them (each distinct word
		// tested once, see tokenIs) before parseAt builds and copies a
		// mention
		if i = skipNonStarts(toks, memo, i); i >= len(toks) {
			break
		}
		// "a" and "an", most of the words left, start a number only before
		// a few words ("a dozen", "a third", "a week later"): parseAt would
		// reject the others
		if t := &toks[i]; t.Kind == Word && (!tokenIs(d, i, testMayStartNumber) ||
			(t.Lower == "a" || t.Lower == "an") && !tokenIs(d, i+1, testArticleNumber)) {
			if d.scratch != nil {
				memo = d.scratch.wordTests // may have grown
			}
			i++
			continue
		}
		m = NumberMention{Weekday: -1}
		next, ok := x.parseAt(&m, i)
		if !ok || next <= i {
			i++
			continue
		}
		m.FirstToken, m.EndToken = i, next
		if m.Kind != NumDate && m.Kind != NumWeekday && m.Kind != NumDuration {
			m.FirstToken = x.firstOf(i, &m)
		}
		m.Start, m.End = x.t[m.FirstToken].Start, x.t[next-1].End
		m.Text = d.Text[m.Start:m.End]
		m.Sentence = x.t[i].Sentence
		m.Quoted = x.t[i].Quoted
		if m.Scale == 0 {
			m.Scale = 1
			m.Mantissa = m.Value
		}
		m.SubjectEnd = next
		x.context(&m, i, next)
		out = append(out, m)
		i = next
	}
	inferYears(out)
	return out
}

// skipNonStarts returns the first token from i on that is not punctuation
// nor a word that memo (tokenIs's answers by word number) knows cannot
// start a number, or len(toks). Its loop calls nothing, so that under wasm
// the compiler keeps its variables in locals (a loop with a call spills
// them to the stack at every turn).
func skipNonStarts(toks []Token, memo []uint64, i int) int {
	const known, cannot = 3 << (2 * testMayStartNumber), 2 << (2 * testMayStartNumber) // cannot: tested, false
	for ; i < len(toks); i++ {
		t := &toks[i]
		if t.Kind != Punct && (t.Kind != Word || int(t.word) >= len(memo) || memo[t.word]&known != cannot) {
			break
		}
	}
	return i
}

type numExtractor struct {
	d *Document
	t []Token
}

//go:noinline
func (x *numExtractor) lower(i int) string {
	if i < 0 || i >= len(x.t) {
		return ""
	}
	return x.t[i].Lower
}

//go:noinline
func (x *numExtractor) stem(i int) string {
	if i < 0 || i >= len(x.t) {
		return ""
	}
	return x.t[i].Stem
}

// adjacent reports whether tokens i and i+1 touch (no space between).
//
//go:noinline
func (x *numExtractor) adjacent(i int) bool {
	return i >= 0 && i+1 < len(x.t) && x.t[i].End == x.t[i+1].Start
}

// kind returns the kind of token i, or Punct beyond the text.
//
//go:noinline
func (x *numExtractor) kind(i int) TokenKind {
	if i < 0 || i >= len(x.t) {
		return Punct
	}
	return x.t[i].Kind
}

//go:noinline
func (x *numExtractor) isWord(i int) bool { return i >= 0 && i < len(x.t) && x.t[i].Kind == Word }

//go:noinline
func (x *numExtractor) sameSentence(i, j int) bool {
	return i >= 0 && j >= 0 && i < len(x.t) && j < len(x.t) && x.t[i].Sentence == x.t[j].Sentence
}

// negativeSign reports a minus sign right before token i that is not a
// hyphen between two words or numbers ("-5°C", "−10", not "COVID-19").
func (x *numExtractor) negativeSign(i int) bool {
	if i >= 1 && x.lower(i-1) == "minus" && x.t[i].Kind == Number {
		return true // "minus 5 degrees"
	}
	if i < 1 || x.t[i].Kind != Number || !x.adjacent(i-1) {
		return false
	}
	switch x.lower(i - 1) {
	case "-", "−", "–":
		return i < 2 || !x.adjacent(i-2) || x.t[i-2].Kind == Punct && x.lower(i-2) != "-"
	}
	return false
}

// firstOf extends a mention backwards over a currency sign ("$3m") or a
// minus sign ("-5°C").
func (x *numExtractor) firstOf(i int, m *NumberMention) int {
	if x.negativeSign(i) {
		return i - 1
	}
	if m.Kind == NumMoney && i > 0 && x.adjacent(i-1) && currencySign(x.lower(i-1)) != "" {
		if i > 1 && x.adjacent(i-2) && x.isWord(i-2) && len(x.lower(i-2)) <= 2 { // "US$", "A$"
			return i - 2
		}
		return i - 1
	}
	return i
}

// parseAt tries to read a number expression starting at token i, a
// number or a word that may start one (mayStartNumber), into m, a zero
// mention with Weekday -1; it changes m only when it finds one.
func (x *numExtractor) parseAt(m *NumberMention, i int) (next int, ok bool) {
	t := &x.t[i]
	if t.Kind == Word {
		if wd := weekdayIndex(t.Lower); wd >= 0 && x.capitalised(i) {
			j := i + 1
			if x.lower(j) == "," || x.lower(j) == "(" {
				j++
			}
			if x.sameSentence(i, j) {
				if dn, ok := x.parseDate(m, j); ok {
					m.Weekday = wd
					if x.lower(i+1) == "(" && x.lower(dn) == ")" {
						dn++
					}
					return dn, true
				}
			}
			m.Kind, m.Weekday, m.Unit, m.Value = NumWeekday, wd, "weekday", float64(wd)
			return i + 1, true
		}
		if tokenIs(x.d, i, testMonth) {
			return x.parseDate(m, i)
		}
		if (t.Lower == "next" || t.Lower == "following") && x.lower(i-1) == "the" && (x.lower(i+1) == "day" || x.lower(i+1) == "week") {
			m.Kind, m.Unit, m.Value, m.Spelled, m.Later = NumDuration, x.lower(i+1), 1, true, true
			return i + 2, true // "the next day", "the following week"
		}
		if (t.Lower == "a" || t.Lower == "an") && (x.lower(i+1) == "day" || x.lower(i+1) == "week") &&
			(x.lower(i+2) == "later" || x.lower(i+2) == "afterwards") {
			m.Kind, m.Unit, m.Value, m.Spelled, m.Later = NumDuration, x.lower(i+1), 1, true, true
			return i + 3, true
		}
		if v, n, ordinal := x.parseFraction(i); n > i {
			m.Kind, m.Value, m.Unit, m.Spelled = NumFraction, v, "fraction", true
			if ordinal {
				m.Kind, m.Unit = NumOrdinal, "ordinal"
			}
			return n, true
		}
		if v := x.parseVague(i); v > 0 {
			m.Kind, m.Value, m.Approx, m.Spelled = NumCount, v, true, true
			return i + 1, true
		}
	}
	if t.Kind == Number {
		if dn, ok := x.parseDate(m, i); ok {
			return dn, true
		}
		if x.isLabel(i) {
			n := i + 1
			for n+1 < len(x.t) && x.adjacent(n-1) && (x.lower(n) == "-" || x.lower(n) == ":" || x.lower(n) == ".") && x.t[n+1].Kind == Number && x.adjacent(n) {
				n += 2
			}
			m.Kind, m.Value = NumLabel, parseDigits(t.Lower)
			return n, true
		}
		// ordinal "21st"
		if x.adjacent(i) && isOrdinalSuffix(x.lower(i+1)) {
			v, ok := parseDigitsOK(t.Lower)
			if !ok {
				return i, false
			}
			m.Kind, m.Value, m.Unit = NumOrdinal, v, "ordinal"
			return i + 2, true
		}
	}
	if t.Kind == Word {
		if tokenIs(x.d, i, testOrdinal) && (x.lower(i-1) == "the" || x.lower(i-1) == "a") {
			m.Kind, m.Value, m.Unit, m.Spelled = NumOrdinal, ordinalWord(t.Lower), "ordinal", true
			return i + 1, true
		}
	}
	v, mant, scale, end, spelled, ok := x.parseValue(i)
	if !ok {
		return i, false
	}
	if x.negativeSign(i) {
		v, mant = -v, -mant
	}
	m.Value, m.Mantissa, m.Scale, m.Spelled = v, mant, scale, spelled
	if t.Kind == Number && scale == 1 && !strings.Contains(t.Lower, ",") && !strings.Contains(t.Lower, ".") &&
		v >= 1800 && v <= 2100 && end == i+1 && !x.approxBefore(i) && !isCountUnitWord(x.lower(end)) {
		if !(x.lower(end) == "-" || x.lower(end) == "–") || x.kind(end+1) == Number || !x.adjacent(end) {
			m.Kind, m.Unit = NumYear, "year"
			m.Year = int(v)
			if x.lower(end) == "-" || x.lower(end) == "–" { // "2014-2016"
				if end+1 < len(x.t) && x.t[end+1].Kind == Number {
					m.Range, m.Value2 = true, parseDigits(x.lower(end+1))
					end += 2
				}
			}
			return end, true
		}
	}
	m.Kind = NumCount
	// currency sign before
	if cur := x.currencyBefore(i); cur != "" {
		m.Kind, m.Unit = NumMoney, cur
	}
	end = x.parseSuffix(m, i, end)
	return end, true
}

//go:noinline
func (x *numExtractor) capitalised(i int) bool {
	s := x.d.Text[x.t[i].Start:x.t[i].End]
	return s != "" && s[0] >= 'A' && s[0] <= 'Z'
}

// parseSuffix reads what follows a value: a scale word for money, a unit,
// percent, a range or ratio, an age or a duration.
func (x *numExtractor) parseSuffix(m *NumberMention, i, end int) int {
	// money with a trailing scale letter: "$3m", "€2bn"
	if m.Kind == NumMoney && m.Scale == 1 && x.adjacent(end-1) {
		if s := float64(scaleLetters[x.lower(end)]); s > 0 {
			m.Scale, m.Value, end = s, m.Value*s, end+1
		}
	}
	// ranges: "10-12", "10 to 12", "10–12 percent"
	if r, n, ok := x.rangeEnd(i, end); ok {
		if kind := x.ratioKind(i, n); kind != "" {
			m.Kind, m.Unit, m.Value2 = NumRatio, kind, r
			return n
		}
		m.Range, m.Value2 = true, r
		end = n
	}
	// hyphenated adjective: "12-member", "5-year-old", "5-point"
	if x.adjacent(end-1) && x.lower(end) == "-" && x.adjacent(end) && x.isWord(end+1) {
		w := x.lower(end + 1)
		switch {
		case (w == "year" || w == "month") && x.lower(end+2) == "-" && x.lower(end+3) == "old":
			m.Kind, m.Unit = NumMeasure, "age"
			return end + 4
		case w == "point":
			m.Kind, m.Unit = NumPoints, "pt"
			return end + 2
		case w == "percent":
			m.Kind, m.Unit = NumPercent, "%"
			return end + 2
		}
		if u := unitWord(w); u != "" {
			m.Kind, m.Unit = unitKind(u), u
			return end + 2
		}
		// "12-member board": counts members
		m.Head, m.Subject = x.stem(end+1), w
		m.Unit = "adj"
		return end + 2
	}
	w := x.lower(end)
	switch {
	case w == "%" || w == "percent" || w == "pct":
		m.Kind, m.Unit = NumPercent, "%"
		return end + 1
	case w == "per" && x.lower(end+1) == "cent":
		m.Kind, m.Unit = NumPercent, "%"
		return end + 2
	case w == "percentage" && (x.lower(end+1) == "point" || x.lower(end+1) == "points"):
		m.Kind, m.Unit = NumPoints, "pp"
		return end + 2
	case w == "pp" || w == "points" || w == "point" || w == "pts":
		m.Kind, m.Unit = NumPoints, "pt"
		if w == "pp" {
			m.Unit = "pp"
		}
		return end + 1
	case w == "°" && x.adjacent(end):
		if u := x.lower(end + 1); u == "c" || u == "f" {
			m.Kind, m.Unit = NumMeasure, strings.ToUpper(u)
			return end + 2
		}
	case w == "degrees" || w == "degree":
		switch x.lower(end + 1) {
		case "celsius", "c", "centigrade":
			m.Kind, m.Unit = NumMeasure, "C"
			return end + 2
		case "fahrenheit", "f":
			m.Kind, m.Unit = NumMeasure, "F"
			return end + 2
		}
	case (w == "years" || w == "year") && x.lower(end+1) == "old":
		m.Kind, m.Unit = NumMeasure, "age"
		return end + 2
	case w == "square" || w == "sq":
		if u := unitWord(x.lower(end + 1)); u == "km" || u == "mi" || u == "m" || u == "ft" {
			m.Kind, m.Unit = NumMeasure, u+"2"
			return end + 2
		}
	}
	if cur := currencyWord(w); cur != "" && m.Kind == NumCount {
		if cur == "pound" {
			if m.Scale == 1 && x.lower(end+1) != "sterling" {
				m.Kind, m.Unit = NumMeasure, "lb"
				return end + 1
			}
			cur = "GBP"
		}
		m.Kind, m.Unit = NumMoney, cur
		return end + 1
	}
	if m.Kind == NumMoney {
		return end
	}
	if u := unitWord(w); u != "" && (m.Kind == NumCount) {
		if x.lower(end+1) == "/" && x.lower(end+2) == "h" && u == "km" {
			m.Kind, m.Unit = NumMeasure, "kmh"
			return end + 3
		}
		m.Kind, m.Unit = unitKind(u), u
		end++
		if m.Kind == NumDuration {
			switch x.lower(end) {
			case "later", "afterwards":
				m.Later = true
				end++
			}
		}
		return end
	}
	return end
}

//go:noinline
func unitKind(u string) NumberKind {
	if unitKindWords.has(u) {
		return NumDuration
	}
	return NumMeasure
}

var unitKindWords = newWordSet("day|week|month|year|hour|minute|second|decade|century")

// rangeEnd reads the second half of a range or ratio after a value that
// ends at token end: "-12", "–12", " to 12", " and 12" after "between".
func (x *numExtractor) rangeEnd(i, end int) (float64, int, bool) {
	w := x.lower(end)
	if w != "-" && w != "–" && w != "to" && !(w == "and" && x.lower(i-1) == "between") {
		return 0, end, false
	}
	if w == "to" && (x.lower(i-1) == "from" || x.lower(i-2) == "from") {
		return 0, end, false // "from 80 to 100" is a change
	}
	if (w == "-" || w == "–") && !(x.adjacent(end-1) && x.adjacent(end)) && w == "-" {
		return 0, end, false
	}
	if end+1 >= len(x.t) || !x.sameSentence(i, end+1) {
		return 0, end, false
	}
	v, _, _, n, _, ok := x.parseValue(end + 1)
	if !ok || (x.t[end+1].Kind == Number) != (x.t[i].Kind == Number) {
		return 0, end, false
	}
	return v, n, true
}

// ratioKind says whether a pair of numbers around token i is a vote
// ("votes"), a score ("score") or neither (a range: "").
func (x *numExtractor) ratioKind(i, n int) string {
	for _, j := range [...]int{i - 1, i - 2, i - 3, n, n + 1} {
		if v, ok := ratioKindWords[x.stem(j)]; ok {
			return v
		}
	}
	return ""
}

var ratioKindWords = newWordMap([]words[string]{
	{"vote|voted|ballot|margin|verdict|split|pass|passed|approv|reject|adopt|overrul|upheld|" +
		"confirm", "votes"},
	{"score|beat|defeat|won|win|lost|draw|drew|lead|led", "score"},
})

// parseValue reads a number in digits or words at token i with a
// following scale word ("2.5 billion", "two million", "a dozen").
func (x *numExtractor) parseValue(i int) (v, mant, scale float64, end int, spelled, ok bool) {
	if i < 0 || i >= len(x.t) {
		return
	}
	t := x.t[i]
	switch t.Kind {
	case Number:
		v, ok = parseDigitsOK(t.Lower)
		if !ok {
			return
		}
		end = i + 1
	case Word:
		v, end, ok = x.parseSpelled(i)
		if !ok {
			return
		}
		spelled = true
	default:
		return
	}
	mant, scale = v, 1
	if s := scaleWord(x.lower(end)); s > 1 && x.sameSentence(i, end) && !(spelled && s < 1e6) {
		scale = s
		v = mant * s
		end++
	} else if x.lower(end) == "dozen" {
		scale, v, end = 12, mant*12, end+1
	}
	return v, mant, scale, end, spelled, true
}

// parseSpelled reads a number written in words: "sixteen", "twenty-one",
// "one hundred and five", "a dozen", "a million", "two thousand".
func (x *numExtractor) parseSpelled(i int) (float64, int, bool) {
	w := x.lower(i)
	if w == "a" || w == "an" {
		switch x.lower(i + 1) {
		case "dozen":
			return 12, i + 2, true
		case "hundred":
			return 100, i + 2, true
		case "thousand":
			return 1000, i + 2, true
		}
		return 0, i, false
	}
	total, current := 0, 0
	j := i
	seen := false
	for j < len(x.t) {
		w := x.lower(j)
		if tokenIs(x.d, j, testSmallNumber) {
			u, _ := smallNumber(w)
			if seen && current%100 != 0 && !(current >= 20 && current%10 == 0 && u < 10) {
				break // "five six" is not a number
			}
			current += u
			seen = true
			j++
			if u >= 20 && x.lower(j) == "-" && x.adjacent(j-1) && x.adjacent(j) {
				if u2, ok := smallNumber(x.lower(j + 1)); ok && u2 > 0 && u2 < 10 {
					current += u2
					j += 2
				}
			}
			continue
		}
		if !seen {
			break
		}
		if w == "hundred" && current > 0 && current < 100 {
			current *= 100
			j++
			if x.lower(j) == "and" {
				if _, ok := smallNumber(x.lower(j + 1)); ok {
					j++
				}
			}
			continue
		}
		if w == "thousand" && current > 0 && x.lower(j+1) != "-" {
			total += current * 1000
			current = 0
			j++
			continue
		}
		break
	}
	if !seen {
		return 0, i, false
	}
	return float64(total + current), j, true
}

// parseFraction reads "half", "a third", "two-thirds", "three quarters",
// "one in five" at token i: the fraction's value and the end of its
// tokens (i when there is none); ordinal is true for the ordinal of "a
// fourth person", whose value v is then 4.
func (x *numExtractor) parseFraction(i int) (v float64, next int, ordinal bool) {
	w := x.lower(i)
	if w == "half" {
		if x.lower(i+1) == "-" && x.adjacent(i) || x.lower(i+1) == "past" || x.lower(i+1) == "an" || x.lower(i+1) == "time" {
			return 0, i, false // "half-brother", "half past", "half an hour", "half time"
		}
		return 0.5, i + 1, false
	}
	num := 0
	switch w {
	case "a", "an", "one":
		num = 1
	default:
		if tokenIs(x.d, i, testSmallNumber) {
			if u, _ := smallNumber(w); u > 0 && u < 20 {
				num = u
			}
		}
	}
	if num == 0 {
		return 0, i, false
	}
	j := i + 1
	if x.lower(j) == "-" && x.adjacent(i) && x.adjacent(j) {
		j++
	}
	den := 0
	if tokenIs(x.d, j, testFraction) {
		den = fractionDenominator(x.lower(j))
	}
	if den > 0 && (num == 1) == !strings.HasSuffix(x.lower(j), "s") && num < den {
		if x.lower(j) == "second" || x.lower(j) == "seconds" {
			return 0, i, false
		}
		if num == 1 && (w == "a" || w == "an") && x.isWord(j+1) && x.sameSentence(j, j+1) {
			// "a fourth person" is an ordinal; "a third of", "a third opposed" a fraction
			nw := x.lower(j + 1)
			if nw != "of" && !isVerbLike(nw) && !isAux(nw) && !strings.HasSuffix(nw, "ed") && !isNPStop(nw) {
				if v := ordinalWord(x.lower(j)); v > 0 {
					return v, j + 1, true
				}
			}
		}
		return float64(num) / float64(den), j + 1, false
	}
	// "one in five"
	if w == "one" && x.lower(i+1) == "in" {
		if u, ok := smallNumber(x.lower(i + 2)); ok && u > 1 {
			return 1 / float64(u), i + 3, false
		}
		if i+2 < len(x.t) && x.t[i+2].Kind == Number {
			if v, ok := parseDigitsOK(x.lower(i + 2)); ok && v > 1 {
				return 1 / v, i + 3, false
			}
		}
	}
	return 0, i, false
}

// parseVague returns the value given to "dozens", "hundreds",
// "thousands", "millions" (of) at token i, a count with an order of
// magnitude only, or 0.
func (x *numExtractor) parseVague(i int) float64 {
	switch x.lower(i) {
	case "dozens":
		return 24
	case "scores":
		if x.lower(i+1) == "of" {
			return 40
		}
	case "hundreds":
		return 200
	case "thousands":
		return 2000
	case "millions":
		return 2e6
	case "billions":
		return 2e9
	}
	return 0
}

// parseDate reads "March 3, 2021", "March 3", "3 March 2021", "March
// 2021", "Jan. 10" at token i into m, a zero mention with Weekday -1; it
// changes m only when it finds a date.
func (x *numExtractor) parseDate(m *NumberMention, i int) (next int, ok bool) {
	if i >= len(x.t) {
		return i, false
	}
	if x.t[i].Kind == Word && tokenIs(x.d, i, testMonth) {
		mo := monthIndex(x.t[i].Lower)
		if x.lower(i) == "may" && !x.capitalised(i) {
			return i, false
		}
		j := i + 1
		if x.lower(j) == "." && x.adjacent(i) {
			j++
		}
		if j < len(x.t) && x.t[j].Kind == Number && x.sameSentence(i, j) {
			v, ok := parseDigitsOK(x.lower(j))
			if !ok {
				return i, false
			}
			if v >= 1 && v <= 31 && v == float64(int(v)) {
				m.Kind, m.Unit, m.Month, m.Day = NumDate, "date", mo, int(v)
				j++
				if x.adjacent(j-1) && isOrdinalSuffix(x.lower(j)) {
					j++
				}
				if x.lower(j) == "," && j+1 < len(x.t) && x.t[j+1].Kind == Number && len(x.lower(j+1)) == 4 {
					if y, ok := parseDigitsOK(x.lower(j + 1)); ok && y >= 1000 && y <= 2200 {
						m.Year = int(y)
						j += 2
					}
				} else if j < len(x.t) && x.t[j].Kind == Number && len(x.lower(j)) == 4 && x.sameSentence(i, j) {
					if y, ok := parseDigitsOK(x.lower(j)); ok && y >= 1000 && y <= 2200 {
						m.Year = int(y)
						j++
					}
				}
				m.Invalid = !validDate(m.Year, m.Month, m.Day)
				m.Value = float64(m.Day)
				return j, true
			}
			if len(x.lower(j)) == 4 && v >= 1000 && v <= 2200 {
				m.Kind, m.Unit, m.Month, m.Year = NumDate, "date", mo, int(v)
				m.Value = v
				return j + 1, true
			}
		}
		return i, false
	}
	if x.t[i].Kind == Number {
		v, ok := parseDigitsOK(x.lower(i))
		if !ok || v < 1 || v > 31 || v != float64(int(v)) {
			return i, false
		}
		j := i + 1
		if x.adjacent(i) && isOrdinalSuffix(x.lower(j)) {
			j++
		}
		if x.lower(j) == "of" {
			j++
		}
		if !tokenIs(x.d, j, testMonth) || !x.capitalised(j) || !x.sameSentence(i, j) {
			return i, false
		}
		m.Kind, m.Unit, m.Month, m.Day = NumDate, "date", monthIndex(x.t[j].Lower), int(v)
		j++
		if x.lower(j) == "." && x.adjacent(j-1) {
			j++
		}
		if j < len(x.t) && x.t[j].Kind == Number && len(x.lower(j)) == 4 && x.sameSentence(i, j) {
			if y, ok := parseDigitsOK(x.lower(j)); ok && y >= 1000 && y <= 2200 {
				m.Year = int(y)
				j++
			}
		}
		m.Invalid = !validDate(m.Year, m.Month, m.Day)
		m.Value = float64(m.Day)
		return j, true
	}
	return i, false
}

// isLabel reports a number that names something: "Article 4", "No. 5",
// "COVID-19", "F-16", "10:30", "G20".
func (x *numExtractor) isLabel(i int) bool {
	if i > 0 && x.adjacent(i-1) {
		p := x.lower(i - 1)
		if p == "-" && i > 1 && x.adjacent(i-2) && x.isWord(i-2) {
			return true // "COVID-19", "F-16"
		}
		if p == ":" || p == "/" || p == "#" || p == "№" {
			return true
		}
		if x.isWord(i - 1) {
			return true // "G20"
		}
	}
	if x.adjacent(i) {
		switch x.lower(i + 1) {
		case ":", "/":
			if i+2 < len(x.t) && x.t[i+2].Kind == Number && x.adjacent(i+1) {
				return true // "10:30", "9/11"
			}
		}
		if w := x.lower(i + 1); x.isWord(i+1) && !isOrdinalSuffix(w) && scaleLetters[w] == 0 &&
			unitWord(w) == "" && w != "s" && currencyWord(w) == "" {
			return true // "4G", "737MAX"
		}
	}
	p := x.lower(i - 1)
	if labelWords.has(p) {
		return true
	}
	if p == "." {
		switch x.lower(i - 2) {
		case "no", "art", "sec", "vol":
			return true
		}
	}
	return false
}

// labelWords name what the number after them labels ("Article 4").
var labelWords = newWordSet("article|articles|section|chapter|no|no.|number|page|pages|paragraph|clause|resolution|" +
	"flight|route|highway|room|gate|platform|level|grade|phase|stage|version|episode|season|" +
	"volume|vol|amendment|line|bus|unit|district|precinct|ward|block|building|apartment|channel|" +
	"code|act|bill|law|decree|order|protocol|item|annex|part|point|rule|title|size|tier|category|" +
	"class|type|model|mark|rank|ranked|number-|p|pp|ch|art|sec")

// scaleLetters are the scales written after an amount of money ("$3m",
// "€2bn").
var scaleLetters = newWordMap([]words[int]{
	{"k", 1e3}, {"m|mn|mln", 1e6}, {"b|bn|bln", 1e9}, {"tn|trn", 1e12},
})

// approxBefore reports an approximator before token i ("about", "more
// than", "at least", "nearly", "some"...).
func (x *numExtractor) approxBefore(i int) bool {
	if tokenIs(x.d, i-1, testApprox) {
		return true
	}
	switch x.lower(i - 1) {
	case "than":
		switch x.lower(i - 2) {
		case "more", "less", "fewer", "greater", "higher", "lower":
			return true
		}
	case "least", "most":
		return x.lower(i-2) == "at"
	case "to":
		return x.lower(i-2) == "up" || x.lower(i-2) == "close"
	case "many", "few", "much":
		return x.lower(i-2) == "as"
	case "of":
		return x.lower(i-2) == "upwards" || x.lower(i-2) == "excess"
	}
	return false
}

// approxWords right before a number make it approximate ("about 30").
var approxWords = newWordSet("about|around|approximately|roughly|nearly|almost|some|over|under|" +
	"estimated|circa|ca|approx|~|≈|upwards|maybe|perhaps|possibly|potentially|reportedly")

// context sets Approx, Definite and the subject of a mention.
func (x *numExtractor) context(m *NumberMention, i, next int) {
	first := m.FirstToken
	if x.approxBefore(first) {
		m.Approx = true
	}
	switch x.lower(next) {
	case "plus", "+":
		m.Approx = true
	case "or":
		if w := x.lower(next + 1); w == "more" || w == "so" {
			m.Approx = true
		}
	}
	if m.Range {
		m.Approx = true
	}
	switch x.lower(first - 1) {
	case "the", "all", "those", "these", "both", "its", "their":
		m.Definite = true
	}
	switch m.Kind {
	case NumCount:
		if m.Head != "" { // "12-member"
			return
		}
		x.subject(m, first, next)
	case NumPercent, NumFraction:
		// "45% of respondents": the population
		j := next
		if x.lower(j) == "of" {
			j++
			if isDeterminer(x.lower(j)) {
				j++
			}
			np := x.nounPhrase(j)
			m.Head = np.head
			m.Subject = np.text
			m.SubjectEnd = np.end
		}
	}
}

// nounPhrase is a parsed noun phrase after a number.
type nounPhrase struct {
	head       string   // stem of the head noun
	mods       []string // stems of the other words
	state      string   // normalised state word inside the phrase
	stateWord  string   // the state word as written ("died", "wounded")
	text       string   // the phrase as written, lower-cased
	first, end int      // token range
}

// nounPhrase reads up to five content words starting at token j: the
// counted noun with its modifiers ("police officers", "law-enforcement
// officers", "servicemen and police officers"). Participles before a noun
// are modifiers ("destroyed homes"); a state participle after it is the
// state ("people injured").
func (x *numExtractor) nounPhrase(j int) nounPhrase {
	np := nounPhrase{first: j, end: j}
	sent := -1
	if j < len(x.t) {
		sent = x.t[j].Sentence
	}
	var words []int
	k := j
	for k < len(x.t) && len(words) < 6 && x.t[k].Sentence == sent {
		t := &x.t[k]
		if t.Kind == Punct {
			if t.Lower == "-" && len(words) > 0 && words[len(words)-1] == k-1 && x.adjacent(k-1) && x.adjacent(k) && x.isWord(k+1) {
				k++
				continue
			}
			break
		}
		if t.Kind != Word {
			break
		}
		if tokenIs(x.d, k, testSmallNumber) || tokenIs(x.d, k, testMonth) {
			break // "16 schools and three middle schools"
		}
		if t.Lower == "and" {
			// coordination of nouns: "servicemen and police officers"
			if len(words) > 0 && x.isWord(k+1) && !tokenIs(x.d, k+1, testNPStop) && stateOf(x.stem(k+1)) == "" && !tokenIs(x.d, k+1, testVerbLike) {
				k++
				continue
			}
			break
		}
		if tokenIs(x.d, k, testNPStop) {
			break
		}
		if st := stateOf(t.Stem); st != "" {
			// a participle: before a noun it modifies, otherwise it ends the phrase
			if x.isWord(k+1) && !tokenIs(x.d, k+1, testNPStop) && stateOf(x.stem(k+1)) == "" && x.t[k+1].Sentence == sent {
				np.state, np.stateWord = st, t.Lower
				k++
				continue
			}
			if len(words) == 0 && isStateNoun(t.Lower) {
				np.state, np.stateWord = st, t.Lower // "the 72 injured", "9 deaths"
				np.end = k + 1
				np.text = t.Lower
				return np
			}
			np.state, np.stateWord = st, t.Lower
			if len(words) > 0 {
				np.end = k + 1
			}
			break
		}
		if tokenIs(x.d, k, testVerbLike) || tokenIs(x.d, k, testAdverbWord) {
			break
		}
		words = append(words, k)
		k++
		np.end = k
		if isPluralNoun(t.Lower) && x.isWord(k) && !isPluralNoun(x.lower(k)) && stateOf(x.stem(k)) == "" && x.lower(k) != "and" && x.lower(k) != "or" {
			break // "miners late", "voters turned": a plural ends the phrase
		}
	}
	if len(words) == 0 {
		np.state = ""
		return np
	}
	h := words[len(words)-1]
	np.head = x.stem(h)
	if isPersonNoun(x.lower(h)) {
		np.head = "person"
	}
	if s := stateOf(np.head); s != "" && isStateNoun(x.lower(h)) {
		np.state, np.head = s, "" // "deaths", "casualties"
	}
	for _, w := range words[:len(words)-1] {
		np.mods = append(np.mods, x.stem(w))
	}
	np.text = strings.ToLower(x.d.Text[x.t[np.first].Start:x.t[h].End])
	return np
}

// subject finds what a count counts: the noun phrase after it ("16
// police officers"), a state before or after it ("destroyed 43 homes",
// "2 children were killed"), or the noun of "the number of X ... rose to N".
func (x *numExtractor) subject(m *NumberMention, first, next int) {
	j := next
	if x.lower(j) == "of" {
		if w := x.lower(j + 1); m.Approx || m.Spelled && m.Value >= 100 || isDeterminer(w) || w == "them" || w == "whom" || w == "which" {
			// "hundreds of people", "one of the", "two of them"
			switch w {
			case "the", "them", "whom", "those", "which", "these":
				m.Restricted = true
				return
			}
			j++
		}
	}
	switch x.lower(j) {
	case "more", "other", "additional", "further", "new":
		m.Restricted = true // "five more people": an increment
		return
	}
	np := x.nounPhrase(j)
	m.Head, m.Mods, m.State = np.head, np.mods, np.state
	stateWord := np.stateWord
	after := np.end
	if after > m.SubjectEnd {
		m.SubjectEnd = after
	}
	if np.head == "" && np.state == "" {
		// "has risen to 17": look back for "the number of X" or "death toll"
		switch x.lower(first - 1) {
		case "to", "at", "reached", "was", "is":
			x.subjectBack(m, first)
		}
		return
	}
	// state after the noun phrase: "were killed", "who were killed", "died"
	if m.State == "" {
		k := after
		if x.lower(k) == "," {
			k++
		}
		rel := false
		switch x.lower(k) {
		case "who", "that", "which":
			rel = true
			k++
		}
		for n := 0; n < 4 && k < len(x.t) && x.t[k].Sentence == m.Sentence; n, k = n+1, k+1 {
			if st := stateOf(x.stem(k)); st != "" {
				m.State, stateWord = st, x.lower(k)
				break
			}
			w := x.lower(k)
			if !(isAux(w) || isAdverb(w)) {
				break
			}
		}
		if rel && m.State == "" {
			m.Restricted = true
		}
	}
	switch x.lower(after) {
	case "of", "among", "out":
		m.Restricted = true
	}
	// state before: "killed 16 people", "destroyed 43 homes", "injuring 27"
	if m.State == "" {
		lo := first - 2
		for lo > 0 && (isDeterminer(x.lower(lo)) || x.lower(lo) == "both") && lo >= first-4 {
			lo--
		}
		for k := first - 1; k >= lo && k >= 0 && x.t[k].Sentence == m.Sentence; k-- {
			if isDeterminer(x.lower(k)) || x.lower(k) == "both" {
				continue
			}
			if st := stateOf(x.stem(k)); st != "" && !isStateNoun(x.lower(k)) {
				m.State, stateWord = st, x.lower(k)
				break
			}
			if !(isAdverb(x.lower(k)) || x.approxBefore(k+1)) {
				break
			}
		}
	}
	m.Subject = np.text
	if stateWord != "" && !strings.Contains(np.text, stateWord) {
		if m.Subject != "" {
			m.Subject += " "
		}
		m.Subject += stateWord
	}
}

// subjectBack handles "the number of X (who were killed) has risen to N"
// and "the death toll rose to N".
func (x *numExtractor) subjectBack(m *NumberMention, first int) {
	lo := first - 30
	for k := first - 1; k >= 0 && k > lo && x.t[k].Sentence == m.Sentence; k-- {
		w := x.lower(k)
		if w == "toll" {
			m.State = "killed"
			m.Subject = "death toll"
			if x.lower(k-1) == "injury" {
				m.State, m.Subject = "injured", "injury toll"
			}
			return
		}
		if w == "of" && (x.lower(k-1) == "number" || x.lower(k-1) == "total") {
			j := k + 1
			if isDeterminer(x.lower(j)) {
				j++
			}
			np := x.nounPhrase(j)
			m.Head, m.Mods, m.State = np.head, np.mods, np.state
			m.Subject = np.text
			word := np.stateWord
			if m.State == "" {
				for n, q := 0, np.end; n < 6 && q < first; n, q = n+1, q+1 {
					if st := stateOf(x.stem(q)); st != "" {
						m.State, word = st, x.lower(q)
						break
					}
				}
			}
			if word != "" && !strings.Contains(m.Subject, word) {
				m.Subject += " " + word
			}
			return
		}
	}
}

// inferYears gives dates without a year the year named in the same
// sentence, or else the year of the nearest earlier date that has one (or
// the first later one).
func inferYears(ms []NumberMention) {
	last, from := 0, 0
	year, yearSentence := 0, -1 // "In 2021, … on Thursday, March 3": a year in the same sentence
	for i := range ms {
		if ms[i].Kind == NumYear && !ms[i].Range {
			year, yearSentence = ms[i].Year, ms[i].Sentence
			continue
		}
		if ms[i].Kind != NumDate || ms[i].Invalid {
			continue
		}
		if ms[i].Year > 0 {
			if !ms[i].YearInferred {
				last, from = ms[i].Year, ms[i].Sentence
			}
			continue
		}
		y, f := last, from
		if yearSentence == ms[i].Sentence {
			y, f = year, yearSentence
		}
		if y > 0 && ms[i].Day > 0 && validDate(y, ms[i].Month, ms[i].Day) {
			ms[i].Year, ms[i].YearInferred, ms[i].YearFrom = y, true, f
		}
	}
	next := 0
	for i := len(ms) - 1; i >= 0; i-- {
		if ms[i].Kind != NumDate || ms[i].Invalid {
			continue
		}
		if ms[i].Year > 0 && !ms[i].YearInferred {
			next, from = ms[i].Year, ms[i].Sentence
			continue
		}
		if ms[i].Year == 0 && next > 0 && ms[i].Day > 0 && validDate(next, ms[i].Month, ms[i].Day) {
			ms[i].Year, ms[i].YearInferred, ms[i].YearFrom = next, true, from
		}
	}
}
