package analysis

import (
	"math"
	"strings"

	"github.com/plumbline/plumbline/internal/numtext"
)

// Checks of units, scales and dates: conversions, million vs billion,
// weekdays and "N days later".

// conversionGlue may stand between a quantity and its conversion
// ("5 km (3 mi)", "5 km, or about 3 mi").
var conversionGlue = newWordSet("(|,|or|about|around|roughly|some|nearly|almost|approximately|—|–|-|[")

// conversions checks a measure against its conversion next to it:
// "5 km (8 miles)" is wrong: 5 km is 3.1 miles.
func (c *numChecker) conversions(lo, hi int) {
	for k := lo; k+1 < hi; k++ {
		A, B := &c.ms[k], &c.ms[k+1]
		if A.Kind != NumMeasure || B.Kind != NumMeasure || A.Range || B.Range {
			continue
		}
		ok := true
		for j := A.EndToken; j < B.FirstToken; j++ {
			if !conversionGlue.has(c.lower(j)) {
				ok = false
			}
		}
		if !ok || B.FirstToken-A.EndToken > 3 {
			continue
		}
		if p := c.lower(A.FirstToken - 1); p == "to" || p == "and" || p == "+" {
			continue // "-40°C to +50°C (-40°F to 122°F)": a range converted end by end
		}
		want, exact := convert(A.Value, A.Unit, B.Unit)
		if !exact {
			continue
		}
		tol := math.Max(0.12*math.Abs(want), 0.5)
		if A.Unit == "C" || A.Unit == "F" {
			tol = 2.5
		}
		if math.Abs(B.Value-want) > tol {
			c.add(CatConversion, SeverityError, B, A.Text+" is about "+fmtNum(want)+" "+B.Unit+", not "+fmtNum(B.Value), A)
		}
	}
}

// convert converts v from unit a to unit b; ok is false when the units
// are not a known pair.
func convert(v float64, a, b string) (float64, bool) {
	if a == "C" && b == "F" {
		return v*9/5 + 32, true
	}
	if a == "F" && b == "C" {
		return (v - 32) * 5 / 9, true
	}
	factors := [...]struct {
		a, b string
		f    float64
	}{{"km", "mi", 0.621371}, {"kg", "lb", 2.20462}, {"m", "ft", 3.28084}, {"cm", "in", 0.393701},
		{"l", "gal", 0.264172}, {"ha", "acre", 2.47105}, {"km2", "mi2", 0.386102}, {"kmh", "mph", 0.621371}}
	for _, p := range factors {
		if a == p.a && b == p.b {
			return v * p.f, true
		}
		if a == p.b && b == p.a {
			return v / p.f, true
		}
	}
	return 0, false
}

// scaleMismatch flags the same amount given with different scale words:
// "3.2 billion euros" and "3.2 million euros".
func (c *numChecker) scaleMismatch() {
	seen := map[string]int{}
	for i := range c.ms {
		m := &c.ms[i]
		if m.Scale < 1e6 || m.Range || (m.Kind != NumMoney && m.Kind != NumCount) {
			continue
		}
		round := m.Mantissa == math.Trunc(m.Mantissa) && m.Mantissa <= 10
		if round && m.Head == "" {
			continue
		}
		key := m.Unit + "|" + numtext.FormatShort(m.Mantissa)
		if round {
			key += "|" + m.Head
		}
		if j, ok := seen[key]; ok && c.ms[j].Scale != m.Scale && c.ms[j].Sentence != m.Sentence &&
			!(c.ms[j].Head != "" && m.Head != "" && c.ms[j].Head != m.Head) {
			// (two amounts in one sentence, or of two named things, are two amounts)
			a := &c.ms[j]
			c.add(CatScale, SeverityWarning, m, "the same amount with two scales: "+a.Text+" earlier, "+m.Text+" here ("+fmtNum(a.Value)+" vs "+fmtNum(m.Value)+", a factor of "+fmtNum(math.Max(a.Scale, m.Scale)/math.Min(a.Scale, m.Scale))+")", a)
			continue
		}
		seen[key] = i
	}
}

// ---- dates ----

// dates checks weekdays against their dates and "N days later" against
// the two dates.
func (c *numChecker) dates() {
	var last *NumberMention // latest full date
	var years []int         // the years the text names
	for i := range c.ms {
		if m := &c.ms[i]; (m.Kind == NumYear || m.Kind == NumDate) && m.Year > 0 && !m.YearInferred {
			years = append(years, m.Year)
		}
	}
	for i := range c.ms {
		m := &c.ms[i]
		switch m.Kind {
		case NumDate:
			if m.Invalid {
				days := daysIn(max(m.Year, 2001), m.Month)
				if m.Year == 0 && m.Month == 2 {
					days = 29
				}
				when := monthTitle(m.Month)
				if m.Year > 0 {
					when += " " + itoa(m.Year)
				}
				c.add(CatImpossible, SeverityError, m, monthTitle(m.Month)+" "+itoa(m.Day)+" does not exist: "+when+" has "+itoa(days)+" days")
				continue
			}
			if m.Weekday >= 0 && m.Day > 0 && m.Year > 0 {
				if wd := dayOfWeek(m.Year, m.Month, m.Day); wd != m.Weekday && !(m.YearInferred && (anyYearFits(years, m) || abs(m.Sentence-m.YearFrom) > 3)) {
					sev, note := SeverityError, ""
					if m.YearInferred {
						sev, note = SeverityWarning, " (taking the year "+itoa(m.Year)+" from the other dates)"
					}
					c.add(CatWeekdayDate, sev, m, monthTitle(m.Month)+" "+itoa(m.Day)+", "+itoa(m.Year)+" was a "+titleCase(weekdayNames[wd])+", not a "+titleCase(weekdayNames[m.Weekday])+note)
				}
			}
		case NumDuration:
			if !m.Later || last == nil || (m.Unit != "day" && m.Unit != "week") || m.Approx || m.Range || m.Sentence-last.Sentence > 20 {
				break // "later" counts from a date told not long before
			}
			n := int(m.Value)
			if m.Unit == "week" {
				n *= 7
			}
			// the date the duration leads to: just after it ("Two days
			// later, on March 10"; "a week later (June 8)")
			for k := i + 1; k < len(c.ms) && c.ms[k].Sentence == m.Sentence; k++ {
				D := &c.ms[k]
				if D.Kind != NumDate || D.Day == 0 {
					continue
				}
				if p := c.lower(D.FirstToken - 1); D.FirstToken-m.EndToken > 8 || p != "on" && p != "(" && p != "," {
					break
				}
				y1, y2 := last.Year, D.Year
				if y1 == 0 || y2 == 0 {
					if y1 != y2 {
						break
					}
					y1, y2 = 2001, 2001
				}
				diff := dayNumber(y2, D.Month, D.Day) - dayNumber(y1, last.Month, last.Day)
				if diff != n {
					gap := itoa(diff) + " days later"
					if diff < 0 {
						gap = itoa(-diff) + " days earlier"
					}
					c.add(CatDaysLater, SeverityError, m, "\""+m.Text+"\" but "+D.Text+" is "+gap+" than "+last.Text, last, D)
				}
				break
			}
		}
		switch {
		case m.Kind == NumDate && m.Day > 0 && !m.Invalid:
			last = m
		case m.Kind == NumWeekday, m.Kind == NumDuration && m.Later:
			last = nil // another event in between: "later" may count from it
		}
	}
}

// anyYearFits reports whether one of the years gives the date its weekday:
// a date without a year may belong to any year the text names.
func anyYearFits(years []int, m *NumberMention) bool {
	for _, y := range years {
		if validDate(y, m.Month, m.Day) && dayOfWeek(y, m.Month, m.Day) == m.Weekday {
			return true
		}
	}
	return false
}

func monthTitle(m int) string { return titleCase(monthNames[m-1]) }

//go:noinline
func titleCase(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}
