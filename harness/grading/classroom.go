package grading

import (
	"fmt"
	"path/filepath"
	"strings"
)

// The GitHub Classroom result, one per runner (here: one per exercise), as
// the grading reporter reads it (github-education-resources/
// autograding-grading-reporter, src/main.js, src/notify-classroom.js,
// src/console-results.js) and as the Classroom runners write it
// (classroom-resources/autograding-python-grader, runner/ and bin/run.sh):
// the workflow step base64-encodes the JSON into its `result` output, the
// reporter reads it from the environment variable <RUNNER-ID>_RESULTS.
// The reporter sums tests[].score into "Points X/Y" over the max_score of
// each runner, prints each test as ✅ when its status is "pass" and as ❌
// with its message otherwise, and fails the workflow when a runner's status
// is "fail" or "error".

// ClassroomResult is one runner's result.
type ClassroomResult struct {
	Version  int             `json:"version"`
	Status   string          `json:"status"`
	Message  string          `json:"message,omitempty"`
	MaxScore int             `json:"max_score"`
	Tests    []ClassroomTest `json:"tests"`
}

// ClassroomTest is one test of a result: here, one task.
type ClassroomTest struct {
	Name     string  `json:"name"`
	Status   string  `json:"status"`
	Score    int     `json:"score"`
	Message  string  `json:"message,omitempty"`
	Filename string  `json:"filename,omitempty"`
	LineNo   int     `json:"line_no,omitempty"`
	Duration float64 `json:"duration"`
}

// classroomStatus maps a state to the reporter's statuses: a task or an
// exercise that could not be judged is an "error", never a "pass".
func classroomStatus(s State) string {
	switch s {
	case Passed:
		return "pass"
	case Failed:
		return "fail"
	default:
		return "error"
	}
}

// Classroom makes an exercise's Classroom result: one test per task, worth
// the task's points, whose message lists the specs that did not pass.
func Classroom(e ExerciseGrade) ClassroomResult {
	res := ClassroomResult{Version: 1, Status: classroomStatus(e.State), MaxScore: e.Max}
	if e.State == Error {
		res.Message = e.Verdict
	}
	if e.State == Ungraded {
		res.Message = fmt.Sprintf("%d points withheld: some specs could not judge on this machine (see each test)", e.Withheld)
	}
	for _, t := range e.Tasks {
		ct := ClassroomTest{Name: fmt.Sprintf("%s task %d: %s", e.Exercise, t.Number, t.Title),
			Status: classroomStatus(t.State), Score: t.Points}
		var lines []string
		for _, r := range e.Records {
			if r.Task != t.Number {
				continue
			}
			ct.Duration += r.Seconds
			if r.State == Passed {
				continue
			}
			if ct.Filename == "" {
				path, line := splitLocation(r.Location)
				ct.Filename, ct.LineNo = filepath.Base(path), line
			}
			mark := "✗"
			if r.State == Ungraded {
				mark = "? not judged here:"
			}
			lines = append(lines, fmt.Sprintf("%s %s\n%s", mark, r.Spec, indent(messageExcerpt(r.Message, 12))))
		}
		switch {
		case t.State == Error && e.Problem != "":
			ct.Message = messageExcerpt(e.Problem, 20)
		case t.State == Error:
			ct.Message = "no spec checks this task"
		case len(lines) == 0:
			ct.Message = fmt.Sprintf("all %d specs pass", t.Specs)
		default:
			ct.Message = strings.Join(lines, "\n")
		}
		res.Tests = append(res.Tests, ct)
	}
	return res
}

// WriteClassroom writes each exercise's Classroom result into dir, named
// after the exercise ("01-echo.json").
func WriteClassroom(dir string, g LearnerGrade) error {
	for _, e := range g.Exercises {
		if err := writeJSON(filepath.Join(dir, e.Exercise+".json"), Classroom(e)); err != nil {
			return err
		}
	}
	return nil
}

// indent indents every line of s by four spaces.
func indent(s string) string {
	if s == "" {
		return ""
	}
	return "    " + strings.ReplaceAll(s, "\n", "\n    ")
}
