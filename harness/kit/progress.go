package kit

import (
	"cmp"
	"regexp"
	"slices"
	"strings"

	"github.com/threadproc/threadproc/harness/internal/outcome"
)

// Progress is how far a learner is in one exercise.
type Progress struct {
	// Exercise is the exercise's name.
	Exercise string
	// Passed, Failed and Ungraded count its specs; Total is all of them.
	// An ungraded spec could not judge on this machine: it is never
	// counted as passed.
	Passed, Failed, Ungraded, Total int
	// NextTask is the task to work on: the lowest TODO the code says it
	// has not written, else the task a data race points at, else the first
	// task (in the manifest's order) with a failing spec; 0 if none fails.
	NextTask int
	// Blocker is the lowest TODO the code says it has not written, or 0.
	Blocker int
	// Race is set when a failing spec ended in a data race; RaceFile is
	// the learner's file the race report names, if it names one.
	Race     bool
	RaceFile string
	// Problem says why the suite did not run, if it did not; Compile is
	// set when that is because it does not compile.
	Problem string
	Compile bool
}

// Done reports whether every spec of the exercise passed.
func (p Progress) Done() bool { return p.Problem == "" && p.Total > 0 && p.Passed == p.Total }

// Failing reports whether something must be fixed: a spec failed, or the
// suite did not run.
func (p Progress) Failing() bool { return p.Problem != "" || p.Failed > 0 || p.Total == 0 }

// Unjudged reports whether nothing failed but some specs could not judge
// here.
func (p Progress) Unjudged() bool { return !p.Failing() && p.Ungraded > 0 }

// ProgressOf summarises one exercise's result, with its manifest giving the
// order of its tasks and the files each is written in.
func ProgressOf(name string, m Manifest, res Result) Progress {
	p := Progress{Exercise: name, Total: len(res.Specs), Problem: res.Problem,
		Compile: strings.HasPrefix(res.Problem, compileProblem)}
	var failing []Spec
	for _, s := range res.Specs {
		switch {
		case s.Passed():
			p.Passed++
		case s.Ungraded():
			p.Ungraded++
		default:
			p.Failed++
			failing = append(failing, s)
			if b := blockedBy(s); b > 0 && (p.Blocker == 0 || b < p.Blocker) {
				p.Blocker = b
			}
		}
	}
	sortSpecs(m, failing)
	raceTask := 0
	for _, s := range failing {
		if o, ok := race(s); ok && !p.Race {
			p.Race = true
			raceTask, p.RaceFile = raceSource(m, o.Detail+"\n"+s.Message, s.Task())
		}
	}
	switch {
	case p.Blocker > 0:
		p.NextTask = p.Blocker
	case p.Race:
		p.NextTask = raceTask
	case len(failing) > 0:
		p.NextTask = failing[0].Task()
	}
	return p
}

// compileProblem starts the problem of a suite that does not compile (see
// Suite.Build).
const compileProblem = "it does not compile:"

// sortSpecs orders specs as the learner meets them: by their task's place
// in the manifest (specs of no task last), then by file and line.
func sortSpecs(m Manifest, specs []Spec) {
	slices.SortStableFunc(specs, func(a, b Spec) int {
		if c := cmp.Compare(taskRank(m, a.Task()), taskRank(m, b.Task())); c != 0 {
			return c
		}
		fa, la := locationKey(a.Location)
		fb, lb := locationKey(b.Location)
		return cmp.Or(cmp.Compare(fa, fb), cmp.Compare(la, lb), cmp.Compare(a.Text, b.Text))
	})
}

// taskRank is task n's place in the manifest; tasks it does not list come
// after, in number order, and specs of no task last.
func taskRank(m Manifest, n int) int {
	if i := slices.IndexFunc(m.Tasks, func(t Task) bool { return t.Number == n }); i >= 0 {
		return i
	}
	if n > 0 {
		return len(m.Tasks) + n
	}
	return 1 << 30
}

// goFileRE finds the Go files a race report names, such as
// ".../exercises/02-goroutines/stats.go:20".
var goFileRE = regexp.MustCompile(`([A-Za-z0-9_]+\.go):\d+`)

// raceSource finds the task a data race belongs to: the learner's files
// named in the race report (and the outcome's detail) are looked up in the
// manifest, and the task written in the most of them wins (a race in
// stats.go and session.go is task 3's, whose files are both). Without a
// learner's file in the report, the failing spec's own task is the answer.
func raceSource(m Manifest, report string, specTask int) (task int, file string) {
	named := map[string]bool{}
	var order []string
	for _, match := range goFileRE.FindAllStringSubmatch(report, -1) {
		f := match[1]
		if slices.Contains(m.Files, f) && !named[f] {
			named[f] = true
			order = append(order, f)
		}
	}
	if len(order) == 0 {
		return specTask, ""
	}
	best, bestScore := 0, 0
	for _, t := range m.Tasks {
		score := 0
		for _, f := range t.Files {
			if named[f] {
				score++
			}
		}
		// more of the named files wins; on a tie, the task with fewer files
		// of its own is the more specific one
		if score > bestScore || (score == bestScore && score > 0 && len(t.Files) < len(taskFiles(m, best))) {
			best, bestScore = t.Number, score
		}
	}
	if best == 0 {
		return specTask, order[0]
	}
	return best, order[0]
}

// taskFiles returns the files of task n.
func taskFiles(m Manifest, n int) []string {
	t, _ := m.Task(n)
	return t.Files
}

// worstOutcome is the worst outcome recorded by any failing spec.
func worstOutcome(specs []Spec) (outcome.Outcome, bool) {
	var all []outcome.Outcome
	for _, s := range specs {
		if s.Failed() {
			all = append(all, s.Outcomes...)
		}
	}
	return outcome.Worst(all)
}
