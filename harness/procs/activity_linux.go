package procs

import (
	"fmt"
	"os"
	"strconv"
	"time"
)

// Activity reports what the threads of process pid are doing: how many are
// running or ready to run (state R: on a CPU, or in a run queue waiting for
// one), and how long all of them have run on a CPU so far (from
// /proc/PID/task/TID/stat and schedstat). Threads that end during the scan
// are skipped. A process whose threads are all asleep has nothing left to do
// until something it waits for happens; one that is runnable may simply not
// have been given a CPU yet.
func Activity(pid int) (runnable int, ran time.Duration, err error) {
	dir := procPath(pid, "task")
	d, err := os.Open(dir)
	if err != nil {
		return 0, 0, procErr(pid, err)
	}
	tids, err := d.Readdirnames(-1)
	d.Close()
	if err != nil {
		return 0, 0, procErr(pid, err)
	}
	for _, tid := range tids {
		if _, err := strconv.Atoi(tid); err != nil {
			continue
		}
		data, err := os.ReadFile(dir + "/" + tid + "/stat")
		if gone(err) {
			continue
		}
		if err != nil {
			return 0, 0, procErr(pid, err)
		}
		st, err := parseStat(data)
		if err != nil {
			return 0, 0, fmt.Errorf("procs: %s/%s/stat: %w", dir, tid, err)
		}
		data, err = os.ReadFile(dir + "/" + tid + "/schedstat")
		if gone(err) {
			continue
		}
		if err != nil {
			return 0, 0, procErr(pid, err)
		}
		sched, err := parseSchedstat(data)
		if err != nil {
			return 0, 0, fmt.Errorf("procs: %s/%s/schedstat: %w", dir, tid, err)
		}
		if st.State == 'R' {
			runnable++
		}
		ran += sched.Run
	}
	return runnable, ran, nil
}
