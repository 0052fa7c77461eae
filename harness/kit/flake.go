package kit

import (
	"context"
	"fmt"
	"io"
	"path/filepath"
	"slices"
	"time"

	"github.com/threadproc/threadproc/harness/internal/hostinfo"
	"github.com/threadproc/threadproc/harness/internal/stats"
)

// FlakeSummary counts what a flake run found.
type FlakeSummary struct {
	// Failures counts failed runs of specs and suite runs that ended
	// outside any spec.
	Failures int
	// Ungraded counts runs of specs that could not judge (skipped).
	Ungraded int
}

// specRuns is what the runs of one spec did.
type specRuns struct {
	passed, failed, ungraded int
	seconds                  []float64
	why                      string // the last reason it was not judged, or its last failure
}

// Flake runs each exercise's solution suite n times in a row and writes, per
// spec, how many runs passed, failed and were not judged, with the median
// and slowest time: the flake table. Run under -load and -cpus, it shows
// whether verdicts hold on a busy or small machine.
func Flake(ctx context.Context, exs []Exercise, n int, work string, w io.Writer) FlakeSummary {
	var sum FlakeSummary
	for _, ex := range exs {
		sol, err := TreeOverlay(ex, filepath.Join(ex.Root, "solutions"))
		if err != nil {
			fmt.Fprintf(w, "%s: %v\n", ex.Name, err)
			sum.Failures++
			continue
		}
		s := &Suite{Label: ex.Name, Pkg: ex.Package(), Root: ex.Root, Overlay: sol,
			Binary: filepath.Join(work, ex.Name+".flake.test")}
		if err := s.Build(ctx); err != nil {
			fmt.Fprintf(w, "%s: %v\n", ex.Name, err)
			sum.Failures++
			continue
		}
		runs := map[string]*specRuns{}
		var order []string
		start := time.Now()
		problems := 0
		var hosts []hostinfo.Host
		for range n {
			res := s.Run(ctx, SuiteTimeout)
			if res.Problem != "" {
				problems++
				fmt.Fprintf(w, "  %s: %s\n", ex.Name, firstLine(res.Problem))
			}
			for _, sp := range res.Specs {
				if sp.Host != nil {
					hosts = append(hosts, *sp.Host)
				}
				r := runs[sp.Text]
				if r == nil {
					r = &specRuns{}
					runs[sp.Text] = r
					order = append(order, sp.Text)
				}
				r.seconds = append(r.seconds, sp.Seconds)
				switch {
				case sp.Passed():
					r.passed++
				case sp.Ungraded():
					r.ungraded++
					r.why = firstLine(sp.Message)
				default:
					r.failed++
					r.why = firstLine(sp.Message)
				}
			}
		}
		failed, ungraded := 0, 0
		for _, r := range runs {
			failed, ungraded = failed+r.failed, ungraded+r.ungraded
		}
		sum.Failures += failed + problems
		sum.Ungraded += ungraded
		fmt.Fprintf(w, "%-16s %d runs in %.0fs: %d spec failures, %d ungraded, %d suite problems\n",
			ex.Name, n, time.Since(start).Seconds(), failed, ungraded, problems)
		fmt.Fprintf(w, "    %s\n", describeHosts(hosts))
		slices.Sort(order)
		printFlakeTable(w, order, runs)
	}
	return sum
}

// printFlakeTable writes one row per spec: passed/failed/ungraded runs,
// median and slowest seconds, and why it failed or was not judged.
func printFlakeTable(w io.Writer, order []string, runs map[string]*specRuns) {
	fmt.Fprintf(w, "    %5s %5s %5s %7s %7s  %s\n", "pass", "fail", "ungr", "median", "max", "spec")
	for _, text := range order {
		r := runs[text]
		slices.Sort(r.seconds)
		fmt.Fprintf(w, "    %5d %5d %5d %6.1fs %6.1fs  %s\n", r.passed, r.failed, r.ungraded,
			r.seconds[len(r.seconds)/2], r.seconds[len(r.seconds)-1], text)
		if r.why != "" {
			fmt.Fprintf(w, "    %29s  └ %s\n", "", r.why)
		}
	}
}

// describeHosts says what the harness measured of the machine over the runs
// of a suite: what starting a process cost, and the deadlines that followed.
func describeHosts(hosts []hostinfo.Host) string {
	var starts, reads, graces []time.Duration
	var errs []string
	for _, h := range hosts {
		if h.Err != "" {
			errs = append(errs, h.Err)
			continue
		}
		starts, reads, graces = append(starts, h.Start), append(reads, h.Read), append(graces, h.Grace)
	}
	if len(starts) == 0 {
		if len(errs) > 0 {
			return "host: not measured (" + errs[0] + "), so reads waited their default deadline"
		}
		return "host: no run recorded a measurement (no spec started a server)"
	}
	span := func(ds []time.Duration) string {
		lo, hi := slices.Min(ds), slices.Max(ds)
		if lo.Round(time.Millisecond) == hi.Round(time.Millisecond) {
			return lo.Round(time.Millisecond).String()
		}
		return lo.Round(time.Millisecond).String() + "–" + hi.Round(time.Millisecond).String()
	}
	runs := fmt.Sprintf("%d runs", len(starts))
	if len(starts) == 1 {
		runs = "1 run"
	}
	return fmt.Sprintf("host, as the harness measured it in %s: starting a process cost %s (median %s), so a read "+
		"waited up to %s and Serve had %s to return after its listener closed", runs, span(starts),
		stats.Median(starts).Round(time.Millisecond), span(reads), span(graces))
}
