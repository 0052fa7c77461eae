package grading

import (
	"os"
	"path/filepath"
)

// exercism's test runner interface, version 3 (exercism/docs,
// building/tooling/test-runners/interface.md): a results.json per exercise
// with version 3, status pass|fail|error, a message required when the
// status is error, and tests in the order the test files specify them,
// each with name, status pass|fail|error, message, output (at most 500
// characters, truncated with the note the spec gives), test_code and the
// task_id it belongs to.

// ExercismResults is one exercise's results.json.
type ExercismResults struct {
	Version int            `json:"version"`
	Status  string         `json:"status"`
	Message *string        `json:"message"`
	Tests   []ExercismTest `json:"tests"`
}

// ExercismTest is one spec.
type ExercismTest struct {
	Name     string `json:"name"`
	Status   string `json:"status"`
	Message  string `json:"message,omitempty"`
	Output   string `json:"output,omitempty"`
	TestCode string `json:"test_code,omitempty"`
	TaskID   int    `json:"task_id,omitempty"`
}

// ExercismOutputLimit and ExercismTruncated are the spec's bound on a
// test's output and the note it asks for when output is cut.
const (
	ExercismOutputLimit = 500
	ExercismTruncated   = "... Output was truncated. Please limit to 500 chars"
)

// Exercism makes an exercise's results.json. A spec that could not judge
// here is an "error" test with the reason as its message, so the status is
// never "pass" while one is ungraded.
func Exercism(e ExerciseGrade) ExercismResults {
	res := ExercismResults{Version: 3, Status: "pass", Tests: []ExercismTest{}}
	if e.State == Error {
		msg := e.Verdict
		if e.Problem != "" {
			msg = e.Problem
		}
		res.Status, res.Message = "error", &msg
	}
	for _, r := range e.Records { // already in file order
		t := ExercismTest{Name: r.Spec, Status: "pass", TaskID: r.Task, TestCode: r.TestCode}
		switch r.State {
		case Failed:
			t.Status, t.Message = "fail", r.Message
			t.Output = truncate(r.Output, ExercismOutputLimit, ExercismTruncated)
		case Ungraded:
			t.Status, t.Message = "error", "not judged here: "+r.Message
		}
		if t.Status != "pass" && res.Status == "pass" {
			res.Status = "fail"
		}
		res.Tests = append(res.Tests, t)
	}
	return res
}

// WriteExercism writes each exercise's results.json into dir/EXERCISE/.
func WriteExercism(dir string, g LearnerGrade) error {
	for _, e := range g.Exercises {
		sub := filepath.Join(dir, e.Exercise)
		if err := os.MkdirAll(sub, 0o755); err != nil {
			return err
		}
		if err := writeJSON(filepath.Join(sub, "results.json"), Exercism(e)); err != nil {
			return err
		}
	}
	return nil
}
