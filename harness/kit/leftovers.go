package kit

import (
	"fmt"
	"time"

	"github.com/threadproc/threadproc/harness/internal/proc"
	"github.com/threadproc/threadproc/harness/procs"
)

// RunTagKey is the environment variable every suite run by kit carries, with
// one value per kit command: every process a suite starts inherits it.
const RunTagKey = "THREADPROC_KIT"

// runTag is this kit command's tag, named RunTagKey.
var runTag = proc.NewTag(RunTagKey)

// CheckLeftovers records whether any process started by this command's
// suites is still alive, waiting up to a few seconds for killed processes to
// go. Where processes cannot be inspected, the check is skipped.
func CheckLeftovers(t *Tally) {
	if procs.Supported() != nil {
		t.Skip()
		return
	}
	var left []int
	tick := time.NewTicker(100 * time.Millisecond)
	defer tick.Stop()
	for range 50 { // polls the OS for up to 5 s
		if left, _ = runTag.Processes(); len(left) == 0 {
			break
		}
		<-tick.C
	}
	var names []string
	for _, pid := range left {
		if info, err := procs.Get(pid); err == nil {
			names = append(names, fmt.Sprintf("%d (%s, parent %d)", pid, info.Comm, info.PPID))
		}
	}
	t.Check(len(left) == 0, "processes started by the suites are still running: %v", names)
	if len(left) == 0 {
		t.Printf("%-40s nothing left running\n", "leftover processes")
	}
}
