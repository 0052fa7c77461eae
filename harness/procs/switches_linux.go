package procs

import (
	"bufio"
	"bytes"
	"fmt"
	"os"
	"strconv"
)

// SchedOf returns what the scheduler counted for the live threads of pid:
// the context switches from /proc/PID/task/TID/status
// (voluntary_ctxt_switches, nonvoluntary_ctxt_switches) and the times from
// /proc/PID/task/TID/schedstat (nanoseconds on a CPU, then waiting in a run
// queue). Threads that end during the scan are left out. The error wraps
// os.ErrNotExist when the process is gone.
func SchedOf(pid int) (Sched, error) {
	if err := checkPID(pid); err != nil {
		return Sched{}, err
	}
	dir := procPath(pid, "task")
	tasks, err := os.ReadDir(dir)
	if err != nil {
		return Sched{}, procErr(pid, err)
	}
	var total Sched
	for _, t := range tasks {
		s, err := threadSched(dir + "/" + t.Name())
		if gone(err) {
			continue
		}
		if err != nil {
			return Sched{}, procErr(pid, err)
		}
		total = total.Plus(s)
	}
	return total, nil
}

// threadSched reads one thread's counts from its /proc directory.
func threadSched(dir string) (Sched, error) {
	var s Sched
	data, err := os.ReadFile(dir + "/schedstat")
	if err != nil {
		return s, err
	}
	times, err := parseSchedstat(data)
	if err != nil {
		return s, fmt.Errorf("%s/schedstat: %w", dir, err)
	}
	s.OnCPU, s.Waiting = times.Run, times.Wait
	status, err := os.ReadFile(dir + "/status")
	if err != nil {
		return s, err
	}
	lines := bufio.NewScanner(bytes.NewReader(status))
	for lines.Scan() {
		key, value, ok := bytes.Cut(lines.Bytes(), []byte(":"))
		if !ok {
			continue
		}
		var into *int64
		switch string(key) {
		case "voluntary_ctxt_switches":
			into = &s.Voluntary
		case "nonvoluntary_ctxt_switches":
			into = &s.Involuntary
		default:
			continue
		}
		n, err := strconv.ParseInt(string(bytes.TrimSpace(value)), 10, 64)
		if err != nil {
			return s, fmt.Errorf("%s/status: %s: %w", dir, key, err)
		}
		*into = n
	}
	return s, lines.Err()
}
