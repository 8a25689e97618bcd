package analysis

import (
	"math"
	"strings"

	"github.com/plumbline/plumbline/internal/numtext"
)

// Checks of stated changes: percent and point changes, multipliers,
// direction and leads ("from 80 to 100, an increase of 20 percent").

// direction of a change word: +1 up, -1 down, 0 none.
//
//go:noinline
func changeDirection(w string) int { return changeDirections[w] }

var changeDirections = newWordMap([]words[int]{
	{"rose|risen|rise|rises|rising|increased|increase|increases|increasing|grew|" +
		"grown|grow|grows|growing|climbed|climb|climbs|climbing|jumped|jump|jumps|" +
		"soared|soar|surged|surge|gained|gain|gains|up|higher|doubled|tripled|" +
		"trebled|quadrupled|rebounded|hike|spiked|growth|boost|boosted|expanded", 1},
	{"fell|fallen|fall|falls|falling|dropped|drop|drops|dropping|declined|" +
		"decline|declines|declining|decreased|decrease|decreases|shrank|shrunk|shrink|" +
		"slipped|slip|plunged|plunge|plummeted|sank|sunk|tumbled|slumped|slump|" +
		"down|lower|halved|reduced|reduction|cut|cuts|loss|lost|dipped|dip|" +
		"contracted|contraction|eased|slid|slide", -1},
})

//go:noinline
func multiplierWord(w string) float64 {
	switch w {
	case "doubled", "doubling", "doubles":
		return 2
	case "tripled", "trebled", "tripling", "triples":
		return 3
	case "quadrupled", "quadrupling":
		return 4
	case "halved", "halving":
		return 0.5
	}
	return 0
}

// comparable reports two mentions that can be the two ends of a change.
//
//go:noinline
func comparable(x, y *NumberMention) bool {
	if x.Range || y.Range {
		return false
	}
	if x.Kind == NumCount && x.Unit == "" && x.Head == "" && (y.Kind == NumMeasure || y.Kind == NumPercent || y.Kind == NumMoney) {
		return true // "from 20 to 30 tonnes": the unit is said once
	}
	if x.Kind != y.Kind {
		return false
	}
	switch x.Kind {
	case NumCount, NumMoney, NumPercent, NumMeasure:
		return x.Unit == y.Unit
	}
	return false
}

// changes checks "from X to Y" (and "Y, up from X") against the stated
// percent change, percentage-point change, multiplier and direction.
func (c *numChecker) changes(lo, hi int) {
	for xi := lo; xi < hi; xi++ {
		X := &c.ms[xi]
		f := X.FirstToken
		if c.lower(f-1) != "from" {
			continue
		}
		var Y *NumberMention
		dir := 0
		verbAt := f - 1
		if xi+1 < hi && c.lower(c.ms[xi+1].FirstToken-1) == "to" && c.smallGap(X.EndToken, c.ms[xi+1].FirstToken-1) && comparable(X, &c.ms[xi+1]) {
			Y = &c.ms[xi+1] // "from X to Y"
		} else if yi := c.mentionBefore(lo, xi, f-1); yi >= 0 && c.lower(c.ms[yi].FirstToken-1) == "to" && comparable(X, &c.ms[yi]) {
			Y = &c.ms[yi] // "rose 50% to Y from X"
			verbAt = Y.FirstToken - 1
		} else {
			// "Y, up 20% from X" / "Y, down from X"
			k := f - 2
			for ; k > f-6 && k >= 0; k-- {
				if d := changeDirection(c.lower(k)); d != 0 && (c.lower(k) == "up" || c.lower(k) == "down" || c.lower(k) == "higher" || c.lower(k) == "lower") {
					dir = d
					break
				}
			}
			if dir == 0 {
				continue
			}
			verbAt = k
			for yi := xi - 1; yi >= lo; yi-- {
				if c.ms[yi].EndToken <= k && comparable(X, &c.ms[yi]) {
					Y = &c.ms[yi]
					break
				}
			}
			if Y == nil {
				continue
			}
		}
		if X.Approx && Y.Approx {
			continue
		}
		x, y := X.Value, Y.Value
		// the change verb: before "from" ("rose sharply from")
		verb := ""
		if dir == 0 {
			for k := verbAt - 1; k >= verbAt-4 && k >= 0 && c.d.Tokens[k].Sentence == X.Sentence; k-- {
				if d := changeDirection(c.lower(k)); d != 0 {
					dir, verb = d, c.d.TokenText(k)
					break
				}
			}
		} else {
			verb = c.d.TokenText(verbAt)
		}
		arith := "from " + X.Text + " to " + Y.Text
		if dir != 0 && x != y && (dir > 0) != (y > x) && multiplierWord(strings.ToLower(verb)) == 0 {
			way := "fell"
			if y > x {
				way = "rose"
			}
			c.add(CatDirection, SeverityError, Y, "\""+verb+"\" but the numbers say otherwise: "+arith+" "+way+" ("+fmtNum(x)+" → "+fmtNum(y)+")", X)
			continue
		}
		// a stated multiplier in the sentence
		// the multiplier of this change: just before it ("tripled, rising
		// from"; "doubled to Y from X") or just after ("…, a doubling")
		wlo, whi := c.window(X)
		first, last := min(X.FirstToken, Y.FirstToken), max(X.EndToken, Y.EndToken)
		for k := max(wlo, first-7); k < min(whi, last+4); k++ {
			if k < first && c.clauseBetween(k, first) || k >= last && c.clauseBetween(last, k) {
				continue
			}
			fct := multiplierWord(c.lower(k))
			if c.lower(k) == "half" && c.lower(k-1) == "by" && dir < 0 {
				fct = 0.5 // "fell by half"
			}
			if fct == 0 || x <= 0 {
				continue
			}
			ratio := y / x
			ok := math.Abs(ratio/fct-1) <= 0.1
			switch c.lower(k - 1) {
			case "nearly", "almost":
				ok = ratio <= fct*1.02 && ratio >= fct*0.75
			case "than":
				ok = ratio >= fct*0.98
			}
			if !ok {
				word := c.d.TokenText(k)
				c.add(CatMultiplier, SeverityError, Y, "\""+word+"\" means ×"+fmtNum(fct)+", but "+arith+" is ×"+numtext.FormatShort(math.Round(ratio*100)/100)+" ("+fmtNum(y)+" / "+fmtNum(x)+")", X)
			}
			break
		}
		// the stated percent or point change nearest to this pair, in its clause
		var best *NumberMention
		bestDist := 12
		for pi := max(lo, xi-6); pi < min(hi, xi+8); pi++ {
			P := &c.ms[pi]
			if P == X || P == Y || (P.Kind != NumPercent && P.Kind != NumPoints && P.Kind != NumFraction) || P.Range || P.Unit == "pt" && X.Kind != NumPercent {
				continue
			}
			if !c.isChangeAmount(P) {
				continue
			}
			a, b := min(P.FirstToken, X.FirstToken, Y.FirstToken), max(P.FirstToken, X.FirstToken, Y.FirstToken)
			if c.crossesClause(a, b, X.FirstToken-1) {
				continue
			}
			if P.FirstToken > Y.FirstToken && P.FirstToken > X.FirstToken && c.otherChange(max(X.EndToken, Y.EndToken), P.FirstToken) {
				continue
			}
			dist := min(abs(P.FirstToken-X.FirstToken), abs(P.FirstToken-Y.FirstToken))
			if dist < bestDist {
				best, bestDist = P, dist
			}
		}
		if best != nil {
			c.checkChange(X, Y, best)
		} else {
			c.absoluteChange(lo, hi, xi, X, Y)
		}
	}
}

// smallGap reports whether tokens [a, b) are at most a short phrase of
// time or place ("in May") between the two ends of a change.
func (c *numChecker) smallGap(a, b int) bool {
	if b-a > 3 || b < a {
		return false
	}
	if b == a {
		return true
	}
	switch c.lower(a) {
	case "in", "on", "at", "by", "for", "last", "this", "a", "per", "each":
	default:
		return false
	}
	for j := a; j < b; j++ {
		if c.d.Tokens[j].Kind == Punct {
			return false
		}
	}
	return true
}

// mentionBefore returns the mention (index < xi) that ends shortly before
// token end ("6% in May" before "from"), or -1.
func (c *numChecker) mentionBefore(lo, xi, end int) int {
	for k := xi - 1; k >= lo; k-- {
		if c.smallGap(max(c.ms[k].EndToken, c.ms[k].SubjectEnd), end) {
			return k
		}
		if c.ms[k].EndToken < end-3 {
			break
		}
	}
	return -1
}

//go:noinline
func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

// crossesClause reports a ";" or another "from" (than the one at token
// from) between tokens a and b.
func (c *numChecker) crossesClause(a, b, from int) bool {
	for j := a; j < b; j++ {
		switch c.lower(j) {
		case ";", "while", "whereas", "but", "although", "though", "compared", "versus", "vs":
			return true
		case "from":
			if j != from {
				return true
			}
		}
	}
	return false
}

// clauseBetween reports "and", "while", "but", ";" or another "from"
// between tokens a and b.
func (c *numChecker) clauseBetween(a, b int) bool {
	for j := a + 1; j < b; j++ {
		if clauseBetweenWords.has(c.lower(j)) {
			return true
		}
	}
	return false
}

var clauseBetweenWords = newWordSet("and|while|but|;|whereas|after|before|then")

// otherChange reports a change verb in the past tense between tokens a
// and b ("rose from $80 to $100, and wages rose 3%"): the percent after
// it states another change.
func (c *numChecker) otherChange(a, b int) bool {
	for j := a; j < b; j++ {
		w := c.lower(j)
		if changeDirection(w) == 0 {
			continue
		}
		if otherChangeWords.has(w) {
			return true
		}
		if strings.HasSuffix(w, "ed") {
			return true
		}
	}
	return false
}

var otherChangeWords = newWordSet("rose|fell|grew|sank|slid|shrank|risen|fallen|grown|cut")

// absoluteChange checks a stated difference against "from X to Y":
// "rose from 100,000 to 160,000, an increase of 50,000" (it is 60,000).
func (c *numChecker) absoluteChange(lo, hi, xi int, X, Y *NumberMention) {
	for pi := max(lo, xi-6); pi < min(hi, xi+8); pi++ {
		P := &c.ms[pi]
		if P == X || P == Y || P.Kind != Y.Kind || P.Unit != Y.Unit || P.Range || P.Approx || P.Kind == NumPercent {
			continue
		}
		if !c.isChangeAmount(P) || c.lower(P.FirstToken-1) == "to" {
			continue
		}
		a, b := min(P.FirstToken, X.FirstToken, Y.FirstToken), max(P.FirstToken, X.FirstToken, Y.FirstToken)
		if c.crossesClause(a, b, X.FirstToken-1) {
			continue
		}
		diff := math.Abs(Y.Value - X.Value)
		if math.Abs(P.Value-diff) > math.Max(0.01*diff, 0.5) && P.Value != 0 {
			c.add(CatPercentChange, SeverityError, P, "from "+X.Text+" to "+Y.Text+" is a change of "+fmtNum(diff)+" ("+fmtNum(Y.Value)+" − "+fmtNum(X.Value)+"), not "+fmtNum(P.Value), X, Y)
		}
		return
	}
}

// isChangeAmount reports a percent that states a change: "an increase
// of 20 percent", "a 33% decline", "up 5%", "by 3 percentage points".
func (c *numChecker) isChangeAmount(P *NumberMention) bool {
	b := c.lower(P.FirstToken - 1)
	if b == "by" || changeDirection(b) != 0 {
		return true
	}
	if b == "of" && changeDirection(c.lower(P.FirstToken-2)) != 0 {
		return true
	}
	if changeDirection(c.lower(P.EndToken)) != 0 {
		return true
	}
	return false
}

func (c *numChecker) checkChange(X, Y, P *NumberMention) {
	x, y := X.Value, Y.Value
	arith := "from " + X.Text + " to " + Y.Text
	if P.Kind == NumPoints {
		if X.Kind != NumPercent {
			return
		}
		actual := math.Abs(y - x)
		if math.Abs(P.Value-actual) > 0.5+1e-9 {
			c.add(CatPointsChange, SeverityError, P, arith+" is a change of "+fmtNum(actual)+" percentage points ("+fmtNum(y)+" − "+fmtNum(x)+"), not "+fmtNum(P.Value), X, Y)
		}
		return
	}
	if x == 0 {
		return
	}
	rel := (y - x) / x * 100
	actual := math.Abs(rel)
	if P.Kind == NumFraction { // "a drop of a third", "cut by half"
		if math.Abs(P.Value*100-actual) > math.Max(3, 0.1*actual) {
			c.add(CatPercentChange, SeverityError, P, arith+" is a change of "+fmtNum(actual)+"% ("+fmtNum(math.Abs(y-x))+" / "+fmtNum(x)+"), not "+P.Text+" ("+fmtNum(P.Value*100)+"%)", X, Y)
		}
		return
	}
	tol := math.Max(1, 0.05*actual)
	if math.Abs(P.Value-actual) <= tol {
		if d := changeDirection(c.lower(P.EndToken)); d != 0 && (d > 0) != (rel > 0) && rel != 0 {
			c.add(CatDirection, SeverityError, P, "\""+P.Text+" "+c.d.TokenText(P.EndToken)+"\" but "+arith+" goes the other way", X, Y)
		}
		return
	}
	word := "increase"
	if rel < 0 {
		word = "decrease"
	}
	msg := arith + " is a " + fmtNum(actual) + "% " + word + " (" + fmtNum(math.Abs(y-x)) + " / " + fmtNum(x) + "), not " + fmtNum(P.Value) + "%"
	if X.Kind == NumPercent && math.Abs(P.Value-math.Abs(y-x)) <= 0.5 {
		c.add(CatPercentChange, SeverityWarning, P, arith+" is a change of "+fmtNum(math.Abs(y-x))+" percentage points ("+fmtNum(y)+" − "+fmtNum(x)+"), which is "+fmtNum(actual)+" percent ("+fmtNum(math.Abs(y-x))+" / "+fmtNum(x)+"): \""+P.Text+"\" should say percentage points", X, Y)
		return
	}
	if alt := math.Abs(y-x) / y * 100; y != 0 && math.Abs(P.Value-alt) <= math.Max(1, 0.05*alt) {
		msg += "; " + fmtNum(P.Value) + "% is the change divided by the new value (" + fmtNum(math.Abs(y-x)) + " / " + fmtNum(y) + ")"
	}
	c.add(CatPercentChange, SeverityError, P, msg, X, Y)
}

// lead checks "a lead of N points" against the two shares in the sentence.
func (c *numChecker) lead(lo, hi int) {
	for li := lo; li < hi; li++ {
		L := &c.ms[li]
		if L.Kind != NumPoints || L.Range {
			continue
		}
		cue := false
		for _, k := range [...]int{L.EndToken, L.EndToken + 1, L.FirstToken - 1, L.FirstToken - 2, L.FirstToken - 3} {
			switch c.lower(k) {
			case "lead", "leads", "leading", "ahead", "margin", "advantage", "edge", "behind", "trails", "trailing", "gap":
				cue = true
			}
		}
		if !cue {
			continue
		}
		if hi-lo > 12 {
			return // a long list of numbers: which two shares the lead is between is unclear
		}
		var shares []*NumberMention
		for k := lo; k < hi; k++ {
			if c.ms[k].Kind == NumPercent && !c.ms[k].Range {
				shares = append(shares, &c.ms[k])
			}
		}
		if len(shares) != 2 {
			continue
		}
		diff := math.Abs(shares[0].Value - shares[1].Value)
		if math.Abs(diff-L.Value) > 1+1e-9 {
			c.add(CatLead, SeverityError, L, "a lead of "+fmtNum(L.Value)+" points does not match the shares: "+shares[0].Text+" − "+shares[1].Text+" is "+fmtNum(diff)+" points", shares[0], shares[1])
		}
	}
}
