# threadproc: the kit's commands. `make help` lists them.
# Everything runs through `go` and the ginkgo CLI pinned in go.mod's tool
# directive (`go tool ginkgo`): nothing is installed globally.

GO      ?= go
GINKGO  := $(GO) tool ginkgo
KITBIN  := .reports/bin/kit
# LOAD=N keeps N CPU-bound busy loops running beside any kit command, and
# CPUS=N runs it on N CPUs only (Linux): the kit proves its verdicts on a busy
# machine and on a one-CPU laptop (make flake N=10 LOAD=2, make verify CPUS=1).
KITFLAGS := $(if $(LOAD),-load $(LOAD)) $(if $(CPUS),-cpus $(CPUS))
KIT     := $(GO) build -o $(KITBIN) ./harness/cmd/kit && $(KITBIN) $(KITFLAGS)
EX      ?=
N       ?= 20
J       ?= 2

.DEFAULT_GOAL := help
.PHONY: help learn ex watch client hint reset solutions grade grade-class flake new-exercise verify test fmt vet compare bench

help: ## list the targets
	@awk 'BEGIN {FS = ":.*## "} /^[a-z-]+:.*## / {printf "  make %-12s %s\n", $$1, $$2}' $(MAKEFILE_LIST)

learn: ## learner: run the specs on your code: the first exercise not done in full, one line for each other (EX=02: that one only)
	@$(KIT) learn $(EX) || [ $$? -eq 1 ] # 1 means "not done yet", which is no error

ex: ## learner: one exercise with ginkgo's own output (make ex EX=02 [FOCUS='words of a spec'])
	@test -n "$(EX)" || (echo "usage: make ex EX=02 [FOCUS='words of a spec']" && exit 2)
	@$(GINKGO) -race $(if $(FOCUS),--focus '$(FOCUS)') ./exercises/$(EX)*

watch: ## learner: re-run one exercise whenever you save a file (make watch EX=02 [FOCUS='words of a spec'])
	@test -n "$(EX)" || (echo "usage: make watch EX=02 [FOCUS='words of a spec']" && exit 2)
	@$(GINKGO) watch -race $(if $(FOCUS),--focus '$(FOCUS)') ./exercises/$(EX)*

client: ## learner: an nc-like client for trying a server by hand (make client ADDR=127.0.0.1:5000)
	@$(GO) run ./harness/cmd/line -addr $(or $(ADDR),127.0.0.1:5000)

hint: ## learner: the next hint of your task, one at a time (make hint EX=02 [ALL=1] [TASK=n]; LANG=ko…: in Korean)
	@test -n "$(EX)" || (echo "usage: make hint EX=02 [ALL=1] [TASK=n]" && exit 2)
	@$(KIT) hint $(if $(ALL),-all) $(if $(TASK),-task $(TASK)) $(EX)

reset: ## learner: put an exercise's skeleton back, keeping a backup of yours (make reset EX=02 [FILE=stats.go])
	@test -n "$(EX)" || (echo "usage: make reset EX=02 [FILE=stats.go]" && exit 2)
	@$(KIT) reset $(EX) $(FILE)

solutions: ## grader: run every exercise's specs against solutions/ (JUnit + JSON reports in .reports/)
	@mkdir -p .reports; status=0; for d in exercises/[0-9][0-9]-*/; do \
		ex=$$(basename $$d); echo "=== $$ex (solution) ==="; \
		$(KIT) run -tree solutions $$ex -- --no-color \
			--output-dir=$(CURDIR)/.reports --junit-report=$$ex.xml --json-report=$$ex.json || status=1; \
		done; exit $$status

grade: ## grader: grade a learner's copy of exercises/ in the sandbox (make grade DIR=path); reports in .reports/grade
	@test -n "$(DIR)" || (echo "usage: make grade DIR=path/to/their/exercises" && exit 2)
	@$(KIT) grade $(DIR) $(EX)

grade-class: ## grader: grade every learner's copy in DIR, J at a time, resumable (make grade-class DIR=submissions/ [EXPECT=csv])
	@test -n "$(DIR)" || (echo "usage: make grade-class DIR=path/to/submissions [J=2] [EXPECT=expected.csv]" && exit 2)
	@$(KIT) class -j $(J) $(if $(EXPECT),-expect $(EXPECT)) $(DIR) $(EX)

flake: ## grader: run each solution suite N times; a table per spec (make flake N=10 LOAD=2 CPUS=1)
	@$(KIT) flake -n $(N) $(EX)

new-exercise: ## instructor: scaffold an exercise (make new-exercise NAME=07-something)
	@test -n "$(NAME)" || (echo "usage: make new-exercise NAME=07-something" && exit 2)
	@$(KIT) new $(NAME)

verify: ## instructor: skeletons fail, solutions pass, every gallery entry is caught (LOAD=2, CPUS=1 too)
	@$(KIT) verify -j $(J) $(EX)

vet: ## go vet (linux and darwin), on the exercises as shipped and with the solutions swapped in; windows must build
	@$(GO) build -o $(KITBIN) ./harness/cmd/kit
	@$(GO) vet ./...
	@$(KITBIN) vet-solutions
	@GOOS=darwin $(GO) vet ./...
	@GOOS=darwin $(KITBIN) vet-solutions
	@GOOS=windows $(GO) build ./...

fmt: ## gofmt every Go file (solutions and galleries too)
	@gofmt -l -w $$(git ls-files '*.go')

test: ## the kit's own tests: gofmt, vet, harness suites, verify; ends with "N passed, N failed"
	@unformatted=$$(gofmt -l $$(git ls-files '*.go')); \
		if [ -n "$$unformatted" ]; then echo "gofmt needed: $$unformatted"; echo "0 passed, 1 failed"; exit 1; fi
	@$(MAKE) --no-print-directory vet || (echo "0 passed, 1 failed"; exit 1)
	@$(KIT) test -j $(J)

compare: ## everyone: measure goroutines vs processes vs pools (and Python's, with python3) on this machine (table + .reports/compare.svg); README=1 also rewrites the READMEs' figures
	@CGO_ENABLED=0 $(GO) run ./harness/cmd/compare -out .reports $(if $(README),-readme .)

bench: ## benchmarks of the reference solutions, not part of make test (make bench EX=02 BENCH="-count=5")
	@$(KIT) bench $(EX) -- $(BENCH)
