package analysis

import (
	"fmt"
	"os"
	"strings"
	"testing"
)

// numberFindings runs only the number check.
func numberFindings(text string) []Finding {
	return Analyze(text, Options{Kinds: []string{KindNumber}}).Findings
}

// problems returns the warning and error findings.
func problems(fs []Finding) []Finding {
	var out []Finding
	for _, f := range fs {
		if f.Severity != SeverityInfo {
			out = append(out, f)
		}
	}
	return out
}

func describe(fs []Finding) string {
	var b strings.Builder
	for _, f := range fs {
		fmt.Fprintf(&b, "\n\t%s %s %q: %s", f.Severity, f.Category, f.Text, f.Message)
	}
	return b.String()
}

// numberCase is one check test: a text with a problem (category set, and
// the finding or one of its related spans must cover span) or a clean
// control (category empty: no warning or error).
type numberCase struct {
	text     string
	category string
	span     string
	// message must appear in the finding's message (the arithmetic).
	message string
}

func runNumberCases(t *testing.T, cases []numberCase) {
	t.Helper()
	for _, c := range cases {
		got := problems(numberFindings(c.text))
		if c.category == "" {
			if len(got) > 0 {
				t.Errorf("clean text flagged: %q%s", c.text, describe(got))
			}
			continue
		}
		ok := false
		for _, f := range got {
			if f.Category != c.category || !strings.Contains(f.Message, c.message) {
				continue
			}
			if f.Text == c.span {
				ok = true
			}
			for _, r := range f.Related {
				if r.Text == c.span {
					ok = true
				}
			}
		}
		if !ok {
			t.Errorf("%q: want %s on %q with %q, got%s", c.text, c.category, c.span, c.message, describe(got))
		}
	}
}

func TestCheckConflictingValues(t *testing.T) {
	runNumberCases(t, []numberCase{
		{"A fire destroyed 43 homes in the village on Sunday. Officials said the 34 destroyed homes would be rebuilt.", CatConflictingValues, "34", "34 ≠ 43"},
		{"Three people were killed in the crash. Police named the four victims.", CatConflictingValues, "four", "4 ≠ 3"},
		{"Two soldiers were wounded in the attack. The three wounded soldiers were flown to hospital.", CatConflictingValues, "three", "3 ≠ 2"},
		{"Sixteen miners were trapped underground. Rescuers reached the 61 trapped miners late on Friday.", CatConflictingValues, "61", "61 ≠ 16"},
		{"The quake killed twenty-seven people. Rescuers recovered the 72 dead.", CatConflictingValues, "72", "72 ≠ 27"},
		{"Police arrested 150 protesters on Saturday. All 105 arrested protesters were released on bail.", CatConflictingValues, "105", "105 ≠ 150"},
		{"The storm left 27 people injured. Hospitals said all 72 injured would recover.", CatConflictingValues, "27", "72 ≠ 27"},
		{"The blaze destroyed 43 homes. The 34 homes destroyed in the blaze were uninsured.", CatConflictingValues, "34", "34 ≠ 43"},
		{"Nine students were expelled. The eight expelled students appealed.", CatConflictingValues, "eight", "8 ≠ 9"},
		{"The plane carried 150 passengers and six crew. All 151 passengers were killed.", CatConflictingValues, "151", "151 ≠ 150"},
		{"Twelve miners were trapped underground. Rescuers freed all 13 miners on Sunday.", CatConflictingValues, "13", "13 ≠ 12"},
		{"The couple had three children. Their four children live abroad.", CatConflictingValues, "four", "4 ≠ 3"},
		{"Rebels freed 23 hostages on Friday. The 32 freed hostages were flown home.", CatConflictingValues, "32", "32 ≠ 23"},
		{"Nine climbers died on the mountain. The bodies of the six climbers were recovered.", CatConflictingValues, "six", "6 ≠ 9"},
		{"Police said 12 protesters were arrested. Of the 21 arrested protesters, 5 were charged.", CatConflictingValues, "21", "21 ≠ 12"},
		// clean controls
		{"A fire destroyed 43 homes in the village. Officials said the 43 destroyed homes would be rebuilt.", "", "", ""},
		{"Five soldiers were killed and three were wounded. The three wounded soldiers were flown to a hospital.", "", "", ""},
		{"Two men were arrested. Police later released the two men who were arrested.", "", "", ""},
		{"The storm killed 12 people. The 20 people who were injured were taken to hospital.", "", "", ""},
		{"Five people died in the first attack. In a second attack, three people died.", "", "", ""},
		{"The company has 300 employees. The 30 employees in the Paris office will move.", "", "", ""},
		{"The company has 30 employees. The 25 employees in the Paris office will move.", "", "", ""},
		{"The council has 15 members. The 9 members of the majority voted for it.", "", "", ""},
		{"Police said 20 people were detained. The 12 detained men and the 8 detained women were questioned.", "", "", ""},
		{"Hospitals treated 40 injured people. Of those, the 12 injured children were in serious condition.", "", "", ""},
		{"In the document, the world's 5,000 bishops were addressed. Later the three bishops signed it.", "", "", ""},
		{"In 2019, 30 people died on the roads; in 2020, 45 people died.", "", "", ""},
		{"Five people were arrested in Paris on Monday. Police said the four people arrested in Lyon were released.", "", "", ""},
		{"Twenty people were hurt, the ministry said. The 12 injured in the blast at the market were taken to hospital.", "", "", ""},
		{"Seven people died and 20 were injured. The 27 casualties were taken to hospital.", "", "", ""},
		{"Two people were shot dead in Kabul on Monday. The two victims were police officers.", "", "", ""},
		{"There were 5 suspects. The five suspects who remain at large are armed.", "", "", ""},
		{"Three people died in the fire. A fourth person died later in hospital. The four victims were named on Sunday.", "", "", ""},
		{"Two soldiers were wounded on Monday and another one on Tuesday. The three wounded soldiers were flown home.", "", "", ""},
		{"Police arrested 10 people on Monday and 5 more on Tuesday. The 15 arrested were charged.", "", "", ""},
		{"A 34-year-old man and a 43-year-old woman were arrested.", "", "", ""},
		{"The 1992 treaty was signed by six states; in 2014 the group had six members again after two joined and two left.", "", "", ""},
	})
}

func TestCheckUpdatedValueIsInfo(t *testing.T) {
	tests := []string{
		"Three people were killed on Monday. By Wednesday the death toll had risen to five, and the five victims were named.",
		"The death toll rose to 12 on Thursday; on Wednesday officials had reported 9 deaths.",
		"On Sunday 16 police officers were killed. The number of police officers who were killed has risen to 17.",
		"Officials said 40 homes were destroyed. Earlier it was reported that 30 homes were destroyed.",
	}
	for _, text := range tests {
		fs := numberFindings(text)
		if p := problems(fs); len(p) > 0 {
			t.Errorf("explained update flagged: %q%s", text, describe(p))
		}
		info := false
		for _, f := range fs {
			if f.Category == CatUpdatedValue && f.Severity == SeverityInfo && len(f.Related) == 1 {
				info = true
			}
		}
		if !info {
			t.Errorf("no updated-value info for %q%s", text, describe(fs))
		}
	}
}

func TestCheckChanges(t *testing.T) {
	runNumberCases(t, []numberCase{
		{"The population fell from 200,000 to 150,000, a 33% decline.", CatPercentChange, "33%", "25% decrease (50,000 / 200,000)"},
		{"Prices rose from $80 to $100, an increase of 20 percent.", CatPercentChange, "20 percent", "25% increase"},
		{"Sales increased 50% to $150 million from $120 million.", CatPercentChange, "50%", "25% increase"},
		{"Prices fell 10% from $100 to $80.", CatPercentChange, "10%", "20% decrease"},
		{"Inflation rose to 6% in May from 4% in April, an increase of 2 percent.", CatPercentChange, "2 percent", "percentage points"},
		{"Support dropped 5 percentage points, from 48% to 45%.", CatPointsChange, "5 percentage points", "3 percentage points"},
		{"Unemployment fell from 8.5% to 6.5%, a drop of 3 percentage points.", CatPointsChange, "3 percentage points", "2 percentage points"},
		{"The number of cases doubled from 300 to 900.", CatMultiplier, "900", "×3"},
		{"The company's revenue tripled, rising from $4 million to $8 million in two years.", CatMultiplier, "$8 million", "×2"},
		{"Costs were halved, from $10 million to $8 million.", CatMultiplier, "$8 million", "×0.8"},
		{"Unemployment rose from 7% to 5% last year.", CatDirection, "5%", "\"rose\""},
		{"Exports fell from 20 to 30 tonnes.", CatDirection, "30 tonnes", "\"fell\""},
		{"Smith has 48% and Jones 45%, a 5-point lead.", CatLead, "5-point", "3 points"},
		{"Jones leads with 52 percent to Smith's 44 percent, a lead of 3 points.", CatLead, "3 points", "8 points"},
		{"The vote was 52 percent to 45 percent, a 9-point margin.", CatLead, "9-point", "7 points"},
		{"The share fell to 30% from 40%, a drop of 10 percent.", CatPercentChange, "10 percent", "should say percentage points"},
		{"Profits jumped 40 per cent to £14m from £12m.", CatPercentChange, "40 per cent", "16.7% increase"},
		{"Sales dropped 20 percent to 170,000 units from 200,000.", CatPercentChange, "20 percent", "15% decrease"},
		{"Membership rose from 100,000 to 160,000, an increase of 50,000.", CatPercentChange, "50,000", "change of 60,000"},
		{"Rents increased by 15%, from $1,000 to $1,200.", CatPercentChange, "15%", "20% increase"},
		{"The budget was cut from €2 billion to €1.5 billion, a reduction of 33%.", CatPercentChange, "33%", "25% decrease"},
		{"Support rose 4 points to 45% from 43%.", CatPointsChange, "4 points", "2 percentage points"},
		{"Sales doubled to 30,000 from 12,000.", CatMultiplier, "30,000", "×2.5"},
		{"Sales rose from 300 to 700, a doubling in two years.", CatMultiplier, "700", "×2.33"},
		{"The price of bread jumped from 2 to 3 euros, a rise of 33 percent.", CatPercentChange, "33 percent", "50% increase"},
		{"Candidate A leads B by 8 points, 46% to 41%.", CatLead, "8 points", "5 points"},
		{"Revenue fell by half, from $10 million to $7 million.", CatMultiplier, "$7 million", "×0.7"},
		{"Flights were cut from 120 a day to 80, a drop of a half.", CatPercentChange, "a half", "33.3%"},
		// clean controls
		{"Prices rose from $80 to $100, a 25% increase.", "", "", ""},
		{"The population fell from 200,000 to 150,000, a 25% decline.", "", "", ""},
		{"Unemployment fell from 8.5% to 6.5%, a drop of 2 percentage points.", "", "", ""},
		{"Revenue doubled from $4 million to $8 million.", "", "", ""},
		{"Revenue more than doubled, from $4 million to $9 million.", "", "", ""},
		{"Sales rose 20% to $120 million from $100 million.", "", "", ""},
		{"Unemployment rose from 5% to 7%, up 2 percentage points.", "", "", ""},
		{"The unemployment rate for immigrants fell 21%, from 3.8% to 3.0%; for others it fell 12%, from 4.2% to 3.7%.", "", "", ""},
		{"Smith has 48% and Jones 45%, a 3-point lead.", "", "", ""},
		{"Temperatures will range from 10 to 12 degrees.", "", "", ""},
		{"Flights were cut from 120 a day to 80, a drop of a third.", "", "", ""},
		{"Prices rose from $80 to $100 last year, while wages rose 3%.", "", "", ""},
		{"Prices rose from $80 to $100, and wages climbed 3%.", "", "", ""},
		{"Wages rose 3% while prices rose from $80 to $100.", "", "", ""},
		{"The number of cases doubled in March and rose from 300 to 900 by June.", "", "", ""},
		{"Sales rose from 300 to 600, a doubling in two years.", "", "", ""},
		{"Membership rose from 100,000 to 160,000, an increase of 60,000.", "", "", ""},
		{"Prices rose from $80 to $100, up $20.", "", "", ""},
		{"The company said revenue grew 12% to $4.48 billion from $4 billion a year earlier.", "", "", ""},
	})
}

func TestCheckPartsWhole(t *testing.T) {
	runNumberCases(t, []numberCase{
		{"Of the 50 delegates, 30 voted in favour, 15 voted against and 10 abstained.", CatPartsWhole, "50", "30 + 15 + 10 = 55"},
		{"Of the 120 passengers, 80 were rescued and 50 are missing.", CatPartsWhole, "120", "= 130"},
		{"Of the 40 members, 25 voted yes and the remaining 10 voted no.", CatPartsWhole, "40", "fewer than"},
		{"The attack killed 12 people, including 7 children and 8 women.", CatPartsWhole, "12", "7 + 8 = 15"},
		{"The 9-member council voted 6-4 to approve the plan.", CatPartsWhole, "6-4", "6 + 4 = 10"},
		{"The bill passed 60-45 in the 100-seat senate.", CatPartsWhole, "60-45", "= 105"},
		{"The company cut 1,200 jobs, or 15% of its 6,000 workers.", CatPartsWhole, "15%", "20%"},
		{"Of those surveyed, 45% backed the plan, 40% opposed it and 30% were undecided.", CatSharesSum, "45%", "= 115%"},
		{"Half of voters backed the deal, a third opposed it and a quarter were undecided.", CatSharesSum, "Half", "more than 100%"},
		{"The government said 40% of the budget went to health, 35% to education and 30% to defence.", CatSharesSum, "40%", "= 105%"},
		{"The plant employs 1,500 people, of whom 800 are women and 900 are men.", CatPartsWhole, "1,500", "800 + 900 = 1,700"},
		{"Of the 300 prisoners, 200 were released and the remaining 150 were transferred.", CatPartsWhole, "300", "= 350"},
		{"The 25-member jury voted 14-12.", CatPartsWhole, "14-12", "14 + 12 = 26"},
		{"Of the 40 arrested, 30 were charged and 15 were released; none were held.", CatPartsWhole, "40", "30 + 15 = 45"},
		{"The delegation of 12 people, comprising 5 ministers and 6 advisers, arrived.", CatPartsWhole, "12", "fewer than"},
		{"Police detained 10 people: 4 men and 5 women.", CatPartsWhole, "10", "4 + 5 = 9"},
		{"Out of 200 applicants, 150 were accepted and 60 rejected.", CatPartsWhole, "200", "= 210"},
		{"The council's 15 members split: 9 voted yes, 5 voted no and 2 abstained.", CatPartsWhole, "9", "9 + 5 + 2 = 16"},
		{"Respondents were split: 60 percent said yes, 45 percent said no.", CatSharesSum, "60 percent", "= 105%"},
		{"The 12-member panel met on Monday. Seven members voted in favour and 6 against.", CatPartsWhole, "Seven", "7 + 6 = 13"},
		{"The attack killed 10 people, including 12 children.", CatPartsWhole, "10", "12 > 10"},
		{"A poll of 1,000 adults found 52% approve of the president, 44% disapprove and 14% are unsure.", CatSharesSum, "52%", "= 110%"},
		{"Half of voters backed it and two-thirds opposed it.", CatSharesSum, "Half", "116.7%"},
		// clean controls
		{"Of the 50 delegates, 30 voted in favour, 15 against and 5 abstained.", "", "", ""},
		{"Of the 50 delegates, 30 voted in favour and 15 against.", "", "", ""},
		{"Of the 145 arrested, 86 had convictions; 39 had been deported before, four of which had charges pending; 20 had no record, one has charges pending.", "", "", ""},
		{"The attack killed 12 people, including 7 children.", "", "", ""},
		{"The attack killed 12 people, including 7 children and 8 Syrians.", "", "", ""},
		{"Of the 100 patients, 60 had fever and 50 had a cough.", "", "", ""},
		{"The plant employs 1,500 people, of whom 800 are women and 900 are over 50.", "", "", ""},
		{"The 12-member board voted 7-5 to approve it.", "", "", ""},
		{"The company cut 1,200 jobs, or 20% of its 6,000 workers.", "", "", ""},
		{"Of those surveyed, 45% backed the plan, 40% opposed it and 15% were undecided.", "", "", ""},
		{"Turnout was 70%, and the ruling party won 60% of the vote.", "", "", ""},
		{"Some 60% of men and 55% of women said they voted.", "", "", ""},
		{"Half of schools lack water and two-thirds lack electricity.", "", "", ""},
		{"Of the respondents, 60% were women and 55% were over 50.", "", "", ""},
		{"Of the respondents, 60% were in favour and 55% were against.", CatSharesSum, "60%", "= 115%"},
		{"The crew of 12 people, made up of 8 sailors and 4 officers, survived.", "", "", ""},
		{"The 12-member panel met. Seven voted in favour and 5 against.", "", "", ""},
		{"The 15-member council voted 13-0. Of the 193 member states, 141 voted for the resolution, 5 against and 35 abstained.", "", "", ""},
		{"The 9 victims, including 4 men and 3 women, were named.", "", "", ""},
		{"There were two assignments — one on Monday.", "", "", ""},
		{"Number of nuns: 120 solemnly professed: 119 in formation: 1 average age: 73.", "", "", ""},
		{"A poll of 1,000 adults found 52% approve of the president, 44% disapprove and 4% are unsure.", "", "", ""},
		{"Of the 193 member states, 141 voted for the resolution, 5 against and 35 abstained.", "", "", ""},
		{"Of the 50 states, 31 reported gains and 12 reported losses. The 31 states with gains were led by Texas.", "", "", ""},
		{"The plant employs 1,500 people, of whom 600 are women and 900 are men.", "", "", ""},
		{"The government said 40% of the budget went to health, 35% to education and 25% to defence.", "", "", ""},
		{"Of the 300 prisoners, 200 were released and the remaining 100 were transferred.", "", "", ""},
		{"He scored 3 goals in the first half and the team won 5-2.", "", "", ""},
	})
}

func TestCheckImpossibleValues(t *testing.T) {
	runNumberCases(t, []numberCase{
		{"A majority of respondents, 41 percent, said they opposed the plan.", CatImpossible, "41 percent", "more than 50%"},
		{"Turnout was 48 percent, a majority of registered voters.", CatImpossible, "48 percent", "more than 50%"},
		{"Nearly half of respondents (56%) said they would vote.", CatImpossible, "56%", "under 50%"},
		{"Most voters, 45%, backed the plan.", CatImpossible, "45%", "more than 50%"},
		{"More than half of the staff, 42 percent, said they were leaving.", CatImpossible, "42 percent", "more than 50%"},
		{"Some 120% of voters turned out.", CatImpossible, "120%", "cannot exceed 100%"},
		{"Turnout was 112%, officials said.", CatImpossible, "112%", "cannot exceed 100%"},
		{"The route is 5 km (8 miles) long.", CatConversion, "8 miles", "3.1 mi"},
		{"The temperature reached 40°C (70°F) on Monday.", CatConversion, "70°F", "104 F"},
		{"The fish weighed 10 kg (50 pounds).", CatConversion, "50 pounds", "22 lb"},
		{"Exports reached 3.2 billion euros in March. The 3.2 million euros in March exports were a record.", CatScale, "3.2 million euros", "factor of 1,000"},
		{"Exports were worth $4.5bn last year. The $4.5m in exports was a record.", CatScale, "$4.5m", "4.5 billion vs 4.5 million"},
		{"About two-thirds of residents, or 45%, opposed the plan.", CatImpossible, "45%", "66.7%"},
		{"The march covered 20 miles (12 km).", CatConversion, "12 km", "32.2 km"},
		{"Water boils at 100°C (180°F).", CatConversion, "180°F", "212 F"},
		{"He ran a 5-mile (10-km) race.", CatConversion, "10-km", "8 km"},
		// clean controls
		{"A majority, 56 percent, said they approved.", "", "", ""},
		{"The party won a majority with 45% of the vote.", "", "", ""},
		{"Most voters, 55%, backed the plan.", "", "", ""},
		{"Most of the 40% who voted backed the plan.", "", "", ""},
		{"Nearly half of respondents, 47%, said yes.", "", "", ""},
		{"A majority of voters backed the plan, while 41% of the young opposed it.", "", "", ""},
		{"Prices rose 120% over the decade.", "", "", ""},
		{"Turnout was 71%, officials said.", "", "", ""},
		{"Exports were 120% of the 2019 level.", "", "", ""},
		{"The route is 5 km (3.1 miles) long.", "", "", ""},
		{"It was 40°C (104°F) in the shade.", "", "", ""},
		{"The fish weighed 10 kg (22 pounds).", "", "", ""},
		{"Exports reached 3.2 billion euros. The 3.2 billion euros were a record.", "", "", ""},
		{"The plan gives $1.5 billion for roads and $1.5 million for signs.", "", "", ""},
		{"About 1 million people live there and the budget is $1 billion.", "", "", ""},
		{"About two-thirds of residents, or 64%, opposed the plan.", "", "", ""},
		{"Nearly a third of residents (31%) opposed the plan.", "", "", ""},
		{"The march covered 20 miles (32 km).", "", "", ""},
		{"He ran a 5-mile (8-km) race.", "", "", ""},
		{"Temperatures range from -40°C to +50°C (-40°F to 122°F).", "", "", ""},
		{"It fell to minus 5 degrees Celsius (23 degrees Fahrenheit).", "", "", ""},
		{"He is 6 ft (1.8 m) tall and weighs 200 pounds (90 kg); the 1,000-mile (1,600-km) border is 2 feet (60 cm) high.", "", "", ""},
		{"It was -5°C (23°F) at night and −10°C (14°F) later; the record is -40 degrees Celsius (-40 degrees Fahrenheit).", "", "", ""},
	})
}

func TestCheckDates(t *testing.T) {
	runNumberCases(t, []numberCase{
		{"The ceremony took place on Thursday, March 3, 2021, in the capital.", CatWeekdayDate, "Thursday, March 3, 2021", "was a Wednesday"},
		{"It was held on Tuesday, 12 May 1976.", CatWeekdayDate, "Tuesday, 12 May 1976", "was a Wednesday"},
		{"It opened on Tuesday, Jan. 12, 2022.", CatWeekdayDate, "Tuesday, Jan. 12, 2022", "was a Wednesday"},
		{"The talks began on January 2, 2022. They ended on Friday, January 10.", CatWeekdayDate, "Friday, January 10", "was a Monday"},
		{"In 2021, the ceremony took place on Thursday, March 3.", CatWeekdayDate, "Thursday, March 3", "was a Wednesday"},
		{"The protest began on March 3. Five days later, on March 10, police cleared the square.", CatDaysLater, "Five days later", "7 days later"},
		{"Voting ended on June 1, 2020. A week later, on June 10, 2020, results were out.", CatDaysLater, "A week later", "9 days later"},
		{"He was born on 29 February 2019.", CatImpossible, "29 February 2019", "February 2019 has 28 days"},
		{"The vote was held on May 4, 2021. The next day, on May 6, 2021, results were published.", CatDaysLater, "next day", "2 days later"},
		{"The report is dated June 31.", CatImpossible, "June 31", "June has 30 days"},
		// clean controls
		{"The ceremony was held on Wednesday, March 3, 2021.", "", "", ""},
		{"On Monday, Jan. 10, 2022, the court met.", "", "", ""},
		{"It happened on Friday 13 March 2020.", "", "", ""},
		{"The court met on Wednesday (Jan. 12, 2022).", "", "", ""},
		{"In 2021, the ceremony took place on Wednesday, March 3.", "", "", ""},
		{"On Sunday, 5 June 2022, the vote took place.", "", "", ""},
		{"The protest began on March 3. Five days later, on March 8, police cleared the square.", "", "", ""},
		{"The talks began on January 2, 2022. They ended on Monday, January 10.", "", "", ""},
		// a date without a year, far from any year, is not checked
		{"In 1963 the president was shot.\n\nMany years passed. Files were sealed. Courts ruled. Nothing changed.\n\nThe tweet was sent on Saturday, October 21.", "", "", ""},
		{"They met on Monday. In 2014 the riots began.", "", "", ""},
		{"The strike began on March 3. On Friday the talks failed. Two days later, on March 9, the union gave in.", "", "", ""},
		{"The strike began on March 3. Five days later, the talks failed. Two days later, on March 10, the union gave in.", "", "", ""},
		{"He was born on 29 February 2020.", "", "", ""},
		{"The vote was held on May 4, 2021. The next day, on May 5, 2021, results were published.", "", "", ""},
		{"The next day was quiet.", "", "", ""},
		{"It was delivered on May 24, 2008. The following day, I delivered a memo to the new deputy, who had held the post since December 6, 2006.", "", "", ""},
	})
}

// The sample article: 16 → 17 officers killed is an explained update, and
// nothing else in its numbers is a problem.
func TestKazakhstanArticle(t *testing.T) {
	data, err := os.ReadFile("../../shared/examples/kazakhstan-riots-2022.txt")
	if err != nil {
		t.Skip("../shared not present")
	}
	rep := Analyze(string(data), Options{Kinds: []string{KindNumber}})
	if p := problems(rep.Findings); len(p) > 0 {
		t.Errorf("number warnings in a consistent article:%s", describe(p))
	}
	updates := 0
	for _, f := range rep.Findings {
		if f.Category == CatUpdatedValue {
			updates++
			if !strings.Contains(f.Message, "16") || !strings.Contains(f.Message, "17") {
				t.Errorf("update message without its numbers: %s", f.Message)
			}
		}
	}
	if updates == 0 {
		t.Error("16 → 17 officers killed not reported as an update")
	}
	found := false
	for _, q := range rep.Quantities {
		if strings.Contains(q.Subject, "officers killed") && len(q.Mentions) == 3 {
			found = true
		}
	}
	if !found {
		t.Errorf("officers killed is not one quantity with three mentions: %+v", rep.Quantities)
	}
}

func TestQuantitiesInReport(t *testing.T) {
	text := "Police arrested 12 protesters on Monday. The 12 arrested protesters were released. Two journalists were injured."
	rep := Analyze(text, Options{})
	if len(rep.Quantities) != 2 {
		t.Fatalf("want 2 quantities, got %+v", rep.Quantities)
	}
	q := rep.Quantities[0]
	if !strings.Contains(q.Subject, "protesters") || !strings.Contains(q.Subject, "arrested") || len(q.Mentions) != 2 || q.Mentions[0].Value != 12 || q.Mentions[0].Kind != "count" {
		t.Errorf("first quantity: %+v", q)
	}
	for _, q := range rep.Quantities {
		for _, m := range q.Mentions {
			if text[m.Start:m.End] != m.Text {
				t.Errorf("mention span %d-%d is not %q", m.Start, m.End, m.Text)
			}
		}
	}
}

func TestFmtNum(t *testing.T) {
	tests := []struct {
		v    float64
		want string
	}{
		{200000, "200,000"}, {33.333, "33.3"}, {25, "25"}, {3.2e9, "3.2 billion"}, {4e6, "4 million"},
		{0.5, "0.50"}, {-12, "-12"}, {1234.56, "1,234.6"},
	}
	for _, tt := range tests {
		if got := fmtNum(tt.v); got != tt.want {
			t.Errorf("fmtNum(%g) = %q, want %q", tt.v, got, tt.want)
		}
	}
}

func TestPlausibleSlip(t *testing.T) {
	tests := []struct {
		a, b float64
		want bool
	}{
		{27, 72, true}, {43, 34, true}, {2, 3, true}, {200, 2000, true}, {16, 61, true},
		{5000, 3, false}, {300, 45, false}, {12, 125, false},
	}
	for _, tt := range tests {
		if got := plausibleSlip(tt.a, tt.b); got != tt.want {
			t.Errorf("plausibleSlip(%g, %g) = %v", tt.a, tt.b, got)
		}
	}
}

// One problem seen by two rules (parts of a whole, and votes of a body) is
// reported once.
func TestOneProblemOneFinding(t *testing.T) {
	for _, text := range []string{
		"Of the 50 delegates, 30 voted in favour, 15 voted against and 10 abstained.",
		"Of the 40 senators, 25 voted for the bill and 20 against it.",
	} {
		got := problems(numberFindings(text))
		if len(got) != 1 {
			t.Errorf("%q: want one finding, got %d:%s", text, len(got), describe(got))
		}
	}
}

// TestSameQuantity checks sameQuantity against the keys it stands for.
func TestSameQuantity(t *testing.T) {
	ms := []NumberMention{
		{}, {Head: "person"}, {State: "killed"}, {Head: "person", State: "killed"},
		{Head: "offic", State: "killed"}, {Head: "offic"}, {Head: "home", State: "destroyed"},
	}
	for i := range ms {
		for j := range ms {
			a, b := &ms[i], &ms[j]
			if got, want := sameQuantity(a, b), quantityKey(a) == quantityKey(b); got != want {
				t.Errorf("sameQuantity(%q|%q, %q|%q) = %v, want %v", a.Head, a.State, b.Head, b.State, got, want)
			}
		}
	}
}
