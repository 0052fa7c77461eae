package procs

import "time"

// SchedTimes is what the kernel's scheduler says one thread has done so far.
type SchedTimes struct {
	// Run is the time the thread spent on a CPU.
	Run time.Duration
	// Wait is the time it spent ready to run, in a run queue, with no CPU
	// free for it.
	Wait time.Duration
	// Slices is how many times it was put on a CPU.
	Slices int64
}

// TreeSched returns the scheduler's times of every thread of process pid and
// of every process below it, by thread ID (Linux: /proc/PID/task/TID/schedstat).
// Threads and processes that end during the scan are skipped. Elsewhere the
// error wraps [ErrUnsupported]: only Linux reports how long threads waited
// for a CPU.
func TreeSched(pid int) (map[int]SchedTimes, error) {
	below, err := Descendants(pid)
	if err != nil {
		return nil, err
	}
	snap := map[int]SchedTimes{}
	if err := addThreadSched(snap, pid, false); err != nil {
		return nil, err
	}
	for _, p := range below {
		if err := addThreadSched(snap, p.PID, true); err != nil {
			return nil, err
		}
	}
	return snap, nil
}
