//go:build js && wasm

// Command wasm is plumbline compiled to WebAssembly (GOOS=js GOARCH=wasm).
// Its main sets
//
//	globalThis.plumbline = { version, analyze(text, options) }
//
// and then blocks forever (select {}), so the runtime stays alive for any
// number of calls.
//
// analyze returns the report as a plain JavaScript object (not a JSON
// string), with the fields of CONTRACT.md and every offset converted to
// UTF-16 code units (JavaScript string indices). Building the object with
// syscall/js keeps encoding/json (~115 KB gzip) out of the wasm and skips
// a JSON round trip.
//
// A Go function called from JavaScript cannot throw into its caller
// (syscall/js has no way to, and the page's CSP forbids building a JS
// wrapper with new Function). So for bad input — text over
// options.maxBytes, a bad option, a lexicon entry that does not validate,
// or any internal panic — the raw analyze RETURNS a JavaScript Error object
// instead of a report. web/runtime.js, which starts this module in the
// worker and under Node, wraps analyze so that it throws that Error, as
// CONTRACT.md says.
package main

import (
	"math"
	"syscall/js"
	"unsafe"

	"github.com/plumbline/plumbline/analysis"
	"github.com/plumbline/plumbline/internal/numtext"
)

func main() {
	// Compile the built-in lexicon now, while the page is loading, rather
	// than on the first keystroke; an error is reported by analyze.
	_, _ = analysis.Builtin()
	js.Global().Set("plumbline", newAPI())
	select {}
}

// newAPI returns {version, analyze, analyzePacked}; its two functions live
// as long as the program.
func newAPI() js.Value {
	api := newObject()
	api.Set("version", analysis.ReportVersion)
	api.Set("analyze", js.FuncOf(func(_ js.Value, args []js.Value) any { return analyzeJS(args, false) }))
	// both send sentences and quantities packed (packedSentences,
	// packedQuantities); analyzePacked the findings too (packedFindings).
	// web/runtime.js calls analyzePacked and rebuilds the contract's report
	api.Set("analyzePacked", js.FuncOf(func(_ js.Value, args []js.Value) any { return analyzeJS(args, true) }))
	return api
}

var (
	jsObject = js.Global().Get("Object")
	jsArray  = js.Global().Get("Array")
	jsError  = js.Global().Get("Error")
)

func newObject() js.Value { return jsObject.New() }

// badInput is panicked by the option readers and turned into an Error.
type badInput string

// analyzeJS is plumbline.analyze(text, options).
func analyzeJS(args []js.Value, packed bool) (result any) {
	defer func() {
		if p := recover(); p != nil {
			msg := ""
			switch v := p.(type) {
			case badInput:
				msg = string(v)
			case error:
				msg = "plumbline: internal error: " + v.Error()
			case string:
				msg = "plumbline: internal error: " + v
			default:
				msg = "plumbline: internal error"
			}
			result = jsError.New(msg)
		}
	}()
	if len(args) < 1 || args[0].Type() != js.TypeString {
		panic(badInput("plumbline.analyze: the first argument must be a string (the text)"))
	}
	text := args[0].String()
	var opts analysis.Options
	if len(args) > 1 {
		opts = readOptions(args[1])
	}
	rep := analysis.Analyze(text, opts)
	if rep.Error != "" {
		return jsError.New(rep.Error)
	}
	return reportValue(text, &rep, packed)
}

// readOptions converts the options object; unknown keys and wrong types
// are errors, so that a typo does not silently change the result.
func readOptions(o js.Value) analysis.Options {
	var opts analysis.Options
	if o.IsUndefined() || o.IsNull() {
		return opts
	}
	if o.Type() != js.TypeObject {
		panic(badInput("plumbline.analyze: options must be an object"))
	}
	keys := jsObject.Call("keys", o)
	for i := 0; i < keys.Length(); i++ {
		k := keys.Index(i).String()
		v := o.Get(k)
		if v.IsUndefined() {
			continue
		}
		switch k {
		case "kinds":
			opts.Kinds = stringArray(v, "options.kinds")
		case "minSeverity":
			opts.MinSeverity = stringValue(v, "options.minSeverity")
			switch opts.MinSeverity {
			case "", analysis.SeverityInfo, analysis.SeverityWarning, analysis.SeverityError:
			default:
				panic(badInput("options.minSeverity " + numtext.Quote(opts.MinSeverity) + " is not one of info, warning, error"))
			}
		case "maxBytes":
			if v.Type() != js.TypeNumber || v.Float() < 0 || v.Float() != math.Trunc(v.Float()) || v.Float() > math.MaxInt32 {
				panic(badInput("options.maxBytes must be a whole number of bytes"))
			}
			opts.MaxBytes = v.Int()
		case "lexicon":
			opts.Lexicon = readLexicon(v)
		default:
			panic(badInput("plumbline.analyze: unknown option " + numtext.Quote(k) + " (known: kinds, minSeverity, maxBytes, lexicon)"))
		}
	}
	return opts
}

func stringValue(v js.Value, what string) string {
	if v.Type() != js.TypeString {
		panic(badInput(what + " must be a string"))
	}
	return v.String()
}

func isArray(v js.Value) bool { return jsArray.Call("isArray", v).Bool() }

func stringArray(v js.Value, what string) []string {
	if !isArray(v) {
		panic(badInput(what + " must be an array of strings"))
	}
	out := make([]string, v.Length())
	for i := range out {
		out[i] = stringValue(v.Index(i), what+"["+numtext.Itoa(i)+"]")
	}
	return out
}

// readLexicon turns an array of entry objects {term, kind, category,
// weight, message, suggestion, context, disable} into entries on top of the
// built-in lexicon. Defaults match the CLI's JSON reader: kind "loaded",
// weight 1. A LexiconError's message names the entry.
func readLexicon(v js.Value) *analysis.Lexicon {
	if !isArray(v) {
		panic(badInput("options.lexicon must be an array of entries {term, kind, category, weight, message, suggestion, context, disable}"))
	}
	entries := make([]analysis.Entry, v.Length())
	for i := range entries {
		o := v.Index(i)
		where := "options.lexicon[" + numtext.Itoa(i) + "]"
		if o.Type() != js.TypeObject || isArray(o) {
			panic(badInput(where + " must be an object"))
		}
		e := &entries[i]
		keys := jsObject.Call("keys", o)
		for j := 0; j < keys.Length(); j++ {
			k := keys.Index(j).String()
			f := o.Get(k)
			if f.IsUndefined() {
				continue
			}
			switch k {
			case "term":
				e.Term = stringValue(f, where+".term")
			case "kind":
				e.Kind = stringValue(f, where+".kind")
			case "category":
				e.Category = stringValue(f, where+".category")
			case "message":
				e.Message = stringValue(f, where+".message")
			case "suggestion":
				e.Suggestion = stringValue(f, where+".suggestion")
			case "context":
				e.Context = stringValue(f, where+".context")
			case "weight":
				if f.Type() != js.TypeNumber {
					panic(badInput(where + ".weight must be a number"))
				}
				e.Weight = f.Float()
			case "disable":
				if f.Type() != js.TypeBoolean {
					panic(badInput(where + ".disable must be true or false"))
				}
				e.Disable = f.Bool()
			default:
				panic(badInput(where + ": unknown field " + numtext.Quote(k)))
			}
		}
		e.Source = where
		if e.Term != "" {
			e.Source += " (term " + numtext.Quote(e.Term) + ")"
		}
		if e.Kind == "" {
			e.Kind = analysis.KindLoaded
		}
		if e.Weight == 0 && !e.Disable && e.Kind != analysis.KindIgnore {
			e.Weight = 1
		}
	}
	base, err := analysis.Builtin()
	if err != nil {
		panic(badInput("built-in lexicon: " + err.Error()))
	}
	lex, err := base.Extend(entries)
	if err != nil {
		panic(badInput(err.Error()))
	}
	return lex
}

// reportValue builds the report object, converting offsets to UTF-16.
func reportValue(text string, r *analysis.Report, packed bool) js.Value {
	ix := newUTF16Index(text)
	o := newObject()
	o.Set("version", r.Version)

	stats := newObject()
	stats.Set("bytes", r.Stats.Bytes)
	stats.Set("words", r.Stats.Words)
	stats.Set("sentences", r.Stats.Sentences)
	stats.Set("length", ix.Len()) // UTF-16 length of the text: JS text.length
	o.Set("stats", stats)

	scores := newObject()
	scores.Set("overall", r.Scores.Overall)
	scores.Set("loaded", r.Scores.Loaded)
	scores.Set("hedging", r.Scores.Hedging)
	scores.Set("numbers", r.Scores.Numbers)
	scores.Set("names", r.Scores.Names)
	o.Set("scores", scores)

	o.Set("sentences", packedSentences(ix, r.Sentences))

	o.Set("quantities", packedQuantities(ix, r.Quantities))

	if packed {
		o.Set("findings", packedFindings(ix, r.Findings))
	} else {
		o.Set("findings", findingValues(ix, r.Findings))
	}

	sum := newObject()
	sum.Set("byKind", countsValue(r.Summary.ByKind))
	sum.Set("byCategory", countsValue(r.Summary.ByCategory))
	sum.Set("anonymousSources", r.Summary.AnonymousSources)
	sum.Set("namedSources", r.Summary.NamedSources)
	sum.Set("hedgedSentences", r.Summary.HedgedSentences)
	sum.Set("hedgesPerSentence", r.Summary.HedgesPerSentence)
	sum.Set("verdict", r.Summary.Verdict)
	o.Set("summary", sum)
	return o
}

// stringTable numbers the distinct strings of a packed report. They cross
// to JavaScript as ONE string and the UTF-16 end of each (a js.Value per
// string costs a finalizer and a property set on each side).
type stringTable struct {
	index map[string]int
	all   []byte
	units int // UTF-16 length of all
	ends  []float64
	// recent remembers strings by where their bytes lie: most strings of
	// a report are the same few constants and lexicon texts, shared by
	// many findings, and comparing a pointer costs less than hashing the
	// string (in wasm, without AES hashing, most)
	recent [512]struct {
		data *byte
		len  int
		id   int
	}
}

// id returns the string's number, -1 for "".
func (t *stringTable) id(s string) float64 {
	if s == "" {
		return -1
	}
	data := unsafe.StringData(s)
	// a multiplicative hash of the address, 9 bits; the same bytes (and
	// length) are the same string
	r := &t.recent[uint64(uintptr(unsafe.Pointer(data)))*0x9E3779B97F4A7C15>>55]
	if r.data == data && r.len == len(s) {
		return float64(r.id)
	}
	i, ok := t.index[s]
	if !ok {
		if t.index == nil {
			t.index = make(map[string]int, 64)
		}
		i = len(t.ends)
		t.index[s] = i
		t.all = append(t.all, s...)
		t.units += unitsBetween(s, 0, len(s))
		t.ends = append(t.ends, float64(t.units))
	}
	r.data, r.len, r.id = data, len(s), i
	return float64(i)
}

// value is {text, ends}: web/runtime.js splits it back into an array.
func (t *stringTable) value() js.Value {
	o := newObject()
	o.Set("text", string(t.all))
	o.Set("ends", float64Array(t.ends))
	return o
}

// packedQuantities sends the quantities like packedFindings: per quantity
// the string index of its subject and its number of mentions, then per
// mention start, end (UTF-16), value and the string indexes of its kind
// and unit (-1: none).
func packedQuantities(ix *utf16Index, qs []analysis.Quantity) js.Value {
	var st stringTable
	var nums []float64
	for _, q := range qs {
		nums = append(nums, st.id(q.Subject), float64(len(q.Mentions)))
		for _, m := range q.Mentions {
			nums = append(nums, float64(ix.Offset(m.Start)), float64(ix.Offset(m.End)), m.Value, st.id(m.Kind), st.id(m.Unit))
		}
	}
	o := newObject()
	o.Set("strings", st.value())
	o.Set("nums", float64Array(nums))
	return o
}

// findingValues builds the findings as the contract's objects (the raw
// analyze; web/runtime.js uses the faster analyzePacked).
func findingValues(ix *utf16Index, fs []analysis.Finding) js.Value {
	findings := jsArray.New(len(fs))
	for i := range fs {
		f := &fs[i]
		v := spanValue(ix, f.Start, f.End, f.Text)
		v.Set("kind", f.Kind)
		v.Set("category", f.Category)
		v.Set("severity", f.Severity)
		v.Set("message", f.Message)
		if f.Suggestion != "" {
			v.Set("suggestion", f.Suggestion)
		}
		related := jsArray.New(len(f.Related))
		for j, s := range f.Related {
			related.SetIndex(j, spanValue(ix, s.Start, s.End, s.Text))
		}
		v.Set("related", related)
		v.Set("weight", f.Weight)
		if f.Quoted {
			v.Set("quoted", true)
		}
		v.Set("sentence", f.Sentence)
		if f.Rule != "" {
			v.Set("rule", f.Rule)
		}
		findings.SetIndex(i, v)
	}
	return findings
}

// Numbers per finding in packedFindings.
const packedFields = 12

// packedFindings sends the findings as one Float64Array of numbers, one of
// related spans and a table of their distinct strings: three boundary
// crossings in all instead of a dozen per finding (with thousands of
// findings the objects were a third of the call). Per finding: start, end
// (UTF-16), weight, sentence, quoted (0/1), then string indexes of kind,
// category, severity, message, suggestion and rule (-1: none), then the
// number of related spans, whose [start, end] pairs follow in order in
// "related". web/runtime.js rebuilds the contract's objects, taking each
// text from the input.
func packedFindings(ix *utf16Index, fs []analysis.Finding) js.Value {
	var st stringTable
	id := st.id
	nums := make([]float64, 0, packedFields*len(fs))
	var related []float64
	for i := range fs {
		f := &fs[i]
		quoted := 0.0
		if f.Quoted {
			quoted = 1
		}
		nums = append(nums, float64(ix.Offset(f.Start)), float64(ix.Offset(f.End)), f.Weight, float64(f.Sentence), quoted,
			id(f.Kind), id(f.Category), id(f.Severity), id(f.Message), id(f.Suggestion), id(f.Rule), float64(len(f.Related)))
		for _, r := range f.Related {
			related = append(related, float64(ix.Offset(r.Start)), float64(ix.Offset(r.End)))
		}
	}
	o := newObject()
	o.Set("strings", st.value())
	o.Set("nums", float64Array(nums))
	o.Set("related", float64Array(related))
	return o
}

// packedSentences returns the sentences as one Float64Array of
// [start, end, score] triples (UTF-16 offsets), filled with a single copy:
// a news megabyte has about 8,000 sentences, and an object each (three
// property sets and a finalizer per js.Value) was a third of the wasm call.
// web/runtime.js expands it into the contract's {start, end, score} objects.
func packedSentences(ix *utf16Index, ss []analysis.SentenceScore) js.Value {
	vals := make([]float64, 0, 3*len(ss))
	for _, s := range ss {
		vals = append(vals, float64(ix.Offset(s.Start)), float64(ix.Offset(s.End)), s.Score)
	}
	return float64Array(vals)
}

// float64Array copies vals into a new JavaScript Float64Array at once.
func float64Array(vals []float64) js.Value {
	if len(vals) == 0 {
		return js.Global().Get("Float64Array").New(0)
	}
	// wasm memory is little-endian, as typed arrays are on every wasm
	// host: the floats' bytes are copied as they lie
	buf := unsafe.Slice((*byte)(unsafe.Pointer(&vals[0])), 8*len(vals))
	bytes := js.Global().Get("Uint8Array").New(len(buf))
	js.CopyBytesToJS(bytes, buf)
	return js.Global().Get("Float64Array").New(bytes.Get("buffer"))
}

func spanValue(ix *utf16Index, start, end int, text string) js.Value {
	v := newObject()
	v.Set("start", ix.Offset(start))
	v.Set("end", ix.Offset(end))
	v.Set("text", text)
	return v
}

func countsValue(m map[string]int) js.Value {
	v := newObject()
	for k, n := range m {
		v.Set(k, n)
	}
	return v
}
