//go:build unix

package procs_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"syscall"
	"time"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"

	"github.com/threadproc/threadproc/harness/procs"
)

var _ = Describe("Get", func() {
	It("reports PID, parent, own process group, state and name of a child", func(ctx SpecContext) {
		child := sleeper(nil)
		pid := child.Process.Pid

		info, err := procs.Get(pid)
		Expect(err).NotTo(HaveOccurred())
		Expect(info.PID).To(Equal(pid))
		Expect(info.PPID).To(Equal(os.Getpid()))
		Expect(info.PGID).To(Equal(pid), "Setpgid makes the child its own group leader")
		Expect(info.Comm).To(Equal("sleep"))
		Expect(info.Zombie()).To(BeFalse())
		Expect(info.State).To(BeElementOf(byte('R'), byte('S'), byte('D'), byte('I')))
	}, SpecTimeout(10*time.Second))

	It("reports the parent's process group for a child started without Setpgid", func(ctx SpecContext) {
		child := sleeper(func(c *exec.Cmd) { c.SysProcAttr = nil })

		info, err := procs.Get(child.Process.Pid)
		Expect(err).NotTo(HaveOccurred())
		Expect(info.PGID).To(Equal(syscall.Getpgrp()))
	}, SpecTimeout(10*time.Second))

	It("reads a command name containing spaces and parentheses", func(ctx SpecContext) {
		sleep, err := exec.LookPath("sleep")
		Expect(err).NotTo(HaveOccurred())
		odd := filepath.Join(GinkgoT().TempDir(), "x) (y) z)")
		Expect(os.Symlink(sleep, odd)).To(Succeed())
		child := startChild(nil, odd, "30")

		info, err := procs.Get(child.Process.Pid)
		Expect(err).NotTo(HaveOccurred())
		Expect(info.Comm).To(Equal("x) (y) z)"))
		Expect(info.PPID).To(Equal(os.Getpid()))
		Expect(info.PGID).To(Equal(child.Process.Pid))
	}, SpecTimeout(10*time.Second))

	It("wraps os.ErrNotExist once the process is reaped", func(ctx SpecContext) {
		child := sleeper(nil)
		pid := child.Process.Pid
		Expect(child.Process.Kill()).To(Succeed())
		_ = child.Wait()

		_, err := procs.Get(pid)
		Expect(err).To(MatchError(os.ErrNotExist))
		_, err = procs.Get(0)
		Expect(err).To(MatchError(os.ErrNotExist))
	}, SpecTimeout(10*time.Second))
})

var _ = Describe("zombies", func() {
	It("shows an exited child that has not been waited for as 'Z', until it is reaped", func(ctx SpecContext) {
		child := startChild(nil, "sh", "-c", "exit 0")
		pid := child.Process.Pid

		Eventually(ctx, func() (byte, error) {
			info, err := procs.Get(pid)
			return info.State, err
		}).WithTimeout(5 * time.Second).Should(Equal(byte('Z')))

		kids, err := procs.Children(os.Getpid())
		Expect(err).NotTo(HaveOccurred())
		Expect(kids).To(ContainElement(SatisfyAll(
			HaveField("PID", pid),
			WithTransform(procs.Info.Zombie, BeTrue()),
		)))

		_ = child.Wait()
		Eventually(ctx, func() error {
			_, err := procs.Get(pid)
			return err
		}).WithTimeout(5 * time.Second).Should(MatchError(os.ErrNotExist))
		kids, err = procs.Children(os.Getpid())
		Expect(err).NotTo(HaveOccurred())
		Expect(pids(kids)).NotTo(ContainElement(pid))
	}, SpecTimeout(15*time.Second))
})

var _ = Describe("Children and Descendants", func() {
	It("lists direct children sorted by PID", func(ctx SpecContext) {
		a, b := sleeper(nil), sleeper(nil)

		kids, err := procs.Children(os.Getpid())
		Expect(err).NotTo(HaveOccurred())
		Expect(pids(kids)).To(ContainElements(a.Process.Pid, b.Process.Pid))
		Expect(slices.IsSorted(pids(kids))).To(BeTrue())
		for _, k := range kids {
			Expect(k.PPID).To(Equal(os.Getpid()))
		}

		none, err := procs.Children(a.Process.Pid)
		Expect(err).NotTo(HaveOccurred())
		Expect(none).To(BeEmpty())
	}, SpecTimeout(10*time.Second))

	It("finds a grandchild among the descendants but not among the children", func(ctx SpecContext) {
		shell := startChild(nil, "sh", "-c", "sleep 30 & wait")
		sh := shell.Process.Pid

		var grandchild procs.Info
		Eventually(ctx, func(g Gomega) {
			kids, err := procs.Children(sh)
			g.Expect(err).NotTo(HaveOccurred())
			g.Expect(kids).To(HaveLen(1))
			g.Expect(kids[0].Comm).To(Equal("sleep"))
			grandchild = kids[0]
		}).WithTimeout(5 * time.Second).Should(Succeed())
		Expect(grandchild.PGID).To(Equal(sh), "the grandchild inherits the shell's group")
		// Let the shell reap the grandchild before the group is killed, so
		// that no orphan is left for init to reap.
		DeferCleanup(func(ctx SpecContext) {
			_ = syscall.Kill(grandchild.PID, syscall.SIGKILL)
			Eventually(ctx, func() error {
				_, err := procs.Get(grandchild.PID)
				return err
			}).WithTimeout(5 * time.Second).Should(MatchError(os.ErrNotExist))
		}, NodeTimeout(10*time.Second))

		all, err := procs.Descendants(os.Getpid())
		Expect(err).NotTo(HaveOccurred())
		Expect(pids(all)).To(ContainElements(sh, grandchild.PID))
		Expect(slices.IsSorted(pids(all))).To(BeTrue())

		kids, err := procs.Children(os.Getpid())
		Expect(err).NotTo(HaveOccurred())
		Expect(pids(kids)).To(ContainElement(sh))
		Expect(pids(kids)).NotTo(ContainElement(grandchild.PID))

		below, err := procs.Descendants(sh)
		Expect(err).NotTo(HaveOccurred())
		Expect(pids(below)).To(Equal([]int{grandchild.PID}))
	}, SpecTimeout(10*time.Second))

	It("wraps os.ErrNotExist for a process that is gone", func(ctx SpecContext) {
		child := sleeper(nil)
		pid := child.Process.Pid
		Expect(child.Process.Kill()).To(Succeed())
		_ = child.Wait()

		_, err := procs.Children(pid)
		Expect(err).To(MatchError(os.ErrNotExist))
		_, err = procs.Descendants(pid)
		Expect(err).To(MatchError(os.ErrNotExist))
	}, SpecTimeout(10*time.Second))
})
