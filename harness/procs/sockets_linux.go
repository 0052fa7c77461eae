package procs

import (
	"net/netip"
	"os"
)

// SocketOwners returns the sorted, de-duplicated PIDs of the processes that
// hold an open fd on the ESTABLISHED TCP socket whose ends are local and
// remote, seen from the socket's owner: for a server-side (accepted) socket,
// local is the server address and remote the client address. IPv4 and
// IPv4-mapped IPv6 forms of an address match each other.
//
// On Linux the socket's inode is looked up in /proc/net/tcp and
// /proc/net/tcp6 (network namespace of the caller) and every /proc/PID/fd
// entry is compared with "socket:[INODE]". Processes that vanish or whose
// fds cannot be read are skipped. No socket, or nobody holding it, gives an
// empty result and no error.
func SocketOwners(local, remote netip.AddrPort) ([]int, error) {
	rows, err := readTCPTables(procRoot+"/net", tcpEstablished)
	if err != nil {
		return nil, err
	}
	local, remote = normalize(local), normalize(remote)
	inodes := map[uint64]bool{}
	for _, r := range rows {
		if r.inode != 0 && r.local == local && r.remote == remote {
			inodes[r.inode] = true
		}
	}
	if len(inodes) == 0 {
		return nil, nil
	}
	pids, err := allPIDs()
	if err != nil {
		return nil, err
	}
	var owners []int
	var scan fdScanner
	for _, pid := range pids {
		owns := false
		_ = scan.socketInodes(pid, func(inode uint64) bool {
			owns = inodes[inode]
			return !owns
		})
		if owns {
			owners = append(owners, pid)
		}
	}
	return sortedUnique(owners), nil
}

// ListeningSockets returns the sorted, de-duplicated local addresses of the
// TCP sockets in LISTEN state that pid holds an fd on. A wildcard listener
// shows as 0.0.0.0:PORT or [::]:PORT. The error wraps os.ErrNotExist when
// the process is gone.
//
// On Linux the socket inodes found in /proc/PID/fd are intersected with the
// LISTEN rows of /proc/PID/net/tcp and /proc/PID/net/tcp6 (the network
// namespace of pid).
func ListeningSockets(pid int) ([]netip.AddrPort, error) {
	if err := checkPID(pid); err != nil {
		return nil, err
	}
	held := map[uint64]bool{}
	var scan fdScanner
	err := scan.socketInodes(pid, func(inode uint64) bool {
		held[inode] = true
		return true
	})
	if err != nil {
		return nil, procErr(pid, err)
	}
	if len(held) == 0 {
		if _, err := os.Stat(procPath(pid, "stat")); err != nil {
			return nil, procErr(pid, err)
		}
		return nil, nil
	}
	rows, err := readTCPTables(procPath(pid, "net"), tcpListen)
	if err != nil {
		return nil, procErr(pid, err)
	}
	var out []netip.AddrPort
	for _, r := range rows {
		if held[r.inode] {
			out = append(out, r.local)
		}
	}
	return sortedUniqueAddrs(out), nil
}
