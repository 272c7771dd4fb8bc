# rccplans: `make run` builds the default corpus, `make test` runs every test.
GO      ?= go
BIN     := bin/rccplans
OUT     ?= out
FUZZTIME ?= 10s

.PHONY: all build run test test-go deps-test eval eval-text bench bench-extract fuzz vet clean

all: build

build:
	$(GO) build -o $(BIN) ./cmd/rccplans

# The main job on the embedded default corpus.
run: build
	./$(BIN) build --out $(OUT)

# Debian packages the tests drive: poppler-utils (reference extraction),
# chromium (browser test), libreoffice-calc (opens the workbook). Installed
# only where missing, so a developer's machine is left alone.
deps-test:
	@missing=""; \
	command -v pdftotext >/dev/null || missing="$$missing poppler-utils"; \
	command -v chromium >/dev/null || missing="$$missing chromium"; \
	command -v soffice >/dev/null || missing="$$missing libreoffice-calc-nogui"; \
	if [ -n "$$missing" ]; then \
		echo "installing:$$missing"; \
		if [ "$$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi; \
		$$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq --no-install-recommends $$missing >/dev/null; \
	fi

# CI runs every fuzz target briefly too, so a parser that starts to panic
# on its own seeds or on a quick mutation fails the build.
test: deps-test test-go
	$(MAKE) fuzz FUZZTIME=5s

test-go:
	$(GO) vet ./...
	$(GO) test -count=1 -timeout 30m ./...

# Extraction quality: the seed corpus, the synthetic plans (other regions,
# producers, fonts and layouts; fixtures/synthetic/gen.go), the held-out
# batches (fixtures/holdout, each first measured before the readers were
# fixed against it: batch*-first.txt), the held-out web and Word set
# (fixtures/webheldout, first.txt) and text pulled out of the PDFs.
eval: eval-text
	$(GO) run ./cmd/rccplans eval fixtures
	$(GO) run ./cmd/rccplans eval fixtures/synthetic
	$(GO) run ./cmd/rccplans eval fixtures/holdout
	$(GO) run ./cmd/rccplans eval fixtures/webheldout

# Text pulled out of PDFs the text reader was not written against: the
# synthetic and held-out plans' PDFs as pdftotext -raw prints them (layout
# lost: cells in content order, column after column, no empty lines) and as
# pdftotext -layout prints them (columns kept by position), each scored
# against the plan's gold.
EVALTEXT := bin/eval-text
.PHONY: eval-text
eval-text: deps-test
	for mode in raw layout; do \
		rm -rf $(EVALTEXT)/$$mode && mkdir -p $(EVALTEXT)/$$mode/corpus $(EVALTEXT)/$$mode/gold || exit 1; \
		for d in fixtures/synthetic fixtures/holdout; do \
			for f in $$d/corpus/*.pdf; do \
				b=$$(basename $$f .pdf); s=$${b%%-*}; \
				pdftotext -$$mode $$f $(EVALTEXT)/$$mode/corpus/$$b-$$mode.txt && cp $$d/gold/$$s.json $(EVALTEXT)/$$mode/gold/ || exit 1; \
			done; \
		done; \
	done
	$(GO) run ./cmd/rccplans eval $(EVALTEXT)/raw
	$(GO) run ./cmd/rccplans eval $(EVALTEXT)/layout

# Every figure is a ratio against a reference run in the same command:
# extraction against pdftotext -bbox-layout (x-poppler, goal <= 3), a
# no-change rebuild against a cold one (goal <= 0.05), search against the
# plain /healthz handler and bleve's default mapping (bench-search).
bench: deps-test bench-extract bench-build bench-search

bench-extract:
	$(GO) test -run '^$$' -bench 'PDFvsPoppler|Blocks|DOCX' -benchmem -benchtime 3x ./extract/

fuzz:
	GO=$(GO) FUZZTIME=$(FUZZTIME) bash .ci/fuzz

vet:
	$(GO) vet ./...

clean:
	rm -rf bin $(OUT)

# --- build benchmark (owner of `rccplans build`) ---
# Cold build of the default corpus vs. a second build with nothing changed;
# the figure is nochange/cold (target <= 0.05), in wall and CPU time.
.PHONY: bench-build
bench-build:
	$(GO) test -run '^$$' -bench '^BenchmarkBuild$$' -benchtime 3x ./corpus/

# --- search benchmarks ---
# Index build rate on 10,000 records (vs. bleve's default mapping in the same
# run) and search latency over HTTP on the synthetic 100,000-record corpus at
# 1 and 16 clients (vs. /healthz in the same run), with the per-index match
# cache and without it (no-match-cache: every query cold). Targets (issue 5):
# >= 5,000 records/s; p99 <= 50 ms at 16 clients. RCCPLANS_BENCH_INDEX=DIR
# keeps the 100k index in DIR (written when missing) to skip the wait; the
# benchmark warns when DIR holds an index of an older format (remove it).
.PHONY: bench-search
bench-search:
	$(GO) test ./index -run '^$$' -bench IndexBuild -benchtime 1x
	$(GO) test ./index -run '^$$' -bench SearchHTTP -benchtime 300x -v -timeout 30m
