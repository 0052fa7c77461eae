//go:build !linux

package procs

import (
	"fmt"
	"runtime"
)

// addThreadSched is unsupported here: only Linux reports how long threads
// waited for a CPU.
func addThreadSched(map[int]SchedTimes, int, bool) error {
	return fmt.Errorf("%w on %s: thread scheduling times need /proc/PID/task/TID/schedstat", ErrUnsupported, runtime.GOOS)
}
