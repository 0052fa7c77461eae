package grading

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/threadproc/threadproc/harness/internal/outcome"
	"github.com/threadproc/threadproc/harness/internal/vetresult"
	"github.com/threadproc/threadproc/harness/kit"
	"github.com/threadproc/threadproc/harness/sandbox"
)

// Outcome kinds the grader decides, next to the harness's and the kit's.
const (
	// Missing: the learner's copy has no folder for the exercise.
	Missing outcome.Kind = "missing"
	// MemoryLimit and ProcessLimit: the sandbox's limit stopped the
	// learner's code (read from the cgroup's counters).
	MemoryLimit  outcome.Kind = "memory-limit"
	ProcessLimit outcome.Kind = "process-limit"
)

// TimingLabel is the label the exercises give the specs that measure time.
// A class run runs them with the machine to itself (see [Options.Gate]).
const TimingLabel = "timing"

// Options configure a [Grader].
type Options struct {
	// Seed is the ginkgo seed of every suite; 0 picks one.
	Seed int64
	// Budget is the time one learner's builds and runs may take in all; 0
	// leaves only kit.SuiteTimeout per suite.
	Budget time.Duration
	// Tools and Limits set up the sandbox of every run (Scratch and Hide
	// are filled in per run).
	Tools  sandbox.Tools
	Limits sandbox.Limits
	// Hide lists folders no learner's code may see, such as the other
	// submissions and the reports.
	Hide []string
	// Work is where each run's scratch folder is made.
	Work string
	// Gate is shared by the graders of one class: builds and runs hold it
	// shared, the runs of timing specs hold it alone. Nil makes one.
	Gate *sync.RWMutex
	// Log, if set, gets a line per exercise graded.
	Log io.Writer
}

// Grader grades learners' copies of exercises/ with one kit, one seed and
// one sandbox setup.
type Grader struct {
	root      string
	exs       []kit.Exercise
	manifests map[string]kit.Manifest
	opts      Options
	prov      Provenance
}

// NewGrader prepares to grade the exercises exs of the kit at root.
func NewGrader(ctx context.Context, root string, exs []kit.Exercise, o Options) (*Grader, error) {
	if o.Work == "" {
		return nil, fmt.Errorf("the grader needs a work folder")
	}
	if o.Seed == 0 {
		o.Seed = time.Now().UnixNano() % 1_000_000_000
	}
	if o.Gate == nil {
		o.Gate = &sync.RWMutex{}
	}
	g := &Grader{root: root, exs: exs, manifests: map[string]kit.Manifest{}, opts: o}
	for _, ex := range exs {
		m, err := kit.LoadManifest(ex)
		if err != nil {
			return nil, err
		}
		g.manifests[ex.Name] = m
	}
	g.prov = Describe(ctx, root, o.Seed)
	g.prov.Sandbox = sandbox.PlanFor(o.Tools, o.Limits)
	g.prov.BudgetSeconds = o.Budget.Seconds()
	var kept []string
	for _, h := range o.Hide {
		switch {
		case within(root, h):
			g.prov.Sandbox.Warnings = append(g.prov.Sandbox.Warnings,
				fmt.Sprintf("%s holds the kit itself, so the sandbox cannot hide it from the learners' code", h))
		case within(h, filepath.Join(root, "exercises")) || within(filepath.Join(root, "exercises"), h):
			// the suites run in the kit's exercise folders: they stay
		default:
			kept = append(kept, h)
		}
	}
	g.opts.Hide = append(kept, o.Work)
	return g, nil
}

// Provenance is what every grade of this grader records.
func (g *Grader) Provenance() Provenance { return g.prov }

// Grade grades the learner's copy at tree (laid out like exercises/) and
// writes every output into out (see [WriteLearner]). A grade interrupted by
// ctx is not written, so that a resumed run grades the learner again.
func (g *Grader) Grade(ctx context.Context, name, tree, out string) (LearnerGrade, error) {
	start := time.Now()
	lg := LearnerGrade{Learner: name, Provenance: g.prov}
	lg.Provenance.GradedAt = now()
	lg.Provenance.Submission = SubmissionHash(tree)
	lg.Provenance.SubmissionCommit = gitCommit(tree)
	if lg.Provenance.SubmissionCommit == "" && filepath.Base(tree) == "exercises" {
		lg.Provenance.SubmissionCommit = gitCommit(filepath.Dir(tree))
	}
	if err := os.MkdirAll(out, 0o755); err != nil {
		return lg, err
	}
	scratch, err := os.MkdirTemp(g.opts.Work, "learner-")
	if err != nil {
		return lg, err
	}
	defer os.RemoveAll(scratch)
	probe, err := startCanary()
	if err != nil {
		return lg, err
	}
	lg.Network.Canary = probe.Addr()
	b := &budget{total: g.opts.Budget}
	for _, ex := range g.exs {
		e := g.exercise(ctx, ex, tree, scratch, out, b, probe.Addr())
		lg.Exercises = append(lg.Exercises, e)
		if g.opts.Log != nil {
			fmt.Fprintf(g.opts.Log, "  %-20s %-16s %3d/%-3d %-8s %5.1fs  %s\n", name, ex.Name, e.Points, e.Max, e.State, e.Seconds, e.Verdict)
		}
	}
	lg.Network.Connections = probe.Close()
	if err := ctx.Err(); err != nil {
		return lg, err
	}
	lg.Total()
	lg.Seconds = time.Since(start).Seconds()
	return lg, WriteLearner(out, lg)
}

// budget is the time a learner's grading may still spend. Waiting for the
// gate does not count: a learner's budget does not depend on J.
type budget struct {
	total, used time.Duration
}

// left returns the time left, or kit.SuiteTimeout with no budget.
func (b *budget) left() time.Duration {
	if b.total == 0 {
		return kit.SuiteTimeout
	}
	return min(kit.SuiteTimeout, b.total-b.used)
}

// exercise grades one exercise of the learner's copy.
func (g *Grader) exercise(ctx context.Context, ex kit.Exercise, tree, scratchRoot, out string, b *budget, canaryAddr string) ExerciseGrade {
	m := g.manifests[ex.Name]
	overlay, err := kit.TreeOverlay(ex, tree)
	if err != nil {
		return Unrun(ex.Name, m, Missing, fmt.Sprintf("the copy has no folder %s: %v", ex.Name, err))
	}
	if b.left() <= 0 {
		return Unrun(ex.Name, m, kit.OutOfTime, fmt.Sprintf("the learner's time budget (%v) ran out before this exercise", b.total))
	}
	scratch := filepath.Join(scratchRoot, ex.Name)
	if err := os.MkdirAll(scratch, 0o755); err != nil {
		return Unrun(ex.Name, m, kit.NoReport, err.Error())
	}
	// The sandbox hides the submissions, and a spec that runs go vet reads
	// the learner's files through the overlay: give it copies it can see.
	if overlay, err = copyOverlay(overlay, filepath.Join(scratch, "src")); err != nil {
		return Unrun(ex.Name, m, kit.NoReport, err.Error())
	}
	suite := &kit.Suite{Label: ex.Name, Pkg: ex.Package(), Root: ex.Root, Overlay: overlay,
		Binary: filepath.Join(scratch, ex.Name+".test"), Env: []string{CanaryKey + "=" + canaryAddr}}
	started := time.Now()
	g.opts.Gate.RLock()
	buildStart := time.Now()
	err = suite.Build(ctx)
	b.used += time.Since(buildStart)
	g.opts.Gate.RUnlock()
	if err != nil {
		e := Unrun(ex.Name, m, kit.DoesNotCompile, err.Error())
		e.OutcomeDetail = compilerError(err.Error())
		e.Seconds = time.Since(started).Seconds()
		return e
	}
	g.vetOutside(ctx, suite, scratch)
	var usage sandbox.Usage
	res, report := g.run(ctx, suite, scratch, "!"+TimingLabel, false, b, &usage)
	g.keep(suite, out, ex.Name)
	if hasTimingSpecs(res) {
		timing, timingReport := g.run(ctx, suite, scratch, TimingLabel, true, b, &usage)
		g.keep(suite, out, ex.Name+".timing")
		res, report = mergeTiming(res, timing), mergeReports(report, timingReport)
	}
	e := GradeExercise(ex.Name, m, res)
	for i, r := range e.Records {
		e.Records[i].TestCode = TestCode(r.Location)
		if rel, err := filepath.Rel(g.root, r.Location); err == nil && !strings.HasPrefix(rel, "..") {
			e.Records[i].Location = filepath.ToSlash(rel)
		}
	}
	e.Seconds = time.Since(started).Seconds()
	e.Usage = usage
	e.NotStarted = isSkeleton(ex, overlay)
	blameLimits(&e, g.opts.Limits)
	if err := writeJUnit(report, g.prov, filepath.Join(out, "junit", ex.Name+".xml")); err != nil && e.Problem == "" {
		e.Problem = "the JUnit report could not be written: " + err.Error()
	}
	return e
}

// run runs the built suite once in a new sandbox, with a ginkgo label
// filter, holding the gate alone for timing specs.
func (g *Grader) run(ctx context.Context, suite *kit.Suite, scratch, filter string, alone bool, b *budget, usage *sandbox.Usage) (kit.Result, []ginkgoReport) {
	left := b.left()
	if left <= 0 {
		return kit.Result{Problem: fmt.Sprintf("the learner's time budget (%v) ran out", b.total)}, nil
	}
	limits := g.opts.Limits
	limits.Scratch, limits.Hide = scratch, g.opts.Hide
	sb, err := sandbox.New(g.opts.Tools, limits)
	if err != nil {
		return kit.Result{Problem: "the sandbox could not be made: " + err.Error()}, nil
	}
	defer sb.Close()
	dir := filepath.Join(suite.Root, suite.Pkg)
	suite.Wrap = func(path string, args []string) (string, []string) { return sb.Command(path, args, dir) }
	env := suite.Env
	suite.Env = append(slices.Clip(env), sb.Env()...)
	defer func() { suite.Env = env }()
	suite.Reports = []string{fmt.Sprintf("--ginkgo.seed=%d", g.opts.Seed), "--ginkgo.label-filter=" + filter}
	if alone {
		g.opts.Gate.Lock()
		defer g.opts.Gate.Unlock()
	} else {
		g.opts.Gate.RLock()
		defer g.opts.Gate.RUnlock()
	}
	start := time.Now()
	res := suite.Run(ctx, left)
	b.used += time.Since(start)
	usage.Add(sb.Usage()) // before Close removes the cgroup and its counters
	report, _ := readGinkgoReport(suite.Binary + ".json")
	return res, report
}

// keep copies a run's ginkgo JSON report and log into out.
func (g *Grader) keep(suite *kit.Suite, out, name string) {
	for from, to := range map[string]string{suite.Binary + ".json": filepath.Join(out, "ginkgo", name+".json"),
		suite.Binary + ".log": filepath.Join(out, "logs", name+".log")} {
		if b, err := os.ReadFile(from); err == nil && os.MkdirAll(filepath.Dir(to), 0o755) == nil {
			_ = os.WriteFile(to, b, 0o644)
		}
	}
}

// blameLimits names the sandbox's limit as the outcome when the counters
// show it stopped the learner's code: a crash by itself does not say that
// the memory limit killed the process.
func blameLimits(e *ExerciseGrade, l sandbox.Limits) {
	switch {
	case e.Outcome == kit.DoesNotCompile || e.Outcome == outcome.ForkBomb:
	case e.Usage.OOMKills > 0:
		e.Outcome = MemoryLimit
		e.OutcomeDetail = fmt.Sprintf("the memory limit (%d MiB for the whole tree) killed %d processes", l.Memory>>20, e.Usage.OOMKills)
	case e.Usage.ProcessLimitHits > 0:
		e.Outcome = ProcessLimit
		e.OutcomeDetail = fmt.Sprintf("the process limit (%d tasks) refused %d forks", l.Processes, e.Usage.ProcessLimitHits)
	}
}

// isSkeleton reports whether every file the overlay takes from the
// learner's copy is byte for byte the exercise's own.
func isSkeleton(ex kit.Exercise, o kit.Overlay) bool {
	for target, src := range o {
		a, errA := os.ReadFile(target)
		b, errB := os.ReadFile(src)
		if errA != nil || errB != nil || string(a) != string(b) {
			return false
		}
	}
	return len(o) > 0
}

// within reports whether path is dir or inside it.
func within(path, dir string) bool {
	rel, err := filepath.Rel(dir, path)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, "../")
}

// PlanWarnings are the sandbox's warnings for o: what o's tools cannot
// enforce here.
func PlanWarnings(o Options) []string { return sandbox.PlanFor(o.Tools, o.Limits).Warnings }

// compilerError is the first line of the compiler's output that names a
// file, such as "./misbehave.go:7:14: cannot use ... as int value".
func compilerError(out string) string {
	for _, line := range strings.Split(out, "\n") {
		if strings.Contains(line, ".go:") {
			return strings.TrimSpace(line)
		}
	}
	return firstLine(out)
}

// vetOutside runs go vet on the learner's package outside the sandbox (vet
// reads the code and runs none of it, but needs a writable build cache,
// which the sandbox keeps read-only), and hands the result to the spec that
// reports it inside through a file in the scratch folder.
func (g *Grader) vetOutside(ctx context.Context, suite *kit.Suite, scratch string) {
	cmd := exec.CommandContext(ctx, "go", "vet", ".")
	cmd.Dir = filepath.Join(suite.Root, suite.Pkg)
	cmd.Env = append(os.Environ(), "GOFLAGS="+os.Getenv("GOFLAGS")+" -overlay="+suite.Binary+".overlay.json")
	out, err := cmd.CombinedOutput()
	code := 0
	if err != nil {
		var exit *exec.ExitError
		if !errors.As(err, &exit) {
			return // vet did not run: the spec runs it itself, and says why it cannot
		}
		code = exit.ExitCode()
	}
	path := filepath.Join(scratch, "vet.result")
	if vetresult.Write(path, code, out) == nil {
		suite.Env = append(suite.Env, vetresult.EnvVar+"="+path)
	}
}

// copyOverlay copies the files o takes from outside the kit into dir, and
// returns the overlay that takes them from there.
func copyOverlay(o kit.Overlay, dir string) (kit.Overlay, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	copied := kit.Overlay{}
	for dest, src := range o {
		if src == "" { // a file the overlay deletes
			copied[dest] = src
			continue
		}
		b, err := os.ReadFile(src)
		if err != nil {
			return nil, err
		}
		to := filepath.Join(dir, filepath.Base(dest))
		if err := os.WriteFile(to, b, 0o644); err != nil {
			return nil, err
		}
		copied[dest] = to
	}
	return copied, nil
}
