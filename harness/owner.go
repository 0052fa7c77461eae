package harness

import (
	"net"
	"net/netip"
	"strings"
	"time"

	"github.com/onsi/ginkgo/v2"
	. "github.com/onsi/ginkgo/v2" //nolint:revive // the harness is ginkgo-native

	"github.com/threadproc/threadproc/harness/internal/words"
	"github.com/threadproc/threadproc/harness/procs"
)

// Bounds of the process look-ups below. Right after a hand-off, a
// connection can be held by no process yet, or by both the server and its
// child for a moment: the assertions ask again until the picture settles.
const (
	// ownerWait bounds waiting for a connection to have its one owner, and
	// for exited processes to be reaped or killed.
	ownerWait = 5 * time.Second
	// ownerPoll is how often the process table is read while waiting.
	ownerPoll = 25 * time.Millisecond
)

// skipUnlessProcsSupported skips the running spec, with the reason, where
// processes cannot be inspected from outside.
// what is the catalog key of what the spec checks.
func skipUnlessProcsSupported(what string) {
	GinkgoHelper()
	if err := procs.Supported(); err != nil {
		ginkgo.Skip(words.Say("procs.skip", words.Say(what), err))
	}
}

// ExpectOwnedByChild looks from outside at which processes hold the server's
// side of c's connection, and returns the PID of the one that does. It waits
// (up to a few seconds) for exactly one process to hold it, and fails the
// spec unless that process is a direct child of the server, not the server
// itself: a connection served by a goroutine of the server, or one that the
// server keeps a copy of after handing it to a child, fails with a message
// that says so. Hints are added to the failure message.
//
// Call it after the client has had at least one reply, so that the server
// has accepted the connection. Where processes cannot be inspected (see
// [procs.Supported]) it skips the spec with the reason.
func (s *Server) ExpectOwnedByChild(c *Client, hints ...string) int {
	GinkgoHelper()
	skipUnlessProcsSupported("procs.what.owner")
	local, remote := addrPortOf(c.conn.RemoteAddr()), addrPortOf(c.conn.LocalAddr())
	var owners []int
	var lookErr error
	settled := pollFor(ownerWait, func() bool {
		owners, lookErr = procs.SocketOwners(local, remote)
		return lookErr == nil && len(owners) == 1 && s.isChild(owners[0])
	})
	if settled {
		return owners[0]
	}
	got := s.describeOwners(owners)
	if lookErr != nil {
		got = words.Say("owned.no-look", lookErr.Error())
	}
	c.problem(words.Say("owned.did", remote, local), words.Say("owned.expected", s.PID, ownerWait),
		got, hints...).fail()
	return 0
}

// describeOwners says, in a learner's words, who holds a connection.
func (s *Server) describeOwners(owners []int) string {
	var children []string
	server := false
	for _, pid := range owners {
		if pid == s.PID {
			server = true
		} else {
			children = append(children, s.describePID(pid))
		}
	}
	switch {
	case len(owners) == 0:
		return words.Say("owners.none")
	case server && len(children) == 0:
		return words.Say("owners.server", s.PID)
	case server:
		return words.Say("owners.both", s.PID, words.JoinAnd(children))
	case len(children) > 1:
		return words.Say("owners.several", words.JoinAnd(children))
	default:
		return children[0]
	}
}

// describePID names a process relative to the server.
func (s *Server) describePID(pid int) string {
	info, err := procs.Get(pid)
	switch {
	case err != nil:
		return words.Say("pid.gone", pid)
	case info.PPID == s.PID:
		return words.Say("pid.child", pid, info.Comm)
	default:
		return words.Say("pid.other", pid, info.Comm, info.PPID)
	}
}

// isChild reports whether pid is a direct child of the server's process.
func (s *Server) isChild(pid int) bool {
	info, err := procs.Get(pid)
	return err == nil && pid != s.PID && info.PPID == s.PID
}

// ExpectNoListener fails the spec if process pid holds a listening TCP
// socket, such as the server's own listener: a child process that serves one
// connection has no business holding it (it keeps the port open after the
// server closes it, and could accept clients itself). Hints are added to the
// failure message. Where processes cannot be inspected it skips the spec.
func (s *Server) ExpectNoListener(pid int, hints ...string) {
	GinkgoHelper()
	skipUnlessProcsSupported("procs.what.sockets")
	listening, err := procs.ListeningSockets(pid)
	if err != nil {
		ginkgo.Fail(words.Say("listener.no-read", pid, err))
	}
	if len(listening) == 0 {
		return
	}
	var addrs []string
	for _, a := range listening {
		what := a.String()
		if a.String() == s.Addr {
			what = words.Say("listener.own", what)
		}
		addrs = append(addrs, what)
	}
	problem{who: s.describePID(pid), did: words.Say("listener.did"),
		expected: words.Say("listener.expected"),
		got:      words.Say("listener.got", strings.Join(addrs, ", ")),
		hints:    hints, server: s}.fail()
}

// addrPortOf converts a TCP address.
func addrPortOf(a net.Addr) netip.AddrPort {
	if t, ok := a.(*net.TCPAddr); ok {
		return t.AddrPort()
	}
	ap, _ := netip.ParseAddrPort(a.String())
	return ap
}

// pollFor calls ok until it returns true, at most for d, every ownerPoll, and
// reports whether it did.
func pollFor(d time.Duration, ok func() bool) bool {
	deadline := time.NewTimer(d)
	defer deadline.Stop()
	tick := time.NewTicker(ownerPoll)
	defer tick.Stop()
	for {
		if ok() {
			return true
		}
		select {
		case <-deadline.C:
			return ok()
		case <-tick.C:
		}
	}
}
