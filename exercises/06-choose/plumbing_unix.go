//go:build unix

package choose

import (
	"fmt"
	"os"
	"syscall"
)

// This file is GIVEN.

// socketPair returns the two ends of a new connected Unix socket: what one
// end writes, the other reads, in both directions. Both are close-on-exec,
// so that only the worker that gets one of them in ExtraFiles inherits it;
// the fork lock keeps another goroutine from starting a process in between.
func socketPair() (ours, theirs *os.File, err error) {
	syscall.ForkLock.RLock()
	fds, err := syscall.Socketpair(syscall.AF_UNIX, syscall.SOCK_STREAM, 0)
	if err == nil {
		syscall.CloseOnExec(fds[0])
		syscall.CloseOnExec(fds[1])
	}
	syscall.ForkLock.RUnlock()
	if err != nil {
		return nil, nil, fmt.Errorf("socketpair: %w", err)
	}
	return os.NewFile(uintptr(fds[0]), "worker connection"), os.NewFile(uintptr(fds[1]), "server connection"), nil
}
