package grading

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/threadproc/threadproc/harness/kit"
)

// Class grades every learner's copy in a folder of submissions.
type Class struct {
	// Root is the kit's root; Exercises are the exercises to grade.
	Root      string
	Exercises []kit.Exercise
	// Submissions holds one folder per learner: a copy of exercises/, or a
	// folder (such as a git repository) with exercises/ inside.
	Submissions string
	// Out is where everything is written (see Run).
	Out string
	// Jobs is how many learners are graded at once.
	Jobs int
	// Options configure the graders (Work, Hide and Gate are set by Run).
	Options Options
	// Expected, if set, is an expected.csv (see Generate) to check the
	// points against.
	Expected string
	// Log gets progress lines.
	Log io.Writer
}

// Learner is one submission.
type Learner struct {
	// Name is the submission folder's name.
	Name string
	// Tree is the learner's copy of exercises/.
	Tree string
}

// Learners lists the submissions in dir, in name order; folders whose name
// starts with "." or "_" are not learners.
func Learners(dir string) ([]Learner, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	var ls []Learner
	for _, e := range entries {
		if !e.IsDir() || strings.HasPrefix(e.Name(), ".") || strings.HasPrefix(e.Name(), "_") {
			continue
		}
		tree := filepath.Join(dir, e.Name())
		if st, err := os.Stat(filepath.Join(tree, "exercises")); err == nil && st.IsDir() {
			tree = filepath.Join(tree, "exercises")
		}
		ls = append(ls, Learner{Name: e.Name(), Tree: tree})
	}
	return ls, nil
}

// Run grades the class into Out:
//
//	learners/NAME/...     each learner's outputs (see WriteLearner)
//	class.csv             one row per learner and exercise
//	class-report.md       what to reteach, how the code misbehaved, what
//	class-report.json     the sandbox saw, and the provenance
//
// A learner whose grade.json was made by the same kit commit for the same
// submission is not graded again: an interrupted run resumes.
func (c *Class) Run(ctx context.Context) (ClassReport, error) {
	start := time.Now()
	var rep ClassReport
	learners, err := Learners(c.Submissions)
	if err != nil {
		return rep, err
	}
	if len(learners) == 0 {
		return rep, fmt.Errorf("%s holds no submission folders", c.Submissions)
	}
	work, err := os.MkdirTemp("", "threadproc-class-")
	if err != nil {
		return rep, err
	}
	defer os.RemoveAll(work)
	opts := c.Options
	opts.Work, opts.Hide, opts.Gate, opts.Log = work, []string{c.Submissions, c.Out}, &sync.RWMutex{}, c.Log
	g, err := NewGrader(ctx, c.Root, c.Exercises, opts)
	if err != nil {
		return rep, err
	}
	before := Fingerprints(c.Root, c.Submissions)
	grades := make([]LearnerGrade, len(learners))
	errs := make([]error, len(learners))
	resumed := make([]bool, len(learners))
	sem := make(chan struct{}, max(1, c.Jobs))
	var wg sync.WaitGroup
	for i, l := range learners {
		out := filepath.Join(c.Out, "learners", l.Name)
		if prev, err := ReadLearner(out); err == nil && prev.Provenance.KitCommit == g.Provenance().KitCommit &&
			prev.Provenance.Submission == SubmissionHash(l.Tree) {
			grades[i], resumed[i] = prev, true
			c.logf("%-20s already graded with this kit (%s): %s\n", l.Name, prev.Provenance.KitCommit,
				Summary(prev.Points, prev.Max, prev.Withheld))
			continue
		}
		wg.Add(1)
		sem <- struct{}{}
		go func() {
			defer wg.Done()
			defer func() { <-sem }()
			grades[i], errs[i] = g.Grade(ctx, l.Name, l.Tree, out)
			if errs[i] == nil {
				c.logf("%-20s %s in %.0fs\n", l.Name, Summary(grades[i].Points, grades[i].Max, grades[i].Withheld), grades[i].Seconds)
			}
		}()
	}
	wg.Wait()
	if err := ctx.Err(); err != nil {
		return rep, fmt.Errorf("interrupted: the learners graded so far are kept, run again to resume: %w", err)
	}
	for i, err := range errs {
		if err != nil {
			return rep, fmt.Errorf("%s: %w", learners[i].Name, err)
		}
	}
	after := Fingerprints(c.Root, c.Submissions)
	rep = c.report(g.Provenance(), grades, resumed, time.Since(start), before, after)
	if c.Expected != "" {
		parts, err := ReadExpected(c.Expected)
		if err != nil {
			return rep, err
		}
		rep.Expectations = CheckExpected(parts, grades)
	}
	return rep, c.write(rep, grades)
}

// report gathers the class report.
func (c *Class) report(p Provenance, grades []LearnerGrade, resumed []bool, took time.Duration, before, after map[string]string) ClassReport {
	rep := ClassReport{Provenance: p, Jobs: c.Jobs, Seconds: took.Seconds(), Learners: len(grades)}
	rep.Provenance.GradedAt, rep.Provenance.Submission, rep.Provenance.SubmissionCommit = "", "", ""
	for i, g := range grades {
		if resumed[i] {
			rep.Resumed++
		}
		rep.Points = append(rep.Points, pointsRow(g))
		rep.Sandbox = append(rep.Sandbox, sandboxRow(g))
		for _, e := range g.Exercises {
			if e.Outcome != "" {
				rep.Outcomes = append(rep.Outcomes, OutcomeRow{Learner: g.Learner, Exercise: e.Exercise, Outcome: string(e.Outcome),
					Detail: e.OutcomeDetail})
			}
		}
	}
	rep.MostFailed, rep.NothingWorks = mostFailed(c.Exercises, grades, 15)
	rep.Integrity = integrity(before, after)
	return rep
}

// write writes the class files.
func (c *Class) write(rep ClassReport, grades []LearnerGrade) error {
	if err := os.MkdirAll(c.Out, 0o755); err != nil {
		return err
	}
	if err := WriteClassCSV(filepath.Join(c.Out, "class.csv"), grades); err != nil {
		return err
	}
	b, err := os.ReadFile(filepath.Join(c.Out, "class.csv"))
	if err == nil {
		err = ValidateCSV(b, ClassColumns)
	}
	if err != nil {
		return fmt.Errorf("class.csv: %w", err)
	}
	if err := writeJSON(filepath.Join(c.Out, "class-report.json"), rep); err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(c.Out, "class-report.md"), []byte(rep.Markdown()), 0o644)
}

// logf writes a progress line.
func (c *Class) logf(format string, args ...any) {
	if c.Log != nil {
		fmt.Fprintf(c.Log, format, args...)
	}
}

// CheckExpected compares each predicted exercise with its grade. A
// prediction for an exercise the run did not grade is left out; one for a
// learner the run did not grade is a mismatch.
func CheckExpected(parts []Part, grades []LearnerGrade) []ExpectationRow {
	graded := map[string]bool{}
	for _, g := range grades {
		for _, e := range g.Exercises {
			graded[e.Exercise] = true
		}
	}
	var rows []ExpectationRow
	for _, p := range parts {
		if !graded[p.Exercise] {
			continue
		}
		row := ExpectationRow{Learner: p.Learner, Exercise: p.Exercise, Variant: p.Variant, Predicted: p.Predicted, Got: -1}
		i := slices.IndexFunc(grades, func(g LearnerGrade) bool { return g.Learner == p.Learner })
		if i >= 0 {
			for _, e := range grades[i].Exercises {
				if e.Exercise == p.Exercise {
					row.Got, row.State, row.Outcome = e.Points, e.State, string(e.Outcome)
				}
			}
		}
		row.OK = row.Got == row.Predicted
		rows = append(rows, row)
	}
	return rows
}
