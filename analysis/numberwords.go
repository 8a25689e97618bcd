package analysis

import (
	"strings"

	"github.com/plumbline/plumbline/internal/numtext"
)

// Small closed-class tables for number extraction: number words, scales,
// ordinals, fractions, months, weekdays, the calendar, currencies, units
// and the function words that bound a noun phrase.

//go:noinline
func parseDigits(s string) float64 {
	v, _ := parseDigitsOK(s)
	return v
}

// parseDigitsOK parses "200,000", "3.5", "1,234.5"; a comma followed by
// other than three digits is read as a decimal comma ("3,5").
func parseDigitsOK(s string) (float64, bool) {
	if strings.IndexByte(s, ',') >= 0 {
		groups := strings.Split(s, ",")
		thousands := true
		for k, g := range groups {
			if k == len(groups)-1 {
				if dot := strings.IndexByte(g, '.'); dot >= 0 {
					g = g[:dot]
				}
			}
			if k > 0 && len(g) != 3 {
				thousands = false
			}
		}
		if thousands {
			s = strings.ReplaceAll(s, ",", "")
		} else if len(groups) == 2 && strings.IndexByte(s, '.') < 0 {
			s = groups[0] + "." + groups[1]
		} else {
			return 0, false
		}
	}
	if strings.Count(s, ".") > 1 {
		return 0, false
	}
	v, ok := numtext.ParseDecimal(s)
	if !ok {
		return 0, false
	}
	return v, true
}

//go:noinline
func smallNumber(w string) (int, bool) {
	v, ok := smallNumbers[w]
	return v, ok
}

var smallNumbers = newWordMap([]words[int]{
	{"zero", 0},
	{"one", 1},
	{"two", 2},
	{"three", 3},
	{"four", 4},
	{"five", 5},
	{"six", 6},
	{"seven", 7},
	{"eight", 8},
	{"nine", 9},
	{"ten", 10},
	{"eleven", 11},
	{"twelve", 12},
	{"thirteen", 13},
	{"fourteen", 14},
	{"fifteen", 15},
	{"sixteen", 16},
	{"seventeen", 17},
	{"eighteen", 18},
	{"nineteen", 19},
	{"twenty", 20},
	{"thirty", 30},
	{"forty", 40},
	{"fifty", 50},
	{"sixty", 60},
	{"seventy", 70},
	{"eighty", 80},
	{"ninety", 90},
})

//go:noinline
func scaleWord(w string) float64 {
	switch w {
	case "hundred":
		return 100
	case "thousand":
		return 1e3
	case "million", "millions":
		return 1e6
	case "billion", "billions":
		return 1e9
	case "trillion":
		return 1e12
	}
	return 0
}

//go:noinline
func ordinalWord(w string) float64 {
	return float64(ordinalWords[w])
}

var ordinalWords = newWordMap([]words[int]{
	{"first", 1},
	{"second", 2},
	{"third", 3},
	{"fourth", 4},
	{"fifth", 5},
	{"sixth", 6},
	{"seventh", 7},
	{"eighth", 8},
	{"ninth", 9},
	{"tenth", 10},
})

//go:noinline
func fractionDenominator(w string) int {
	if v, ok := fractionDenominatorWords[w]; ok {
		return v
	}
	return 0
}

var fractionDenominatorWords = newWordMap([]words[int]{
	{"half|halves", 2},
	{"third|thirds", 3},
	{"quarter|quarters|fourth|fourths", 4},
	{"fifth|fifths", 5},
	{"sixth|sixths", 6},
	{"eighth|eighths", 8},
	{"tenth|tenths", 10},
})

//go:noinline
func isOrdinalSuffix(w string) bool { return w == "st" || w == "nd" || w == "rd" || w == "th" }

// mayStartNumber reports whether a word can begin a number expression: a
// number word, a month, a weekday, "a"/"an" ("a dozen", "a third", "a week
// later"), "half", a vague count or an ordinal. It keeps extraction fast:
// most words are rejected by their first letter and length alone.
//
//go:noinline
func mayStartNumber(w string) bool {
	if len(w) == 0 || len(w) > 31 || w[0] < 'a' || w[0] > 'z' || mayStartMask[w[0]-'a']&(1<<len(w)) == 0 {
		return false
	}
	if mayStartNumberWords.has(w) {
		return true
	}
	_, ok := smallNumber(w)
	return ok
}

// mayStartMask[c-'a'] has bit n set when a word that may start a number
// (mayStartNumberWords, smallNumbers) begins with c and is n bytes long.
// A constant table, not one built at init: smaller wasm. TestMayStartMask
// checks it against the word lists.
var mayStartMask = [26]uint32{
	0x6e,  // a
	0x100, // b
	0x0,   // c
	0x148, // d
	0x160, // e
	0x3f8, // f
	0x0,   // g
	0x110, // h
	0x0,   // i
	0x98,  // j
	0x0,   // k
	0x0,   // l
	0x168, // m
	0x178, // n
	0x88,  // o
	0x0,   // p
	0x0,   // q
	0x0,   // r
	0x3f8, // s
	0x3e8, // t
	0x0,   // u
	0x0,   // v
	0x200, // w
	0x0,   // x
	0x0,   // y
	0x10,  // z
}

// articleNumberWords, or a fraction denominator, follow "a" or "an" that
// start a number ("a dozen", "a week later", "a third", "a-third").
var articleNumberWords = newWordSet("-|day|week|dozen|hundred|thousand")

var mayStartNumberWords = newWordSet("a|an|next|following|half|dozens|scores|hundreds|thousands|millions|billions|first|second|" +
	"third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|monday|tuesday|wednesday|thursday|" +
	"friday|saturday|sunday|january|february|march|april|may|june|july|august|september|october|" +
	"november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec")

var monthNames = [...]string{"january", "february", "march", "april", "may", "june", "july", "august",
	"september", "october", "november", "december"}

// monthIndex returns 1-12 for a month name or abbreviation, else 0.
//
//go:noinline
func monthIndex(w string) int {
	if v, ok := monthIndexWords[w]; ok {
		return v
	}
	return 0
}

var monthIndexWords = newWordMap([]words[int]{
	{"january|jan", 1},
	{"february|feb", 2},
	{"march|mar", 3},
	{"april|apr", 4},
	{"may", 5},
	{"june|jun", 6},
	{"july|jul", 7},
	{"august|aug", 8},
	{"september|sep|sept", 9},
	{"october|oct", 10},
	{"november|nov", 11},
	{"december|dec", 12},
})

var weekdayNames = [...]string{"sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"}

// weekdayIndex returns 0 (Sunday) to 6 for a weekday name, else -1.
//
//go:noinline
func weekdayIndex(w string) int {
	for k, n := range weekdayNames {
		if w == n {
			return k
		}
	}
	return -1
}

func validDate(y, m, d int) bool {
	if m < 1 || m > 12 || d < 1 {
		return false
	}
	if y == 0 {
		return d <= [...]int{31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31}[m-1]
	}
	return d <= daysIn(y, m)
}

//go:noinline
func daysIn(y, m int) int {
	if m == 2 {
		if y%4 == 0 && (y%100 != 0 || y%400 == 0) {
			return 29
		}
		return 28
	}
	return [...]int{31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31}[m-1]
}

// dayOfWeek returns 0 (Sunday) to 6 for a Gregorian date.
//
//go:noinline
func dayOfWeek(y, m, d int) int {
	t := [...]int{0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4}
	if m < 3 {
		y--
	}
	return ((y+y/4-y/100+y/400+t[m-1]+d)%7 + 7) % 7
}

// dayNumber counts days from 1970-01-01 to a Gregorian date.
func dayNumber(y, m, d int) int {
	if m <= 2 {
		y--
	}
	era := y / 400
	if y < 0 {
		era = (y - 399) / 400
	}
	yoe := y - era*400
	mp := (m + 9) % 12
	doy := (153*mp+2)/5 + d - 1
	doe := yoe*365 + yoe/4 - yoe/100 + doy
	return era*146097 + doe - 719468
}

//go:noinline
func currencySign(s string) string {
	if v, ok := currencySignWords[s]; ok {
		return v
	}
	return ""
}

var currencySignWords = newWordMap([]words[string]{
	{"$", "USD"},
	{"€", "EUR"},
	{"£", "GBP"},
	{"¥", "JPY"},
	{"₽", "RUB"},
	{"₹", "INR"},
	{"₸", "KZT"},
	{"₴", "UAH"},
	{"₩", "KRW"},
})

func (x *numExtractor) currencyBefore(i int) string {
	if i > 0 && x.adjacent(i-1) {
		if c := currencySign(x.lower(i - 1)); c != "" {
			if c == "USD" && i > 1 && x.adjacent(i-2) {
				switch x.lower(i - 2) {
				case "a", "au":
					return "AUD"
				case "c", "ca":
					return "CAD"
				case "hk":
					return "HKD"
				case "nz":
					return "NZD"
				}
			}
			return c
		}
	}
	if p := x.lower(i - 1); len(p) == 3 && currencyCodes.has(p) {
		return strings.ToUpper(p)
	}
	return ""
}

// currencyCodes before an amount name its currency ("USD 5").
var currencyCodes = newWordSet("usd|eur|gbp|jpy|rub|cny|inr|chf|kzt|uah|cad|aud")

// currencyWord maps a currency name after a number to its code.
//
//go:noinline
func currencyWord(w string) string { return currencyWords[w] }

var currencyWords = newWordMap([]words[string]{
	{"dollars|dollar", "USD"},
	{"euros|euro", "EUR"},
	{"pounds|pound", "pound"},
	{"sterling", "GBP"},
	{"yen", "JPY"},
	{"yuan|renminbi", "CNY"},
	{"rubles|roubles|ruble|rouble", "RUB"},
	{"rupees|rupee", "INR"},
	{"tenge", "KZT"},
	{"hryvnias|hryvnia|hryvnia's", "UAH"},
	{"francs|franc", "CHF"},
	{"lira|liras", "TRY"},
	{"pesos|peso", "peso"},
	{"shekels|shekel", "ILS"},
	{"usd", "USD"},
	{"eur", "EUR"},
	{"gbp", "GBP"},
	{"jpy", "JPY"},
	{"rub", "RUB"},
	{"cny", "CNY"},
	{"chf", "CHF"},
	{"kzt", "KZT"},
	{"uah", "UAH"},
})

// unitWord maps a unit after a number to its symbol.
//
//go:noinline
func unitWord(w string) string {
	if v, ok := unitWordWords[w]; ok {
		return v
	}
	return ""
}

var unitWordWords = newWordMap([]words[string]{
	{"km|kms|kilometres|kilometers|kilometre|kilometer", "km"},
	{"mi|mile|miles", "mi"},
	{"metres|meters|metre|meter", "m"},
	{"ft|feet|foot", "ft"},
	{"cm|centimetres|centimeters|centimetre|centimeter", "cm"},
	{"inches|inch", "in"},
	{"kg|kgs|kilograms|kilogrammes|kilogram|kilos", "kg"},
	{"lb|lbs", "lb"},
	{"tonnes|tonne|tons|ton", "t"},
	{"litres|liters|litre|liter", "l"},
	{"gallons|gallon", "gal"},
	{"hectares|hectare|ha", "ha"},
	{"acres|acre", "acre"},
	{"mph", "mph"},
	{"kph", "kmh"},
	{"days|day", "day"},
	{"weeks|week", "week"},
	{"months|month", "month"},
	{"years|year", "year"},
	{"hours|hour|hrs", "hour"},
	{"minutes|minute|mins", "minute"},
	{"seconds", "second"},
	{"decades|decade", "decade"},
	{"centuries|century", "century"},
})

// isCountUnitWord reports words after a 4-digit number that make it a
// count rather than a year ("2000 people").
//
//go:noinline
func isCountUnitWord(w string) bool {
	if unitWord(w) != "" || currencyWord(w) != "" {
		return true
	}
	if isCountUnitWordWords.has(w) {
		return true
	}
	return false
}

var isCountUnitWordWords = newWordSet("people|persons|troops|soldiers|jobs|homes|members|workers|%|percent")

//go:noinline
func isDeterminer(w string) bool {
	if isDeterminerWords.has(w) {
		return true
	}
	return false
}

var isDeterminerWords = newWordSet("the|a|an|this|that|these|those|its|their|his|her|our|all")

// isNPStop reports function words that end a noun phrase.
var npStops = newWordSet("the|a|an|of|in|on|at|to|for|by|with|from|as|than|but|" +
	"that|who|whom|which|whose|when|where|while|if|because|so|" +
	"this|these|those|their|his|her|its|our|your|my|it|they|he|she|" +
	"we|you|i|there|here|then|more|less|most|some|all|any|no|not|" +
	"each|per|after|before|since|during|over|under|into|out|up|down|" +
	"about|against|between|among|through|across|including|like|just|only|" +
	"still|yet|ago|later|earlier|old|aged|apiece|instead|also|already|" +
	"percent|times|s|or|and|until|till|via|per cent|towards|toward|within|" +
	"without|outside|inside|near|behind|beyond|amid|despite|except|versus|vs")

//go:noinline
func isNPStop(w string) bool { return npStops.has(w) || isAux(w) }

//go:noinline
func isAux(w string) bool {
	if isAuxWords.has(w) {
		return true
	}
	return false
}

var isAuxWords = newWordSet("is|are|was|were|be|been|being|has|have|had|will|would|could|should|may|might|must|can|did|" +
	"do|does|shall|get|got|reportedly|allegedly|reported|said|says|say")

//go:noinline
func isAdverb(w string) bool { return isAdverbWord(w) || strings.HasSuffix(w, "ly") }

// isAdverbWord reports adverbs (and auxiliaries) that sit between a count
// and its state ("were later confirmed dead") or end a noun phrase.
//
//go:noinline
func isAdverbWord(w string) bool {
	if isAdverbWordWords.has(w) {
		return true
	}
	return false
}

var isAdverbWordWords = newWordSet("reportedly|allegedly|also|all|later|since|subsequently|eventually|already|seriously|badly|" +
	"critically|fatally|severely|slightly|lightly|confirmed|now|then|mostly|been|being|not|never|" +
	"late|early|yesterday|today|tonight|overnight|again|too|together|home|abroad|alive|there|" +
	"here|so|far|ago")

// isVerbLike reports common verbs that follow a count as its predicate
// ("two remain", "30 voted"), so that they are not read as nouns.
var verbLike = newWordSet("remain|remains|remained|live|lives|died|die|dies|left|went|came|" +
	"took|made|said|say|says|told|tell|want|wants|think|thinks|believe|" +
	"believes|voted|vote|votes|backed|back|backs|support|supports|oppose|" +
	"opposes|favour|favor|favours|favors|agreed|agree|agrees|disagree|face|" +
	"faces|need|needs|work|works|stay|stays|joined|join|joins|abstained|" +
	"abstain|won|win|wins|lost|lose|loses|got|gets|saw|see|sees|held|" +
	"hold|holds|received|receive|receives|fled|flee|flees|returned|return|" +
	"returns|attended|attend|attends|signed|sign|signs|took part|chose|choose|" +
	"chooses|prefer|prefers|preferred|approve|approves|approved|reject|rejects|" +
	"rejected|responded|answered|surveyed|polled|asked|remaining|apiece|disapprove|" +
	"disapproves|disapproved|opposed|supported|favored|favoured|trust|distrust|expect|" +
	"expects|feel|felt|consider|considers|plan|plans|lack|lacks|own|owns|" +
	"go|goes|picked|undecided|unsure|wrote|write|writes|spoke|speak|speaks|" +
	"began|begin|begins|ran|run|runs|arrived|arrive|arrives|turned|showed|" +
	"became|become|becomes|seem|seems|seemed|treat|offer|offers|called|call")

//go:noinline
func isVerbLike(w string) bool { return verbLike.has(w) }

// isPluralNoun reports a word that looks like a plural noun ("miners",
// "voters"), except plurals that usually modify the next noun ("sports
// fans", "arms dealers").
func isPluralNoun(w string) bool {
	if len(w) < 4 || !strings.HasSuffix(w, "s") || strings.HasSuffix(w, "ss") || strings.HasSuffix(w, "us") ||
		strings.HasSuffix(w, "is") || strings.HasSuffix(w, "'s") {
		return false
	}
	if isPluralNounWords.has(w) {
		return false
	}
	return true
}

var isPluralNounWords = newWordSet("sports|arms|news|goods|savings|sales|affairs|services|rights|forces|works|communications|" +
	"operations|customs|jobs|systems|securities|parts|ways|means|series|species|headquarters|" +
	"always|perhaps|towards|whereas|besides|sometimes|nevertheless|unless")

// isPersonNoun reports general nouns for people, which count the same
// thing ("three people", "the three victims").
//
//go:noinline
func isPersonNoun(w string) bool {
	if isPersonNounWords.has(w) {
		return true
	}
	return false
}

var isPersonNounWords = newWordSet("people|persons|person|victims|victim|individuals|individual|casualties|casualty")

// isStateNoun reports nouns and adjectives that name people by what
// happened to them ("the dead", "72 injured", "9 deaths").
//
//go:noinline
func isStateNoun(w string) bool {
	if isStateNounWords.has(w) {
		return true
	}
	return false
}

var isStateNounWords = newWordSet("dead|deaths|death|fatalities|fatality|injured|wounded|missing|injuries|casualties|arrests|" +
	"detainees|evacuees")

// stateOf maps the stem of a state word to its normalised state: what
// happened to the counted things.
//
//go:noinline
func stateOf(stem string) string {
	if v, ok := stateOfWords[stem]; ok {
		return v
	}
	return ""
}

var stateOfWords = newWordMap([]words[string]{
	{"kill|dead|death|die|fatal|slain|perish", "killed"},
	{"injur|wound|hurt", "injured"},
	{"arrest|detain|detaine", "arrested"},
	{"destroy", "destroyed"},
	{"damag", "damaged"},
	{"miss", "missing"},
	{"evacu|evacue", "evacuated"},
	{"displac", "displaced"},
	{"rescu", "rescued"},
	{"hospit|hospitalis|hospitaliz", "hospitalised"},
	{"infect", "infected"},
	{"releas|freed", "released"},
	{"kidnap|abduct", "abducted"},
	{"convict", "convicted"},
	{"charg", "charged"},
	{"sack|fire|laid", ""},
})
