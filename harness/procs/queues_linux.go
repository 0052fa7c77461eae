package procs

import (
	"fmt"
	"net/netip"
)

// SocketQueues returns the kernel's queues of the established TCP
// connection whose end is local and whose other end is remote, from
// /proc/net/tcp and tcp6 in the calling process's network namespace. A
// spec reads it to know that a server took what a client sent (Unread 0 at
// the server's end) before it watches how the server answers.
func SocketQueues(local, remote netip.AddrPort) (Queues, error) {
	rows, err := readTCPTables("/proc/net", tcpEstablished)
	if err != nil {
		return Queues{}, err
	}
	local, remote = netip.AddrPortFrom(local.Addr().Unmap(), local.Port()), netip.AddrPortFrom(remote.Addr().Unmap(), remote.Port())
	for _, r := range rows {
		if r.local == local && r.remote == remote {
			return Queues{Unacked: r.tx, Unread: r.rx}, nil
		}
	}
	return Queues{}, fmt.Errorf("procs: no established connection from %s to %s", local, remote)
}
