package grading

import (
	"context"
	"embed"
	"encoding/csv"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/threadproc/threadproc/harness/kit"
)

// malicious holds the misbehaviours a generated class plants: each file
// defines misbehave(ln), which the planted copy of MaliceExercise calls at
// the start of Serve.
//
//go:embed testdata/malicious/*.go
var malicious embed.FS

// Malice lists the misbehaviours, by file name.
var Malice = []string{"nocompile", "hang", "panic", "race", "forkbomb", "netprobe", "mem8g", "writer"}

// MaliceExercise is the exercise the misbehaviours are planted in: every
// one of its specs starts the learner's server, so a server that cannot
// serve fails them all.
const MaliceExercise = "02-goroutines"

// stoppedBySandbox are the misbehaviours the sandbox stops before they do
// anything: their code then serves like the solution.
var stoppedBySandbox = map[string]bool{"netprobe": true, "writer": true}

// Part is what one generated learner's copy holds for one exercise, and
// the points that predicts.
type Part struct {
	Learner   string
	Exercise  string
	Variant   string // skeleton, solution, gallery:NAME or malice:NAME
	Predicted int
	Why       string
}

// ExpectColumns are the columns of expected.csv.
var ExpectColumns = []string{"learner", "exercise", "variant", "predicted", "why"}

// Generate writes n learners' copies of exercises/ into dir (n at least
// len(Malice)+3), and dir/expected.csv with the points each exercise of
// each copy should earn:
//
//   - "all-solution" and "all-skeleton";
//   - one copy per misbehaviour, the solution everywhere but in
//     MaliceExercise: 0 points there, or all of them for a misbehaviour the
//     sandbox stops (it then serves like the solution);
//   - "repo-mixed", a git repository holding exercises/;
//   - mixes drawn with seed: per exercise the skeleton (0 points), the
//     solution (all), or a gallery entry (all but the tasks it breaks:
//     those of the specs it names, and those BreakageFile records).
//
// A mix draws only the gallery entries BreakageFile has a row without a
// problem for (any entry where the file has no rows); [CalibrateClass]
// draws from all of them, and measures the rows its class needs first.
//
// Which task a gallery entry's spec belongs to comes from a dry run of the
// suite (ginkgo --dry-run), not from grading.
func Generate(ctx context.Context, root string, exs []kit.Exercise, dir string, n int, seed int64) ([]Part, error) {
	gen, err := newGenerator(root, exs)
	if err != nil {
		return nil, err
	}
	defer gen.close()
	plan, err := planClass(exerciseNames(exs), n, seed, gen.drawable)
	if err != nil {
		return nil, err
	}
	return gen.writeClass(ctx, dir, plan)
}

// generator writes learners' exercise folders.
type generator struct {
	root, work string
	exs        []kit.Exercise
	manifests  map[string]kit.Manifest
	tasks      map[string]map[string]int   // exercise → spec text → task
	breakage   map[string]map[string][]int // exercise → gallery entry → tasks it breaks (BreakageFile), nil without it
}

// newGenerator reads the manifests and BreakageFile. Close it when done.
func newGenerator(root string, exs []kit.Exercise) (*generator, error) {
	work, err := os.MkdirTemp("", "threadproc-gen-")
	if err != nil {
		return nil, err
	}
	gen := &generator{root: root, exs: exs, work: work, tasks: map[string]map[string]int{}, manifests: map[string]kit.Manifest{}}
	rows, err := ReadBreakage(filepath.Join(root, BreakageFile))
	if err != nil {
		gen.close()
		return nil, err
	}
	if len(rows) > 0 {
		gen.breakage = breakageByEntry(rows)
	}
	for _, ex := range exs {
		if gen.manifests[ex.Name], err = kit.LoadManifest(ex); err != nil {
			gen.close()
			return nil, err
		}
	}
	return gen, nil
}

// close removes the generator's work folder.
func (g *generator) close() { _ = os.RemoveAll(g.work) }

// writeClass writes every learner's copy of plan into dir, and
// dir/expected.csv, and returns the predictions.
func (g *generator) writeClass(ctx context.Context, dir string, plan []learnerPlan) ([]Part, error) {
	for _, ex := range g.exs {
		var err error
		if g.tasks[ex.Name], err = specTasks(ctx, ex, g.work); err != nil {
			return nil, err
		}
	}
	var parts []Part
	for _, l := range plan {
		for i, ex := range g.exs {
			p, err := g.write(ex, l.Variants[i], filepath.Join(dir, l.Tree, ex.Name))
			if err != nil {
				return nil, fmt.Errorf("%s %s %s: %w", l.Name, ex.Name, l.Variants[i], err)
			}
			p.Learner = l.Name
			parts = append(parts, p)
		}
		if l.Repo != "" {
			if err := commitRepo(ctx, filepath.Join(dir, l.Repo)); err != nil {
				return nil, err
			}
		}
	}
	return parts, writeExpected(filepath.Join(dir, "expected.csv"), parts)
}

// drawable lists the names of the gallery entries a mix may hold: those
// whose breakage was measured (BreakageFile) without a problem, or all of
// them where nothing was measured.
func (g *generator) drawable(exName string) ([]string, error) {
	var names []string
	for _, ex := range g.exs {
		if ex.Name != exName {
			continue
		}
		entries, err := kit.Gallery(ex)
		if err != nil {
			return nil, err
		}
		for _, e := range entries {
			if _, ok := g.breakage[ex.Name][e.Name]; ok || g.breakage == nil {
				names = append(names, e.Name)
			}
		}
	}
	return names, nil
}

// exerciseNames are the names of exs, in order.
func exerciseNames(exs []kit.Exercise) []string {
	names := make([]string, len(exs))
	for i, ex := range exs {
		names[i] = ex.Name
	}
	return names
}

// write writes one exercise folder of a learner's copy holding variant,
// and returns what it predicts.
func (g *generator) write(ex kit.Exercise, variant, dir string) (Part, error) {
	m := g.manifests[ex.Name]
	p := Part{Exercise: ex.Name, Variant: variant}
	sol, err := kit.TreeOverlay(ex, filepath.Join(g.root, "solutions"))
	if err != nil {
		return p, err
	}
	kind, name, _ := strings.Cut(variant, ":")
	var files kit.Overlay
	switch kind {
	case "skeleton":
		files, p.Why = kit.Overlay{}, "the skeleton earns nothing"
	case "solution":
		files, p.Predicted, p.Why = sol, m.MaxPoints(), "the solution earns every task"
	case "gallery":
		e, err := galleryEntry(ex, name)
		if err != nil {
			return p, err
		}
		if files, err = e.Apply(ex, sol, g.work); err != nil {
			return p, err
		}
		lost := map[int]bool{}
		catches := e.Catches
		if len(catches) == 0 {
			catches = []kit.Catch{{Fails: e.Fails, Says: e.Says}}
		}
		for _, c := range catches {
			task, err := g.taskOf(ex, c.Fails)
			if err != nil {
				return p, err
			}
			lost[task] = true
		}
		source := "the specs it names"
		if measured, ok := g.breakage[ex.Name][e.Name]; ok {
			source = "the specs it names and " + BreakageFile
			for _, n := range measured {
				lost[n] = true
			}
		}
		p.Predicted = m.MaxPoints()
		var tasks []string
		for n := range lost {
			t, _ := m.Task(n)
			p.Predicted -= t.Points
			tasks = append(tasks, fmt.Sprintf("task %d (%d points)", n, t.Points))
		}
		slices.Sort(tasks)
		p.Why = fmt.Sprintf("the gallery entry breaks %s, by %s", strings.Join(tasks, ", "), source)
	case "malice":
		plant := kit.Entry{Name: "malice-" + name, Edits: []kit.FileEdit{{File: "server.go",
			Hunks: []kit.Hunk{{Remove: []string{"s := newServer()"}, Add: []string{"s := newServer()", "misbehave(ln)"}}}}}}
		if files, err = plant.Apply(ex, sol, g.work); err != nil {
			return p, err
		}
		if stoppedBySandbox[name] {
			p.Predicted, p.Why = m.MaxPoints(), "the sandbox stops it, then it serves like the solution"
		} else {
			p.Why = "every spec starts the server it breaks"
		}
	default:
		return p, fmt.Errorf("unknown variant %q", variant)
	}
	if err := writeExerciseCopy(ex, files, dir); err != nil {
		return p, err
	}
	if kind == "malice" {
		b, err := malicious.ReadFile("testdata/malicious/" + name + ".go")
		if err != nil {
			return p, err
		}
		return p, os.WriteFile(filepath.Join(dir, "misbehave.go"), b, 0o644)
	}
	return p, nil
}

// taskOf returns the task of the one spec whose text contains fails.
func (g *generator) taskOf(ex kit.Exercise, fails string) (int, error) {
	task, found := 0, 0
	for text, t := range g.tasks[ex.Name] {
		if strings.Contains(text, fails) {
			task, found = t, found+1
		}
	}
	if found != 1 {
		return 0, fmt.Errorf("%d specs of %s contain %q, not one", found, ex.Name, fails)
	}
	return task, nil
}

// galleryEntry finds ex's gallery entry called name.
func galleryEntry(ex kit.Exercise, name string) (kit.Entry, error) {
	entries, err := kit.Gallery(ex)
	if err != nil {
		return kit.Entry{}, err
	}
	for _, e := range entries {
		if e.Name == name {
			return e, nil
		}
	}
	return kit.Entry{}, fmt.Errorf("%s has no gallery entry %q", ex.Name, name)
}

// writeExerciseCopy writes the exercise's Go files (tests excepted) into
// dir, each from where the overlay takes it.
func writeExerciseCopy(ex kit.Exercise, o kit.Overlay, dir string) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	names := map[string]string{}
	files, _ := filepath.Glob(filepath.Join(ex.Dir(), "*.go"))
	for _, f := range files {
		if !strings.HasSuffix(f, "_test.go") {
			names[filepath.Base(f)] = o.Source(ex, filepath.Base(f))
		}
	}
	for target, src := range o { // files only the overlay has
		names[filepath.Base(target)] = src
	}
	for name, src := range names {
		b, err := os.ReadFile(src)
		if err != nil {
			return err
		}
		if err := os.WriteFile(filepath.Join(dir, name), b, 0o644); err != nil {
			return err
		}
	}
	return nil
}

// specTasks maps each spec of ex to its task, from a dry run of the
// skeleton's suite.
func specTasks(ctx context.Context, ex kit.Exercise, work string) (map[string]int, error) {
	s := &kit.Suite{Label: ex.Name + " dry run", Pkg: ex.Package(), Root: ex.Root,
		Binary: filepath.Join(work, ex.Name+".dry.test"), Reports: []string{"--ginkgo.dry-run"}}
	if err := s.Build(ctx); err != nil {
		return nil, err
	}
	res := s.Run(ctx, kit.SuiteTimeout)
	if len(res.Specs) == 0 {
		return nil, fmt.Errorf("the dry run of %s listed no specs: %s", ex.Name, res.Problem)
	}
	tasks := map[string]int{}
	for _, sp := range res.Specs {
		tasks[sp.Text] = sp.Task()
	}
	return tasks, nil
}

// commitRepo makes dir a git repository with one commit of everything in it.
func commitRepo(ctx context.Context, dir string) error {
	for _, args := range [][]string{{"init", "-q"}, {"add", "-A"},
		{"-c", "user.name=threadproc", "-c", "user.email=threadproc@localhost", "commit", "-q", "-m", "my exercises"}} {
		cmd := exec.CommandContext(ctx, "git", args...)
		cmd.Dir = dir
		if out, err := cmd.CombinedOutput(); err != nil {
			return fmt.Errorf("git %s: %v: %s", args[0], err, out)
		}
	}
	return nil
}

// writeExpected writes expected.csv.
func writeExpected(path string, parts []Part) error {
	rows := [][]string{ExpectColumns}
	for _, p := range parts {
		rows = append(rows, []string{p.Learner, p.Exercise, p.Variant, strconv.Itoa(p.Predicted), p.Why})
	}
	return writeCSV(path, rows)
}

// ReadExpected reads an expected.csv.
func ReadExpected(path string) ([]Part, error) {
	rows, err := readCSV(path)
	if err != nil {
		return nil, err
	}
	var parts []Part
	for i, row := range rows {
		if i == 0 {
			continue
		}
		n, err := strconv.Atoi(row[3])
		if err != nil {
			return nil, fmt.Errorf("%s row %d: %w", path, i+1, err)
		}
		parts = append(parts, Part{Learner: row[0], Exercise: row[1], Variant: row[2], Predicted: n, Why: row[4]})
	}
	return parts, nil
}

// readCSV reads every row of the CSV file at path.
func readCSV(path string) ([][]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return csv.NewReader(f).ReadAll()
}
