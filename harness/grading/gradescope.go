package grading

import (
	"fmt"
	"strings"
)

// Gradescope's autograder results.json (gradescope/autograder_samples,
// docs/specs.md, "Output format"): a top-level score, execution_time in
// seconds, output shown to the student, and tests, each with score,
// max_score, name, number, output, tags and visibility. Here one test is
// one task, numbered "exercise.task" ("1.2"), whose output lists its specs.

// GradescopeResults is a results.json.
type GradescopeResults struct {
	Score         float64          `json:"score"`
	ExecutionTime int              `json:"execution_time"`
	Output        string           `json:"output"`
	Tests         []GradescopeTest `json:"tests"`
	ExtraData     map[string]any   `json:"extra_data,omitempty"`
}

// GradescopeTest is one test case.
type GradescopeTest struct {
	Score      float64  `json:"score"`
	MaxScore   float64  `json:"max_score"`
	Name       string   `json:"name"`
	Number     string   `json:"number"`
	Output     string   `json:"output"`
	Tags       []string `json:"tags"`
	Visibility string   `json:"visibility"`
}

// Gradescope makes a learner's results.json.
func Gradescope(g LearnerGrade) GradescopeResults {
	res := GradescopeResults{Score: float64(g.Points), ExecutionTime: int(g.Seconds + 0.5),
		ExtraData: map[string]any{"provenance": g.Provenance, "withheld": g.Withheld, "state": g.State}}
	var summary []string
	summary = append(summary, fmt.Sprintf("Points %s.", Summary(g.Points, g.Max, g.Withheld)))
	if g.Withheld > 0 {
		summary = append(summary, "Withheld points belong to specs that could not judge on the grading machine: "+
			"they are neither earned nor lost until a regrade where they can.")
	}
	for _, e := range g.Exercises {
		summary = append(summary, fmt.Sprintf("%s: %d/%d, %s", e.Exercise, e.Points, e.Max, e.Verdict))
		for _, t := range e.Tasks {
			res.Tests = append(res.Tests, gradescopeTest(e, t))
		}
	}
	summary = append(summary, fmt.Sprintf("Graded by threadproc %s (Go %s, %s/%s, %d CPUs, ginkgo seed %d).",
		g.Provenance.KitCommit, g.Provenance.GoVersion, g.Provenance.OS, g.Provenance.Arch, g.Provenance.CPUs, g.Provenance.GinkgoSeed))
	res.Output = strings.Join(summary, "\n")
	return res
}

// gradescopeTest is one task as a Gradescope test.
func gradescopeTest(e ExerciseGrade, t TaskGrade) GradescopeTest {
	n := 0
	_, _ = fmt.Sscanf(e.Exercise, "%d", &n)
	gt := GradescopeTest{Score: float64(t.Points), MaxScore: float64(t.Max), Visibility: "visible",
		Name: fmt.Sprintf("%s, task %d: %s", e.Exercise, t.Number, t.Title), Number: fmt.Sprintf("%d.%d", n, t.Number),
		Tags: []string{e.Exercise, fmt.Sprintf("task-%d", t.Number), string(t.State)}}
	if t.Bonus {
		gt.Tags = append(gt.Tags, "bonus")
	}
	var lines []string
	switch {
	case t.State == Error && e.Problem != "":
		lines = append(lines, "The suite did not run: "+e.Verdict, messageExcerpt(e.Problem, 30))
	case t.State == Ungraded:
		lines = append(lines, fmt.Sprintf("%d points withheld: a spec could not judge on the grading machine.", t.Max))
	}
	for _, r := range e.Records {
		if r.Task != t.Number {
			continue
		}
		switch r.State {
		case Passed:
			lines = append(lines, "✓ "+r.Spec)
		case Ungraded:
			lines = append(lines, "? "+r.Spec+" (not judged here)\n"+indent(messageExcerpt(r.Message, 6)))
		default:
			lines = append(lines, "✗ "+r.Spec+"\n"+indent(messageExcerpt(r.Message, 20)))
			if r.Output != "" {
				lines = append(lines, indent("your program's output:\n"+messageExcerpt(r.Output, 20)))
			}
		}
	}
	gt.Output = strings.Join(lines, "\n")
	if e.Outcome != "" && t.State != Passed {
		gt.Tags = append(gt.Tags, string(e.Outcome))
	}
	return gt
}
