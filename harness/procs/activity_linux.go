package procs

import (
	"errors"
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
		st, stErr := readTask(dir, tid, "stat", parseStat)
		sched, schedErr := readTask(dir, tid, "schedstat", parseSchedstat)
		if gone(stErr) || gone(schedErr) {
			continue // the thread ended during the scan
		}
		if err := errors.Join(stErr, schedErr); err != nil {
			return 0, 0, procErr(pid, err)
		}
		if st.State == 'R' {
			runnable++
		}
		ran += sched.Run
	}
	return runnable, ran, nil
}

// readTask reads and parses the file name of thread tid in dir
// (/proc/PID/task).
func readTask[T any](dir, tid, name string, parse func([]byte) (T, error)) (T, error) {
	data, err := os.ReadFile(dir + "/" + tid + "/" + name)
	if err != nil {
		var zero T
		return zero, err
	}
	v, err := parse(data)
	if err != nil {
		return v, fmt.Errorf("%s/%s/%s: %w", dir, tid, name, err)
	}
	return v, nil
}
