package grading

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/threadproc/threadproc/harness/kit"
)

// BreakageFile is where the kit keeps, for every gallery entry, the tasks
// it breaks (relative to the kit's root): a gallery entry names the specs it
// must fail, but many break more (dropping the "\n" of an echo breaks every
// task that reads one), so a generated class predicts a gallery entry's
// points from this file. `kit gen-class -calibrate` measures it again.
const BreakageFile = "harness/grading/testdata/gallery-tasks.csv"

// BreakageColumns are the columns of BreakageFile.
var BreakageColumns = []string{"exercise", "entry", "tasks_broken", "points_lost", "kit_commit"}

// Breakage is what one gallery entry breaks.
type Breakage struct {
	Exercise, Entry string
	// Tasks are the tasks that earn nothing with the entry applied to the
	// solution.
	Tasks []int
	// Problem is set when the entry's grade was not clean (an ungraded
	// spec, a suite problem): such an entry cannot be predicted.
	Problem string
}

// Calibrate grades every gallery entry of exs (applied to the solution),
// jobs at a time, in the sandbox o describes, and returns what each breaks.
func Calibrate(ctx context.Context, root string, exs []kit.Exercise, jobs int, o Options, log io.Writer) ([]Breakage, error) {
	subs, err := os.MkdirTemp("", "threadproc-calibrate-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(subs)
	var out []Breakage
	for _, ex := range exs { // a class per exercise, each learner a gallery entry, holding that exercise only
		entries, err := kit.Gallery(ex)
		if err != nil {
			return nil, err
		}
		sol, err := kit.TreeOverlay(ex, filepath.Join(root, "solutions"))
		if err != nil || len(entries) == 0 {
			continue
		}
		c := &Class{Root: root, Exercises: []kit.Exercise{ex}, Submissions: filepath.Join(subs, ex.Name),
			Out: filepath.Join(subs, "out-"+ex.Name), Jobs: jobs, Options: o, Log: log}
		for _, e := range entries {
			files, err := e.Apply(ex, sol, subs)
			if err != nil {
				return nil, fmt.Errorf("%s %s: %w", ex.Name, e.Name, err)
			}
			if err := writeExerciseCopy(ex, files, filepath.Join(c.Submissions, e.Name, ex.Name)); err != nil {
				return nil, err
			}
		}
		if _, err := c.Run(ctx); err != nil {
			return nil, err
		}
		grades, err := readGrades(filepath.Join(c.Out, "learners"))
		if err != nil {
			return nil, err
		}
		for _, g := range grades {
			out = append(out, breakageOf(ex.Name, g))
		}
	}
	return out, nil
}

// breakageOf reads what a calibration learner's grade says its entry broke.
func breakageOf(ex string, g LearnerGrade) Breakage {
	b := Breakage{Exercise: ex, Entry: g.Learner}
	for _, e := range g.Exercises {
		if e.State == Error || e.State == Ungraded {
			b.Problem = fmt.Sprintf("%s: %s", e.State, e.Verdict)
		}
		for _, t := range e.Tasks {
			if t.State != Passed {
				b.Tasks = append(b.Tasks, t.Number)
			}
		}
	}
	return b
}

// readGrades reads every learner's grade.json under dir.
func readGrades(dir string) ([]LearnerGrade, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	var gs []LearnerGrade
	for _, e := range entries {
		g, err := ReadLearner(filepath.Join(dir, e.Name()))
		if err != nil {
			return nil, err
		}
		gs = append(gs, g)
	}
	return gs, nil
}

// WriteBreakage writes the breakage file at path, each row with the kit
// commit that measured it.
func WriteBreakage(path string, bs []Breakage, commit string, manifests func(ex string) kit.Manifest) error {
	rows := [][]string{BreakageColumns}
	slices.SortFunc(bs, func(a, b Breakage) int { return strings.Compare(a.Exercise+"/"+a.Entry, b.Exercise+"/"+b.Entry) })
	for _, b := range bs {
		if b.Problem != "" {
			continue // not predictable: left out, so the generator never draws it
		}
		m := manifests(b.Exercise)
		lost := 0
		var tasks []string
		for _, n := range b.Tasks {
			t, _ := m.Task(n)
			lost += t.Points
			tasks = append(tasks, strconv.Itoa(n))
		}
		rows = append(rows, []string{b.Exercise, b.Entry, strings.Join(tasks, " "), strconv.Itoa(lost), commit})
	}
	return writeCSV(path, rows)
}

// readBreakage reads the breakage file: exercise → entry → tasks broken.
func readBreakage(path string) (map[string]map[string][]int, error) {
	rows, err := readCSV(path)
	if err != nil {
		return nil, err
	}
	out := map[string]map[string][]int{}
	for _, row := range rows[1:] {
		var tasks []int
		for _, f := range strings.Fields(row[2]) {
			n, err := strconv.Atoi(f)
			if err != nil {
				return nil, fmt.Errorf("%s: %w", path, err)
			}
			tasks = append(tasks, n)
		}
		if out[row[0]] == nil {
			out[row[0]] = map[string][]int{}
		}
		out[row[0]][row[1]] = tasks
	}
	return out, nil
}
