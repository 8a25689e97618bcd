// sample.js: a short, invented news story written for plumbline's demo. It
// exercises every kind of finding: loaded terms, hedges, boosters,
// anonymous attributions, a number given twice with different values and a
// misspelled name. (Portvale and everyone in it are fictional.)
export const SAMPLE_ARTICLE = `Harbour town freezes ferry fares after a week of protests

PORTVALE, 14 March — The town council of Portvale voted on Tuesday to freeze ferry fares for two years, after six days of protests outside the harbour office. Council leader Margit Oyelaran said the decision "keeps the island connected" and promised a review of the timetable in the autumn.

Opponents of the fare rise called the ferry company's board a regime that had sold out the islanders. On Saturday a huge flock of hyenas gathered at the pier, one columnist wrote of the demonstrators who blocked the morning sailing. It was reported that the company lost money during the blockade, and sources said the board is clearly preparing to sell two of its four vessels.

Police said 38 people were detained during the week; all but five were released without charge. The harbour master, Tomas Berglund, told reporters that the blockade had apparently delayed about 1,200 passengers, and that the chaos on the quay was undoubtedly the worst he had seen in twenty years.

The company says the so-called protest leaders were paid by a rival operator, although it has offered no evidence. Speaking after the vote, Ms Oyelaren said the town would perhaps look for a public operator if talks with the company fail. Margit Oyelaran also asked both sides to return to the table.

According to unconfirmed reports, the militants behind Saturday's blockade plan further action next month. On Friday, police said the 43 people detained during the protests had all been questioned.
`;
