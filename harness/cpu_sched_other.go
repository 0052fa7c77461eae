//go:build !linux

package harness

import (
	"fmt"
	"runtime"
	"time"

	"github.com/threadproc/threadproc/harness/procs"
)

// schedTimes is what the kernel says one thread has done so far.
type schedTimes struct {
	run  time.Duration // on a CPU
	wait time.Duration // ready to run, with no CPU free for it
}

// schedSnapshot returns an error wrapping procs.ErrUnsupported: only Linux
// tells how long a process's threads waited for a CPU.
func schedSnapshot(pid int) (map[int]schedTimes, error) {
	return nil, fmt.Errorf("%w on %s: run-queue wait times need Linux's /proc/PID/task/TID/schedstat",
		procs.ErrUnsupported, runtime.GOOS)
}
