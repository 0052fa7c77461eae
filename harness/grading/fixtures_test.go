package grading_test

import (
	"strings"

	"github.com/threadproc/threadproc/harness/grading"
	"github.com/threadproc/threadproc/harness/internal/outcome"
	"github.com/threadproc/threadproc/harness/kit"
)

// manifest is a small exercise's manifest: three tasks, the last a bonus.
var manifest = kit.Manifest{Tasks: []kit.Task{
	{Number: 1, Title: "accept", Points: 10},
	{Number: 2, Title: "echo", Points: 20},
	{Number: 3, Title: "stats", Points: 5, Bonus: true},
}}

// spec makes a spec of task n in the given state, at file:line.
func spec(n int, state, location string, outcomes ...outcome.Outcome) kit.Spec {
	s := kit.Spec{Text: "spec at " + location, State: state, Labels: []string{"task-" + string(rune('0'+n))},
		Location: "/kit/exercises/09-x/" + location, Seconds: 0.25, Outcomes: outcomes}
	switch state {
	case "failed":
		s.Message = "client 1 waited for a reply\n  got: nothing"
		s.Output = "some harness line\n[server echo] panic: boom\n[server echo] goroutine 1 [running]:\n"
	case "skipped":
		s.Message = "1 CPU here: the speedup cannot be judged; run it on a machine with 2 free cores"
		s.Outcomes = append(s.Outcomes, outcome.Outcome{Kind: outcome.Ungraded, Detail: "1 CPU"})
	}
	return s
}

// result is a suite's result made of specs.
func result(specs ...kit.Spec) kit.Result { return kit.Result{Specs: specs, Seconds: 3} }

// learner is a learner with one exercise of each kind: all passed, one
// failed with a panic, one ungraded, and one that did not compile.
func learner() grading.LearnerGrade {
	panicked := outcome.Outcome{Kind: outcome.Panic, Detail: "panic: boom"}
	exs := []grading.ExerciseGrade{
		grading.GradeExercise("09-x", manifest, result(spec(1, "passed", "a_test.go:10"), spec(2, "passed", "a_test.go:20"),
			spec(3, "passed", "b_test.go:5"))),
		grading.GradeExercise("10-y", manifest, result(spec(1, "passed", "a_test.go:10"), spec(2, "failed", "a_test.go:20", panicked),
			spec(3, "passed", "b_test.go:5"))),
		grading.GradeExercise("11-z", manifest, result(spec(1, "passed", "a_test.go:10"), spec(2, "passed", "a_test.go:20"),
			spec(3, "skipped", "b_test.go:5"))),
		grading.Unrun("12-w", manifest, kit.DoesNotCompile, "it does not compile:\n./server.go:3:1: syntax error"),
	}
	exs[1].Records[1].Output = strings.Repeat("[server echo] a long line of output\n", 40)
	g := grading.LearnerGrade{Learner: "ada", Exercises: exs, Seconds: 12.4,
		Provenance: grading.Provenance{KitCommit: "0123abcd", GoVersion: "go1.26.8", OS: "linux", Arch: "amd64", CPUs: 2, GinkgoSeed: 42}}
	g.Total()
	return g
}
