package pools_test

import (
	"fmt"
	"net"
	"os"
	"regexp"
	"strings"

	"go.uber.org/goleak"

	"github.com/threadproc/threadproc/harness"
	"github.com/threadproc/threadproc/harness/procs"
)

// before holds the goroutines that existed when Serve started (the
// harness's own, in the server's process); nothingLeft ignores them.
var before goleak.Option

// watched runs serve after noting which goroutines exist already.
func watched(serve harness.ServeFunc) harness.ServeFunc {
	return func(ln net.Listener) error {
		before = goleak.IgnoreCurrent()
		return serve(ln)
	}
}

// nothingLeft runs in the server's process after Serve returned: no worker
// process of its own may still run or wait to be reaped, and every
// goroutine Serve started must be gone (goleak gives them about 0.4 s of
// retries to finish returning).
func nothingLeft() error {
	if err := noWorkerLeft(); err != nil {
		return err
	}
	if before == nil {
		return nil
	}
	err := goleak.Find(before)
	if err == nil {
		return nil
	}
	fmt.Fprintf(os.Stderr, "goroutines still running after Serve returned:\n%v\n", err)
	return fmt.Errorf("%s (full stacks in the server's output)", summariseLeaks(err.Error()))
}

// noWorkerLeft reports the child processes of this process that are still
// running, or are zombies (ended but not reaped).
func noWorkerLeft() error {
	if procs.Supported() != nil {
		return nil
	}
	children, err := procs.Children(os.Getpid())
	if err != nil || len(children) == 0 {
		return nil
	}
	var running, zombies []string
	for _, c := range children {
		if c.Zombie() {
			zombies = append(zombies, fmt.Sprint(c.PID))
		} else {
			running = append(running, fmt.Sprint(c.PID))
		}
	}
	if len(running) > 0 {
		return fmt.Errorf("Serve returned while %d worker process(es) were still running (pids %s): when Serve "+
			"returns, the server's program ends, and a worker left running would go on accepting clients with no "+
			"supervisor above it. Kill every worker, and receive its reaper's message before returning (TODO 4)",
			len(running), strings.Join(running, ", "))
	}
	return fmt.Errorf("Serve returned before reaping %d worker(s) it killed (zombies, pids %s): a killed worker "+
		"stays a zombie until cmd.Wait has returned for it; wait until each reaper has sent its worker to "+
		"s.exited before returning (TODO 4)", len(zombies), strings.Join(zombies, ", "))
}

// Patterns of goleak's report: a goroutine's header, and a frame of the
// exercise's package (its function, then its file and line on the next line).
var (
	leakHeader = regexp.MustCompile(`(?m)^\[?\s*Goroutine (\d+) in state ([^,]+),`)
	ownFrame   = regexp.MustCompile(`(?m)^(?:created by )?\S*exercises/05-pools\.(\S+?)(?:\(.*\))?(?: in goroutine \d+)?\n\s+\S*/([^/\s]+\.go:\d+)`)
)

// leakKinds is how many kinds of leaked goroutines a summary describes.
const leakKinds = 3

// summariseLeaks turns goleak's multi-line report into one line a learner
// can read: how many goroutines were left and, for each kind (same state,
// same place), how many, where in their code they were, and which of their
// functions started them.
func summariseLeaks(report string) string {
	heads := leakHeader.FindAllStringSubmatchIndex(report, -1)
	if len(heads) == 0 {
		return "goroutines were still running after Serve returned"
	}
	var kinds []string
	count := map[string]int{}
	for i, h := range heads {
		end := len(report)
		if i+1 < len(heads) {
			end = heads[i+1][0]
		}
		kind := "(" + report[h[4]:h[5]] + ")"
		for j, f := range ownFrame.FindAllStringSubmatch(report[h[0]:end], -1) {
			switch {
			case strings.HasPrefix(f[0], "created by"):
				kind += ", started by " + f[1] + " at " + f[2]
			case j == 0:
				kind += " in " + f[1] + " at " + f[2]
			}
		}
		if count[kind] == 0 {
			kinds = append(kinds, kind)
		}
		count[kind]++
	}
	var parts []string
	for i, k := range kinds {
		if i == leakKinds {
			parts = append(parts, fmt.Sprintf("and %d other kinds", len(kinds)-leakKinds))
			break
		}
		parts = append(parts, fmt.Sprintf("%d %s", count[k], k))
	}
	return fmt.Sprintf("%d goroutine(s) your server started were still running: %s",
		len(heads), strings.Join(parts, "; "))
}
