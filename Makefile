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

.PHONY: all build wasm serve dev test vet generate bench clean

all: build

## wasm: compile the planner to WebAssembly and copy the matching wasm_exec.js
wasm:
	@mkdir -p assets/wasm
	GOOS=js GOARCH=wasm $(GO) build $(WASM_FLAGS) -o $(WASM_OUT) ./wasm
	cp "$$($(GO) env GOROOT)/lib/wasm/wasm_exec.js" $(WASM_EXEC)

## build: the .wasm, then the Hugo site into public/
build: wasm
	$(HUGO) $(HUGO_FLAGS)

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
	GOOS=js GOARCH=wasm $(GO) vet ./wasm ./plan ./bench/minimal

## test: vet, build the site, then every unit and browser test
test: vet build
	$(GO) test -count=1 ./...

## bench: measure speed and size; prints a table and writes BENCHMARKS.md
bench: build
	$(GO) run ./cmd/bench

clean:
	rm -rf public resources assets/wasm .hugo_build.lock
