package pools_test

import (
	"errors"
	"net"

	"github.com/threadproc/threadproc/harness"
	"github.com/threadproc/threadproc/harness/inchild"
)

// leftAtReturn is what noWorkerLeft found the moment Serve returned.
var leftAtReturn error

// watched runs serve with the harness noting which goroutines exist
// already, so that nothingLeft can tell the ones Serve started, and looks
// for worker processes the moment serve returns, in the same goroutine: a
// worker killed but not waited for may be reaped by its reaper goroutine a
// moment later, and a later look would miss it.
func watched(serve harness.ServeFunc) harness.ServeFunc {
	return inchild.WatchGoroutines(func(ln net.Listener) error {
		err := serve(ln)
		leftAtReturn = noWorkerLeft()
		return err
	})
}

// nothingLeft runs in the server's process after Serve returned: no worker
// process of its own may still run or wait to be reaped, and every
// goroutine Serve started must be gone.
func nothingLeft() error {
	if leftAtReturn != nil {
		return leftAtReturn
	}
	return inchild.LeakedGoroutines("exercises/05-pools")
}

// noWorkerLeft reports the child processes of this process that are still
// running, are zombies (ended but not reaped), or, on Linux, were not
// reaped yet at the moment it looked.
func noWorkerLeft() error {
	running, zombies, unreaped := inchild.ChildrenNow()
	switch {
	case len(running) > 0:
		return errors.New(tell("05.after-serve.running", len(running), inchild.PIDList(running)))
	case len(zombies) > 0:
		return errors.New(tell("05.after-serve.zombies", len(zombies), inchild.PIDList(zombies)))
	case unreaped:
		return errors.New(tell("05.after-serve.unreaped"))
	}
	return nil
}
