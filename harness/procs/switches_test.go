//go:build unix

package procs_test

import (
	"os"
	"runtime"
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
		burn(3 * time.Millisecond)
		after, err := procs.SchedOf(os.Getpid())
		Expect(err).NotTo(HaveOccurred())
		Expect(after.Minus(before).OnCPU).To(BeNumerically(">=", 2*time.Millisecond))
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
