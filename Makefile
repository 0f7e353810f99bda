# The two commands a new user needs are `make run` and `make test` (see README).
GO      ?= go
ADDR    ?= localhost:8000
WASM    := web/app.wasm

.PHONY: run test bench dist wasm model models cv backgrounds langdetect clean loadtest screenshots

# EMBED_ORIGINS=https://cms.example.com lets those origins embed /embed
# (make run) or the static bundle's embed.html (make dist).
EMBED_ORIGINS ?=

# make run serves the bundle make dist writes (built into dist/, for the
# site's root): minified, brotli 11. The compressed files are cached
# between builds (build/compress_cache.go), so only the first run, or one
# after app.wasm changed, spends most of a minute compressing it.
run:
	$(GO) run ./build -out dist -embed-origins '$(EMBED_ORIGINS)'
	$(GO) run ./app -addr $(ADDR) -bundle dist

# The flags match build/wasm.Flags, so the tests and make dist reuse this build.
wasm:
	GOOS=js GOARCH=wasm $(GO) build -trimpath -ldflags='-s -w' -o $(WASM) ./app

# The packages that drive Chromium (app/site, build) run one at a time:
# on two cores, two browsers at once starve each other's timers. app/site's
# scenarios, the Decap CMS test and the accessibility audit together can
# pass go test's default 10 minutes on a busy machine.
BROWSER_PKGS := ./app/site ./build
test:
	@unformatted=$$("$$($(GO) env GOROOT)/bin/gofmt" -l analyzer app build); if [ -n "$$unformatted" ]; then echo "gofmt -w these files:"; echo "$$unformatted"; exit 1; fi
	$(GO) vet ./...
	$(GO) test $$($(GO) list ./... | grep -v -e '/app/site$$' -e '/build$$')
	$(GO) test -p 1 -timeout 25m $(BROWSER_PKGS)
	$(GO) test -run '^$$' -fuzz '^FuzzAnnotate$$' -fuzztime 100000x -fuzzminimizetime 5s ./analyzer
	$(GO) test -run '^$$' -fuzz '^FuzzCorrections$$' -fuzztime 8000x -fuzzminimizetime 5s ./analyzer
	$(GO) test -run '^$$' -fuzz '^FuzzParseEmbedMessage$$' -fuzztime 60000x -fuzzminimizetime 5s ./app/ui
	$(GO) test -run '^$$' -fuzz '^FuzzDecodeRecord$$' -fuzztime 40000x -fuzzminimizetime 5s ./app/ui

# The accessibility audit's states, and the print preview, as PNGs (and
# the printed PDF) in screenshots/.
screenshots:
	mkdir -p screenshots
	A11Y_SHOTS=$(CURDIR)/screenshots $(GO) test -count=1 -run '^TestAccessibility$$' ./app/site

bench:
	$(GO) test -run '^$$' -bench . -benchmem -cpu 1 ./analyzer/...
	@if [ -f ../shared/data/conll2003/eng.testa ]; then $(GO) run ./analyzer/cmd/nerbench ../shared/data/conll2003/eng.testa; else echo 'nerbench: ../shared/data/conll2003/eng.testa absent, compromise comparison skipped'; fi
	$(GO) test -run '^$$' -bench 'WasmSize' -benchtime 1x ./app/site
	$(GO) test -run '^$$' -bench 'WasmAnnotate|WasmMount' -benchtime 5x ./app/site
	$(GO) test -run '^$$' -bench 'WasmLists|WasmMemory' -benchtime 1x ./app/site

# PREFIX=/annotator builds for a sub-path.
PREFIX ?=
dist:
	$(GO) run ./build -out dist -prefix '$(PREFIX)' -embed-origins '$(EMBED_ORIGINS)'

# A fixed number of requests from concurrent clients to the server on
# loopback; prints requests/s and errors, fails on any error.
LOAD_REQUESTS ?= 20000
LOAD_CLIENTS  ?= 32
loadtest: wasm
	$(GO) run ./app/loadtest -web web -requests $(LOAD_REQUESTS) -clients $(LOAD_CLIENTS)

# make model LANG=xx trains language xx's tagger (corpora in
# analyzer/cmd/train/corpora.go); the environment's LANG (a locale) is
# ignored: only one given on the command line counts.
MODEL_LANG := $(if $(filter command line,$(origin LANG)),$(LANG),en)
MODEL_OUT  ?= $(if $(filter en,$(MODEL_LANG)),analyzer/tagger/model.bin,analyzer/lang/$(MODEL_LANG)/model.bin)
FOLDS      ?= 5
LANGS      := en es fr ru sv no hu
model:
	$(GO) run ./analyzer/cmd/train -lang $(MODEL_LANG) -out $(MODEL_OUT)

# Every language's model in turn, each printing its dev scores.
models:
	for l in $(LANGS); do $(MAKE) model LANG=$$l || exit 1; done

# Cross-validation over the training data (no model written): how
# features, extra data and the pipeline's name rules are chosen. One
# perceptron per fold rather than the model's three: a third of the time.
cv:
	$(GO) run ./analyzer/cmd/train -lang $(MODEL_LANG) -folds $(FOLDS) -models 1 -rules

# Each language's background term frequencies (key terms' TF-IDF), from
# its training split's documents: only the counts are committed.
backgrounds:
	$(GO) run ./analyzer/cmd/background -lang en -out analyzer/lang/en/background.txt ../shared/data/conll2003/eng.train
	for l in es fr ru sv no hu; do \
		$(GO) run ./analyzer/cmd/background -lang $$l -source "the training split ../shared/data/ner/$$l/train.conll" \
			-out analyzer/lang/$$l/background.txt ../shared/data/ner/$$l/train.conll || exit 1; done

# The language detector's table, from ../shared's training splits (the same
# bytes every time; make test checks the committed one).
langdetect:
	$(GO) run ./analyzer/langdetect/gen -out analyzer/langdetect/table.bin

# The server writes app.wasm's precompressed siblings beside it.
clean:
	rm -rf $(WASM) $(WASM).br $(WASM).gz dist
