package pools_test

import (
	"fmt"

	"github.com/threadproc/threadproc/harness"
	"github.com/threadproc/threadproc/harness/inchild"
)

// watched runs serve with the harness noting which goroutines exist
// already, so that nothingLeft can tell the ones Serve started.
func watched(serve harness.ServeFunc) harness.ServeFunc { return inchild.WatchGoroutines(serve) }

// nothingLeft runs in the server's process after Serve returned: no worker
// process of its own may still run or wait to be reaped, and every
// goroutine Serve started must be gone.
func nothingLeft() error {
	if err := noWorkerLeft(); err != nil {
		return err
	}
	return inchild.LeakedGoroutines("exercises/05-pools")
}

// noWorkerLeft reports the child processes of this process that are still
// running, or are zombies (ended but not reaped).
func noWorkerLeft() error {
	running, zombies := inchild.ChildrenLeft()
	switch {
	case len(running) > 0:
		return fmt.Errorf("Serve returned while %d worker process(es) were still running (pids %s): when Serve "+
			"returns, the server's program ends, and a worker left running would go on accepting clients with no "+
			"supervisor above it. Kill every worker, and receive its reaper's message before returning (TODO 4)",
			len(running), inchild.PIDList(running))
	case len(zombies) > 0:
		return fmt.Errorf("Serve returned before reaping %d worker(s) it killed (zombies, pids %s): a killed worker "+
			"stays a zombie until cmd.Wait has returned for it; wait until each reaper has sent its worker to "+
			"s.exited before returning (TODO 4)", len(zombies), inchild.PIDList(zombies))
	}
	return nil
}
