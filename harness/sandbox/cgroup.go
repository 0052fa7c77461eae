package sandbox

import (
	"os"
	"slices"
	"sync"
	"time"
)

// Cgroups says which cgroup controllers can limit a whole process tree here.
type Cgroups struct {
	// Version is 1 or 2, or 0 when none can be used.
	Version int
	// Memory, Pids, CPUUsage and CPUShare are the folders under which a
	// group with that controller is made (v1: one hierarchy each, where
	// CPUUsage is cpuacct's and CPUShare is cpu's; v2: the same folder);
	// "" where the controller is missing. Memory and Pids are required;
	// without CPUUsage a run's CPU time is not counted, and without
	// CPUShare runs side by side do not get equal shares of the CPUs.
	Memory, Pids, CPUUsage, CPUShare string
	// Problem says why cgroups cannot be used, when Version is 0.
	Problem string
	// Notes say what cgroups cannot do here although Version is not 0,
	// such as a missing cpu controller; the plan warns about each.
	Notes []string
}

// noCPUShare is the note for a machine where runs get no CPU share.
const noCPUShare = "no CPU share per run: %s; learners graded side by side do not get equal shares of the CPUs, " +
	"so one learner's busy processes can starve another's CPU-heavy specs (grade one learner at a time: make grade-class J=1)"

// Usage is what a sandboxed run used, read from its cgroup after it ended.
// A field is zero where this machine cannot tell.
type Usage struct {
	// PeakMemory is the most memory the tree held at once, in bytes.
	PeakMemory int64 `json:"peak_memory_bytes,omitempty"`
	// OOMKills counts processes the memory limit killed.
	OOMKills int `json:"oom_kills,omitempty"`
	// PeakTasks is the most tasks (processes and threads) the tree had at
	// once, where the kernel keeps it (pids.peak).
	PeakTasks int `json:"peak_tasks,omitempty"`
	// ProcessLimitHits counts forks the process limit refused.
	ProcessLimitHits int `json:"process_limit_hits,omitempty"`
	// CPUSeconds is the CPU time the whole tree used.
	CPUSeconds float64 `json:"cpu_seconds,omitempty"`
}

// Add adds o's counts to u, keeping the larger peak.
func (u *Usage) Add(o Usage) {
	u.PeakMemory = max(u.PeakMemory, o.PeakMemory)
	u.PeakTasks = max(u.PeakTasks, o.PeakTasks)
	u.OOMKills += o.OOMKills
	u.ProcessLimitHits += o.ProcessLimitHits
	u.CPUSeconds += o.CPUSeconds
}

// groupParent is the folder, under each controller's root, that holds the
// groups this package makes.
const groupParent = "threadproc"

// freshEvery is how often an open sandbox renews its group's mtime.
var freshEvery = time.Minute

// made holds the folders of the groups this process made and has not
// removed yet.
var made struct {
	sync.Mutex
	dirs map[string]bool
}

// remember records a group folder this process made.
func remember(dir string) {
	made.Lock()
	defer made.Unlock()
	if made.dirs == nil {
		made.dirs = map[string]bool{}
	}
	made.dirs[dir] = true
}

// forget records that a group folder this process made is gone.
func forget(dir string) {
	made.Lock()
	defer made.Unlock()
	delete(made.dirs, dir)
}

// LeftoverGroups returns, sorted, the folders of the run groups this
// process made that are still there: a [Sandbox] not closed yet, or one
// whose Close could not remove its group. After a run it should be empty.
func LeftoverGroups() []string {
	made.Lock()
	defer made.Unlock()
	var left []string
	for d := range made.dirs {
		if _, err := os.Stat(d); err == nil {
			left = append(left, d)
		}
	}
	slices.Sort(left)
	return left
}
