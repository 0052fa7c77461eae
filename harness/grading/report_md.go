package grading

import (
	"fmt"
	"slices"
	"strings"
	"time"
)

// Markdown writes the class report for people.
func (r ClassReport) Markdown() string {
	var b strings.Builder
	p := r.Provenance
	fmt.Fprintf(&b, "# Class report\n\n")
	fmt.Fprintf(&b, "%d learners (%d resumed from an earlier run) graded %d at a time in %s, a budget of %s each.\n\n",
		r.Learners, r.Resumed, r.Jobs, time.Duration(r.Seconds*float64(time.Second)).Round(time.Second),
		time.Duration(p.BudgetSeconds*float64(time.Second)))
	fmt.Fprintf(&b, "Kit %s, %s, %s/%s, %d CPUs, ginkgo seed %d.\n\n", p.KitCommit, p.GoVersion, p.OS, p.Arch, p.CPUs, p.GinkgoSeed)
	fmt.Fprintf(&b, "Sandbox: network: %s; files: %s; memory: %s; processes: %s; CPU time: %s; CPU share: %s.\n",
		p.Sandbox.Network, p.Sandbox.Files, p.Sandbox.Memory, p.Sandbox.Processes, p.Sandbox.CPU, p.Sandbox.CPUShare)
	for _, w := range p.Sandbox.Warnings {
		fmt.Fprintf(&b, "\n**Warning:** %s\n", w)
	}

	exercises := r.exerciseNames()
	fmt.Fprintf(&b, "\n## Points\n\n| learner | points | %s | state |\n|---|---|%s---|\n",
		strings.Join(exercises, " | "), strings.Repeat("---|", len(exercises)))
	for _, row := range r.Points {
		cells := make([]string, len(exercises))
		for i, ex := range exercises {
			cells[i] = fmt.Sprint(row.Exercises[ex])
		}
		fmt.Fprintf(&b, "| %s | %s | %s | %s |\n", row.Learner, Summary(row.Points, row.Max, row.Withheld), strings.Join(cells, " | "), row.State)
	}

	fmt.Fprintf(&b, "\n## What to reteach: the specs that fail most often\n\n")
	fmt.Fprintf(&b, "Among the learners whose exercise passes some specs but not all. ")
	fmt.Fprintf(&b, "Left out: copies left as the skeleton, and code that passes no spec at all (")
	var nothing []string
	for _, ex := range exercises {
		if n := r.NothingWorks[ex]; n > 0 {
			nothing = append(nothing, fmt.Sprintf("%s: %d", ex, n))
		}
	}
	if len(nothing) == 0 {
		nothing = append(nothing, "none")
	}
	fmt.Fprintf(&b, "%s; see the outcomes below).\n\n", strings.Join(nothing, ", "))
	fmt.Fprintf(&b, "| failed | exercise, task | spec | one learner's message | where the hints start |\n|---|---|---|---|---|\n")
	if len(r.MostFailed) == 0 {
		b.WriteString("| | | no spec failed among them | | |\n")
	}
	for _, f := range r.MostFailed {
		fmt.Fprintf(&b, "| %d of %d | %s, task %d: %s | %s | %s | %s |\n", f.Failed, f.Attempted, f.Exercise, f.Task, f.TaskTitle,
			cell(f.Spec), cell(f.Example), cell(f.Hint))
	}

	fmt.Fprintf(&b, "\n## Code that ended worse than a wrong answer\n\n")
	if len(r.Outcomes) == 0 {
		b.WriteString("None.\n")
	} else {
		b.WriteString("| learner | exercise | outcome | evidence |\n|---|---|---|---|\n")
		for _, o := range r.Outcomes {
			fmt.Fprintf(&b, "| %s | %s | %s | %s |\n", o.Learner, o.Exercise, o.Outcome, cell(o.Detail))
		}
	}

	fmt.Fprintf(&b, "\n## What the sandbox saw\n\n")
	b.WriteString("Peak memory and tasks are the most any one suite's tree held; CPU seconds add up the suites. ")
	b.WriteString("The network probe is a listener on the grader's own 127.0.0.1: a connection means the learner's code reached the host.\n\n")
	b.WriteString("| learner | peak memory (MiB) | peak tasks | CPU s | memory-limit kills | process-limit refusals | network probe connections |\n")
	b.WriteString("|---|---|---|---|---|---|---|\n")
	for _, s := range r.Sandbox {
		fmt.Fprintf(&b, "| %s | %d | %d | %.0f | %d | %d | %d |\n", s.Learner, s.PeakMemoryMiB, s.PeakTasks, s.CPUSeconds,
			s.OOMKills, s.ProcessLimitHits, s.CanaryConnections)
	}

	fmt.Fprintf(&b, "\n## Integrity\n\n")
	if r.Integrity.Unchanged {
		fmt.Fprintf(&b, "No file of the kit or of the submissions changed (%d files fingerprinted before and after).\n", r.Integrity.Files)
	} else {
		fmt.Fprintf(&b, "**Files changed outside the scratch folders:**\n\n")
		for _, c := range r.Integrity.Changed {
			fmt.Fprintf(&b, "- %s\n", c)
		}
	}
	fmt.Fprintf(&b, "\nProcesses: %s.\n", r.Integrity.Leftovers)

	if len(r.Expectations) > 0 {
		ok := 0
		for _, e := range r.Expectations {
			if e.OK {
				ok++
			}
		}
		fmt.Fprintf(&b, "\n## Predictions\n\n%d of %d exercises earned the points their mix predicts.\n", ok, len(r.Expectations))
		if ok < len(r.Expectations) {
			b.WriteString("\n| learner | exercise | variant | predicted | got | state | outcome |\n|---|---|---|---|---|---|---|\n")
			for _, e := range r.Expectations {
				if !e.OK {
					fmt.Fprintf(&b, "| %s | %s | %s | %d | %d | %s | %s |\n", e.Learner, e.Exercise, e.Variant, e.Predicted, e.Got, e.State, e.Outcome)
				}
			}
		}
	}
	return b.String()
}

// exerciseNames lists the exercises in the points rows, in order.
func (r ClassReport) exerciseNames() []string {
	var names []string
	for _, row := range r.Points {
		for ex := range row.Exercises {
			if !slices.Contains(names, ex) {
				names = append(names, ex)
			}
		}
	}
	slices.Sort(names)
	return names
}

// cell makes text fit a Markdown table cell.
func cell(s string) string {
	return strings.NewReplacer("|", `\|`, "\n", " ").Replace(s)
}
