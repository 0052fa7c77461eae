package procs

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"strconv"
	"time"
)

// addThreadSched adds the schedstat times of every thread of pid to snap. A
// process that has gone is an error unless gone is allowed.
func addThreadSched(snap map[int]SchedTimes, pid int, gone bool) error {
	if err := checkPID(pid); err != nil {
		return err
	}
	dir := procPath(pid, "task")
	tasks, err := os.ReadDir(dir)
	if errors.Is(err, os.ErrNotExist) && gone {
		return nil
	}
	if err != nil {
		return procErr(pid, err)
	}
	for _, t := range tasks {
		tid, err := strconv.Atoi(t.Name())
		if err != nil {
			continue
		}
		data, err := os.ReadFile(dir + "/" + t.Name() + "/schedstat")
		if errors.Is(err, os.ErrNotExist) || errors.Is(err, os.ErrPermission) {
			continue // the thread ended, or is not ours to read
		}
		if err != nil {
			return err
		}
		st, err := parseSchedstat(data)
		if err != nil {
			return fmt.Errorf("procs: %s/%s/schedstat: %w", dir, t.Name(), err)
		}
		snap[tid] = st
	}
	return nil
}

// parseSchedstat parses a schedstat line: run time (ns), wait time (ns),
// time slices.
func parseSchedstat(data []byte) (SchedTimes, error) {
	f := bytes.Fields(data)
	if len(f) < 3 {
		return SchedTimes{}, fmt.Errorf("unexpected %q", data)
	}
	var n [3]int64
	for i := range n {
		v, err := strconv.ParseInt(string(f[i]), 10, 64)
		if err != nil {
			return SchedTimes{}, fmt.Errorf("unexpected %q", data)
		}
		n[i] = v
	}
	return SchedTimes{Run: time.Duration(n[0]), Wait: time.Duration(n[1]), Slices: n[2]}, nil
}
