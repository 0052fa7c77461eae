package grading

import (
	"context"
	"fmt"
	"io"
	"maps"
	"os"
	"path/filepath"
	"slices"

	"github.com/threadproc/threadproc/harness/kit"
)

// CalibrationReports is where, below the kit's root, a calibration keeps
// the class reports of its gradings, per exercise: first/ and again/ (the
// entries graded a second time), each as [Class.Run] writes them.
const CalibrationReports = ".reports/calibration"

// Calibrate grades the gallery entries only names (every entry of exs when
// only is nil), each applied to the solution, jobs at a time, in the
// sandbox o describes, and returns what each breaks. An entry that breaks
// more than one task is graded a second time: if the two gradings disagree
// (a spec whose verdict depended on the machine at that moment), its row
// says so and no class draws it, rather than predicting either. The
// gradings' reports are kept in CalibrationReports.
func Calibrate(ctx context.Context, root string, exs []kit.Exercise, only []EntryRef, jobs int, o Options, log io.Writer) ([]Breakage, error) {
	subs, err := os.MkdirTemp("", "threadproc-calibrate-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(subs)
	var out []Breakage
	for _, ex := range exs { // a class per exercise, each learner a gallery entry, holding that exercise only
		all, err := kit.Gallery(ex)
		if err != nil {
			return nil, err
		}
		var entries []kit.Entry
		for _, e := range all {
			if only == nil || slices.Contains(only, EntryRef{ex.Name, e.Name}) {
				entries = append(entries, e)
			}
		}
		sol, err := kit.TreeOverlay(ex, filepath.Join(root, "solutions"))
		if err != nil || len(entries) == 0 {
			continue
		}
		copies := map[string]kit.Overlay{}
		for _, e := range entries {
			files, err := e.Apply(ex, sol, subs)
			if err != nil {
				return nil, fmt.Errorf("%s %s: %w", ex.Name, e.Name, err)
			}
			copies[e.Name] = files
		}
		grade := func(pass string, names []string) (map[string]Breakage, error) {
			out := filepath.Join(root, CalibrationReports, ex.Name, pass) // kept, for what each spec said
			if err := os.RemoveAll(out); err != nil {
				return nil, err
			}
			c := &Class{Root: root, Exercises: []kit.Exercise{ex}, Submissions: filepath.Join(subs, pass+"-"+ex.Name),
				Out: out, Jobs: jobs, Options: o, Log: log}
			for _, name := range names {
				if err := writeExerciseCopy(ex, copies[name], filepath.Join(c.Submissions, name, ex.Name)); err != nil {
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
			got := map[string]Breakage{}
			for _, g := range grades {
				got[g.Learner] = breakageOf(ex.Name, g)
			}
			return got, nil
		}
		first, err := grade("first", slices.Sorted(maps.Keys(copies)))
		if err != nil {
			return nil, err
		}
		var again []string
		for name, b := range first {
			if len(b.Tasks) > 1 && b.Problem == "" {
				again = append(again, name)
			}
		}
		slices.Sort(again)
		second := map[string]Breakage{}
		if len(again) > 0 {
			fmt.Fprintf(log, "grading again, to confirm, the %s entries that break more than one task: %v\n", ex.Name, again)
			if second, err = grade("again", again); err != nil {
				return nil, err
			}
		}
		for _, name := range slices.Sorted(maps.Keys(first)) {
			out = append(out, confirmed(first[name], second[name], slices.Contains(again, name)))
		}
	}
	return out, nil
}

// confirmed returns what an entry breaks, as its first grading measured,
// with a problem set if it was graded again and the second grading broke
// other tasks.
func confirmed(first, again Breakage, gradedAgain bool) Breakage {
	if !gradedAgain || again.Problem != "" || slices.Equal(first.Tasks, again.Tasks) {
		if gradedAgain && again.Problem != "" && first.Problem == "" {
			first.Problem = again.Problem
		}
		return first
	}
	first.Problem = fmt.Sprintf("its grade changed between two gradings: tasks %v broken, then %v (each spec's "+
		"verdict: %s/EXERCISE/{first,again}/learners/ENTRY/records.csv)", first.Tasks, again.Tasks, CalibrationReports)
	return first
}

// Calibration is how a calibration grades the gallery entries it measures.
type Calibration struct {
	// Jobs is how many entries are graded at once.
	Jobs int
	// Options describe the sandbox.
	Options Options
	// Log sees the grading's progress.
	Log io.Writer
}

// CalibrateAll grades every gallery entry of exs and writes what each
// breaks into BreakageFile: the rows of exs's entries are replaced, those
// of other exercises kept.
func CalibrateAll(ctx context.Context, root string, exs []kit.Exercise, c Calibration) ([]Breakage, error) {
	now := CalibrationCommit(ctx, root)
	manifests, err := manifestsOf(exs)
	if err != nil {
		return nil, err
	}
	bs, err := Calibrate(ctx, root, exs, nil, c.Jobs, c.Options, c.Log)
	if err != nil {
		return nil, err
	}
	path := filepath.Join(root, BreakageFile)
	rows, err := ReadBreakage(path)
	if err != nil {
		return nil, err
	}
	return bs, WriteBreakage(path, MergeBreakage(rows, bs, now, exerciseNames(exs), manifests))
}

// CalibrateClass writes a generated class into dir, as [Generate] does, and
// measures first what its predictions need. It draws the class from every
// gallery entry, grades the entries the class uses that BreakageFile has
// no row for or a row another kit measured (see [SameKit]), and merges
// their rows into BreakageFile, keeping every other row. An entry that
// cannot be predicted (its grade was not clean, and its row says so) is
// left out and the class drawn again, until every entry it uses has a row
// this kit measured. It returns the class's predictions and what it
// measured.
func CalibrateClass(ctx context.Context, root string, exs []kit.Exercise, dir string, n int, seed int64, c Calibration) ([]Part, []Breakage, error) {
	now := CalibrationCommit(ctx, root)
	same := map[string]bool{} // kit commit → whether it measured this kit
	current := func(commit string) bool {
		if _, ok := same[commit]; !ok {
			same[commit] = SameKit(ctx, root, commit, now)
		}
		return same[commit]
	}
	manifests, err := manifestsOf(exs)
	if err != nil {
		return nil, nil, err
	}
	galleries := map[string][]string{}
	for _, ex := range exs {
		entries, err := kit.Gallery(ex)
		if err != nil {
			return nil, nil, err
		}
		for _, e := range entries {
			galleries[ex.Name] = append(galleries[ex.Name], e.Name)
		}
	}
	path := filepath.Join(root, BreakageFile)
	rows := func() ([]BreakageRow, error) { return ReadBreakage(path) }
	measure := func(need []EntryRef, rows []BreakageRow) ([]Breakage, error) {
		fmt.Fprintf(c.Log, "calibrating the %d gallery entries the class uses that %s lacks for this kit (%s): %v\n",
			len(need), BreakageFile, now, need)
		bs, err := Calibrate(ctx, root, exs, need, c.Jobs, c.Options, c.Log)
		if err != nil {
			return nil, err
		}
		return bs, WriteBreakage(path, MergeBreakage(rows, bs, now, nil, manifests))
	}
	plan, measured, err := calibratePlan(exerciseNames(exs), n, seed, galleries, rows, current, measure)
	if err != nil {
		return nil, nil, err
	}
	gen, err := newGenerator(root, exs)
	if err != nil {
		return nil, nil, err
	}
	defer gen.close()
	parts, err := gen.writeClass(ctx, dir, plan)
	return parts, measured, err
}

// calibratePlan draws a class plan (see [planClass]) from galleries
// (exercise → its gallery entries), and has measure grade the entries it
// uses that need it (see [NeedCalibration]; rows reads BreakageFile, and
// measure gets the rows it read, to merge what it measured into them),
// until none does. An entry this kit measured with a problem is not drawn:
// the plan is drawn again without it. Each round measures entries no round
// measured before, so the rounds end.
func calibratePlan(exs []string, n int, seed int64, galleries map[string][]string, rows func() ([]BreakageRow, error),
	current func(commit string) bool, measure func(need []EntryRef, rows []BreakageRow) ([]Breakage, error)) ([]learnerPlan, []Breakage, error) {
	left := map[EntryRef]bool{} // not predictable, as this kit measured
	drawable := func(ex string) ([]string, error) {
		return slices.DeleteFunc(slices.Clone(galleries[ex]), func(e string) bool { return left[EntryRef{ex, e}] }), nil
	}
	var measured []Breakage
	done := map[EntryRef]bool{}
	for {
		have, err := rows()
		if err != nil {
			return nil, nil, err
		}
		for _, r := range have {
			if r.Problem != "" && current(r.KitCommit) {
				left[r.EntryRef] = true
			}
		}
		plan, err := planClass(exs, n, seed, drawable)
		if err != nil {
			return nil, nil, err
		}
		need := NeedCalibration(usedEntries(plan, exs), have, current)
		if len(need) == 0 {
			return plan, measured, nil
		}
		for _, e := range need {
			if done[e] {
				return nil, nil, fmt.Errorf("%s was measured, but still has no row for this kit", e)
			}
			done[e] = true
		}
		bs, err := measure(need, have)
		if err != nil {
			return nil, nil, err
		}
		measured = append(measured, bs...)
		for _, e := range need {
			if !slices.ContainsFunc(bs, func(b Breakage) bool { return b.Exercise == e.Exercise && b.Entry == e.Entry }) {
				left[e] = true // not measured at all (its exercise has no solution): not drawn either
			}
		}
	}
}

// manifestsOf loads the manifests of exs, for [MergeBreakage].
func manifestsOf(exs []kit.Exercise) (func(ex string) kit.Manifest, error) {
	ms := map[string]kit.Manifest{}
	for _, ex := range exs {
		m, err := kit.LoadManifest(ex)
		if err != nil {
			return nil, err
		}
		ms[ex.Name] = m
	}
	return func(ex string) kit.Manifest { return ms[ex] }, nil
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
