//go:build !linux

package procs

import (
	"fmt"
	"runtime"
)

// SchedOf is not supported here: only Linux tells other processes how often
// a process's threads were switched out, and for how long they ran. The
// error wraps ErrUnsupported.
func SchedOf(pid int) (Sched, error) {
	return Sched{}, fmt.Errorf("%w on %s: SchedOf needs /proc/PID/task/TID/status and schedstat",
		ErrUnsupported, runtime.GOOS)
}
