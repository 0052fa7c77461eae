//go:build unix

package procs_test

import (
	"errors"
	"net"
	"net/netip"
	"os/exec"
	"strconv"
	"syscall"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"

	"github.com/threadproc/threadproc/harness/procs"
)

// startChild starts name with args in its own process group (unless setup
// turns that off) and registers a cleanup that SIGKILLs the group and reaps
// the child unless the spec already did.
func startChild(setup func(*exec.Cmd), name string, args ...string) *exec.Cmd {
	GinkgoHelper()
	cmd := exec.Command(name, args...)
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	if setup != nil {
		setup(cmd)
	}
	Expect(cmd.Start()).To(Succeed())
	pid := cmd.Process.Pid
	DeferCleanup(func() {
		if cmd.ProcessState != nil {
			return // already reaped by the spec
		}
		if cmd.SysProcAttr != nil && cmd.SysProcAttr.Setpgid {
			_ = syscall.Kill(-pid, syscall.SIGKILL)
		} else {
			_ = cmd.Process.Kill()
		}
		_ = cmd.Wait()
	})
	return cmd
}

// sleeper starts `sleep 30` in its own process group.
func sleeper(setup func(*exec.Cmd)) *exec.Cmd {
	GinkgoHelper()
	return startChild(setup, "sleep", "30")
}

// skipIfUnsupported skips the spec when err says this inspection is not
// available on this system.
func skipIfUnsupported(err error) {
	if errors.Is(err, procs.ErrUnsupported) {
		Skip(err.Error())
	}
}

// pids extracts the PIDs of infos.
func pids(infos []procs.Info) []int {
	out := make([]int, 0, len(infos))
	for _, i := range infos {
		out = append(out, i.PID)
	}
	return out
}

// ends returns the (local, remote) pair of a TCP connection.
func ends(c net.Conn) (local, remote netip.AddrPort) {
	return c.LocalAddr().(*net.TCPAddr).AddrPort(), c.RemoteAddr().(*net.TCPAddr).AddrPort()
}

// connectedPair listens on network/address, dials the listener (at
// dialHost with the listener's port, or at the listener's own address when
// dialHost is empty) and accepts; everything is closed at cleanup. It
// returns the listener, the server side and the client side.
func connectedPair(network, address, dialHost string) (ln net.Listener, server, client net.Conn) {
	GinkgoHelper()
	ln, err := net.Listen(network, address)
	if err != nil {
		Skip("cannot listen on " + network + " " + address + ": " + err.Error())
	}
	DeferCleanup(func() { _ = ln.Close() })
	target := ln.Addr().String()
	if dialHost != "" {
		target = net.JoinHostPort(dialHost, strconv.Itoa(ln.Addr().(*net.TCPAddr).Port))
	}
	client, err = net.Dial("tcp", target)
	Expect(err).NotTo(HaveOccurred())
	DeferCleanup(func() { _ = client.Close() })
	server, err = ln.Accept()
	Expect(err).NotTo(HaveOccurred())
	DeferCleanup(func() { _ = server.Close() })
	return ln, server, client
}
