package procs

import (
	"fmt"
	"net/netip"
	"strconv"
	"strings"
)

// lsofFile is one open file from `lsof -F ptn` output.
type lsofFile struct {
	pid  int
	typ  string // "IPv4" or "IPv6"
	name string // e.g. "127.0.0.1:80->127.0.0.1:5000" or "*:80"
}

// parseLsof parses lsof field output: a 'p' line starts a process, an 'f'
// line starts a file, 't' and 'n' lines describe it ('n' comes last).
func parseLsof(out string) []lsofFile {
	var files []lsofFile
	var cur lsofFile
	for line := range strings.Lines(out) {
		line = strings.TrimRight(line, "\r\n")
		if line == "" {
			continue
		}
		switch val := line[1:]; line[0] {
		case 'p':
			pid, err := strconv.Atoi(val)
			if err != nil {
				pid = 0
			}
			cur = lsofFile{pid: pid}
		case 'f':
			cur = lsofFile{pid: cur.pid}
		case 't':
			cur.typ = val
		case 'n':
			cur.name = val
			if cur.pid > 0 {
				files = append(files, cur)
			}
		}
	}
	return files
}

// parseLsofEnd parses one socket end as lsof prints it with -nP:
// "1.2.3.4:80", "[::1]:80", or "*:80" (wildcard; typ picks the family).
func parseLsofEnd(s, typ string) (netip.AddrPort, error) {
	if port, ok := strings.CutPrefix(s, "*:"); ok {
		p, err := strconv.ParseUint(port, 10, 16)
		if err != nil {
			return netip.AddrPort{}, fmt.Errorf("procs: malformed lsof address %q", s)
		}
		addr := netip.IPv4Unspecified()
		if typ == "IPv6" {
			addr = netip.IPv6Unspecified()
		}
		return netip.AddrPortFrom(addr, uint16(p)), nil
	}
	ap, err := netip.ParseAddrPort(s)
	if err != nil {
		return netip.AddrPort{}, fmt.Errorf("procs: malformed lsof address %q", s)
	}
	return normalize(ap), nil
}

// SocketOwners returns the sorted, de-duplicated PIDs of the processes that
// hold an open fd on the ESTABLISHED TCP socket whose ends are local and
// remote, seen from the socket's owner (for an accepted socket: local is the
// server, remote the client).
//
// On darwin it runs `lsof -nP -w -iTCP:PORT -sTCP:ESTABLISHED -Fpftn` for
// the local port and keeps the files whose name is exactly local->remote.
// lsof only sees the processes the caller may inspect.
func SocketOwners(local, remote netip.AddrPort) ([]int, error) {
	out, err := run("lsof", "-nP", "-w", "-iTCP:"+strconv.Itoa(int(local.Port())),
		"-sTCP:ESTABLISHED", "-Fpftn")
	if err != nil {
		return nil, err
	}
	var owners []int
	for _, f := range parseLsof(string(out)) {
		l, r, ok := strings.Cut(f.name, "->")
		if !ok {
			continue
		}
		la, err1 := parseLsofEnd(l, f.typ)
		ra, err2 := parseLsofEnd(r, f.typ)
		if err1 == nil && err2 == nil && sameEnd(la, local) && sameEnd(ra, remote) {
			owners = append(owners, f.pid)
		}
	}
	return sortedUnique(owners), nil
}

// ListeningSockets returns the sorted, de-duplicated local addresses of the
// TCP sockets in LISTEN state that pid holds an fd on. A wildcard listener
// shows as 0.0.0.0:PORT or [::]:PORT. The error wraps os.ErrNotExist when
// the process is gone.
//
// On darwin it runs `lsof -nP -w -a -p PID -iTCP -sTCP:LISTEN -Fpftn`.
func ListeningSockets(pid int) ([]netip.AddrPort, error) {
	if _, err := Get(pid); err != nil {
		return nil, err
	}
	out, err := run("lsof", "-nP", "-w", "-a", "-p", strconv.Itoa(pid), "-iTCP",
		"-sTCP:LISTEN", "-Fpftn")
	if err != nil {
		return nil, err
	}
	var addrs []netip.AddrPort
	for _, f := range parseLsof(string(out)) {
		if f.pid != pid || strings.Contains(f.name, "->") {
			continue
		}
		if ap, err := parseLsofEnd(f.name, f.typ); err == nil {
			addrs = append(addrs, ap)
		}
	}
	return sortedUniqueAddrs(addrs), nil
}
