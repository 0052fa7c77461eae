package harness

import (
	"time"

	. "github.com/onsi/ginkgo/v2" //nolint:revive // the harness is ginkgo-native

	"github.com/threadproc/threadproc/harness/internal/words"
	"github.com/threadproc/threadproc/harness/procs"
)

// Deliver writes data and waits until the other side has read all of it
// from its socket, as the kernel tells (Linux: nothing unacknowledged at
// this end, nothing unread at the other, from /proc/net/tcp). Use it before
// [Client.ExpectOpen] when the spec checks what the other side does with
// part of a message: on a busy machine a reader that was not scheduled in
// time would find the part and the rest in one read, and a server that
// answers every read would pass. Where the queues cannot be read (macOS, or
// a connection that is no longer established) it returns once data is
// written, and the spec watches as it would after [Client.Send]. The other
// side leaving data unread past a read's deadline fails the spec.
func (c *Client) Deliver(data string) {
	GinkgoHelper()
	c.Send(data)
	local, remote := addrPortOf(c.conn.LocalAddr()), addrPortOf(c.conn.RemoteAddr())
	wait := ioTimeout()
	deadline := time.Now().Add(wait)
	for {
		mine, err := procs.SocketQueues(local, remote)
		if err != nil {
			return
		}
		theirs, err := procs.SocketQueues(remote, local)
		if err != nil {
			return
		}
		if mine.Unacked == 0 && theirs.Unread == 0 {
			return
		}
		if time.Now().After(deadline) {
			c.problem(words.Say("deliver.did", quote([]byte(data))), words.Say("deliver.expected"),
				words.Say("deliver.got", theirs.Unread+mine.Unacked, wait.String())).fail()
		}
		time.Sleep(time.Millisecond) // a bounded poll of the kernel's queues
	}
}
