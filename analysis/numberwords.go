package analysis

import (
	"strconv"
	"strings"
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
	v, err := strconv.ParseFloat(s, 64)
	if err != nil {
		return 0, false
	}
	return v, true
}

func smallNumber(w string) (int, bool) {
	switch w {
	case "zero":
		return 0, true
	case "one":
		return 1, true
	case "two":
		return 2, true
	case "three":
		return 3, true
	case "four":
		return 4, true
	case "five":
		return 5, true
	case "six":
		return 6, true
	case "seven":
		return 7, true
	case "eight":
		return 8, true
	case "nine":
		return 9, true
	case "ten":
		return 10, true
	case "eleven":
		return 11, true
	case "twelve":
		return 12, true
	case "thirteen":
		return 13, true
	case "fourteen":
		return 14, true
	case "fifteen":
		return 15, true
	case "sixteen":
		return 16, true
	case "seventeen":
		return 17, true
	case "eighteen":
		return 18, true
	case "nineteen":
		return 19, true
	case "twenty":
		return 20, true
	case "thirty":
		return 30, true
	case "forty":
		return 40, true
	case "fifty":
		return 50, true
	case "sixty":
		return 60, true
	case "seventy":
		return 70, true
	case "eighty":
		return 80, true
	case "ninety":
		return 90, true
	}
	return 0, false
}

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
	switch w {
	case "first":
		return 1
	case "second":
		return 2
	case "third":
		return 3
	case "fourth":
		return 4
	case "fifth":
		return 5
	case "sixth":
		return 6
	case "seventh":
		return 7
	case "eighth":
		return 8
	case "ninth":
		return 9
	case "tenth":
		return 10
	}
	return 0
}

//go:noinline
func fractionDenominator(w string) int {
	switch w {
	case "half", "halves":
		return 2
	case "third", "thirds":
		return 3
	case "quarter", "quarters", "fourth", "fourths":
		return 4
	case "fifth", "fifths":
		return 5
	case "sixth", "sixths":
		return 6
	case "eighth", "eighths":
		return 8
	case "tenth", "tenths":
		return 10
	}
	return 0
}

//go:noinline
func isOrdinalSuffix(w string) bool { return w == "st" || w == "nd" || w == "rd" || w == "th" }

// mayStartNumber reports whether a word can begin a number expression: a
// number word, a month, a weekday, "a"/"an" ("a dozen", "a third", "a week
// later"), "half", a vague count or an ordinal. It keeps extraction fast:
// most words are rejected by one switch.
func mayStartNumber(w string) bool {
	switch w {
	case "a", "an", "next", "following", "half", "dozens", "scores", "hundreds", "thousands", "millions", "billions",
		"first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
		"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
		"january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
		"november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec":
		return true
	}
	_, ok := smallNumber(w)
	return ok
}

var monthNames = [...]string{"january", "february", "march", "april", "may", "june", "july", "august",
	"september", "october", "november", "december"}

// monthIndex returns 1-12 for a month name or abbreviation, else 0.
//
//go:noinline
func monthIndex(w string) int {
	switch w {
	case "january", "jan":
		return 1
	case "february", "feb":
		return 2
	case "march", "mar":
		return 3
	case "april", "apr":
		return 4
	case "may":
		return 5
	case "june", "jun":
		return 6
	case "july", "jul":
		return 7
	case "august", "aug":
		return 8
	case "september", "sep", "sept":
		return 9
	case "october", "oct":
		return 10
	case "november", "nov":
		return 11
	case "december", "dec":
		return 12
	}
	return 0
}

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
	switch s {
	case "$":
		return "USD"
	case "€":
		return "EUR"
	case "£":
		return "GBP"
	case "¥":
		return "JPY"
	case "₽":
		return "RUB"
	case "₹":
		return "INR"
	case "₸":
		return "KZT"
	case "₴":
		return "UAH"
	case "₩":
		return "KRW"
	}
	return ""
}

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
	switch x.lower(i - 1) {
	case "usd", "eur", "gbp", "jpy", "rub", "cny", "inr", "chf", "kzt", "uah", "cad", "aud":
		return strings.ToUpper(x.lower(i - 1))
	}
	return ""
}

// currencyWord maps a currency name after a number to its code.
func currencyWord(w string) string {
	switch w {
	case "dollars", "dollar":
		return "USD"
	case "euros", "euro":
		return "EUR"
	case "pounds", "pound":
		return "pound"
	case "sterling":
		return "GBP"
	case "yen":
		return "JPY"
	case "yuan", "renminbi":
		return "CNY"
	case "rubles", "roubles", "ruble", "rouble":
		return "RUB"
	case "rupees", "rupee":
		return "INR"
	case "tenge":
		return "KZT"
	case "hryvnias", "hryvnia", "hryvnia's":
		return "UAH"
	case "francs", "franc":
		return "CHF"
	case "lira", "liras":
		return "TRY"
	case "pesos", "peso":
		return "peso"
	case "shekels", "shekel":
		return "ILS"
	case "usd", "eur", "gbp", "jpy", "rub", "cny", "chf", "kzt", "uah":
		return strings.ToUpper(w)
	}
	return ""
}

// unitWord maps a unit after a number to its symbol.
func unitWord(w string) string {
	switch w {
	case "km", "kms", "kilometres", "kilometers", "kilometre", "kilometer":
		return "km"
	case "mi", "mile", "miles":
		return "mi"
	case "metres", "meters", "metre", "meter":
		return "m"
	case "ft", "feet", "foot":
		return "ft"
	case "cm", "centimetres", "centimeters", "centimetre", "centimeter":
		return "cm"
	case "inches", "inch":
		return "in"
	case "kg", "kgs", "kilograms", "kilogrammes", "kilogram", "kilos":
		return "kg"
	case "lb", "lbs":
		return "lb"
	case "tonnes", "tonne", "tons", "ton":
		return "t"
	case "litres", "liters", "litre", "liter":
		return "l"
	case "gallons", "gallon":
		return "gal"
	case "hectares", "hectare", "ha":
		return "ha"
	case "acres", "acre":
		return "acre"
	case "mph":
		return "mph"
	case "kph":
		return "kmh"
	case "days", "day":
		return "day"
	case "weeks", "week":
		return "week"
	case "months", "month":
		return "month"
	case "years", "year":
		return "year"
	case "hours", "hour", "hrs":
		return "hour"
	case "minutes", "minute", "mins":
		return "minute"
	case "seconds":
		return "second"
	case "decades", "decade":
		return "decade"
	case "centuries", "century":
		return "century"
	}
	return ""
}

// isCountUnitWord reports words after a 4-digit number that make it a
// count rather than a year ("2000 people").
func isCountUnitWord(w string) bool {
	if unitWord(w) != "" || currencyWord(w) != "" {
		return true
	}
	switch w {
	case "people", "persons", "troops", "soldiers", "jobs", "homes", "members", "workers", "%", "percent":
		return true
	}
	return false
}

//go:noinline
func isDeterminer(w string) bool {
	switch w {
	case "the", "a", "an", "this", "that", "these", "those", "its", "their", "his", "her", "our", "all":
		return true
	}
	return false
}

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
	switch w {
	case "is", "are", "was", "were", "be", "been", "being", "has", "have", "had", "will", "would", "could",
		"should", "may", "might", "must", "can", "did", "do", "does", "shall", "get", "got", "reportedly",
		"allegedly", "reported", "said", "says", "say":
		return true
	}
	return false
}

//go:noinline
func isAdverb(w string) bool { return isAdverbWord(w) || strings.HasSuffix(w, "ly") }

// isAdverbWord reports adverbs (and auxiliaries) that sit between a count
// and its state ("were later confirmed dead") or end a noun phrase.
//
//go:noinline
func isAdverbWord(w string) bool {
	switch w {
	case "reportedly", "allegedly", "also", "all", "later", "since", "subsequently", "eventually", "already",
		"seriously", "badly", "critically", "fatally", "severely", "slightly", "lightly", "confirmed", "now",
		"then", "mostly", "been", "being", "not", "never", "late", "early", "yesterday", "today", "tonight",
		"overnight", "again", "too", "together", "home", "abroad", "alive", "there", "here", "so", "far", "ago":
		return true
	}
	return false
}

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
	switch w {
	case "sports", "arms", "news", "goods", "savings", "sales", "affairs", "services", "rights", "forces", "works",
		"communications", "operations", "customs", "jobs", "systems", "securities", "parts", "ways", "means", "series",
		"species", "headquarters", "always", "perhaps", "towards", "whereas", "besides", "sometimes", "nevertheless", "unless":
		return false
	}
	return true
}

// isPersonNoun reports general nouns for people, which count the same
// thing ("three people", "the three victims").
//
//go:noinline
func isPersonNoun(w string) bool {
	switch w {
	case "people", "persons", "person", "victims", "victim", "individuals", "individual", "casualties", "casualty":
		return true
	}
	return false
}

// isStateNoun reports nouns and adjectives that name people by what
// happened to them ("the dead", "72 injured", "9 deaths").
//
//go:noinline
func isStateNoun(w string) bool {
	switch w {
	case "dead", "deaths", "death", "fatalities", "fatality", "injured", "wounded", "missing", "injuries",
		"casualties", "arrests", "detainees", "evacuees":
		return true
	}
	return false
}

// stateOf maps the stem of a state word to its normalised state: what
// happened to the counted things.
func stateOf(stem string) string {
	switch stem {
	case "kill", "dead", "death", "die", "fatal", "slain", "perish":
		return "killed"
	case "injur", "wound", "hurt":
		return "injured"
	case "arrest", "detain", "detaine":
		return "arrested"
	case "destroy":
		return "destroyed"
	case "damag":
		return "damaged"
	case "miss":
		return "missing"
	case "evacu", "evacue":
		return "evacuated"
	case "displac":
		return "displaced"
	case "rescu":
		return "rescued"
	case "hospit", "hospitalis", "hospitaliz":
		return "hospitalised"
	case "infect":
		return "infected"
	case "releas", "freed":
		return "released"
	case "kidnap", "abduct":
		return "abducted"
	case "convict":
		return "convicted"
	case "charg":
		return "charged"
	case "sack", "fire", "laid":
		return ""
	}
	return ""
}
