package procs_test

import (
	"os"
	"syscall"
	"time"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"

	"github.com/threadproc/threadproc/harness/procs"
)

var _ = Describe("a bare clone", func() {
	It("is a Probe, and neither a child nor a descendant", func(ctx SpecContext) {
		pid := bareClone()
		DeferCleanup(func() { reapClone(pid) })

		// The clone exits at once and stays a zombie until reapClone: a
		// process that does not go away while the spec looks at it, as the
		// pidfd check's clone in a server does only for microseconds.
		info, err := procs.Get(pid)
		Expect(err).NotTo(HaveOccurred())
		Expect(info.PPID).To(Equal(os.Getpid()))
		Expect(info.Probe).To(BeTrue(), "exit_signal 0 in /proc/%d/stat", pid)

		kids, err := procs.Children(os.Getpid())
		Expect(err).NotTo(HaveOccurred())
		Expect(pids(kids)).NotTo(ContainElement(pid))
		below, err := procs.Descendants(os.Getpid())
		Expect(err).NotTo(HaveOccurred())
		Expect(pids(below)).NotTo(ContainElement(pid))

		// A child started the usual way is none of that.
		child := sleeper(nil)
		info, err = procs.Get(child.Process.Pid)
		Expect(err).NotTo(HaveOccurred())
		Expect(info.Probe).To(BeFalse())
		kids, err = procs.Children(os.Getpid())
		Expect(err).NotTo(HaveOccurred())
		Expect(pids(kids)).To(ContainElement(child.Process.Pid))
	}, SpecTimeout(10*time.Second))
})

// bareClone starts a copy of this process with clone(2) and no exit signal,
// as Go's pidfd check does (without sharing memory, so that the copy can run
// on its own stack), and returns its PID. The copy only exits.
func bareClone() int {
	GinkgoHelper()
	pid, _, errno := syscall.RawSyscall6(syscall.SYS_CLONE, 0, 0, 0, 0, 0, 0)
	if pid == 0 && errno == 0 { // the copy: one thread, nothing to do but end
		for {
			_, _, _ = syscall.RawSyscall(syscall.SYS_EXIT_GROUP, 0, 0, 0)
		}
	}
	Expect(errno).To(BeZero(), "clone(2)")
	return int(pid)
}

// reapClone waits for a bare clone, which only wait4 with __WALL sees.
func reapClone(pid int) {
	var status syscall.WaitStatus
	for {
		_, err := syscall.Wait4(pid, &status, syscall.WALL, nil)
		if err != syscall.EINTR {
			return
		}
	}
}
