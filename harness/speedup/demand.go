package speedup

import (
	"time"

	"github.com/threadproc/threadproc/harness/internal/stats"
	"github.com/threadproc/threadproc/harness/procs"
)

// workerShare is how much of the busiest thread's CPU time a thread must
// have used, during a phase, to count as one that runs jobs. Threads that
// mostly sleep (Go's sysmon, the network poller; well under 1% of a job
// thread's CPU time) wait a little each time they wake up on a busy machine,
// and must not count as asking for a CPU; a job thread that a busy machine
// starved (little CPU, much waiting) must.
const workerShare = 0.1

// demand returns how many CPUs the threads that ran jobs asked for between
// two snapshots, wall apart: the time each of them spent on a CPU or waiting
// for one, summed and divided by wall. On an idle machine it equals CPU time
// over wall time; on a busy one it stays what the server asked for, while
// CPU time over wall time drops to what it got.
func demand(before, after map[int]procs.SchedTimes, wall time.Duration) float64 {
	deltas := make(map[int]procs.SchedTimes, len(after))
	var busiest time.Duration
	for tid, a := range after {
		b := before[tid] // zero for a thread started since
		d := procs.SchedTimes{Run: max(0, a.Run-b.Run), Wait: max(0, a.Wait-b.Wait)}
		deltas[tid] = d
		busiest = max(busiest, d.Run)
	}
	var asked time.Duration
	for _, d := range deltas {
		if busiest > 0 && float64(d.Run) >= workerShare*float64(busiest) {
			asked += d.Run + d.Wait
		}
	}
	return stats.Ratio(asked, wall)
}

// CPUsAskedFor watches the process tree of pid for window and returns how
// many CPUs all its threads asked for meanwhile (time on a CPU or waiting
// for one, over the wall time): near 0 for a server that sleeps or waits,
// about 1 for one that spins, whatever else the machine runs. The error
// wraps procs.ErrUnsupported where the kernel does not say (all but Linux).
func CPUsAskedFor(pid int, window time.Duration) (cpus float64, wall time.Duration, err error) {
	before, err := procs.TreeSched(pid)
	if err != nil {
		return 0, 0, err
	}
	start := time.Now()
	time.Sleep(window) // the window measured, not a wait for anything
	after, err := procs.TreeSched(pid)
	wall = time.Since(start)
	if err != nil {
		return 0, wall, err
	}
	var asked time.Duration
	for tid, a := range after {
		b := before[tid] // zero for a thread started since
		asked += max(0, a.Run-b.Run) + max(0, a.Wait-b.Wait)
	}
	return stats.Ratio(asked, wall), wall, nil
}
