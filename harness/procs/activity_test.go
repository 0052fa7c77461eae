//go:build unix

package procs_test

import (
	"time"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"

	"github.com/threadproc/threadproc/harness/procs"
)

var _ = Describe("Activity", func() {
	It("sees a sleeping process with no thread runnable", func(ctx SpecContext) {
		child := sleeper(nil)
		_, _, err := procs.Activity(child.Process.Pid)
		skipIfUnsupported(err)
		Eventually(ctx, func() (int, error) {
			runnable, _, err := procs.Activity(child.Process.Pid)
			return runnable, err
		}).WithTimeout(5 * time.Second).Should(BeZero())
	}, SpecTimeout(10*time.Second))

	It("sees a spinning process runnable, its time on a CPU growing", func(ctx SpecContext) {
		child := startChild(nil, "sh", "-c", "while :; do :; done") // killed when the spec ends
		_, before, err := procs.Activity(child.Process.Pid)
		skipIfUnsupported(err)
		Expect(err).NotTo(HaveOccurred())
		Eventually(ctx, func() (time.Duration, error) {
			_, ran, err := procs.Activity(child.Process.Pid)
			return ran - before, err
		}).WithTimeout(5 * time.Second).Should(BeNumerically(">=", 50*time.Millisecond))
		runnable, _, err := procs.Activity(child.Process.Pid)
		Expect(err).NotTo(HaveOccurred())
		Expect(runnable).To(Equal(1), "its one thread, on a CPU or waiting for one")
	}, SpecTimeout(10*time.Second))
})
