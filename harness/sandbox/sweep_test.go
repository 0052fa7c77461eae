package sandbox_test

import (
	"crypto/rand"
	"encoding/hex"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"time"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"

	"github.com/threadproc/threadproc/harness/sandbox"
)

var _ = Describe("a new sandbox's sweep of the run groups killed graders left", func() {
	BeforeEach(func() {
		needs(tools.Cgroups.Version > 0, "cgroups cannot be made here, so there are none to sweep: "+tools.Cgroups.Problem)
	})

	It("removes an empty run group older than 10 minutes, and keeps a fresh one and an old one that holds a process", func() {
		old := makeGroup(time.Now().Add(-11 * time.Minute))
		fresh := makeGroup(time.Now())
		busy := makeGroup(time.Now()) // its process in memory's folder only (v1: pids', cpuacct's and cpu's stay empty)
		sleeper := exec.Command("sleep", "300")
		Expect(sleeper.Start()).To(Succeed())
		DeferCleanup(func() { _ = sleeper.Process.Kill(); _ = sleeper.Wait() })
		Expect(os.WriteFile(filepath.Join(busy[0], "cgroup.procs"), []byte(strconv.Itoa(sleeper.Process.Pid)), 0)).To(Succeed())
		age(busy, time.Now().Add(-11*time.Minute))

		sb, err := sandbox.New(tools, sandbox.Limits{Processes: 100, Scratch: GinkgoT().TempDir()})
		Expect(err).NotTo(HaveOccurred())
		DeferCleanup(sb.Close)

		for _, d := range old {
			Expect(d).NotTo(BeADirectory(), "empty and 11 minutes old: left by a killed grader")
		}
		for _, d := range fresh {
			Expect(d).To(BeADirectory(), "empty but just made: a live run's, about to be filled")
		}
		for _, d := range busy {
			Expect(d).To(BeADirectory(), "11 minutes old but a process is in its memory group: a live run's (v1: removing its empty folders elsewhere would break it)")
		}
	})

	It("keeps the group of a sandbox still open, empty however long it waited to start, and lists it until it is closed", func() {
		DeferCleanup(sandbox.SetFreshEvery(50 * time.Millisecond)) // a minute outside this spec
		before := sandbox.LeftoverGroups()
		waiting, err := sandbox.New(tools, sandbox.Limits{Processes: 100, Scratch: GinkgoT().TempDir()})
		Expect(err).NotTo(HaveOccurred())
		DeferCleanup(waiting.Close)
		dirs := without(sandbox.LeftoverGroups(), before)
		Expect(dirs).NotTo(BeEmpty(), "LeftoverGroups lists the groups of a sandbox not closed yet")
		for _, d := range dirs { // as if the run had waited 11 minutes for a class grader's gate
			then := time.Now().Add(-11 * time.Minute)
			Expect(os.Chtimes(d, then, then)).To(Succeed())
			Eventually(func() time.Duration { return time.Since(mtime(d)) }).WithTimeout(5*time.Second).
				Should(BeNumerically("<", time.Minute), "the open sandbox renews the mtime of %s", d)
		}

		other, err := sandbox.New(tools, sandbox.Limits{Processes: 100, Scratch: GinkgoT().TempDir()})
		Expect(err).NotTo(HaveOccurred())
		Expect(other.Close()).To(Succeed())
		for _, d := range dirs {
			Expect(d).To(BeADirectory(), "empty, but its sandbox is open: a live run's")
		}
		Expect(waiting.Close()).To(Succeed())
		Expect(sandbox.LeftoverGroups()).To(Equal(before), "once closed, a sandbox's groups are no longer listed")
	})
})

// makeGroup makes an empty run group, as a sandbox names them, in each of
// the machine's cgroup hierarchies, with its folders' mtime set to mtime,
// and returns its folders, memory's first. They are removed at the spec's
// end if still there.
func makeGroup(mtime time.Time) []string {
	GinkgoHelper()
	b := make([]byte, 6)
	_, _ = rand.Read(b)
	name := "run-" + hex.EncodeToString(b)
	var dirs []string
	c := tools.Cgroups
	for _, root := range []string{c.Memory, c.Pids, c.CPUUsage, c.CPUShare} {
		dir := filepath.Join(root, "threadproc", name)
		if root == "" || slices.Contains(dirs, dir) {
			continue
		}
		Expect(os.MkdirAll(dir, 0o755)).To(Succeed())
		dirs = append(dirs, dir)
	}
	DeferCleanup(func() {
		for _, d := range dirs {
			Eventually(func() error { // a group empties a moment after its last process is reaped
				if err := os.Remove(d); err != nil && !errors.Is(err, os.ErrNotExist) {
					return err
				}
				return nil
			}).WithTimeout(5 * time.Second).Should(Succeed())
		}
	})
	age(dirs, mtime)
	return dirs
}

// age sets the mtime of the folders to t.
func age(dirs []string, t time.Time) {
	GinkgoHelper()
	for _, d := range dirs {
		Expect(os.Chtimes(d, t, t)).To(Succeed())
		Expect(mtime(d)).To(BeTemporally("~", t, time.Second), "the cgroup file system keeps the mtime set on %s", d)
	}
}

// mtime is the folder's mtime.
func mtime(dir string) time.Time {
	GinkgoHelper()
	fi, err := os.Stat(dir)
	Expect(err).NotTo(HaveOccurred())
	return fi.ModTime()
}

// without returns the strings of list that are not in drop.
func without(list, drop []string) []string {
	var out []string
	for _, s := range list {
		if !slices.Contains(drop, s) {
			out = append(out, s)
		}
	}
	return out
}
