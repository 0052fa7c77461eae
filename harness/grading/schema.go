package grading

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"slices"
	"strconv"
	"unicode/utf8"
)

// The checks below are each format's documented shape, written from the
// documents named in each function's comment. They are strict: a key the
// document does not list is an error, so a misspelt field cannot slip
// through. Class runs check every file they write with them.

// ValidateClassroom checks a GitHub Classroom runner result, as the grading
// reporter reads it: github-education-resources/autograding-grading-reporter
// src/main.js (results.status "fail"/"error" fails the workflow),
// src/notify-classroom.js (sums tests[].score over max_score), and
// src/console-results.js (tests[].name, status "pass", message); the fields
// a test may carry are those of the Classroom runners' Test record
// (classroom-resources/autograding-python-grader, runner/).
func ValidateClassroom(b []byte) error {
	c := newChecker(b)
	top := c.object(c.root, "result", []string{"version", "status", "message", "max_score", "tests"},
		[]string{"version", "status", "max_score", "tests"})
	if top == nil {
		return c.err()
	}
	c.oneOf(top["version"], "version", 1)
	status := c.enum(top["status"], "status", "pass", "fail", "error")
	maxScore := c.number(top["max_score"], "max_score", 0, math.Inf(1))
	c.optionalString(top["message"], "message")
	tests := c.array(top["tests"], "tests", 1)
	total, allPass := 0.0, true
	for i, t := range tests {
		path := fmt.Sprintf("tests[%d]", i)
		test := c.object(t, path, []string{"name", "status", "message", "score", "test_code", "task_id", "filename",
			"line_no", "duration", "output"}, []string{"name", "status", "score"})
		if test == nil {
			continue
		}
		c.nonEmptyString(test["name"], path+".name")
		if c.enum(test["status"], path+".status", "pass", "fail", "error") != "pass" {
			allPass = false
		}
		total += c.number(test["score"], path+".score", 0, math.Inf(1))
		c.optionalString(test["message"], path+".message")
		c.optionalString(test["test_code"], path+".test_code")
		c.optionalString(test["filename"], path+".filename")
		c.optionalString(test["output"], path+".output")
		c.optionalInteger(test["line_no"], path+".line_no", 1)
		c.optionalInteger(test["task_id"], path+".task_id", 1)
		if d, ok := test["duration"]; ok {
			c.number(d, path+".duration", 0, math.Inf(1))
		}
	}
	if total > maxScore+1e-9 {
		c.fail("the tests' scores add up to %g, more than max_score %g", total, maxScore)
	}
	if status == "pass" && !allPass {
		c.fail("status is pass, but not every test passes")
	}
	return c.err()
}

// gradescopeVisibility are the visibility settings of Gradescope's
// specs.md, "Controlling Test Case Visibility".
var gradescopeVisibility = []string{"hidden", "after_due_date", "after_published", "visible"}

// ValidateGradescope checks a Gradescope results.json against
// gradescope/autograder_samples docs/specs.md, "Output format": score
// (required unless every test has one), execution_time, output, visibility,
// stdout_visibility, extra_data, tests (score, max_score, name, number,
// output, tags, visibility, extra_data) and leaderboard.
func ValidateGradescope(b []byte) error {
	c := newChecker(b)
	top := c.object(c.root, "results.json", []string{"score", "execution_time", "output", "visibility",
		"stdout_visibility", "extra_data", "tests", "leaderboard"}, nil)
	if top == nil {
		return c.err()
	}
	if s, ok := top["score"]; ok {
		c.number(s, "score", math.Inf(-1), math.Inf(1))
	}
	if t, ok := top["execution_time"]; ok {
		c.number(t, "execution_time", 0, math.Inf(1))
	}
	c.optionalString(top["output"], "output")
	c.optionalEnum(top["visibility"], "visibility", gradescopeVisibility...)
	c.optionalEnum(top["stdout_visibility"], "stdout_visibility", gradescopeVisibility...)
	if x, ok := top["extra_data"]; ok {
		c.object(x, "extra_data", nil, nil)
	}
	_, hasScore := top["score"]
	tests := []any{}
	if t, ok := top["tests"]; ok {
		tests = c.array(t, "tests", 0)
	} else if !hasScore {
		c.fail("results.json needs a score or tests")
	}
	for i, t := range tests {
		path := fmt.Sprintf("tests[%d]", i)
		test := c.object(t, path, []string{"score", "max_score", "name", "number", "output", "tags", "visibility",
			"extra_data"}, nil)
		if test == nil {
			continue
		}
		if s, ok := test["score"]; ok {
			c.number(s, path+".score", math.Inf(-1), math.Inf(1))
		} else if !hasScore {
			c.fail("%s has no score, and results.json has no top-level score", path)
		}
		if m, ok := test["max_score"]; ok {
			c.number(m, path+".max_score", 0, math.Inf(1))
		}
		c.optionalString(test["name"], path+".name")
		c.optionalString(test["number"], path+".number")
		c.optionalString(test["output"], path+".output")
		c.optionalEnum(test["visibility"], path+".visibility", gradescopeVisibility...)
		if tags, ok := test["tags"]; ok {
			for j, tag := range c.array(tags, path+".tags", 0) {
				c.nonEmptyString(tag, fmt.Sprintf("%s.tags[%d]", path, j))
			}
		}
		if x, ok := test["extra_data"]; ok {
			c.object(x, path+".extra_data", nil, nil)
		}
	}
	if lb, ok := top["leaderboard"]; ok {
		for i, e := range c.array(lb, "leaderboard", 0) {
			path := fmt.Sprintf("leaderboard[%d]", i)
			if entry := c.object(e, path, []string{"name", "value", "order"}, []string{"name", "value"}); entry != nil {
				c.nonEmptyString(entry["name"], path+".name")
				c.optionalEnum(entry["order"], path+".order", "asc", "desc")
			}
		}
	}
	return c.err()
}

// ValidateExercism checks an exercism results.json against version 3 of
// the test runner interface (exercism/docs,
// building/tooling/test-runners/interface.md, "Output format"): version,
// status pass|fail|error, message (required if status is error, else null
// or absent), tests with name, test_code, status, message, output (at most
// 500 characters) and task_id.
func ValidateExercism(b []byte) error {
	c := newChecker(b)
	top := c.object(c.root, "results.json", []string{"version", "status", "message", "tests"},
		[]string{"version", "status", "tests"})
	if top == nil {
		return c.err()
	}
	c.oneOf(top["version"], "version", 3)
	status := c.enum(top["status"], "status", "pass", "fail", "error")
	msg, hasMsg := top["message"]
	switch {
	case status == "error":
		c.nonEmptyString(msg, "message (required when status is error)")
	case hasMsg && msg != nil:
		c.fail("message must be null or absent when status is %s", status)
	}
	anyFailed := false
	for i, t := range c.array(top["tests"], "tests", 0) {
		path := fmt.Sprintf("tests[%d]", i)
		test := c.object(t, path, []string{"name", "test_code", "status", "message", "output", "task_id"},
			[]string{"name", "status"})
		if test == nil {
			continue
		}
		c.nonEmptyString(test["name"], path+".name")
		if c.enum(test["status"], path+".status", "pass", "fail", "error") != "pass" {
			anyFailed = true
		}
		c.optionalString(test["message"], path+".message")
		c.optionalString(test["test_code"], path+".test_code")
		if out, ok := test["output"].(string); ok && utf8.RuneCountInString(out) > ExercismOutputLimit {
			c.fail("%s.output has %d characters, more than the %d allowed", path, utf8.RuneCountInString(out), ExercismOutputLimit)
		} else {
			c.optionalString(test["output"], path+".output")
		}
		c.optionalInteger(test["task_id"], path+".task_id", 1)
	}
	if status == "pass" && anyFailed {
		c.fail("status is pass, but a test did not pass")
	}
	if status == "fail" && !anyFailed {
		c.fail("status is fail, but every test passed")
	}
	return c.err()
}

// ValidateCSV checks a CSV written with columns: the header, the same
// number of cells in every row, and numbers and states where columns hold
// them.
func ValidateCSV(b []byte, columns []string) error {
	rows, err := csv.NewReader(bytes.NewReader(b)).ReadAll() // also rejects rows of another length
	if err != nil {
		return err
	}
	if len(rows) == 0 || !slices.Equal(rows[0], columns) {
		return fmt.Errorf("the header is not %v", columns)
	}
	var errs []error
	for i, row := range rows[1:] {
		for j, name := range columns {
			cell := row[j]
			switch name {
			case "points", "max", "withheld", "task", "cpus", "ginkgo_seed":
				if _, err := strconv.ParseInt(cell, 10, 64); err != nil {
					errs = append(errs, fmt.Errorf("row %d: %s is not a whole number: %q", i+1, name, cell))
				}
			case "seconds":
				if _, err := strconv.ParseFloat(cell, 64); err != nil {
					errs = append(errs, fmt.Errorf("row %d: seconds is not a number: %q", i+1, cell))
				}
			case "state":
				if stateRank[State(cell)] == 0 && State(cell) != Passed {
					errs = append(errs, fmt.Errorf("row %d: state %q is none of passed, failed, ungraded, error", i+1, cell))
				}
			}
		}
	}
	return errors.Join(errs...)
}

// checker collects the problems found in one JSON document.
type checker struct {
	root any
	errs []error
}

// newChecker parses b, keeping numbers exact.
func newChecker(b []byte) *checker {
	c := &checker{}
	d := json.NewDecoder(bytes.NewReader(b))
	d.UseNumber()
	if err := d.Decode(&c.root); err != nil {
		c.fail("not JSON: %v", err)
	}
	return c
}

func (c *checker) fail(format string, args ...any) {
	c.errs = append(c.errs, fmt.Errorf(format, args...))
}

func (c *checker) err() error { return errors.Join(c.errs...) }

// object checks that v is an object with only the allowed keys (any when
// nil) and every required key, and returns it, or nil.
func (c *checker) object(v any, path string, allowed, required []string) map[string]any {
	m, ok := v.(map[string]any)
	if !ok {
		c.fail("%s is not an object", path)
		return nil
	}
	for k := range m {
		if allowed != nil && !slices.Contains(allowed, k) {
			c.fail("%s has a key the format does not define: %q", path, k)
		}
	}
	for _, k := range required {
		if _, ok := m[k]; !ok {
			c.fail("%s has no %q", path, k)
		}
	}
	return m
}

// array checks that v is an array of at least min elements.
func (c *checker) array(v any, path string, min int) []any {
	a, ok := v.([]any)
	if !ok {
		c.fail("%s is not an array", path)
		return nil
	}
	if len(a) < min {
		c.fail("%s has %d elements, fewer than %d", path, len(a), min)
	}
	return a
}

// number checks that v is a number within [lo, hi] and returns it.
func (c *checker) number(v any, path string, lo, hi float64) float64 {
	n, ok := v.(json.Number)
	if !ok {
		c.fail("%s is not a number", path)
		return 0
	}
	f, err := n.Float64()
	if err != nil || f < lo || f > hi {
		c.fail("%s is %s, outside [%g, %g]", path, n, lo, hi)
	}
	return f
}

// optionalInteger checks that v, if present and not null, is a whole number
// of at least min.
func (c *checker) optionalInteger(v any, path string, min int64) {
	if v == nil {
		return
	}
	n, ok := v.(json.Number)
	i, err := n.Int64()
	if !ok || err != nil || i < min {
		c.fail("%s is %v, not a whole number of at least %d", path, v, min)
	}
}

// oneOf checks that v is the number want.
func (c *checker) oneOf(v any, path string, want int64) {
	if n, ok := v.(json.Number); !ok || n.String() != strconv.FormatInt(want, 10) {
		c.fail("%s is %v, not %d", path, v, want)
	}
}

// enum checks that v is one of the strings and returns it.
func (c *checker) enum(v any, path string, values ...string) string {
	s, ok := v.(string)
	if !ok || !slices.Contains(values, s) {
		c.fail("%s is %v, not one of %v", path, v, values)
	}
	return s
}

// optionalEnum is enum for a key that may be absent.
func (c *checker) optionalEnum(v any, path string, values ...string) {
	if v != nil {
		c.enum(v, path, values...)
	}
}

// nonEmptyString checks that v is a string with something in it.
func (c *checker) nonEmptyString(v any, path string) {
	if s, ok := v.(string); !ok || s == "" {
		c.fail("%s is %v, not a non-empty string", path, v)
	}
}

// optionalString checks that v, if present and not null, is a string.
func (c *checker) optionalString(v any, path string) {
	if _, ok := v.(string); v != nil && !ok {
		c.fail("%s is %v, not a string", path, v)
	}
}
