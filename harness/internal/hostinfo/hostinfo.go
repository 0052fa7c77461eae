// Package hostinfo carries what the spec harness measured of the machine
// (what starting a process costs, and the deadlines it derived from that)
// from a suite's run to the kit, as a ginkgo report entry, so that a flake
// table or a grade can say what the verdicts were calibrated on.
package hostinfo

import (
	"encoding/json"
	"time"

	"github.com/onsi/ginkgo/v2"
	"github.com/onsi/ginkgo/v2/types"
)

// EntryName is the name of the report entry.
const EntryName = "threadproc-host"

// Host is what the harness measured, and what it made of it.
type Host struct {
	// Start is the median time to start the test binary and see it exit;
	// 0 if it could not be measured (then Err says why).
	Start time.Duration `json:"start"`
	// Read is the deadline of one read or write derived from Start.
	Read time.Duration `json:"read"`
	// Grace is how long Serve may take to return after its listener closes.
	Grace time.Duration `json:"grace"`
	// Err is why Start could not be measured.
	Err string `json:"err,omitempty"`
}

// Record adds h to the running spec's report. It must be called from a
// goroutine ginkgo tracks, during a spec.
func Record(h Host) {
	ginkgo.AddReportEntry(EntryName, h, ginkgo.ReportEntryVisibilityNever)
}

// Of returns the measurement recorded in a spec's report, if any: read back
// from a JSON report, or, during the run, as recorded.
func Of(sr types.SpecReport) (Host, bool) {
	for _, e := range sr.ReportEntries {
		if e.Name != EntryName {
			continue
		}
		h, ok := e.Value.GetRawValue().(Host)
		if !ok && json.Unmarshal([]byte(e.Value.AsJSON), &h) != nil {
			continue
		}
		return h, true
	}
	return Host{}, false
}
