package compare

import (
	"errors"
	"net"
	"os"

	"golang.org/x/sys/unix"
)

// wakeOneAccept returns an Accept that takes a waiting client on the
// listening socket in f if there is one, and otherwise waits in an epoll
// instance of this worker's own where the socket is registered with
// EPOLLEXCLUSIVE: when a client arrives, the kernel wakes one of the
// waiting workers, not all of them. It waits outside Go's poller, blocking
// its thread in epoll_wait.
func wakeOneAccept(f *os.File) (func() (net.Conn, error), error) {
	raw, err := f.SyscallConn()
	if err != nil {
		return nil, err
	}
	listener := -1
	var dupErr error
	if err := raw.Control(func(fd uintptr) { listener, dupErr = unix.FcntlInt(fd, unix.F_DUPFD_CLOEXEC, 0) }); err != nil {
		return nil, err
	}
	if dupErr != nil {
		return nil, os.NewSyscallError("fcntl", dupErr)
	}
	if err := unix.SetNonblock(listener, true); err != nil {
		return nil, os.NewSyscallError("fcntl", err)
	}
	ep, err := unix.EpollCreate1(unix.EPOLL_CLOEXEC)
	if err != nil {
		return nil, os.NewSyscallError("epoll_create1", err)
	}
	ev := unix.EpollEvent{Events: unix.EPOLLIN | unix.EPOLLEXCLUSIVE, Fd: int32(listener)}
	if err := unix.EpollCtl(ep, unix.EPOLL_CTL_ADD, listener, &ev); err != nil {
		return nil, os.NewSyscallError("epoll_ctl", err)
	}
	events := make([]unix.EpollEvent, 1)
	return func() (net.Conn, error) {
		for {
			fd, _, err := unix.Accept4(listener, unix.SOCK_NONBLOCK|unix.SOCK_CLOEXEC)
			if err == nil {
				conn := os.NewFile(uintptr(fd), "client")
				defer conn.Close()
				return net.FileConn(conn)
			}
			if !errors.Is(err, unix.EAGAIN) && !errors.Is(err, unix.ECONNABORTED) && !errors.Is(err, unix.EINTR) {
				return nil, os.NewSyscallError("accept4", err)
			}
			if _, err := unix.EpollWait(ep, events, -1); err != nil && !errors.Is(err, unix.EINTR) {
				return nil, os.NewSyscallError("epoll_wait", err)
			}
		}
	}, nil
}
