# plumbline — see README.md. Two commands matter: `make serve` and `make test`.
GO       ?= go
NPM      ?= npm
ADDR     ?= 127.0.0.1:8080
WASM_DIR := $(shell $(GO) env GOROOT)/lib/wasm
GOFILES  := $(shell find analysis wasm cmd -name '*.go' -o -name '*.tsv' -o -name '*.txt' 2>/dev/null)

.PHONY: all build wasm cli serve test test-go test-wasm test-browser test-embed screenshot dist eval bench clean size

all: build

build: wasm cli

wasm: web/plumbline.wasm web/wasm_exec.js

# -s -w -trimpath: no symbol table or DWARF, no local paths; the compiler's
# default inlining (turning it off saved 7 KB gzip but cost 10 % in speed;
# docs/size.md). wasm/size_test.go and bench/build.sh use the same flags.
WASM_FLAGS := -trimpath -ldflags="-s -w"
web/plumbline.wasm: $(GOFILES) analysis/data_gen.go go.mod go.sum
	GOOS=js GOARCH=wasm $(GO) build $(WASM_FLAGS) -o $@ ./wasm

web/wasm_exec.js: $(WASM_DIR)/wasm_exec.js
	cp $< $@

# the built-in lexicons and gazetteer as Go string constants (not
# //go:embed, which costs the wasm 48 KB gzip: docs/size.md)
analysis/data_gen.go: analysis/gendata.go $(wildcard analysis/lexicons/*.tsv) analysis/data/gazetteer.tsv
	cd analysis && $(GO) run gendata.go

# the wasm payload against its budget (900,000 bytes gzip -9, issue 10;
# docs/size.md). `go test ./wasm/` (make test-go) checks the same.
size: web/plumbline.wasm
	@raw=$$(wc -c < web/plumbline.wasm); gz=$$(gzip -9c web/plumbline.wasm | wc -c); \
	echo "web/plumbline.wasm: $$raw bytes, $$gz gzip -9 (budget 900000)"; test $$gz -le 900000

cli: bin/plumbline

bin/plumbline: $(GOFILES) analysis/data_gen.go go.mod go.sum
	$(GO) build -trimpath -o $@ ./cmd/plumbline

serve: build
	./bin/plumbline serve -open -addr $(ADDR) -dir web

test: test-go test-wasm test-browser

test-go:
	@unformatted=$$(gofmt -l analysis wasm cmd internal); if [ -n "$$unformatted" ]; then echo "gofmt needed: $$unformatted"; exit 1; fi
	$(GO) vet ./...
	$(GO) test ./...
	cd third_party/snowball && $(GO) vet ./... && $(GO) test ./...

# the same tests compiled to wasm and run under Node
test-wasm:
	PATH="$$PATH:$(WASM_DIR)" GOOS=js GOARCH=wasm $(GO) test ./analysis/ ./internal/... ./wasm/

node_modules/.installed: package.json
	$(NPM) install --no-audit --no-fund
	touch $@

# one test file at a time (2 shared cores); no test may hang the run
test-browser: build dist node_modules/.installed e2e/embed/node_modules/.installed
	node --test --test-concurrency=1 --test-timeout=120000 e2e/

# docs/screenshot.png: the page with the sample article and a card open. The
# browser tests write it only to e2e/artifacts/ (the tree stays clean); this
# target rewrites the committed one.
screenshot: build node_modules/.installed
	UPDATE_SCREENSHOT=1 node --test --test-timeout=120000 --test-name-pattern='^screenshot of the sample' e2e/page.test.js

# embedding (docs/embedding.md): dist/ is the folder to copy to any static
# host or CMS theme; its modules import only each other.
DIST_FILES := plumbline.js worker.js runtime.js overlay.js highlight.js textmap.js card.js editable.js plumb-line.js \
	plumbline.css editable.css plumb-line.css
dist: wasm $(addprefix web/,$(DIST_FILES)) docs/dist-README.md
	rm -rf dist && mkdir -p dist
	cp web/plumbline.wasm web/wasm_exec.js $(addprefix web/,$(DIST_FILES)) dist/
	cp docs/dist-README.md dist/README.md
	@echo "dist/: $$(du -sb dist | cut -f1) bytes, $$(cat dist/* | gzip -9 | wc -c) bytes gzip (plumbline.wasm $$(gzip -9c dist/plumbline.wasm | wc -c) gzip)"

# the embedding tests' hosts (Decap CMS, Quill) in their own package.json
e2e/embed/node_modules/.installed: e2e/embed/package.json
	cd e2e/embed && $(NPM) install --no-audit --no-fund --loglevel=error
	touch $@

test-embed: build dist node_modules/.installed e2e/embed/node_modules/.installed
	node --test --test-concurrency=1 --test-timeout=120000 e2e/embed/

eval:
	$(GO) run ./cmd/eval -shared ../shared

# speed and size against the JavaScript peers: docs/bench.md (bench/run.mjs).
# SHARED is the shared folder (texts); BENCH_WASM_SRC the wasm entry point
# to build (another worktree's wasm/ before a merge); BENCH_TIME the time
# the native runner spends per text.
SHARED         ?= ../shared
BENCH_OUT      ?= bench/_out
BENCH_WASM_SRC ?= wasm
BENCH_TIME     ?= 1s

bench: bench/node_modules/.installed
	$(GO) run ./bench/texts -shared $(SHARED) -out $(BENCH_OUT)
	GO=$(GO) bash bench/build.sh $(BENCH_OUT) $(BENCH_WASM_SRC)
	$(GO) run ./bench/native -texts $(BENCH_OUT) -benchtime $(BENCH_TIME) > $(BENCH_OUT)/native.json
	node bench/run.mjs $(BENCH_OUT) $(WASM_DIR)/wasm_exec.js docs/bench.md

bench/node_modules/.installed: bench/package.json bench/package-lock.json
	cd bench && $(NPM) ci --no-audit --no-fund
	touch $@

clean:
	rm -rf bin web/plumbline.wasm web/wasm_exec.js dist bench/_out
