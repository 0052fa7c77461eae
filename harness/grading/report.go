package grading

import (
	"bytes"
	"cmp"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"

	"github.com/threadproc/threadproc/harness/kit"
)

// ClassReport is what a class run found, for the instructor.
type ClassReport struct {
	Provenance Provenance `json:"provenance"`
	Jobs       int        `json:"jobs"`
	Seconds    float64    `json:"seconds"`
	Learners   int        `json:"learners"`
	Resumed    int        `json:"resumed"`
	// Points has a row per learner.
	Points []PointsRow `json:"points"`
	// MostFailed are the specs that fail most often among the learners
	// whose exercise passes some specs but not all: what to reteach.
	MostFailed []SpecFailure `json:"most_failed"`
	// NothingWorks counts, per exercise, the learners who changed the
	// skeleton but pass no spec.
	NothingWorks map[string]int `json:"nothing_works"`
	// Outcomes are the exercises whose code ended worse than a wrong answer.
	Outcomes []OutcomeRow `json:"outcomes"`
	// Sandbox has a row per learner: what the sandbox saw and stopped.
	Sandbox []SandboxRow `json:"sandbox"`
	// Integrity says whether anything outside the scratch folders changed,
	// and whether anything was left running.
	Integrity Integrity `json:"integrity"`
	// Expectations compare the points with a generated class's predictions.
	Expectations []ExpectationRow `json:"expectations,omitempty"`
}

// PointsRow is one learner's points, per exercise.
type PointsRow struct {
	Learner   string         `json:"learner"`
	Points    int            `json:"points"`
	Max       int            `json:"max"`
	Withheld  int            `json:"withheld,omitempty"`
	State     State          `json:"state"`
	Exercises map[string]int `json:"exercises"`
}

// SpecFailure is one spec and how many learners it failed.
type SpecFailure struct {
	Exercise  string `json:"exercise"`
	Task      int    `json:"task"`
	TaskTitle string `json:"task_title"`
	Spec      string `json:"spec"`
	Location  string `json:"location"`
	Failed    int    `json:"failed"`
	Attempted int    `json:"attempted"`
	// Hint is where the task's hints start (HINTS.md, section Task).
	Hint string `json:"hint"`
	// Example is the first line of one learner's message.
	Example string `json:"example"`
}

// OutcomeRow is one exercise whose code ended worse than a wrong answer.
type OutcomeRow struct {
	Learner  string `json:"learner"`
	Exercise string `json:"exercise"`
	Outcome  string `json:"outcome"`
	Detail   string `json:"detail,omitempty"`
}

// SandboxRow is what the sandbox saw of one learner's runs.
type SandboxRow struct {
	Learner           string  `json:"learner"`
	PeakMemoryMiB     int64   `json:"peak_memory_mib"`
	PeakTasks         int     `json:"peak_tasks"`
	CPUSeconds        float64 `json:"cpu_seconds"`
	OOMKills          int     `json:"oom_kills"`
	ProcessLimitHits  int     `json:"process_limit_hits"`
	CanaryConnections int     `json:"canary_connections"`
}

// ExpectationRow compares one predicted exercise with its grade.
type ExpectationRow struct {
	Learner   string `json:"learner"`
	Exercise  string `json:"exercise"`
	Variant   string `json:"variant"`
	Predicted int    `json:"predicted"`
	Got       int    `json:"got"`
	State     State  `json:"state"`
	Outcome   string `json:"outcome,omitempty"`
	OK        bool   `json:"ok"`
}

// pointsRow sums a learner up.
func pointsRow(g LearnerGrade) PointsRow {
	r := PointsRow{Learner: g.Learner, Points: g.Points, Max: g.Max, Withheld: g.Withheld, State: g.State, Exercises: map[string]int{}}
	for _, e := range g.Exercises {
		r.Exercises[e.Exercise] = e.Points
	}
	return r
}

// sandboxRow sums up what the sandbox saw of a learner.
func sandboxRow(g LearnerGrade) SandboxRow {
	r := SandboxRow{Learner: g.Learner, CanaryConnections: g.Network.Connections}
	for _, e := range g.Exercises {
		r.PeakMemoryMiB = max(r.PeakMemoryMiB, e.Usage.PeakMemory>>20)
		r.PeakTasks = max(r.PeakTasks, e.Usage.PeakTasks)
		r.CPUSeconds += e.Usage.CPUSeconds
		r.OOMKills += e.Usage.OOMKills
		r.ProcessLimitHits += e.Usage.ProcessLimitHits
	}
	return r
}

// mostFailed ranks the specs by how many learners they failed, with the
// task's hint; the top n. It counts the learners whose exercise passes some
// specs but not all: a copy left as the skeleton, or code that fails every
// spec (it does not start, hangs or crashes at once), says nothing about
// which spec to reteach; [ClassReport.NothingWorks] counts those.
func mostFailed(exs []kit.Exercise, grades []LearnerGrade, n int) ([]SpecFailure, map[string]int) {
	type key struct{ ex, spec string }
	counts := map[key]*SpecFailure{}
	attempted, nothing := map[string]int{}, map[string]int{}
	for _, g := range grades {
		for _, e := range g.Exercises {
			passed := slices.ContainsFunc(e.Records, func(r Record) bool { return r.State == Passed })
			if e.NotStarted || !passed {
				if !e.NotStarted {
					nothing[e.Exercise]++
				}
				continue
			}
			attempted[e.Exercise]++
			for _, r := range e.Records {
				if r.State != Failed {
					continue
				}
				k := key{r.Exercise, r.Spec}
				if counts[k] == nil {
					counts[k] = &SpecFailure{Exercise: r.Exercise, Task: r.Task, TaskTitle: r.TaskTitle, Spec: r.Spec,
						Location: r.Location, Example: firstLine(r.Message)}
				}
				counts[k].Failed++
			}
		}
	}
	var out []SpecFailure
	for _, f := range counts {
		f.Attempted = attempted[f.Exercise]
		i := slices.IndexFunc(exs, func(ex kit.Exercise) bool { return ex.Name == f.Exercise })
		if i >= 0 {
			f.Hint = hintOf(exs[i], f.Task)
		}
		out = append(out, *f)
	}
	slices.SortFunc(out, func(a, b SpecFailure) int {
		return cmp.Or(b.Failed-a.Failed, strings.Compare(a.Exercise, b.Exercise), a.Task-b.Task, strings.Compare(a.Spec, b.Spec))
	})
	if len(out) > n {
		out = out[:n]
	}
	return out, nothing
}

// hintOf returns where task n's hints start in ex's HINTS.md: the file and
// section, the task's heading, and the first hint, cut short.
func hintOf(ex kit.Exercise, n int) string {
	if n == 0 {
		return ""
	}
	b, err := os.ReadFile(filepath.Join(ex.Dir(), "HINTS.md"))
	if err != nil {
		return ""
	}
	section := regexp.MustCompile(fmt.Sprintf(`(?ms)^## %d\s*$(.*?)(^## |\z)`, n)).FindSubmatch(b)
	if section == nil {
		return ""
	}
	var paras []string
	for _, p := range strings.Split(string(section[1]), "\n\n") {
		if p = strings.Join(strings.Fields(p), " "); p != "" {
			paras = append(paras, p)
		}
		if len(paras) == 2 {
			break
		}
	}
	return truncate(fmt.Sprintf("exercises/%s/HINTS.md §%d: %s", ex.Name, n, strings.Join(paras, " ")), 400, "…")
}

// Integrity is what changed outside the scratch folders during a run.
type Integrity struct {
	// Unchanged is true when no file of the kit or of the submissions was
	// added, removed or changed.
	Unchanged bool `json:"unchanged"`
	// Files counts the files fingerprinted.
	Files int `json:"files"`
	// Changed lists what changed.
	Changed []string `json:"changed,omitempty"`
	// Leftovers says whether a process started by the run is still alive.
	Leftovers string `json:"leftovers"`
}

// Fingerprints hashes every file of the kit at root (but .git and
// .reports) and of the submissions folder: path → SHA-256.
func Fingerprints(root, submissions string) map[string]string {
	fp := map[string]string{}
	for _, dir := range []string{root, submissions} {
		_ = filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
			if err != nil {
				return nil // unreadable: no fingerprint
			}
			if d.IsDir() && path != dir && (d.Name() == ".git" || d.Name() == ".reports") {
				return filepath.SkipDir
			}
			if d.Type().IsRegular() {
				if b, err := os.ReadFile(path); err == nil {
					fp[path] = hashBytes(b)
				}
			}
			return nil
		})
	}
	return fp
}

// integrity compares two fingerprints and looks for processes left running.
func integrity(before, after map[string]string) Integrity {
	in := Integrity{Files: len(after)}
	for path, h := range before {
		switch a, ok := after[path]; {
		case !ok:
			in.Changed = append(in.Changed, "removed: "+path)
		case a != h:
			in.Changed = append(in.Changed, "changed: "+path)
		}
	}
	for path := range after {
		if _, ok := before[path]; !ok {
			in.Changed = append(in.Changed, "added: "+path)
		}
	}
	slices.Sort(in.Changed)
	in.Unchanged = len(in.Changed) == 0
	var buf bytes.Buffer
	t := kit.NewTally(&buf)
	kit.CheckLeftovers(t)
	switch {
	case t.Failed > 0:
		in.Leftovers = strings.TrimSpace(buf.String())
	case t.Skipped > 0:
		in.Leftovers = "not checked: processes cannot be inspected on this system"
	default:
		in.Leftovers = "nothing left running"
	}
	return in
}
