package compare

import (
	"runtime"
	"time"
)

// Report is everything one comparison measured.
type Report struct {
	// Date is when the comparison started.
	Date time.Time
	// Machine describes where it ran: system, architecture, CPUs, Go.
	OS, Arch, GoVersion string
	CPUs                int
	// Host is the parallelism this machine offered during the run (the
	// median over the CPU measurements), from 1
	// (another program kept a CPU busy) to 2 (two idle CPUs); see
	// hostParallelism. The speedups cannot exceed it.
	Host float64
	// JobRounds is the size of the CPU jobs, about jobTarget each.
	JobRounds int
	// MemoryKind is "PSS" or "RSS".
	MemoryKind string
	// Results holds one entry per reference server, in Kinds order, then
	// the Python servers (PythonKinds) when python3 was found.
	Results []*Result
	// PythonMissing says why the Python servers were not measured, and how
	// to get them ("" when they were).
	PythonMissing string
	// Herd is the herd sweep: the churn of prefork pools by cure and K.
	Herd []HerdPoint
	// Starts is what starting a program costs here.
	Starts Starts
	// Notes lists the measurements of the whole run that failed.
	Notes []string
	// Took is how long the whole comparison took.
	Took time.Duration
}

// Result is what was measured on one reference server. A measurement that
// failed or was skipped leaves its zero value, and a note.
type Result struct {
	// Kind is the reference server.
	Kind Kind
	// Setup is the cost of a whole client visit.
	Setup Setup
	// RoundTrips maps a number of clients at once (ClientCounts) to echo
	// round trips per second.
	RoundTrips map[int]float64
	// Memory is what idle clients cost.
	Memory Memory
	// CPU and CPUMaxProcs1 are the speedups of two jobs at once, with Go's
	// default GOMAXPROCS and with GOMAXPROCS=1 (Go's stand-in for Python's
	// GIL) in the server's environment (its workers inherit it).
	CPU, CPUMaxProcs1 Speedup
	// Crash is whether a crashing handler takes other clients down.
	Crash Crash
	// Churn is the churn with each of ChurnClients clients at a time.
	Churn []Churn
	// Notes lists the measurements that failed or were skipped, and why.
	Notes []string
}

// newReport starts a report for this machine.
func newReport() *Report {
	kind := "PSS"
	if runtime.GOOS != "linux" {
		kind = "RSS"
	}
	return &Report{Date: time.Now(), OS: runtime.GOOS, Arch: runtime.GOARCH, GoVersion: runtime.Version(),
		CPUs: runtime.NumCPU(), MemoryKind: kind}
}
