package kit

import (
	"fmt"
	"io"
	"sort"

	"github.com/threadproc/threadproc/harness/internal/task"
)

// Progress is how far a learner is in one exercise.
type Progress struct {
	// Exercise is the exercise's name.
	Exercise string
	// Passed and Total count its specs.
	Passed, Total int
	// NextTask is the lowest task number with a failing spec, or 0.
	NextTask int
	// Problem says why the suite did not run, if it did not.
	Problem string
}

// Done reports whether every spec of the exercise passes.
func (p Progress) Done() bool { return p.Problem == "" && p.Total > 0 && p.Passed == p.Total }

// ProgressOf summarises one exercise's result. The next task is the lowest
// TODO that the learner's code says is not implemented yet, or else the
// lowest task with a failing spec: a spec of task 1 may fail only because
// task 2 is not written yet.
func ProgressOf(name string, res Result) Progress {
	p := Progress{Exercise: name, Total: len(res.Specs), Problem: res.Problem}
	var labelled, unwritten []int
	for _, s := range res.Specs {
		if s.Passed() || s.Skipped() {
			p.Passed++
			continue
		}
		labelled = append(labelled, s.Task())
		unwritten = append(unwritten, task.TODOs(s.Message)...)
	}
	for _, list := range [][]int{unwritten, labelled} {
		if len(list) > 0 {
			sort.Ints(list)
			p.NextTask = list[0]
			break
		}
	}
	return p
}

// PrintProgress writes the learner's summary: one line per exercise and
// what to do next.
func PrintProgress(w io.Writer, ps []Progress) {
	done := 0
	var next *Progress
	fmt.Fprintln(w, "\nProgress:")
	for i, p := range ps {
		mark := "✗"
		if p.Done() {
			mark, done = "✓", done+1
		} else if next == nil {
			next = &ps[i]
		}
		line := fmt.Sprintf("  %s %-16s %d/%d specs pass", mark, p.Exercise, p.Passed, p.Total)
		if p.Problem != "" {
			line += "  (" + firstLine(p.Problem) + ")"
		}
		fmt.Fprintln(w, line)
	}
	fmt.Fprintf(w, "%d/%d exercises done", done, len(ps))
	switch {
	case next == nil:
		fmt.Fprintln(w, ". All done: well played!")
	case next.NextTask > 0:
		fmt.Fprintf(w, "; next: %s, task %d — see TODO(%d) and hint %d in exercises/%s/HINTS.md (make hint EX=%s)\n",
			next.Exercise, next.NextTask, next.NextTask, next.NextTask, next.Exercise, next.Exercise[:2])
	default:
		fmt.Fprintf(w, "; next: %s — see exercises/%s/README.md\n", next.Exercise, next.Exercise)
	}
}

// PrintFailures writes a few failing specs of res with their messages, those
// of the next task first, so that the learner sees where to start.
func PrintFailures(w io.Writer, res Result, next int) {
	const most = 3
	var failing []Spec
	for _, s := range res.Specs {
		if !s.Passed() && !s.Skipped() {
			failing = append(failing, s)
		}
	}
	sort.SliceStable(failing, func(i, j int) bool {
		a, b := failing[i].Task(), failing[j].Task()
		if (a == next) != (b == next) {
			return a == next
		}
		return a < b
	})
	for i, s := range failing {
		if i == most {
			fmt.Fprintf(w, "\n... and %d more failing specs: `go tool ginkgo ./exercises/...` shows them all.\n", len(failing)-most)
			break
		}
		fmt.Fprintf(w, "\n✗ %s\n%s\n", s.Text, indent(s.Message, 2))
	}
	if res.Problem != "" {
		fmt.Fprintf(w, "\n✗ %s\n", res.Problem)
	}
	if len(failing) == 0 && res.Problem == "" {
		fmt.Fprintf(w, "all %d specs pass\n", len(res.Specs))
	}
}
