package pools

import (
	"errors"
	"net"
	"os"
	"syscall"
)

// This file is GIVEN (see wakeone.go).

// epollExclusive is EPOLLEXCLUSIVE, which package syscall does not name.
const epollExclusive = 1 << 28

// wakeOne waits for clients on a listening socket so that the kernel wakes
// one waiting worker per client, not every worker.
type wakeOne struct {
	listener int // this worker's own descriptor of the listening socket
	epoll    int // this worker's epoll instance, watching listener alone
	events   []syscall.EpollEvent
}

// newWakeOne prepares a worker to wait for clients on the listening socket
// in listener. It makes descriptors of its own: the caller closes listener
// afterwards.
func newWakeOne(listener *os.File) (*wakeOne, error) {
	raw, err := listener.SyscallConn() // not Fd(), which would make the socket blocking
	if err != nil {
		return nil, err
	}
	w := &wakeOne{listener: -1, epoll: -1, events: make([]syscall.EpollEvent, 1)}
	var dupErr error
	if err := raw.Control(func(fd uintptr) { w.listener, dupErr = dupCloseOnExec(int(fd)) }); err != nil {
		return nil, err
	}
	if dupErr != nil {
		return nil, os.NewSyscallError("fcntl", dupErr)
	}
	// accept must never block: another worker may take the client between
	// wait and accept. (The flag belongs to the socket, shared by every
	// worker; Go sets it too.)
	if err := syscall.SetNonblock(w.listener, true); err != nil {
		w.close()
		return nil, os.NewSyscallError("fcntl", err)
	}
	if w.epoll, err = syscall.EpollCreate1(syscall.EPOLL_CLOEXEC); err != nil {
		w.close()
		return nil, os.NewSyscallError("epoll_create1", err)
	}
	ev := syscall.EpollEvent{Events: syscall.EPOLLIN | epollExclusive, Fd: int32(w.listener)}
	if err := syscall.EpollCtl(w.epoll, syscall.EPOLL_CTL_ADD, w.listener, &ev); err != nil {
		w.close()
		return nil, os.NewSyscallError("epoll_ctl", err)
	}
	return w, nil
}

// dupCloseOnExec duplicates fd, closed on exec.
func dupCloseOnExec(fd int) (int, error) {
	r, _, errno := syscall.Syscall(syscall.SYS_FCNTL, uintptr(fd), syscall.F_DUPFD_CLOEXEC, 0)
	if errno != 0 {
		return -1, errno
	}
	return int(r), nil
}

// wait blocks until a client may be waiting on the listening socket and the
// kernel woke this worker for it. It blocks the whole thread in the kernel
// (epoll_wait), outside Go's poller.
func (w *wakeOne) wait() error {
	for {
		n, err := syscall.EpollWait(w.epoll, w.events, -1)
		if errors.Is(err, syscall.EINTR) {
			continue // a signal (the Go runtime sends some): wait again
		}
		if err != nil {
			return os.NewSyscallError("epoll_wait", err)
		}
		if n > 0 {
			return nil
		}
	}
}

// accept takes a client waiting on the listening socket, without waiting
// for one: it returns errNoClient when there is none (another worker was
// faster).
func (w *wakeOne) accept() (net.Conn, error) {
	fd, _, err := syscall.Accept4(w.listener, syscall.SOCK_NONBLOCK|syscall.SOCK_CLOEXEC)
	if errors.Is(err, syscall.EAGAIN) || errors.Is(err, syscall.ECONNABORTED) || errors.Is(err, syscall.EINTR) {
		return nil, errNoClient
	}
	if err != nil {
		return nil, os.NewSyscallError("accept4", err)
	}
	f := os.NewFile(uintptr(fd), "client")
	defer f.Close()        // net.FileConn keeps a duplicate
	return net.FileConn(f) // handed to Go's poller, like any connection
}

// close releases the worker's descriptors.
func (w *wakeOne) close() {
	for _, fd := range []int{w.epoll, w.listener} {
		if fd >= 0 {
			_ = syscall.Close(fd)
		}
	}
}
