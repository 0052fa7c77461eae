//go:build unix

package compare

import (
	"os"
	"syscall"
)

// lockFile waits until this process holds the lock on f (flock).
func lockFile(f *os.File) error {
	return os.NewSyscallError("flock", syscall.Flock(int(f.Fd()), syscall.LOCK_EX))
}

// unlockFile lets the lock on f go.
func unlockFile(f *os.File) error {
	return os.NewSyscallError("flock", syscall.Flock(int(f.Fd()), syscall.LOCK_UN))
}
