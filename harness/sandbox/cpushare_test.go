package sandbox_test

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"
	"github.com/onsi/gomega/gbytes"

	"github.com/threadproc/threadproc/harness/sandbox"
)

var _ = Describe("sandboxed commands side by side", Serial, func() {
	It("get equal shares of a CPU, however many busy processes each starts", func() {
		needs(tools.Cgroups.Version > 0, "no cgroups: "+tools.Cgroups.Problem)
		needs(tools.Cgroups.CPUShare != "", "no cpu controller: "+strings.Join(tools.Cgroups.Notes, "; "))
		taskset, err := exec.LookPath("taskset")
		needs(err == nil, "taskset is not installed (util-linux)")
		cpu, err := firstCPU()
		Expect(err).NotTo(HaveOccurred())

		if tools.Cgroups.Version == 1 {
			// The control shows the measurement can fail: the busy processes
			// start a session each (see the spinners role), so the kernel's
			// grouping by session (autogroup) does not share the CPU by run
			// in their place. On v2 the cpu controller, once on for the
			// runs' parent folder, is on for every run: there the control
			// cannot be made.
			many, one := sideBySide(tools.Without("cpu-share"), taskset, cpu)
			Expect(one).To(BeNumerically("<", 0.4*many),
				"the control, without a cpu group per run: each busy process gets a share, so the run with 1 gets about 1/8 of what the run with 8 gets")
		}

		many, one := sideBySide(tools, taskset, cpu)
		Expect(one).To(BeNumerically(">=", 0.6*many),
			"with a cpu group per run, the run with one busy process gets as much of the CPU as the run with 8")
	})
})

// sideBySide starts two sandboxed runs made from t, both on one CPU: one
// with 8 busy processes, then, once they are all busy, one with 1. Once
// that one is busy too, it measures the CPU time each run's cgroup counts
// while the two together use 1.5 CPU seconds, and returns both.
func sideBySide(t sandbox.Tools, taskset string, cpu int) (many, one float64) {
	GinkgoHelper()
	var runs []*busyRun
	for _, n := range []int{8, 1} {
		r := startBusy(t, taskset, cpu, n)
		Eventually(r.busy).WithTimeout(30*time.Second).Should(Equal(n), func() string {
			return fmt.Sprintf("all %d busy processes started; the run's output: %s", n, r.out.Contents())
		})
		runs = append(runs, r)
	}
	used := func() (float64, float64) { return runs[0].sb.Usage().CPUSeconds, runs[1].sb.Usage().CPUSeconds }
	many0, one0 := used()
	Expect(many0+one0).To(BeNumerically(">", 0), "the cgroups count CPU time")
	Eventually(func() float64 { m, o := used(); return m + o }).WithTimeout(20*time.Second).WithPolling(10*time.Millisecond).
		Should(BeNumerically(">=", many0+one0+1.5), "the two runs use 1.5 CPU seconds together")
	many1, one1 := used()
	for _, r := range runs {
		r.stop()
	}
	many, one = many1-many0, one1-one0
	AddReportEntry(fmt.Sprintf("CPU share %s: the run with 8 busy processes used %.3f s, the run with 1 %.3f s (%.2f times as much)",
		sandbox.PlanFor(t, sandbox.Limits{}).CPUShare, many, one, one/many), ReportEntryVisibilityFailureOrVerbose)
	return many, one
}

// busyRun is a sandboxed run of busy processes.
type busyRun struct {
	sb      *sandbox.Sandbox
	cmd     *exec.Cmd
	out     *gbytes.Buffer
	stopped bool
}

// startBusy starts n busy processes, pinned to cpu by taskset, in a new
// sandbox made from t. They stop at the spec's end, or at [busyRun.stop].
func startBusy(t sandbox.Tools, taskset string, cpu, n int) *busyRun {
	GinkgoHelper()
	scratch := GinkgoT().TempDir()
	sb, err := sandbox.New(t, sandbox.Limits{Memory: 1 << 30, Processes: 400, Scratch: scratch})
	Expect(err).NotTo(HaveOccurred())
	DeferCleanup(sb.Close)
	cmd := roleCommand(filepath.Join(scratch, "role.test"), "spinners", strconv.Itoa(n))
	Expect(sb.Wrap(cmd)).To(Succeed())
	// Pinned from the start, before the shell joins the cgroup: pinned only
	// once inside (Linux 6.18, a busy machine), a new run was seen to get
	// no CPU at all for 20 s.
	cmd.Path, cmd.Args = taskset, append([]string{taskset, "-c", strconv.Itoa(cpu)}, cmd.Args...)
	r := &busyRun{sb: sb, cmd: cmd, out: gbytes.NewBuffer()}
	cmd.Stdout, cmd.Stderr = r.out, r.out
	Expect(cmd.Start()).To(Succeed())
	DeferCleanup(r.stop)
	return r
}

// busy counts the processes that said they are busy.
func (r *busyRun) busy() int { return strings.Count(string(r.out.Contents()), "spinning\n") }

// stop kills the run's processes, removes its cgroup, and waits for the
// command (bounded by its WaitDelay).
func (r *busyRun) stop() {
	GinkgoHelper()
	if r.stopped {
		return
	}
	r.stopped = true
	Expect(r.sb.Close()).To(Succeed(), "the run's cgroups are removed")
	_ = r.cmd.Wait()
}

// firstCPU is the lowest-numbered CPU this process may run on.
func firstCPU() (int, error) {
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0, err
	}
	for _, line := range strings.Split(string(b), "\n") {
		if list, ok := strings.CutPrefix(line, "Cpus_allowed_list:"); ok {
			first, _, _ := strings.Cut(strings.TrimSpace(list), ",")
			first, _, _ = strings.Cut(first, "-")
			return strconv.Atoi(first)
		}
	}
	return 0, os.ErrNotExist
}
