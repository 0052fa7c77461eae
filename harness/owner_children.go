package harness

import (
	"fmt"
	"os"
	"strings"
	"time"

	"github.com/onsi/ginkgo/v2"
	. "github.com/onsi/ginkgo/v2" //nolint:revive // the harness is ginkgo-native

	"github.com/threadproc/threadproc/harness/internal/proc"
	"github.com/threadproc/threadproc/harness/procs"
)

// ExpectNoZombies waits (up to a few seconds) until none of the server's
// child processes is a zombie (a process that has exited but that its parent
// has not waited for), and fails the spec otherwise, listing them. Hints are
// added to the failure message. Where processes cannot be inspected it skips
// the spec.
func (s *Server) ExpectNoZombies(hints ...string) {
	GinkgoHelper()
	skipUnlessProcsSupported("the server's child processes")
	var zombies []procs.Info
	if pollFor(ownerWait, func() bool {
		zombies = nil
		children, err := procs.Children(s.PID)
		for _, c := range children {
			if c.Zombie() {
				zombies = append(zombies, c)
			}
		}
		return err == nil && len(zombies) == 0
	}) {
		return
	}
	problem{who: fmt.Sprintf("the server (pid %d)", s.PID), did: "was looked at from outside: its child processes",
		expected: fmt.Sprintf("no zombie among them within %v", ownerWait),
		got: fmt.Sprintf("%d zombie(s): %s. A zombie is a process that has exited but is still in the process "+
			"table, because its parent has not waited for it (reaped it) yet", len(zombies), listInfos(zombies)),
		hints: hints, server: s}.fail()
}

// ExpectNoProcessesLeft waits (up to a few seconds) until no process that
// inherited the server's [Server.Tag] is running any more: not the server,
// not any process it started, wherever it now is in the process tree (an
// orphan is adopted by init). It fails the spec otherwise, listing them.
// Hints are added to the failure message.
//
// It needs to read other processes' environments (Linux): elsewhere it
// checks nothing and returns false, so the spec can say so; it returns true
// when it checked.
func (s *Server) ExpectNoProcessesLeft(hints ...string) bool {
	GinkgoHelper()
	if _, err := procs.WithEnv(envRun, s.Tag); err != nil {
		return false
	}
	var left []procs.Info
	if pollFor(ownerWait, func() bool {
		left = nil
		pids, err := procs.WithEnv(envRun, s.Tag)
		for _, pid := range pids {
			if info, err := procs.Get(pid); err == nil && !info.Zombie() {
				left = append(left, info)
			}
		}
		return err == nil && len(left) == 0
	}) {
		return true
	}
	var orphans int
	for _, p := range left {
		if p.PPID != s.PID && p.PID != s.PID {
			orphans++
		}
	}
	got := fmt.Sprintf("%d process(es) of this server still running: %s", len(left), listInfos(left))
	if orphans > 0 && s.Exited() {
		got += fmt.Sprintf(". The server's process has ended, so %d of them are orphans, adopted by another "+
			"process, and still serving", orphans)
	}
	problem{who: fmt.Sprintf("the server (pid %d) and its processes", s.PID),
		did:      "were looked for from outside, by the tag they all inherited",
		expected: fmt.Sprintf("none of them running within %v", ownerWait),
		got:      got, hints: hints, server: s}.fail()
	return true
}

// KillServerProcess kills the server's own process with SIGKILL, as a crash
// or the kernel's out-of-memory killer would: not its process group, not the
// processes it started. It waits (bounded) for the process to be reaped.
// The spec's cleanup still kills everything the server started.
func (s *Server) KillServerProcess() {
	GinkgoHelper()
	s.mu.Lock()
	s.stopping = true
	s.mu.Unlock()
	if err := s.proc.Signal(os.Kill); err != nil && !s.Exited() {
		ginkgo.Fail(fmt.Sprintf("the harness could not kill the server's process %d: %v", s.PID, err))
	}
	select {
	case <-s.proc.Exited():
	case <-time.After(proc.KillWait):
		ginkgo.Fail(fmt.Sprintf("the server's process %d did not end within %v of SIGKILL", s.PID, proc.KillWait))
	}
}

// listInfos lists processes for a message: "1234 (name, parent 1, state S)".
func listInfos(infos []procs.Info) string {
	var parts []string
	for _, p := range infos {
		parts = append(parts, fmt.Sprintf("%d (%s, parent %d, state %c)", p.PID, p.Comm, p.PPID, p.State))
	}
	return strings.Join(parts, ", ")
}
