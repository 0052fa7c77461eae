package compare

import (
	"context"
	"fmt"
	"io"
	"os"
	"slices"
	"sync"
	"time"

	"github.com/threadproc/threadproc/harness/internal/proc"
	"github.com/threadproc/threadproc/harness/internal/stats"
)

// Budget bounds a whole comparison: no measurement starts once it is spent
// (those still to do are skipped, with a note), and none takes more than
// about ten seconds, so that a whole run stays within a few minutes.
const Budget = 200 * time.Second

// retakeRoom is how much of the budget must be left for a disturbed CPU
// measurement to be taken again.
const retakeRoom = 30 * time.Second

// Run measures every reference server and returns the report. It writes a
// line of progress to log before each measurement. Every server it starts
// is killed, with every process it started, before Run returns, or when
// ctx is cancelled.
//
// It measures one thing at a time on every server, in order of how much a
// busy machine disturbs it (least first): were the budget spent, the same
// measurement would be missing for the last servers only.
func Run(ctx context.Context, log io.Writer) (*Report, error) {
	if err := proc.Supported(); err != nil {
		return nil, fmt.Errorf("the comparison cannot run here: %w", err)
	}
	r := newReport()
	rn := &runner{ctx: ctx, log: log, tag: proc.NewTag(runEnv), end: r.Date.Add(Budget)}
	defer rn.sweep()
	stopOnCancel := context.AfterFunc(ctx, rn.killAll)
	defer stopOnCancel()
	dir, err := os.MkdirTemp("", "threadproc-compare-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(dir)
	rn.env = []string{runDirEnv + "=" + dir}

	kinds := Kinds
	if python, err := findPython(); err != nil {
		r.PythonMissing = err.Error()
	} else if err := writePythonScripts(dir); err != nil {
		r.PythonMissing = err.Error()
	} else {
		rn.env = append(rn.env, pythonEnv+"="+python)
		kinds = append(slices.Clone(Kinds), PythonKinds...)
	}
	r.JobRounds = calibrate()
	if r.Starts, err = measureStarts(); err != nil {
		r.Notes = append(r.Notes, "starting a program: "+err.Error())
	}
	for _, kind := range kinds {
		r.Results = append(r.Results, &Result{Kind: kind, RoundTrips: map[int]float64{}})
	}
	var hosts []float64 // the host's parallelism during every CPU measurement
	for _, res := range r.Results {
		rn.with(res, "crash isolation", func(s *server) (err error) {
			res.Crash, err = measureCrash(s)
			return err
		})
	}
	for _, res := range r.Results {
		rn.with(res, "memory", func(s *server) (err error) {
			res.Memory, err = measureMemory(s)
			return err
		})
	}
	for _, res := range r.Results {
		rn.with(res, "CPU speedup", func(s *server) (err error) {
			res.CPU, err = measureSpeedupRetaken(s, r.JobRounds, rn.retakes)
			hosts = append(hosts, res.CPU.Host)
			return err
		})
		if res.Kind.python() {
			continue // CPython has its GIL anyway: there is no GOMAXPROCS to set
		}
		rn.with(res, "CPU speedup with GOMAXPROCS=1", func(s *server) (err error) {
			res.CPUMaxProcs1, err = measureSpeedupRetaken(s, r.JobRounds, rn.retakes)
			hosts = append(hosts, res.CPUMaxProcs1.Host)
			return err
		}, "GOMAXPROCS=1")
	}
	for _, res := range r.Results {
		rn.with(res, "connection setup", func(s *server) (err error) {
			res.Setup, err = measureSetup(s)
			return err
		})
	}
	for _, n := range ChurnClients {
		for _, res := range r.Results {
			rn.with(res, fmt.Sprintf("churn, %s at a time", clientsText(n)), func(s *server) error {
				c, err := measureChurn(s, n)
				res.Churn = append(res.Churn, c)
				return err
			})
		}
	}
	r.Herd = rn.herdSweep()
	for _, n := range ClientCounts {
		for _, res := range r.Results {
			rn.with(res, fmt.Sprintf("round trips, %s at once", clientsText(n)), func(s *server) (err error) {
				res.RoundTrips[n], err = measureRoundTripsMedian(s, n)
				return err
			})
		}
	}
	r.Took = time.Since(r.Date)
	r.Host = stats.Median(hosts)
	return r, ctx.Err()
}

// retakes reports whether there is time to take a disturbed measurement
// again.
func (rn *runner) retakes() bool { return !rn.late() && time.Until(rn.end) > retakeRoom }

// runner starts servers for measurements and keeps track of them.
type runner struct {
	ctx     context.Context
	log     io.Writer
	tag     proc.Tag
	env     []string // added to every server's environment
	end     time.Time
	mu      sync.Mutex
	running map[*server]struct{}
}

// late reports whether the time budget is spent or the run cancelled.
func (rn *runner) late() bool { return rn.ctx.Err() != nil || time.Now().After(rn.end) }

// why says why the run is late.
func (rn *runner) why() string {
	if rn.ctx.Err() != nil {
		return "the run was interrupted"
	}
	return fmt.Sprintf("the time budget (%v) is spent", Budget)
}

// with starts a fresh server of res's kind (with env), runs measure on it,
// stops it, and notes a failure in res.
func (rn *runner) with(res *Result, what string, measure func(*server) error, env ...string) {
	if note := rn.measure(res.Kind, what, measure, env...); note != "" {
		res.Notes = append(res.Notes, note)
	}
}

// measure starts a fresh server of kind (with env), runs measure on it and
// stops it. It returns a note saying what went wrong, or "".
func (rn *runner) measure(kind Kind, what string, measure func(*server) error, env ...string) string {
	if rn.late() {
		return what + ": skipped, " + rn.why()
	}
	fmt.Fprintf(rn.log, "%-34s %s\n", kind.Title()+":", what)
	s, err := startServer(kind, rn.tag, append(slices.Clone(rn.env), env...)...)
	if err != nil {
		return what + ": " + err.Error()
	}
	rn.track(s, true)
	defer func() {
		s.stop()
		rn.track(s, false)
	}()
	if err := measure(s); err != nil {
		return what + ": " + err.Error()
	}
	return ""
}

// track records a running server, or forgets a stopped one.
func (rn *runner) track(s *server, running bool) {
	rn.mu.Lock()
	defer rn.mu.Unlock()
	if rn.running == nil {
		rn.running = map[*server]struct{}{}
	}
	if running {
		rn.running[s] = struct{}{}
	} else {
		delete(rn.running, s)
	}
}

// killAll kills every server still running, with its workers.
func (rn *runner) killAll() {
	rn.mu.Lock()
	defer rn.mu.Unlock()
	for s := range rn.running {
		s.stop()
	}
}

// sweep kills every process of this run still around, wherever it is
// (Linux: found by the tag in its environment).
func (rn *runner) sweep() {
	rn.killAll()
	rn.tag.Kill()
}
