// Package outcome carries, as data, how a spec's run of the learner's code
// ended when it ended worse than a wrong answer: a data race, a panic, a
// fork bomb, a hang. The spec harness records it as a ginkgo report entry
// while the spec runs; the kit (learn, grade, verify) reads it back from
// ginkgo's JSON report. Nothing matches English sentences.
package outcome

import (
	"encoding/json"

	"github.com/onsi/ginkgo/v2"
	"github.com/onsi/ginkgo/v2/types"
)

// EntryName is the name of the report entries this package writes.
const EntryName = "threadproc.outcome"

// Kind is how the learner's code ended, worst first in [Kinds].
type Kind string

// The kinds of outcome the harness records.
const (
	ForkBomb Kind = "fork-bomb" // the harness killed a server that started processes without end
	Race     Kind = "data-race" // the race detector reported a data race
	Panic    Kind = "panic"     // the server's process panicked
	Crash    Kind = "crash"     // the server's process ended on its own, by a signal or a status
	Hang     Kind = "hang"      // a client got neither an answer nor a close within its deadline
	Ungraded Kind = "ungraded"  // the spec could not judge on this machine (it was skipped, with why)
)

// Kinds lists every kind, the worst first: a summary names the first found.
var Kinds = []Kind{ForkBomb, Race, Panic, Crash, Hang, Ungraded}

// Outcome is one recorded outcome.
type Outcome struct {
	Kind Kind `json:"kind"`
	// Detail is one line of evidence, such as the panic's first line.
	Detail string `json:"detail,omitempty"`
}

// Record adds o to the running spec's report. It must be called from a
// goroutine ginkgo tracks (the spec's, or a cleanup's).
func Record(kind Kind, detail string) {
	ginkgo.AddReportEntry(EntryName, Outcome{Kind: kind, Detail: detail}, ginkgo.ReportEntryVisibilityNever)
}

// Of returns the outcomes recorded in a spec's report, in order: read back
// from a JSON report, or, during the run, as recorded.
func Of(sr types.SpecReport) []Outcome {
	var out []Outcome
	for _, e := range sr.ReportEntries {
		if e.Name != EntryName {
			continue
		}
		o, ok := e.Value.GetRawValue().(Outcome)
		if !ok && json.Unmarshal([]byte(e.Value.AsJSON), &o) != nil {
			continue
		}
		if o.Kind != "" {
			out = append(out, o)
		}
	}
	return out
}

// Worst returns the worst of outcomes by [Kinds], and false if there is none.
func Worst(outcomes []Outcome) (Outcome, bool) {
	for _, k := range Kinds {
		for _, o := range outcomes {
			if o.Kind == k {
				return o, true
			}
		}
	}
	return Outcome{}, false
}
