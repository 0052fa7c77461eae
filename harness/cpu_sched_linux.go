package harness

import (
	"bytes"
	"errors"
	"os"
	"strconv"
	"time"

	"github.com/threadproc/threadproc/harness/procs"
)

// schedTimes is what the kernel says one thread has done so far.
type schedTimes struct {
	run  time.Duration // on a CPU
	wait time.Duration // ready to run, in a run queue, with no CPU free for it
}

// schedSnapshot returns the schedstat times of every thread of process pid
// and of every process below it, by thread ID, from
// /proc/PID/task/TID/schedstat. Threads and processes that end during the
// scan are skipped.
func schedSnapshot(pid int) (map[int]schedTimes, error) {
	below, err := procs.Descendants(pid)
	if err != nil {
		return nil, err
	}
	snap := map[int]schedTimes{}
	if err := addThreads(snap, pid); err != nil {
		return nil, err
	}
	for _, p := range below {
		if err := addThreads(snap, p.PID); err != nil && !errors.Is(err, os.ErrNotExist) {
			return nil, err
		}
	}
	return snap, nil
}

// addThreads adds the threads of pid to snap.
func addThreads(snap map[int]schedTimes, pid int) error {
	dir := "/proc/" + strconv.Itoa(pid) + "/task"
	tasks, err := os.ReadDir(dir)
	if err != nil {
		return err
	}
	for _, t := range tasks {
		tid, err := strconv.Atoi(t.Name())
		if err != nil {
			continue
		}
		data, err := os.ReadFile(dir + "/" + t.Name() + "/schedstat")
		if errors.Is(err, os.ErrNotExist) {
			continue // the thread ended
		}
		if err != nil {
			return err
		}
		fields := bytes.Fields(data) // run time, wait time, time slices
		if len(fields) < 2 {
			return errors.New("harness: unexpected " + dir + "/" + t.Name() + "/schedstat: " + string(data))
		}
		run, err1 := strconv.ParseInt(string(fields[0]), 10, 64)
		wait, err2 := strconv.ParseInt(string(fields[1]), 10, 64)
		if err := errors.Join(err1, err2); err != nil {
			return err
		}
		snap[tid] = schedTimes{run: time.Duration(run), wait: time.Duration(wait)}
	}
	return nil
}
