package kit

import (
	"fmt"
	"strings"
	"time"

	"github.com/threadproc/threadproc/harness/internal/proc"
	"github.com/threadproc/threadproc/harness/procs"
	"github.com/threadproc/threadproc/harness/sandbox"
)

// RunTagKey is the environment variable every suite run by kit carries, with
// one value per kit command: every process a suite starts inherits it.
const RunTagKey = "THREADPROC_KIT"

// runTag is this kit command's tag, named RunTagKey.
var runTag = proc.NewTag(RunTagKey)

// CheckLeftovers records whether any process started by this command's
// suites is still alive, waiting up to a few seconds for killed processes to
// go, and whether any sandbox run group (cgroup) this command made is still
// there. Where processes cannot be inspected and no group is left, the
// check is skipped.
func CheckLeftovers(t *Tally) {
	groups := sandbox.LeftoverGroups()
	var left []int
	var names []string
	switch {
	case procs.Supported() == nil:
		tick := time.NewTicker(100 * time.Millisecond)
		defer tick.Stop()
		for range 50 { // polls the OS for up to 5 s
			if left, _ = runTag.Processes(); len(left) == 0 {
				break
			}
			<-tick.C
		}
		for _, pid := range left {
			if info, err := procs.Get(pid); err == nil {
				names = append(names, fmt.Sprintf("%d (%s, parent %d)", pid, info.Comm, info.PPID))
			}
		}
	case len(groups) == 0:
		t.Skip()
		return
	}
	var problems []string
	if len(left) > 0 {
		problems = append(problems, fmt.Sprintf("processes started by the suites are still running: %v", names))
	}
	if len(groups) > 0 {
		problems = append(problems, fmt.Sprintf("sandbox run groups this command made are still there (rmdir them): %s",
			strings.Join(groups, " ")))
	}
	t.Check(len(problems) == 0, "%s", strings.Join(problems, "; "))
	if len(problems) == 0 {
		t.Printf("%-40s nothing left running\n", "leftover processes and run groups")
	}
}
