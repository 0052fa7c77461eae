package grading

import (
	"fmt"

	"github.com/threadproc/threadproc/harness/internal/outcome"
	"github.com/threadproc/threadproc/harness/kit"
	"github.com/threadproc/threadproc/harness/sandbox"
)

// TaskGrade is one task's points.
type TaskGrade struct {
	// Number and Title come from the manifest.
	Number int    `json:"number"`
	Title  string `json:"title"`
	// Points is what the task earned: Max when every one of its specs
	// passed, else 0.
	Points int  `json:"points"`
	Max    int  `json:"max"`
	Bonus  bool `json:"bonus,omitempty"`
	// State is passed, failed, ungraded (no spec failed, some could not
	// judge: the points are withheld) or error (the suite did not run).
	State State `json:"state"`
	// Specs, Failed and Ungraded count the task's specs.
	Specs    int `json:"specs"`
	Failed   int `json:"failed"`
	Ungraded int `json:"ungraded"`
}

// ExerciseGrade is one exercise's grade for one learner.
type ExerciseGrade struct {
	Exercise string `json:"exercise"`
	// Points, Max and Withheld add up the tasks: Withheld is the points of
	// ungraded tasks, neither earned nor lost.
	Points   int `json:"points"`
	Max      int `json:"max"`
	Withheld int `json:"withheld,omitempty"`
	// State is passed (every task earned), failed, ungraded or error.
	State State `json:"state"`
	// NotStarted is set when every file of the learner's copy is the
	// skeleton's: such an exercise says nothing about what to reteach.
	NotStarted bool `json:"not_started,omitempty"`
	// Verdict sums the exercise up in one line.
	Verdict string `json:"verdict"`
	// Outcome is the worst way the learner's code ended (a suite-level kind
	// such as does-not-compile, or a spec's such as panic), and its evidence.
	Outcome       outcome.Kind `json:"outcome,omitempty"`
	OutcomeDetail string       `json:"outcome_detail,omitempty"`
	// Problem says why the suite did not run or report, in full.
	Problem string `json:"problem,omitempty"`
	// Seconds is the time spent building and running the suite.
	Seconds float64 `json:"seconds"`
	// Usage is what the sandboxed runs used, and which limits they hit.
	Usage sandbox.Usage `json:"usage"`
	// Tasks are the manifest's tasks, in order.
	Tasks []TaskGrade `json:"tasks"`
	// Records are the specs' results, in file order.
	Records []Record `json:"records"`
}

// GradeExercise grades one suite's result by the manifest m. A suite that
// did not run (res.Problem set, no specs) earns nothing; its tasks are in
// error.
func GradeExercise(ex string, m kit.Manifest, res kit.Result) ExerciseGrade {
	g := ExerciseGrade{Exercise: ex, Problem: res.Problem, Seconds: res.Seconds}
	for _, s := range res.Specs {
		g.Records = append(g.Records, RecordOf(ex, m, s))
	}
	sortByLocation(g.Records)
	for _, t := range m.Tasks {
		tg := TaskGrade{Number: t.Number, Title: t.Title, Max: t.Points, Bonus: t.Bonus}
		for _, r := range g.Records {
			if r.Task != t.Number {
				continue
			}
			tg.Specs++
			switch r.State {
			case Failed:
				tg.Failed++
			case Ungraded:
				tg.Ungraded++
			}
		}
		switch {
		case tg.Specs == 0:
			tg.State = Error // nothing checked it: nothing to award
		case tg.Failed > 0:
			tg.State = Failed
		case tg.Ungraded > 0:
			tg.State = Ungraded
			g.Withheld += tg.Max
		default:
			tg.State, tg.Points = Passed, tg.Max
		}
		g.Points += tg.Points
		g.Max += tg.Max
		g.Tasks = append(g.Tasks, tg)
	}
	g.State = exerciseState(g)
	if o, ok := kit.Worst(res); ok {
		g.Outcome, g.OutcomeDetail = o.Kind, firstLine(o.Detail)
	}
	if len(res.Specs) == 0 && res.Problem != "" {
		g.Outcome, g.OutcomeDetail = kit.NoReport, firstLine(res.Problem)
	}
	g.Verdict = kit.Verdict(res)
	return g
}

// exerciseState is error when the suite did not run cleanly, failed when a
// task failed, ungraded when one is withheld, and passed otherwise.
func exerciseState(g ExerciseGrade) State {
	state := Passed
	for _, t := range g.Tasks {
		switch {
		case t.State == Error || g.Problem != "":
			return Error
		case t.State == Failed:
			state = Failed
		case t.State == Ungraded && state == Passed:
			state = Ungraded
		}
	}
	return state
}

// Unrun is the grade of an exercise whose suite did not run at all, for the
// reason why, recorded as the outcome kind (such as kit.DoesNotCompile).
func Unrun(ex string, m kit.Manifest, kind outcome.Kind, why string) ExerciseGrade {
	g := ExerciseGrade{Exercise: ex, State: Error, Outcome: kind, OutcomeDetail: firstLine(why), Problem: why,
		Verdict: fmt.Sprintf("%s: %s", kind, firstLine(why))}
	for _, t := range m.Tasks {
		g.Tasks = append(g.Tasks, TaskGrade{Number: t.Number, Title: t.Title, Max: t.Points, Bonus: t.Bonus, State: Error})
		g.Max += t.Points
	}
	return g
}

// Summary is the points line of a grade: "200/255", with ", 45 withheld
// (ungraded)" when some are.
func Summary(points, max, withheld int) string {
	s := fmt.Sprintf("%d/%d", points, max)
	if withheld > 0 {
		s += fmt.Sprintf(", %d withheld (ungraded)", withheld)
	}
	return s
}
