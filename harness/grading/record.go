package grading

import (
	"fmt"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/threadproc/threadproc/harness/internal/outcome"
	"github.com/threadproc/threadproc/harness/kit"
)

// State is how a spec, a task or an exercise came out.
type State string

// The states. A spec is passed, failed or ungraded; a task or an exercise
// may also be in error (its suite did not run) or not started.
const (
	Passed   State = "passed"
	Failed   State = "failed"
	Ungraded State = "ungraded" // could not judge on this machine: never a pass
	Error    State = "error"    // the suite did not build, or did not report
)

// Record is one spec's result for one learner.
type Record struct {
	// Exercise is the exercise's folder name, such as "01-echo".
	Exercise string `json:"exercise"`
	// Task and TaskTitle name the task the spec checks (0 and "" for a
	// spec with no task label).
	Task      int    `json:"task"`
	TaskTitle string `json:"task_title"`
	// Spec is the spec's full text.
	Spec string `json:"spec"`
	// State is passed, failed or ungraded.
	State State `json:"state"`
	// Message is the learner-worded failure message, or why the spec could
	// not judge here.
	Message string `json:"message,omitempty"`
	// Output is an excerpt of what the learner's server and client wrote
	// during a spec that did not pass.
	Output string `json:"output,omitempty"`
	// Seconds is how long the spec ran.
	Seconds float64 `json:"seconds"`
	// Location is the spec's file:line, relative to the kit's root.
	Location string `json:"location"`
	// TestCode is the spec's code, from its test file.
	TestCode string `json:"test_code,omitempty"`
	// Outcome is the worst outcome the harness recorded for the spec (a
	// panic, a data race...), and OutcomeDetail its evidence.
	Outcome       outcome.Kind `json:"outcome,omitempty"`
	OutcomeDetail string       `json:"outcome_detail,omitempty"`
}

// RecordOf makes the record of one spec of exercise ex, with m naming its
// task.
func RecordOf(ex string, m kit.Manifest, s kit.Spec) Record {
	r := Record{Exercise: ex, Task: s.Task(), Spec: s.Text, Seconds: s.Seconds, Location: s.Location}
	if t, ok := m.Task(r.Task); ok {
		r.TaskTitle = t.Title
	}
	switch {
	case s.Passed():
		r.State = Passed
	case s.Ungraded():
		r.State, r.Message = Ungraded, s.Message
	default:
		r.State, r.Message, r.Output = Failed, s.Message, outputExcerpt(s.Output)
	}
	if o, ok := outcome.Worst(s.Outcomes); ok && !s.Passed() {
		r.Outcome, r.OutcomeDetail = o.Kind, o.Detail
	}
	return r
}

// processPrefixes start the lines that the harness echoes from the
// processes it runs for a spec (see harness/prefix.go).
var processPrefixes = []string{"[server ", "[client "}

// outputLines bounds an output excerpt.
const outputLines = 30

// outputExcerpt returns the lines the learner's processes wrote, from a
// spec's GinkgoWriter output, keeping each line's "[server NAME] " tag:
// the first and last lines if there are many.
func outputExcerpt(captured string) string {
	var lines []string
	for _, line := range strings.Split(captured, "\n") {
		for _, p := range processPrefixes {
			if strings.HasPrefix(line, p) {
				lines = append(lines, line)
				break
			}
		}
	}
	if len(lines) > outputLines {
		head, tail := lines[:outputLines/2], lines[len(lines)-outputLines/2:]
		lines = append(append(head, fmt.Sprintf("[... %d lines ...]", len(lines)-outputLines)), tail...)
	}
	return strings.Join(lines, "\n")
}

// truncate shortens s to at most n bytes (on a rune boundary), ending with
// note when it had to cut.
func truncate(s string, n int, note string) string {
	if len(s) <= n {
		return s
	}
	cut := max(0, n-len(note))
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	return s[:cut] + note
}

// firstLine returns the first line of s.
func firstLine(s string) string {
	line, _, _ := strings.Cut(strings.TrimSpace(s), "\n")
	return line
}

// sortByLocation orders records as their specs stand in the test files:
// by file name, then line.
func sortByLocation(rs []Record) {
	slices.SortStableFunc(rs, func(a, b Record) int {
		af, al := splitLocation(a.Location)
		bf, bl := splitLocation(b.Location)
		if c := strings.Compare(filepath.Base(af), filepath.Base(bf)); c != 0 {
			return c
		}
		return al - bl
	})
}

// splitLocation splits "path/file.go:12" into the path and the line.
func splitLocation(loc string) (string, int) {
	i := strings.LastIndexByte(loc, ':')
	if i < 0 {
		return loc, 0
	}
	n, _ := strconv.Atoi(loc[i+1:])
	return loc[:i], n
}
