package procs

import (
	"fmt"
	"time"
)

// WithEnv is not supported on darwin: macOS hides other processes'
// environments, and `ps eww` output cannot be split reliably into arguments
// and environment. The error wraps ErrUnsupported.
func WithEnv(key, value string) ([]int, error) {
	return nil, fmt.Errorf("%w on darwin: WithEnv needs /proc/PID/environ", ErrUnsupported)
}

// CPUTime is not supported on darwin: ps does not report the CPU time of
// reaped children separately. The error wraps ErrUnsupported.
func CPUTime(pid int) (self, reapedChildren time.Duration, err error) {
	return 0, 0, fmt.Errorf("%w on darwin: CPUTime needs /proc/PID/stat", ErrUnsupported)
}

// OpenFiles is not supported on darwin: `lsof -p` lists a process's open
// files with others it does not hold by descriptor (its text, its working
// directory), so no count from it equals what RLIMIT_NOFILE limits. The
// error wraps ErrUnsupported.
func OpenFiles(pid int) (int, error) {
	return 0, fmt.Errorf("%w on darwin: OpenFiles needs /proc/PID/fd", ErrUnsupported)
}
