# Build, preview and test the ENT backup guide and its in-browser planner.
# Everything runs through the Go toolchain; Hugo is pinned in go.mod and run
# as `go tool hugo`.

GO       ?= go
HUGO     := $(GO) tool hugo
ADDR     ?= 127.0.0.1:8080
# BASE_URL overrides hugo.toml's baseURL, e.g. https://user.github.io/repo/
BASE_URL ?=
WASM_OUT := assets/wasm/planner.wasm
WASM_EXEC := assets/wasm/wasm_exec.js
# Release flags: no file paths, no symbol table or DWARF in the .wasm.
WASM_FLAGS := -trimpath -ldflags="-s -w"
HUGO_FLAGS := --gc --minify --cleanDestinationDir --destination public $(if $(BASE_URL),--baseURL "$(BASE_URL)")
# Cloudflare Workers: the API's Go program and the JavaScript that loads it.
WORKER_DIR := build/worker
WRANGLER := node_modules/.bin/wrangler
WORKER_IP ?= 127.0.0.1
WORKER_PORT ?= 8787

.PHONY: all build wasm serve dev test vet generate bench clean worker worker-dev worker-deploy fuzz node-deps

all: build

## wasm: compile the planner to WebAssembly and copy the matching wasm_exec.js
wasm:
	@mkdir -p assets/wasm
	GOOS=js GOARCH=wasm $(GO) build $(WASM_FLAGS) -o $(WASM_OUT) ./wasm
	cp "$$($(GO) env GOROOT)/lib/wasm/wasm_exec.js" $(WASM_EXEC)

## build: the .wasm, then the Hugo site into public/, then brotli and gzip
## copies of its text files and the .wasm for the site server
build: wasm
	$(HUGO) $(HUGO_FLAGS)
	$(GO) run ./cmd/precompress -dir public

## serve: build, then serve public/ on http://$(ADDR)/
serve: build
	$(GO) run ./site -addr $(ADDR) -dir public

## dev: Hugo's live-reload server for writing content (http://127.0.0.1:1313/)
dev: wasm
	$(HUGO) server --bind 127.0.0.1 --port 1313

## generate: export the planner's values to data/ for the templates
generate:
	$(GO) run ./cmd/sitedata

## vet: go vet for the host and for js/wasm
vet:
	$(GO) vet ./...
	GOOS=js GOARCH=wasm $(GO) vet ./wasm ./plan ./bench/minimal ./worker

## test: vet, build the site, a short fuzz run, then every unit and browser test
test: vet node-deps build fuzz
	$(GO) test -count=1 ./...

# FUZZ_TARGETS lists package:target pairs. FUZZTIME is each target's budget
# as a count of runs: with a duration, Go 1.26.8's fuzzer can fail a clean run
# with "context deadline exceeded", because its coordinator (internal/fuzz)
# can see the deadline before it has cancelled the workers' context.
FUZZTIME ?= 60000x
FUZZ_TARGETS := ./plan:FuzzDecodeFragment ./plan:FuzzParseProfile ./plan:FuzzBuild ./wasm/sharelink:FuzzEncode

## fuzz: fuzz each target for FUZZTIME runs (e.g. make fuzz FUZZTIME=5000000x)
fuzz:
	@set -e; for t in $(FUZZ_TARGETS); do \
	  echo "fuzz $${t#*:} ($(FUZZTIME))"; \
	  $(GO) test "$${t%%:*}" -run='^$$' -fuzz="^$${t#*:}$$" -fuzztime=$(FUZZTIME) -fuzzminimizetime=1s; \
	done

## bench: measure speed and size; prints a table and writes BENCHMARKS.md
bench: build
	$(GO) run ./cmd/bench

## worker: the API for Cloudflare Workers into build/worker/ (wrangler runs this)
worker:
	$(GO) tool workers-assets-gen -mode=go -o $(WORKER_DIR)
	GOOS=js GOARCH=wasm $(GO) build $(WASM_FLAGS) -o $(WORKER_DIR)/app.wasm ./worker

$(WRANGLER):
	npm ci

## node-deps: install package-lock.json's npm packages (axe-core, wrangler) when npm is present and they are not
node-deps:
	@if [ ! -d node_modules ] && command -v npm >/dev/null 2>&1; then npm ci --no-audit --no-fund; fi

## worker-dev: build, then run the site on the local Workers runtime (http://127.0.0.1:8787/)
worker-dev: $(WRANGLER)
	$(MAKE) build BASE_URL="http://$(WORKER_IP):$(WORKER_PORT)/"
	WRANGLER_SEND_METRICS=false CLOUDFLARE_CF_FETCH_ENABLED=false $(WRANGLER) dev --ip $(WORKER_IP) --port $(WORKER_PORT)

## worker-deploy: build for BASE_URL, then deploy to Cloudflare Workers
worker-deploy: $(WRANGLER)
	@test -n "$(BASE_URL)" || { echo "worker-deploy: set BASE_URL to the Worker's address, e.g. BASE_URL=https://ent-backup-planner.example.workers.dev/"; exit 2; }
	$(MAKE) build BASE_URL="$(BASE_URL)"
	WRANGLER_SEND_METRICS=false $(WRANGLER) deploy

clean:
	rm -rf public resources assets/wasm build .wrangler .hugo_build.lock
