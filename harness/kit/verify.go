package kit

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"time"
)

// SuiteTimeout bounds one run of one suite.
const SuiteTimeout = 5 * time.Minute

// variant is one build of an exercise: its skeleton, its solution, or a
// gallery entry applied to the solution.
type variant struct {
	ex    Exercise
	kind  string // "skeleton", "solution" or "gallery"
	entry Entry
	suite *Suite
	err   error // a problem found before running
}

// Verify proves, for each exercise, that its suite fails on the skeleton
// (every spec, each with a message naming a TODO), passes on the solution,
// and that every gallery entry fails the spec it names for the reason it
// names. With harnessRoot set (kit test: the kit's root folder), the kit's
// own suites under harness/ run first and every spec of theirs must pass. It builds go suites at a
// time and runs each as soon as it is built, go at a time: the specs judge
// by what the server asked of the machine, not by how idle the machine is
// (make flake LOAD=2 shows it), so a suite beside a compiler or another
// suite gets the same verdict. The checks are written in the order of the
// variants.
func Verify(ctx context.Context, harnessRoot string, exs []Exercise, work string, jobs int, t *Tally) {
	var variants []*variant
	if harnessRoot != "" {
		variants = harnessVariants(harnessRoot, work)
	}
	for _, ex := range exs {
		CheckLayout(ex, t)
		CheckReadmes(ex, t)
		variants = append(variants, prepare(ex, work)...)
	}
	results := pipeline(ctx, variants, jobs)
	cached, ran := 0, make([]Result, len(variants))
	for i, v := range variants {
		ran[i] = <-results[i]
		judge(v, ran[i], t)
		if v.suite.cached {
			cached++
		}
	}
	if c := cache(); c != nil {
		t.Printf("%-40s %d of %d from the kit's cache (%s; %s=off builds all)\n", "test binaries", cached, len(variants),
			c.dir, cacheKeyEnv)
		c.prune(cacheBytes)
	}
	rememberDurations(variants, ran)
}

// pipeline builds the variants, jobs at a time, and runs each one as soon as
// it is built, jobs at a time, so that the compiler works while suites wait
// on their servers. It returns a channel per variant that delivers its
// result once it has run (an empty one if it did not build).
func pipeline(ctx context.Context, variants []*variant, jobs int) []chan Result {
	results := make([]chan Result, len(variants))
	for i := range results {
		results[i] = make(chan Result, 1)
	}
	builders, runners := make(chan struct{}, max(1, jobs)), make(chan struct{}, max(1, jobs))
	go func() {
		for _, i := range longestFirst(variants) {
			v := variants[i]
			if v.err != nil {
				results[i] <- Result{}
				continue
			}
			builders <- struct{}{}
			go func() {
				v.err = v.suite.Build(ctx)
				<-builders
				if v.err != nil {
					results[i] <- Result{}
					return
				}
				runners <- struct{}{}
				defer func() { <-runners }()
				results[i] <- v.suite.Run(ctx, SuiteTimeout)
			}()
		}
	}()
	return results
}

// prepare lists the variants of one exercise.
func prepare(ex Exercise, work string) []*variant {
	bin := func(name string) string { return filepath.Join(work, ex.Name+"."+name+".test") }
	english := []string{"THREADPROC_LANG=en"} // gallery entries match English phrases
	skeleton := &variant{ex: ex, kind: "skeleton",
		suite: &Suite{Label: ex.Name + " skeleton", Pkg: ex.Package(), Root: ex.Root, Binary: bin("skeleton"), Env: english}}
	solution := &variant{ex: ex, kind: "solution",
		suite: &Suite{Label: ex.Name + " solution", Pkg: ex.Package(), Root: ex.Root, Binary: bin("solution"), Env: english}}
	sol, err := TreeOverlay(ex, filepath.Join(ex.Root, "solutions"))
	solution.suite.Overlay, solution.err = sol, err
	out := []*variant{skeleton, solution}
	entries, err := Gallery(ex)
	if err != nil {
		return append(out, &variant{ex: ex, kind: "gallery", err: err,
			suite: &Suite{Label: ex.Name + " gallery"}})
	}
	for _, e := range entries {
		var focus []string
		for _, c := range e.Catches {
			focus = append(focus, c.Fails)
		}
		v := &variant{ex: ex, kind: "gallery", entry: e, suite: &Suite{Label: ex.Name + " gallery " + e.Name,
			Pkg: ex.Package(), Root: ex.Root, Focus: focus, Binary: bin("gallery-" + e.Name), Env: english}}
		if sol != nil {
			v.suite.Overlay, v.err = e.Apply(ex, sol, work)
		}
		out = append(out, v)
	}
	return out
}

// judge records the checks of one variant, given what its run reported.
func judge(v *variant, res Result, t *Tally) {
	label := v.suite.Label
	if v.err != nil {
		t.Check(false, "%s: %v", label, v.err)
		return
	}
	switch v.kind {
	case "skeleton":
		judgeSkeleton(label, res, t)
		CheckHints(v.ex, res, t)
		CheckQuotedSpecs(v.ex, res, t)
	case "solution", "harness":
		judgeSolution(label, res, t)
	default:
		judgeEntry(label, v.entry, res, t)
	}
}

// judgeSkeleton: every spec of a task fails, each with a message that
// names a TODO. A spec of no task judges the exercise as a whole (go vet,
// the specs' message catalog): the skeleton passes it, as a solution must.
func judgeSkeleton(label string, res Result, t *Tally) {
	failedWell, tasks := 0, 0
	for _, s := range res.Specs {
		if s.Task() == 0 {
			t.Check(s.Passed(), "%s: %q belongs to no task, so the skeleton should pass it, but it %s", label,
				s.Text, specOutcome(s))
			continue
		}
		tasks++
		ok := !s.Passed() && !s.Skipped() && strings.Contains(s.Message, "TODO")
		if ok {
			failedWell++
		}
		t.Check(ok, "%s: %q should fail with a message naming a TODO, but it %s", label, s.Text, specOutcome(s))
	}
	if res.Problem != "" || len(res.Specs) == 0 {
		t.Check(false, "%s: %s (%s)", label, orNoSpecs(res.Problem), res.Log)
	}
	t.Printf("%-40s %3d/%d specs fail with a TODO message  (%.1fs)\n", label, failedWell, tasks, res.Seconds)
}

// judgeSolution: every spec passes (or is skipped, with its reason).
func judgeSolution(label string, res Result, t *Tally) {
	passed := 0
	for _, s := range res.Specs {
		switch {
		case s.Passed():
			passed++
			t.Check(true, "")
		case s.Ungraded():
			t.Skip()
			t.Printf("  not judged here %s: %q: %s\n", label, s.Text, firstLine(s.Message))
		default:
			t.Check(false, "%s: %q %s:\n%s", label, s.Text, s.State, indent(s.Message, 8))
		}
	}
	if res.Problem != "" || len(res.Specs) == 0 {
		t.Check(false, "%s: %s (%s)", label, orNoSpecs(res.Problem), res.Log)
	}
	t.Printf("%-40s %3d/%d specs pass  (%.1fs)\n", label, passed, len(res.Specs), res.Seconds)
}

// judgeEntry: each spec the entry names ran (exactly one spec per name),
// failed, and says why.
func judgeEntry(label string, e Entry, res Result, t *Tally) {
	if res.Problem != "" && len(res.Specs) == 0 {
		t.Check(false, "%s: %s (%s)", label, res.Problem, res.Log)
		return
	}
	var caught []string
	for _, c := range e.Catches {
		var ran, unjudged []Spec
		for _, s := range res.Specs {
			switch {
			case !strings.Contains(s.Text, c.Fails):
			case !s.Skipped():
				ran = append(ran, s)
			case s.Message != "":
				unjudged = append(unjudged, s) // skipped by the spec itself, not by the focus
			}
		}
		switch {
		case len(ran) == 0 && len(unjudged) == 1:
			t.Check(false, "%s: %q was not judged here, so it cannot catch %s: %s", label, unjudged[0].Text, e.Name,
				firstLine(unjudged[0].Message))
		case len(ran) != 1:
			t.Check(false, "%s: fails: %q should name exactly one spec, but it matches %d", label, c.Fails, len(ran))
		case ran[0].Passed():
			t.Check(false, "%s: %q should fail (%s), but it passed", label, ran[0].Text, e.About)
		case !strings.Contains(strings.ToLower(ran[0].Message), strings.ToLower(c.Says)):
			t.Check(false, "%s: %q failed, but its message does not say %q:\n%s", label, ran[0].Text, c.Says,
				indent(ran[0].Message, 8))
		default:
			t.Check(true, "")
			caught = append(caught, fmt.Sprintf("%q", ran[0].Text))
		}
	}
	if len(caught) > 0 {
		t.Printf("%-40s caught by %s  (%.1fs)\n", label, strings.Join(caught, " and "), res.Seconds)
	}
}

// specOutcome describes how a spec ended, for a skeleton check.
func specOutcome(s Spec) string {
	if !s.Failed() { // passed, or not judged: either way not the failure a skeleton needs
		return s.State
	}
	return "failed with:\n" + indent(s.Message, 8)
}

// orNoSpecs explains an empty report.
func orNoSpecs(problem string) string {
	if problem == "" {
		return "no specs ran"
	}
	return problem
}

// firstLine returns the first line of s.
func firstLine(s string) string {
	line, _, _ := strings.Cut(s, "\n")
	return line
}

// indent indents every line of s by n spaces.
func indent(s string, n int) string {
	pad := strings.Repeat(" ", n)
	return pad + strings.ReplaceAll(strings.TrimRight(s, "\n"), "\n", "\n"+pad)
}

// describe names a variant for messages.
func (v *variant) String() string { return fmt.Sprintf("%s %s", v.ex.Name, v.kind) }
