package compare

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"strconv"
	"time"
)

// waitTime returns how long the threads of process pid have waited so far in
// the kernel's run queues: ready to run, with no CPU free for them. It sums
// the second field of /proc/PID/task/TID/schedstat (nanoseconds); threads
// that end during the scan are skipped.
func waitTime(pid int) (time.Duration, error) {
	dir := fmt.Sprintf("/proc/%d/task", pid)
	tasks, err := os.ReadDir(dir)
	if err != nil {
		return 0, err
	}
	var total time.Duration
	for _, t := range tasks {
		data, err := os.ReadFile(dir + "/" + t.Name() + "/schedstat")
		if errors.Is(err, os.ErrNotExist) {
			continue
		}
		if err != nil {
			return 0, err
		}
		fields := bytes.Fields(data)
		if len(fields) < 2 {
			return 0, fmt.Errorf("%s/%s/schedstat: unexpected %q", dir, t.Name(), data)
		}
		ns, err := strconv.ParseInt(string(fields[1]), 10, 64)
		if err != nil {
			return 0, err
		}
		total += time.Duration(ns)
	}
	return total, nil
}
