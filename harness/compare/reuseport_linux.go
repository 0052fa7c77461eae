package compare

import (
	"context"
	"net"
	"os"
	"syscall"

	"golang.org/x/sys/unix"
)

// shareThePort sets SO_REUSEPORT on a listening socket that was bound
// without it, so that other sockets with the option can join its port. (The
// kernel checks the option of the sockets already on the port when another
// one binds; sockets usually set it before they bind, as nginx does.)
func shareThePort(ln *net.TCPListener) error {
	raw, err := ln.SyscallConn()
	if err != nil {
		return err
	}
	var serr error
	if err := raw.Control(func(fd uintptr) { serr = unix.SetsockoptInt(int(fd), unix.SOL_SOCKET, unix.SO_REUSEPORT, 1) }); err != nil {
		return err
	}
	return os.NewSyscallError("setsockopt", serr)
}

// ownListener returns the Accept of worker i's own listening socket:
// worker 0 keeps the socket the server was handed (f), every other worker
// opens one on the same port with SO_REUSEPORT. The kernel then picks the
// socket of each new client by a hash of its address and port, busy worker
// or not.
func ownListener(f *os.File, i int) (func() (net.Conn, error), error) {
	handed, err := net.FileListener(f)
	if err != nil || i == 0 {
		if err != nil {
			return nil, err
		}
		return handed.Accept, nil
	}
	addr := handed.Addr().String()
	_ = handed.Close()
	lc := net.ListenConfig{Control: func(network, address string, c syscall.RawConn) error {
		var serr error
		if err := c.Control(func(fd uintptr) { serr = unix.SetsockoptInt(int(fd), unix.SOL_SOCKET, unix.SO_REUSEPORT, 1) }); err != nil {
			return err
		}
		return serr
	}}
	ln, err := lc.Listen(context.Background(), "tcp", addr)
	if err != nil {
		return nil, err
	}
	return ln.Accept, nil
}
