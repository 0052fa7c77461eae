package grading

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"slices"
	"strconv"
	"strings"

	"github.com/threadproc/threadproc/harness/kit"
)

// BreakageFile is where the kit keeps, for every gallery entry, the tasks
// it breaks (relative to the kit's root): a gallery entry names the specs it
// must fail, but many break more (dropping the "\n" of an echo breaks every
// task that reads one), so a generated class predicts a gallery entry's
// points from this file. `kit gen-class -calibrate DIR` measures the rows
// the class in DIR needs; `kit gen-class -calibrate -all` measures them all.
const BreakageFile = "harness/grading/testdata/gallery-tasks.csv"

// BreakageColumns are the columns of BreakageFile.
var BreakageColumns = []string{"exercise", "entry", "tasks_broken", "points_lost", "kit_commit", "problem"}

// EntryRef names one gallery entry of one exercise.
type EntryRef struct {
	Exercise, Entry string
}

// String is "EXERCISE/ENTRY".
func (r EntryRef) String() string { return r.Exercise + "/" + r.Entry }

// Breakage is what one gallery entry breaks, as a calibration measured it.
type Breakage struct {
	Exercise, Entry string
	// Tasks are the tasks that earn nothing with the entry applied to the
	// solution.
	Tasks []int
	// Problem is set when the entry's grade was not clean (an ungraded
	// spec, a suite problem): such an entry cannot be predicted.
	Problem string
}

// BreakageRow is one row of BreakageFile.
type BreakageRow struct {
	EntryRef
	// Tasks are the tasks the entry breaks, and PointsLost what they are
	// worth.
	Tasks      []int
	PointsLost int
	// KitCommit is the kit that measured it (see [CalibrationCommit]).
	KitCommit string
	// Problem is set when the entry's grade was not clean: it cannot be
	// predicted, so a generated class does not draw it.
	Problem string
}

// ReadBreakage reads the rows of the breakage file at path; a file that
// does not exist has none.
func ReadBreakage(path string) ([]BreakageRow, error) {
	rows, err := readCSV(path)
	if os.IsNotExist(err) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	var out []BreakageRow
	for i, row := range rows {
		if i == 0 {
			continue
		}
		if len(row) != len(BreakageColumns) {
			return nil, fmt.Errorf("%s row %d: %d columns, not %d", path, i+1, len(row), len(BreakageColumns))
		}
		r := BreakageRow{EntryRef: EntryRef{row[0], row[1]}, KitCommit: row[4], Problem: row[5]}
		for _, f := range strings.Fields(row[2]) {
			n, err := strconv.Atoi(f)
			if err != nil {
				return nil, fmt.Errorf("%s row %d: %w", path, i+1, err)
			}
			r.Tasks = append(r.Tasks, n)
		}
		if r.PointsLost, err = strconv.Atoi(row[3]); err != nil {
			return nil, fmt.Errorf("%s row %d: %w", path, i+1, err)
		}
		out = append(out, r)
	}
	return out, nil
}

// WriteBreakage writes rows as the breakage file at path, sorted by
// exercise and entry.
func WriteBreakage(path string, rows []BreakageRow) error {
	rows = slices.Clone(rows)
	slices.SortFunc(rows, func(a, b BreakageRow) int { return strings.Compare(a.String(), b.String()) })
	out := [][]string{BreakageColumns}
	for _, r := range rows {
		var tasks []string
		for _, n := range r.Tasks {
			tasks = append(tasks, strconv.Itoa(n))
		}
		out = append(out, []string{r.Exercise, r.Entry, strings.Join(tasks, " "), strconv.Itoa(r.PointsLost), r.KitCommit, r.Problem})
	}
	return writeCSV(path, out)
}

// MergeBreakage returns rows with what bs measured, with the kit commit, in
// place of the rows of the same entries (an entry measured with a problem
// gets a row that says so: it cannot be predicted, so a generated class
// does not draw it). For each exercise in whole, whose every entry bs measured, the rows
// of entries bs does not have go too: they are gone from its gallery. The
// rows of every other entry stay as they are. manifests gives each
// exercise's manifest, for the points a row's tasks are worth.
func MergeBreakage(rows []BreakageRow, bs []Breakage, commit string, whole []string, manifests func(ex string) kit.Manifest) []BreakageRow {
	measured := map[EntryRef]bool{}
	for _, b := range bs {
		measured[EntryRef{b.Exercise, b.Entry}] = true
	}
	var out []BreakageRow
	for _, r := range rows {
		if !measured[r.EntryRef] && !slices.Contains(whole, r.Exercise) {
			out = append(out, r)
		}
	}
	for _, b := range bs {
		r := BreakageRow{EntryRef: EntryRef{b.Exercise, b.Entry}, KitCommit: commit, Problem: b.Problem}
		if b.Problem != "" {
			out = append(out, r)
			continue
		}
		m := manifests(b.Exercise)
		r.Tasks = b.Tasks
		for _, n := range b.Tasks {
			t, _ := m.Task(n)
			r.PointsLost += t.Points
		}
		out = append(out, r)
	}
	return out
}

// NeedCalibration returns, each once and sorted, the entries of used that
// rows have no row for, or a row measured by another kit: current reports
// whether a row's kit commit measured this kit. (A row with a problem
// counts: this kit measured it, and found it cannot be predicted.)
func NeedCalibration(used []EntryRef, rows []BreakageRow, current func(commit string) bool) []EntryRef {
	have := map[EntryRef]string{}
	for _, r := range rows {
		have[r.EntryRef] = r.KitCommit
	}
	var need []EntryRef
	for _, e := range used {
		commit, ok := have[e]
		if (!ok || !current(commit)) && !slices.Contains(need, e) {
			need = append(need, e)
		}
	}
	slices.SortFunc(need, func(a, b EntryRef) int { return strings.Compare(a.String(), b.String()) })
	return need
}

// breakageByEntry maps the rows without a problem to exercise → entry →
// tasks broken.
func breakageByEntry(rows []BreakageRow) map[string]map[string][]int {
	out := map[string]map[string][]int{}
	for _, r := range rows {
		if r.Problem != "" {
			continue
		}
		if out[r.Exercise] == nil {
			out[r.Exercise] = map[string][]int{}
		}
		out[r.Exercise][r.Entry] = r.Tasks
	}
	return out
}

// CalibrationCommit names the kit a calibration measures: root's git commit,
// with "+dirty" when tracked files other than BreakageFile itself changed
// (writing the file does not make the kit another one), or "unknown".
func CalibrationCommit(ctx context.Context, root string) string {
	commit, err := git(ctx, root, "rev-parse", "HEAD")
	if err != nil || commit == "" {
		return "unknown"
	}
	changed, err := git(ctx, root, "status", "--porcelain", "--untracked-files=no", "--", ".", ":(exclude)"+BreakageFile)
	if err != nil || changed != "" {
		commit += "+dirty"
	}
	return commit
}

// SameKit reports whether the kit commit of a breakage row measured the
// kit at root as it is now: it is now's [CalibrationCommit], or a commit
// from which nothing but BreakageFile has changed (committing the file
// makes a new commit, not a new kit). A "+dirty" row measured edits no
// commit records: it is the same kit only while the commit string is
// now's own.
func SameKit(ctx context.Context, root, commit, now string) bool {
	if commit == now {
		return true
	}
	if commit == "unknown" || commit == "" || strings.HasSuffix(commit, "+dirty") || strings.HasSuffix(now, "+dirty") {
		return false
	}
	_, err := git(ctx, root, "diff", "--quiet", commit, "--", ".", ":(exclude)"+BreakageFile)
	return err == nil
}

// git runs git in root and returns its output, trimmed.
func git(ctx context.Context, root string, args ...string) (string, error) {
	out, err := exec.CommandContext(ctx, "git", append([]string{"-C", root}, args...)...).Output()
	return strings.TrimSpace(string(out)), err
}
