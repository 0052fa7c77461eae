package procs

import (
	"errors"
	"os"
	"time"
)

// Sched is what the kernel's scheduler has counted so far for the threads of
// a process (or of a process tree, see SchedTree). Only threads that are
// still alive count: a thread or a process that has ended takes its counts
// with it.
type Sched struct {
	// Voluntary counts the times a thread gave up its CPU because it had
	// to wait: for a client, a lock, a timer. A process that is woken for
	// nothing and goes back to sleep adds one.
	Voluntary int64
	// Involuntary counts the times a thread was taken off its CPU while it
	// still had work, because another thread's turn had come.
	Involuntary int64
	// OnCPU is the time the threads ran, to the nanosecond.
	OnCPU time.Duration
	// Waiting is the time the threads were ready to run but waited in the
	// kernel's run queues for a free CPU.
	Waiting time.Duration
}

// Switches is the number of context switches, voluntary and involuntary.
func (s Sched) Switches() int64 { return s.Voluntary + s.Involuntary }

// Plus returns the sum of s and o.
func (s Sched) Plus(o Sched) Sched {
	return Sched{Voluntary: s.Voluntary + o.Voluntary, Involuntary: s.Involuntary + o.Involuntary,
		OnCPU: s.OnCPU + o.OnCPU, Waiting: s.Waiting + o.Waiting}
}

// Minus returns s less o: what was counted between two readings.
func (s Sched) Minus(o Sched) Sched {
	return Sched{Voluntary: s.Voluntary - o.Voluntary, Involuntary: s.Involuntary - o.Involuntary,
		OnCPU: s.OnCPU - o.OnCPU, Waiting: s.Waiting - o.Waiting}
}

// SchedTree returns the sum of SchedOf over pid and every process below it
// (its workers). Processes that end during the scan are left out. The error
// wraps ErrUnsupported where the system does not say (everywhere but
// Linux), and os.ErrNotExist when pid itself is gone.
func SchedTree(pid int) (Sched, error) {
	total, err := SchedOf(pid)
	if err != nil {
		return Sched{}, err
	}
	below, err := Descendants(pid)
	if err != nil {
		return Sched{}, err
	}
	for _, p := range below {
		s, err := SchedOf(p.PID)
		if errors.Is(err, os.ErrNotExist) {
			continue
		}
		if err != nil {
			return Sched{}, err
		}
		total = total.Plus(s)
	}
	return total, nil
}
