//go:build !linux

package procs

import (
	"fmt"
	"runtime"
	"time"
)

// Activity is unsupported here: only Linux reports each thread's state and
// time on a CPU. The error wraps ErrUnsupported.
func Activity(pid int) (runnable int, ran time.Duration, err error) {
	return 0, 0, fmt.Errorf("%w on %s: thread states need /proc/PID/task", ErrUnsupported, runtime.GOOS)
}
