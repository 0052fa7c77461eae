//go:build unix

package procs_test

import (
	"os"
	"runtime"
	"syscall"
	"time"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"

	"github.com/threadproc/threadproc/harness/procs"
)

var _ = Describe("SchedOf and SchedTree", func() {
	It("count a voluntary switch each time a thread of this process sleeps", func(ctx SpecContext) {
		before, err := procs.SchedOf(os.Getpid())
		skipIfUnsupported(err)
		Expect(err).NotTo(HaveOccurred())
		done := make(chan struct{})
		go func() {
			defer close(done)
			runtime.LockOSThread() // one thread, put to sleep 50 times
			defer runtime.UnlockOSThread()
			for range 50 {
				time.Sleep(2 * time.Millisecond)
			}
		}()
		<-done
		after, err := procs.SchedOf(os.Getpid())
		Expect(err).NotTo(HaveOccurred())
		Expect(after.Minus(before).Voluntary).To(BeNumerically(">=", 40))
	}, SpecTimeout(10*time.Second))

	It("measure the time on a CPU to well under a clock tick", func(ctx SpecContext) {
		before, err := procs.SchedOf(os.Getpid())
		skipIfUnsupported(err)
		Expect(err).NotTo(HaveOccurred())
		// 3 ms of this process's CPU time, as getrusage counts it (a busy
		// machine may give a 3-ms burn far less): schedstat must see them.
		used := burnCPU(3 * time.Millisecond)
		after, err := procs.SchedOf(os.Getpid())
		Expect(err).NotTo(HaveOccurred())
		Expect(after.Minus(before).OnCPU).To(BeNumerically(">=", used*2/3))
	}, SpecTimeout(10*time.Second))

	It("add the processes below a process in SchedTree", func(ctx SpecContext) {
		sh := startChild(nil, "sh", "-c", "sh -c 'i=0; while [ $i -lt 100000000 ]; do i=$((i+1)); done' & wait")
		pid := sh.Process.Pid
		_, err := procs.SchedOf(pid)
		skipIfUnsupported(err)
		Eventually(ctx, func() (time.Duration, error) {
			tree, err := procs.SchedTree(pid)
			if err != nil {
				return 0, err
			}
			self, err := procs.SchedOf(pid)
			return tree.OnCPU - self.OnCPU, err
		}).WithTimeout(5 * time.Second).Should(BeNumerically(">=", 20*time.Millisecond))
	}, SpecTimeout(10*time.Second))

	It("wrap os.ErrNotExist for a process that is gone", func(ctx SpecContext) {
		child := sleeper(nil)
		pid := child.Process.Pid
		Expect(child.Process.Kill()).To(Succeed())
		_ = child.Wait()
		_, err := procs.SchedOf(pid)
		skipIfUnsupported(err)
		Expect(err).To(MatchError(os.ErrNotExist))
	}, SpecTimeout(10*time.Second))
})

// burnCPU burns until this process has used at least d of CPU time since
// the call, as getrusage reports it (bounded: at most 5 s of wall time),
// and returns how much it used.
func burnCPU(d time.Duration) time.Duration {
	GinkgoHelper()
	start := rusageCPU()
	for deadline := time.Now().Add(5 * time.Second); rusageCPU()-start < d && time.Now().Before(deadline); {
		burn(time.Millisecond)
	}
	used := rusageCPU() - start
	Expect(used).To(BeNumerically(">=", d), "the burn did not get the CPU within 5s")
	return used
}

// rusageCPU is the CPU time (user and system) this process used so far.
func rusageCPU() time.Duration {
	var ru syscall.Rusage
	Expect(syscall.Getrusage(syscall.RUSAGE_SELF, &ru)).To(Succeed())
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
