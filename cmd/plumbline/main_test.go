package main

import (
	"bytes"
	"encoding/json"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/plumbline/plumbline/analysis"
)

func runCLI(t *testing.T, stdin string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	code = run(args, strings.NewReader(stdin), &out, &errb)
	return code, out.String(), errb.String()
}

func writeFile(t *testing.T, name, content string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestJSONReport(t *testing.T) {
	text := "Terrorists, perhaps hundreds, caused chaos."
	code, out, errs := runCLI(t, text, "--json")
	if code != 0 || errs != "" {
		t.Fatalf("exit %d, stderr %q", code, errs)
	}
	var rep analysis.Report
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatalf("output is not the JSON report: %v", err)
	}
	if rep.Version != 1 || len(rep.Findings) == 0 || rep.Stats.Bytes != len(text) {
		t.Fatalf("report = %+v", rep)
	}
	for _, f := range rep.Findings {
		if text[f.Start:f.End] != f.Text {
			t.Errorf("finding text %q != input[%d:%d]", f.Text, f.Start, f.End)
		}
	}
}

func TestSummary(t *testing.T) {
	path := writeFile(t, "a.txt", "The regime's thugs, perhaps, fled.\n")
	code, out, _ := runCLI(t, "", path)
	if code != 0 || !strings.Contains(out, "scores") || !strings.Contains(out, "1:") {
		t.Fatalf("exit %d, summary:\n%s", code, out)
	}
}

func TestBadInput(t *testing.T) {
	good := writeFile(t, "good.json", `[{"term": "shambles", "kind": "loaded", "category": "catastrophe", "weight": 1, "message": "emotive"}]`)
	tests := []struct {
		name    string
		args    []string
		wantErr string
	}{
		{"missing file", []string{"/nonexistent/file.txt"}, "cannot read input"},
		{"two inputs", []string{"a", "b"}, "one input at a time"},
		{"bad severity", []string{"--min-severity", "fatal", "-"}, "min-severity"},
		{"broken lexicon", []string{"--lexicon", writeFile(t, "bad.json", "[{\"term\": \"x\",\n"), "-"}, "bad.json"},
		{"lexicon with wrong type", []string{"--lexicon", writeFile(t, "type.json", `[{"term": "x", "weight": "heavy"}]`), "-"}, "entry 1"},
		{"missing lexicon", []string{"--lexicon", "/nonexistent.json", "-"}, "cannot read lexicon"},
		{"too large", []string{"--max-bytes", "10", "-"}, "larger than"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			code, out, errs := runCLI(t, "some text that is long enough", append([]string{"--json"}, tc.args...)...)
			if code != 2 {
				t.Errorf("exit %d, want 2", code)
			}
			if out != "" {
				t.Errorf("wrote output %q on error", out)
			}
			if strings.Count(strings.TrimSpace(errs), "\n") != 0 || !strings.Contains(errs, tc.wantErr) {
				t.Errorf("stderr %q: want one line containing %q", errs, tc.wantErr)
			}
		})
	}
	code, out, _ := runCLI(t, "It was a shambles.", "--json", "--lexicon", good)
	if code != 0 || !strings.Contains(out, `"shambles"`) {
		t.Errorf("user lexicon not applied: exit %d\n%s", code, out)
	}
}

func TestServeHeaders(t *testing.T) {
	dir := t.TempDir()
	for name, body := range map[string]string{"index.html": "<!doctype html>", "plumbline.wasm": "\x00asm"} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	srv := httptest.NewServer(handler(dir))
	defer srv.Close()
	for path, ctype := range map[string]string{"/plumbline.wasm": "application/wasm", "/": "text/html; charset=utf-8"} {
		resp, err := srv.Client().Get(srv.URL + path)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if got := resp.Header.Get("Content-Type"); got != ctype {
			t.Errorf("%s Content-Type = %q, want %q", path, got, ctype)
		}
		csp := resp.Header.Get("Content-Security-Policy")
		if !strings.Contains(csp, "script-src 'self' 'wasm-unsafe-eval'") || strings.Contains(csp, "unsafe-inline") {
			t.Errorf("%s CSP = %q", path, csp)
		}
	}
}
