//go:build unix

package procs_test

import (
	"net"
	"net/netip"
	"os"
	"os/exec"
	"slices"
	"time"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"

	"github.com/threadproc/threadproc/harness/procs"
)

var _ = Describe("SocketOwners", func() {
	It("names this process as the owner of both ends of a loopback connection", func(ctx SpecContext) {
		_, server, client := connectedPair("tcp4", "127.0.0.1:0", "")
		local, remote := ends(server)

		Expect(procs.SocketOwners(local, remote)).To(Equal([]int{os.Getpid()}))
		cl, cr := ends(client)
		Expect(cl).To(Equal(remote))
		Expect(procs.SocketOwners(cl, cr)).To(Equal([]int{os.Getpid()}))
	}, SpecTimeout(10*time.Second))

	It("finds nobody for a pair of ends that is not connected", func(ctx SpecContext) {
		_, server, _ := connectedPair("tcp4", "127.0.0.1:0", "")
		local, remote := ends(server)
		wrong := netip.AddrPortFrom(remote.Addr(), remote.Port()+1)
		if remote.Port() == 65535 {
			wrong = netip.AddrPortFrom(remote.Addr(), 1)
		}

		Expect(procs.SocketOwners(local, wrong)).To(BeEmpty())
	}, SpecTimeout(10*time.Second))

	It("matches IPv4-mapped and plain IPv4 forms on a dual-stack listener", func(ctx SpecContext) {
		_, server, _ := connectedPair("tcp", ":0", "127.0.0.1")
		local, remote := ends(server)

		Expect(procs.SocketOwners(local, remote)).To(Equal([]int{os.Getpid()}))
		plainLocal := netip.AddrPortFrom(local.Addr().Unmap(), local.Port())
		plainRemote := netip.AddrPortFrom(remote.Addr().Unmap(), remote.Port())
		Expect(procs.SocketOwners(plainLocal, plainRemote)).To(Equal([]int{os.Getpid()}))
		mappedLocal := netip.AddrPortFrom(netip.AddrFrom16(plainLocal.Addr().As16()), local.Port())
		mappedRemote := netip.AddrPortFrom(netip.AddrFrom16(plainRemote.Addr().As16()), remote.Port())
		Expect(procs.SocketOwners(mappedLocal, mappedRemote)).To(Equal([]int{os.Getpid()}))
	}, SpecTimeout(10*time.Second))

	It("works over IPv6 loopback", func(ctx SpecContext) {
		_, server, _ := connectedPair("tcp6", "[::1]:0", "")
		local, remote := ends(server)
		Expect(local.Addr().Is6()).To(BeTrue())

		Expect(procs.SocketOwners(local, remote)).To(Equal([]int{os.Getpid()}))
	}, SpecTimeout(10*time.Second))

	It("follows the socket to the child it was handed to", func(ctx SpecContext) {
		_, server, _ := connectedPair("tcp4", "127.0.0.1:0", "")
		local, remote := ends(server)
		f, err := server.(*net.TCPConn).File()
		Expect(err).NotTo(HaveOccurred())
		child := sleeper(func(c *exec.Cmd) { c.ExtraFiles = []*os.File{f} })
		Expect(f.Close()).To(Succeed())
		Expect(server.Close()).To(Succeed())

		Eventually(ctx, func() ([]int, error) {
			return procs.SocketOwners(local, remote)
		}).WithTimeout(5 * time.Second).Should(Equal([]int{child.Process.Pid}))
	}, SpecTimeout(10*time.Second))

	It("lists every process sharing the socket, sorted", func(ctx SpecContext) {
		_, server, _ := connectedPair("tcp4", "127.0.0.1:0", "")
		local, remote := ends(server)
		f, err := server.(*net.TCPConn).File()
		Expect(err).NotTo(HaveOccurred())
		DeferCleanup(func() { _ = f.Close() })
		a := sleeper(func(c *exec.Cmd) { c.ExtraFiles = []*os.File{f} })
		b := sleeper(func(c *exec.Cmd) { c.ExtraFiles = []*os.File{f} })

		Expect(procs.SocketOwners(local, remote)).To(ConsistOf(os.Getpid(), a.Process.Pid, b.Process.Pid))
		owners, err := procs.SocketOwners(local, remote)
		Expect(err).NotTo(HaveOccurred())
		Expect(slices.IsSorted(owners)).To(BeTrue())
	}, SpecTimeout(10*time.Second))

	It("takes milliseconds, not seconds", func(ctx SpecContext) {
		_, server, _ := connectedPair("tcp4", "127.0.0.1:0", "")
		local, remote := ends(server)

		start := time.Now()
		owners, err := procs.SocketOwners(local, remote)
		took := time.Since(start)
		Expect(err).NotTo(HaveOccurred())
		Expect(owners).To(Equal([]int{os.Getpid()}))
		AddReportEntry("SocketOwners duration", took.String(), ReportEntryVisibilityFailureOrVerbose)

		start = time.Now()
		_, err = procs.Descendants(1)
		AddReportEntry("Descendants(1) duration", time.Since(start).String(), ReportEntryVisibilityFailureOrVerbose)
		Expect(err).NotTo(HaveOccurred())
		Expect(took).To(BeNumerically("<", 2*time.Second))
	}, SpecTimeout(10*time.Second))
})

var _ = Describe("ListeningSockets", func() {
	It("lists this process's listener but not a child that did not inherit it", func(ctx SpecContext) {
		ln, err := net.Listen("tcp4", "127.0.0.1:0")
		Expect(err).NotTo(HaveOccurred())
		DeferCleanup(func() { _ = ln.Close() })
		addr := ln.Addr().(*net.TCPAddr).AddrPort()
		child := sleeper(nil)

		Expect(procs.ListeningSockets(os.Getpid())).To(ContainElement(addr))
		Expect(procs.ListeningSockets(child.Process.Pid)).NotTo(ContainElement(addr))

		Expect(ln.Close()).To(Succeed())
		Eventually(ctx, func() ([]netip.AddrPort, error) {
			return procs.ListeningSockets(os.Getpid())
		}).WithTimeout(5 * time.Second).ShouldNot(ContainElement(addr))
	}, SpecTimeout(10*time.Second))

	It("lists a listener handed to a child, and not accepted connections", func(ctx SpecContext) {
		ln, server, _ := connectedPair("tcp4", "127.0.0.1:0", "")
		addr := ln.Addr().(*net.TCPAddr).AddrPort()
		lf, err := ln.(*net.TCPListener).File()
		Expect(err).NotTo(HaveOccurred())
		sf, err := server.(*net.TCPConn).File()
		Expect(err).NotTo(HaveOccurred())
		child := sleeper(func(c *exec.Cmd) { c.ExtraFiles = []*os.File{lf, sf} })
		Expect(lf.Close()).To(Succeed())
		Expect(sf.Close()).To(Succeed())

		Expect(procs.ListeningSockets(child.Process.Pid)).To(Equal([]netip.AddrPort{addr}))
	}, SpecTimeout(10*time.Second))

	It("wraps os.ErrNotExist for a process that is gone", func(ctx SpecContext) {
		child := sleeper(nil)
		pid := child.Process.Pid
		Expect(child.Process.Kill()).To(Succeed())
		_ = child.Wait()

		_, err := procs.ListeningSockets(pid)
		Expect(err).To(MatchError(os.ErrNotExist))
	}, SpecTimeout(10*time.Second))
})
