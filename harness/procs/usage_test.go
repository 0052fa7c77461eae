//go:build unix

package procs_test

import (
	"crypto/sha256"
	"os"
	"os/exec"
	"time"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"

	"github.com/threadproc/threadproc/harness/procs"
)

// burn spends about d of CPU time in this goroutine, with a hard cap on the
// number of iterations.
func burn(d time.Duration) {
	sum := sha256.Sum256([]byte("threadproc"))
	deadline := time.Now().Add(d)
	for i := 0; i < 50_000_000 && time.Now().Before(deadline); i++ {
		sum = sha256.Sum256(sum[:])
	}
}

var _ = Describe("CPUTime", func() {
	It("grows while this process burns CPU", func(ctx SpecContext) {
		before, _, err := procs.CPUTime(os.Getpid())
		skipIfUnsupported(err)
		Expect(err).NotTo(HaveOccurred())

		Eventually(ctx, func() (time.Duration, error) {
			burn(50 * time.Millisecond)
			self, _, err := procs.CPUTime(os.Getpid())
			return self, err
		}).WithTimeout(5 * time.Second).Should(BeNumerically(">=", before+50*time.Millisecond))
	}, SpecTimeout(10*time.Second))

	It("counts the CPU time of children once they are reaped", func(ctx SpecContext) {
		_, before, err := procs.CPUTime(os.Getpid())
		skipIfUnsupported(err)
		Expect(err).NotTo(HaveOccurred())

		busy := exec.Command("sh", "-c", "i=0; while [ $i -lt 300000 ]; do i=$((i+1)); done")
		Expect(busy.Run()).To(Succeed())

		_, after, err := procs.CPUTime(os.Getpid())
		Expect(err).NotTo(HaveOccurred())
		Expect(after).To(BeNumerically(">", before))
	}, SpecTimeout(30*time.Second))

	It("wraps os.ErrNotExist for a process that is gone", func(ctx SpecContext) {
		child := sleeper(nil)
		pid := child.Process.Pid
		Expect(child.Process.Kill()).To(Succeed())
		_ = child.Wait()

		_, _, err := procs.CPUTime(pid)
		skipIfUnsupported(err)
		Expect(err).To(MatchError(os.ErrNotExist))
	}, SpecTimeout(10*time.Second))
})

var _ = Describe("memory", func() {
	It("reports positive PSS and RSS for this process and for a child", func(ctx SpecContext) {
		child := sleeper(nil)
		for _, pid := range []int{os.Getpid(), child.Process.Pid} {
			pss, err := procs.MemoryPSS(pid)
			Expect(err).NotTo(HaveOccurred())
			Expect(pss).To(BeNumerically(">", 0))
			rss, err := procs.MemoryRSS(pid)
			Expect(err).NotTo(HaveOccurred())
			Expect(rss).To(BeNumerically(">", 0))
		}
		// A sleeping child does not change its memory: its PSS cannot exceed its RSS.
		pss, err := procs.MemoryPSS(child.Process.Pid)
		Expect(err).NotTo(HaveOccurred())
		rss, err := procs.MemoryRSS(child.Process.Pid)
		Expect(err).NotTo(HaveOccurred())
		Expect(pss).To(BeNumerically("<=", rss))
	}, SpecTimeout(10*time.Second))

	It("wraps os.ErrNotExist for a process that is gone", func(ctx SpecContext) {
		child := sleeper(nil)
		pid := child.Process.Pid
		Expect(child.Process.Kill()).To(Succeed())
		_ = child.Wait()

		_, err := procs.MemoryPSS(pid)
		Expect(err).To(MatchError(os.ErrNotExist))
		_, err = procs.MemoryRSS(pid)
		Expect(err).To(MatchError(os.ErrNotExist))
	}, SpecTimeout(10*time.Second))
})
