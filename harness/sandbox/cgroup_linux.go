package sandbox

import (
	"bufio"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"
)

// detectCgroups finds the cgroup controllers in /proc/self/mountinfo: v1
// hierarchies for memory, pids, cpuacct and cpu (this project's development
// machine), or a v2 hierarchy whose cgroup.controllers lists memory and
// pids, and cpu where it can (GitHub's runners). Making a group needs write
// access to the controller's root folder, which root has.
func detectCgroups() Cgroups {
	f, err := os.Open("/proc/self/mountinfo")
	if err != nil {
		return Cgroups{Problem: "cannot read /proc/self/mountinfo: " + err.Error()}
	}
	defer f.Close()
	var v1 Cgroups
	v2, v2cpu := "", false
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		// mount-id parent-id major:minor root mount-point options ... - fstype source super-options
		fields := strings.Fields(sc.Text())
		sep := slices.Index(fields, "-")
		if sep < 5 || sep+3 >= len(fields) {
			continue
		}
		point, fstype, opts := fields[4], fields[sep+1], strings.Split(fields[sep+3], ",")
		switch fstype {
		case "cgroup2":
			if b, err := os.ReadFile(filepath.Join(point, "cgroup.controllers")); err == nil {
				ctl := strings.Fields(string(b))
				if slices.Contains(ctl, "memory") && slices.Contains(ctl, "pids") {
					v2, v2cpu = point, slices.Contains(ctl, "cpu")
				}
			}
		case "cgroup":
			if slices.Contains(opts, "memory") {
				v1.Memory = point
			}
			if slices.Contains(opts, "pids") {
				v1.Pids = point
			}
			if slices.Contains(opts, "cpuacct") {
				v1.CPUUsage = point
			}
			if slices.Contains(opts, "cpu") {
				v1.CPUShare = point
			}
		}
	}
	var c Cgroups
	switch {
	case v1.Memory != "" && v1.Pids != "":
		c, c.Version = v1, 1
		if c.CPUShare == "" {
			c.Notes = append(c.Notes, fmt.Sprintf(noCPUShare, "no cgroup v1 hierarchy has the cpu controller"))
		}
	case v2 != "":
		c = Cgroups{Version: 2, Memory: v2, Pids: v2, CPUUsage: v2}
		if v2cpu {
			c.CPUShare = v2
		} else {
			c.Notes = append(c.Notes, fmt.Sprintf(noCPUShare, v2+"/cgroup.controllers does not list cpu"))
		}
	default:
		return Cgroups{Problem: "no cgroup hierarchy with the memory and pids controllers is mounted"}
	}
	if syscall.Access(c.Memory, 2 /* W_OK */) != nil || syscall.Access(c.Pids, 2) != nil {
		return Cgroups{Problem: fmt.Sprintf("cgroup v%d is mounted at %s but not writable by this user (run the grader as root, or with sudo)", c.Version, c.Memory)}
	}
	if c.CPUShare != "" && syscall.Access(c.CPUShare, 2) != nil {
		c.Notes = append(c.Notes, fmt.Sprintf(noCPUShare, c.CPUShare+" is not writable by this user"))
		c.CPUShare = ""
	}
	return c
}

// cgroup is one group made for one sandboxed run.
type cgroup struct {
	version int
	// mem, pids, acct and share are the folders holding each controller's
	// files: memory, pids, CPU accounting, and the CPU share; "" where
	// missing.
	mem, pids, acct, share string
	dirs                   []string // every folder made, one per hierarchy
	// noShare says why the group has no CPU share although the machine
	// has the cpu controller.
	noShare string
	// stop ends the renewal of the folders' mtime (see keepFresh).
	stop     chan struct{}
	stopOnce sync.Once
}

// newCgroup makes a group called name with the limits, and returns it. The
// group is in the cpu controller too, where there is one: it then gets the
// default share (v1 cpu.shares 1024, v2 cpu.weight 100), the same as every
// other run's group, whatever its number of processes and threads. First it
// sweeps away the groups killed graders left (see sweep).
func newCgroup(c Cgroups, name string, l Limits) (*cgroup, error) {
	sweep(c, time.Now())
	g := &cgroup{version: c.Version}
	if c.Version == 2 {
		if err := g.enableV2(c); err != nil {
			return nil, err
		}
	}
	mk := func(root string) (string, error) {
		if root == "" {
			return "", nil
		}
		parent := filepath.Join(root, groupParent)
		if err := os.MkdirAll(parent, 0o755); err != nil {
			return "", err
		}
		dir := filepath.Join(parent, name)
		if slices.Contains(g.dirs, dir) {
			return dir, nil
		}
		if err := os.Mkdir(dir, 0o755); err != nil {
			return "", err
		}
		remember(dir)
		g.dirs = append(g.dirs, dir)
		return dir, nil
	}
	var err error
	if g.mem, err = mk(c.Memory); err == nil {
		if g.pids, err = mk(c.Pids); err == nil {
			g.acct, err = mk(c.CPUUsage)
		}
	}
	if err == nil && g.noShare == "" {
		if g.share, err = mk(c.CPUShare); err != nil { // the limits hold without it
			g.noShare, err = fmt.Sprintf("making a group under %s failed (%v)", c.CPUShare, err), nil
		}
	}
	if err == nil {
		err = g.limit(l)
	}
	if err != nil {
		_ = g.close()
		return nil, err
	}
	g.keepFresh(freshEvery)
	return g, nil
}

// keepFresh renews the mtime of the group's folders every period until
// close: the group is a live run's, even while it waits to start with no
// process in it yet, and sweep leaves it.
func (g *cgroup) keepFresh(period time.Duration) {
	g.stop = make(chan struct{})
	go func() {
		t := time.NewTicker(period)
		defer t.Stop()
		for {
			select {
			case <-g.stop:
				return
			case now := <-t.C:
				for _, d := range g.dirs {
					_ = os.Chtimes(d, now, now)
				}
			}
		}
	}()
}

// enableV2 enables, in the v2 folder that holds the runs' groups, the
// controllers each group needs: memory and pids, or it fails; and cpu where
// the machine has it, or g.noShare says why not.
func (g *cgroup) enableV2(c Cgroups) error {
	parent := filepath.Join(c.Memory, groupParent)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return err
	}
	enable := func(controllers string) error {
		// A v2 group's controllers must be enabled in its parent, and so in
		// the root above it (where they may be on already).
		_ = os.WriteFile(filepath.Join(c.Memory, "cgroup.subtree_control"), []byte(controllers), 0)
		return os.WriteFile(filepath.Join(parent, "cgroup.subtree_control"), []byte(controllers), 0)
	}
	if err := enable("+memory +pids"); err != nil {
		return fmt.Errorf("enabling the memory and pids controllers in %s: %w", parent, err)
	}
	if c.CPUShare != "" {
		// Apart: the kernel refuses cpu while a real-time process sits in a
		// group below the root, and the run still gets its limits then.
		if err := enable("+cpu"); err != nil {
			g.noShare = fmt.Sprintf("enabling the cpu controller in %s failed (%v)", parent, err)
		}
	}
	return nil
}

// limit writes the limits into the group's files.
func (g *cgroup) limit(l Limits) error {
	write := func(dir, file, value string) error {
		return os.WriteFile(filepath.Join(dir, file), []byte(value), 0)
	}
	exists := func(dir, file string) bool {
		_, err := os.Stat(filepath.Join(dir, file))
		return err == nil
	}
	if l.Memory > 0 {
		v := strconv.FormatInt(l.Memory, 10)
		if g.version == 1 {
			if err := write(g.mem, "memory.limit_in_bytes", v); err != nil {
				return err
			}
			if exists(g.mem, "memory.memsw.limit_in_bytes") { // no swapping past the limit either
				if err := write(g.mem, "memory.memsw.limit_in_bytes", v); err != nil {
					return err
				}
			}
		} else {
			if err := write(g.mem, "memory.max", v); err != nil {
				return err
			}
			if exists(g.mem, "memory.swap.max") {
				_ = write(g.mem, "memory.swap.max", "0")
			}
		}
	}
	if l.Processes > 0 {
		if err := write(g.pids, "pids.max", strconv.Itoa(l.Processes)); err != nil {
			return err
		}
	}
	return nil
}

// procsFiles are the files a process writes its PID to, to join the group.
func (g *cgroup) procsFiles() []string {
	var files []string
	for _, d := range g.dirs {
		files = append(files, filepath.Join(d, "cgroup.procs"))
	}
	return files
}

// usage reads the group's counters.
func (g *cgroup) usage() Usage {
	var u Usage
	if g.version == 1 {
		u.PeakMemory = readInt(g.mem, "memory.max_usage_in_bytes")
		u.OOMKills = int(keyed(g.mem, "memory.oom_control", "oom_kill"))
		if g.acct != "" {
			u.CPUSeconds = float64(readInt(g.acct, "cpuacct.usage")) / 1e9
		}
	} else {
		u.PeakMemory = readInt(g.mem, "memory.peak")
		u.OOMKills = int(keyed(g.mem, "memory.events", "oom_kill"))
		u.CPUSeconds = float64(keyed(g.acct, "cpu.stat", "usage_usec")) / 1e6
	}
	u.ProcessLimitHits = int(keyed(g.pids, "pids.events", "max"))
	u.PeakTasks = int(readInt(g.pids, "pids.peak"))
	return u
}

// shareProblem says why the group has no CPU share although the machine
// has the cpu controller, or "".
func (g *cgroup) shareProblem() string { return g.noShare }

// close kills every process left in the group and removes it.
func (g *cgroup) close() error {
	g.stopOnce.Do(func() {
		if g.stop != nil {
			close(g.stop)
		}
	})
	for _, d := range g.dirs {
		if g.version == 2 {
			_ = os.WriteFile(filepath.Join(d, "cgroup.kill"), []byte("1"), 0) // Linux 5.14+
		}
	}
	for range 100 { // up to 2 s for killed processes to leave
		left := 0
		for _, f := range g.procsFiles() {
			for _, pid := range readPIDs(f) {
				left++
				_ = syscall.Kill(pid, syscall.SIGKILL)
			}
		}
		if left == 0 {
			break
		}
		time.Sleep(20 * time.Millisecond)
	}
	var errs []error
	for _, d := range g.dirs {
		var err error
		for range 50 { // a group empties a moment after its last process is reaped
			if err = os.Remove(d); err == nil || errors.Is(err, os.ErrNotExist) {
				err = nil
				forget(d)
				break
			}
			time.Sleep(20 * time.Millisecond)
		}
		errs = append(errs, err)
	}
	return errors.Join(errs...)
}

// staleAfter is how old, by its folders' mtime, a run group holding no
// process must be for sweep to remove it. A live grader's groups are never
// that old: an open sandbox renews the mtime every freshEvery (keepFresh),
// and its group is removed when the run ends. An empty group this old was
// left by a grader that was killed (SIGINT to make test, a killed make
// grade-class) before it could close its sandbox.
const staleAfter = 10 * time.Minute

// sweep removes the run groups under groupParent, in each of c's
// hierarchies, that hold no process in any of them (cgroup.procs empty)
// and whose folders are all older than staleAfter at now. A group that
// cannot be read, or whose removal fails, is left: the kernel refuses to
// remove a group a process joined meanwhile.
func sweep(c Cgroups, now time.Time) {
	var roots []string
	for _, r := range []string{c.Memory, c.Pids, c.CPUUsage, c.CPUShare} {
		if r != "" && !slices.Contains(roots, r) {
			roots = append(roots, r)
		}
	}
	groups := map[string][]string{} // name: its folder in each hierarchy
	for _, r := range roots {
		parent := filepath.Join(r, groupParent)
		entries, err := os.ReadDir(parent)
		if err != nil {
			continue
		}
		for _, e := range entries {
			if e.IsDir() && strings.HasPrefix(e.Name(), "run-") {
				groups[e.Name()] = append(groups[e.Name()], filepath.Join(parent, e.Name()))
			}
		}
	}
	for _, dirs := range groups {
		if stale(dirs, now) {
			for _, d := range dirs {
				_ = os.Remove(d)
			}
		}
	}
}

// stale reports whether every folder of a group is older than staleAfter
// at now and holds no process.
func stale(dirs []string, now time.Time) bool {
	for _, d := range dirs {
		fi, err := os.Stat(d)
		if err != nil || now.Sub(fi.ModTime()) < staleAfter {
			return false
		}
		b, err := os.ReadFile(filepath.Join(d, "cgroup.procs"))
		if err != nil || strings.TrimSpace(string(b)) != "" {
			return false
		}
	}
	return true
}

// readPIDs reads a cgroup.procs file.
func readPIDs(path string) []int {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil
	}
	var pids []int
	for _, f := range strings.Fields(string(b)) {
		if pid, err := strconv.Atoi(f); err == nil {
			pids = append(pids, pid)
		}
	}
	return pids
}

// readInt reads a file holding one number, or 0.
func readInt(dir, file string) int64 {
	if dir == "" {
		return 0
	}
	b, err := os.ReadFile(filepath.Join(dir, file))
	if err != nil {
		return 0
	}
	n, _ := strconv.ParseInt(strings.TrimSpace(string(b)), 10, 64)
	return n
}

// keyed reads the number after key in a "key value" per line file, or 0.
func keyed(dir, file, key string) int64 {
	if dir == "" {
		return 0
	}
	b, err := os.ReadFile(filepath.Join(dir, file))
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(b), "\n") {
		if k, v, ok := strings.Cut(line, " "); ok && k == key {
			n, _ := strconv.ParseInt(strings.TrimSpace(v), 10, 64)
			return n
		}
	}
	return 0
}
