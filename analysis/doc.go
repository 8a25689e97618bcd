// Package analysis checks whether a news article is plumb: neutral in its
// words, honest in its hedging, consistent in its numbers and names.
//
// The pipeline, one stage per file:
//
//	segment.go   text → sentences and tokens with byte offsets
//	stem.go      tokens → lower-cased, snowball-stemmed terms (cached)
//	lexicon.go   embedded, validated, user-extendable term lists (data, not code)
//	match.go     tokens × lexicon → matches (single words by stem, phrases by stem sequence)
//	check.go     the checks: loaded, hedge (and booster, attribution), numbers, names
//	score.go     findings → scores per sentence, per kind and overall
//	report.go    the report every consumer shares (see CONTRACT.md)
//
// Analyze runs the whole chain. All offsets are half-open byte offsets into
// the UTF-8 input; conversion to UTF-16 happens only at the JavaScript
// boundary (package wasm).
package analysis
