package procs

import (
	"errors"
	"os"
	"time"
)

// TreeCPUTime returns the CPU time (user and system) used so far by process
// pid and every process below it: each one's own time plus the time of the
// children it has already reaped, as the operating system reports it (on
// Linux, /proc/PID/stat). What a server says about itself plays no part.
//
// Sampled before and after some jobs, the difference divided by the wall time
// between the samples is how many CPUs the tree kept busy on average; a
// server that runs one job at a time cannot exceed 1. Processes that end
// during the scan are skipped: once reaped, their time shows in their
// parent's. Where CPU time cannot be read (macOS, other systems), the error
// wraps [ErrUnsupported].
func TreeCPUTime(pid int) (time.Duration, error) {
	self, reaped, err := CPUTime(pid)
	if err != nil {
		return 0, err
	}
	total := self + reaped
	below, err := Descendants(pid)
	if err != nil {
		return 0, err
	}
	for _, p := range below {
		self, reaped, err := CPUTime(p.PID)
		if errors.Is(err, os.ErrNotExist) {
			continue
		}
		if err != nil {
			return 0, err
		}
		total += self + reaped
	}
	return total, nil
}
