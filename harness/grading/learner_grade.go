package grading

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"
)

// LearnerGrade is everything one learner's grading found.
type LearnerGrade struct {
	// Learner names the learner (the submission's folder name).
	Learner string `json:"learner"`
	// Points, Max and Withheld add up the exercises.
	Points   int `json:"points"`
	Max      int `json:"max"`
	Withheld int `json:"withheld,omitempty"`
	// State is error if an exercise is in error, else failed, ungraded or
	// passed, the same way as an exercise's.
	State State `json:"state"`
	// Exercises are the exercises graded, in order.
	Exercises []ExerciseGrade `json:"exercises"`
	// Network is what the grader's canary listener saw.
	Network NetworkProbe `json:"network"`
	// Seconds is the wall time of the learner's grading.
	Seconds float64 `json:"seconds"`
	// Provenance says what produced the grade.
	Provenance Provenance `json:"provenance"`
}

// NetworkProbe is the grader's standing check of the network sandbox: a
// listener on the host's own 127.0.0.1, its address given to the suites in
// THREADPROC_CANARY. From inside a network namespace that address is the
// sandbox's own loopback, where nothing listens; a connection that arrives
// came from outside any namespace.
type NetworkProbe struct {
	Canary      string `json:"canary,omitempty"`
	Connections int    `json:"connections"`
}

// CanaryKey is the environment variable that carries the canary's address.
const CanaryKey = "THREADPROC_CANARY"

// Total adds up the exercises of g into its points and state.
func (g *LearnerGrade) Total() {
	g.Points, g.Max, g.Withheld = 0, 0, 0
	state := Passed
	for _, e := range g.Exercises {
		g.Points += e.Points
		g.Max += e.Max
		g.Withheld += e.Withheld
		state = worseState(state, e.State)
	}
	g.State = state
}

// stateRank orders states from best to worst.
var stateRank = map[State]int{Passed: 0, Ungraded: 1, Failed: 2, Error: 3}

// worseState returns the worse of a and b.
func worseState(a, b State) State {
	if stateRank[b] > stateRank[a] {
		return b
	}
	return a
}

// Print writes one screen: the learner's points, a line per exercise, and
// the first specs that did not pass.
func (g LearnerGrade) Print(w io.Writer) {
	fmt.Fprintf(w, "\n%s: %s  (%s)\n", g.Learner, Summary(g.Points, g.Max, g.Withheld), g.State)
	for _, e := range g.Exercises {
		fmt.Fprintf(w, "  %-16s %3d/%-3d %-8s %s\n", e.Exercise, e.Points, e.Max, e.State, e.Verdict)
		shown := 0
		byTask := slices.Clone(e.Records)
		slices.SortStableFunc(byTask, func(a, b Record) int { return a.Task - b.Task })
		for _, r := range byTask {
			if r.State == Passed {
				continue
			}
			if shown == 3 {
				fmt.Fprintln(w, "      ...")
				break
			}
			mark := "✗"
			if r.State == Ungraded {
				mark = "?"
			}
			fmt.Fprintf(w, "      %s task %d: %s\n        %s\n", mark, r.Task, r.Spec, firstLine(r.Message))
			shown++
		}
	}
	if g.Network.Canary != "" {
		fmt.Fprintf(w, "  network probe: %d connections reached the host's %s from the sandbox\n", g.Network.Connections, g.Network.Canary)
	}
	for _, warn := range g.Provenance.Sandbox.Warnings {
		fmt.Fprintln(w, "  WARNING:", warn)
	}
}

// writeJSON writes v as indented JSON to path.
func writeJSON(path string, v any) error {
	b, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		return err
	}
	return os.WriteFile(path, append(b, '\n'), 0o644)
}

// messageExcerpt keeps the first n lines of a message.
func messageExcerpt(s string, n int) string {
	lines := strings.Split(strings.TrimSpace(s), "\n")
	if len(lines) > n {
		lines = append(lines[:n], fmt.Sprintf("[... %d more lines ...]", len(lines)-n))
	}
	return strings.Join(lines, "\n")
}
