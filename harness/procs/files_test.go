//go:build unix

package procs_test

import (
	"os"
	"time"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"

	"github.com/threadproc/threadproc/harness/procs"
)

var _ = Describe("OpenFiles", func() {
	It("counts each file descriptor a process holds: five more once it opens five files", func(ctx SpecContext) {
		before, err := procs.OpenFiles(os.Getpid())
		skipIfUnsupported(err)
		Expect(err).NotTo(HaveOccurred())
		for range 5 {
			f, err := os.Open(os.DevNull)
			Expect(err).NotTo(HaveOccurred())
			DeferCleanup(f.Close)
		}
		// Poll: the runtime may hold a descriptor of its own for a moment.
		Eventually(ctx, func() (int, error) {
			return procs.OpenFiles(os.Getpid())
		}).WithTimeout(5 * time.Second).Should(Equal(before + 5))
	}, SpecTimeout(10*time.Second))

	It("says a process that is gone does not exist", func() {
		child := sleeper(nil)
		Expect(child.Process.Kill()).To(Succeed())
		_ = child.Wait()
		_, err := procs.OpenFiles(child.Process.Pid)
		skipIfUnsupported(err)
		Expect(err).To(MatchError(os.ErrNotExist))
	})
})
