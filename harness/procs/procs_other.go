//go:build !linux && !darwin

package procs

import (
	"fmt"
	"net/netip"
	"runtime"
	"time"
)

// unsupported is the error every function returns on this system.
func unsupported() error {
	return fmt.Errorf("%w on %s: only linux (procfs) and darwin (ps, lsof) are implemented",
		ErrUnsupported, runtime.GOOS)
}

// Supported returns an error wrapping ErrUnsupported on this system.
func Supported() error { return unsupported() }

// Get returns an error wrapping ErrUnsupported on this system.
func Get(pid int) (Info, error) { return Info{}, unsupported() }

// Children returns an error wrapping ErrUnsupported on this system.
func Children(pid int) ([]Info, error) { return nil, unsupported() }

// Descendants returns an error wrapping ErrUnsupported on this system.
func Descendants(pid int) ([]Info, error) { return nil, unsupported() }

// WithEnv returns an error wrapping ErrUnsupported on this system.
func WithEnv(key, value string) ([]int, error) { return nil, unsupported() }

// SocketOwners returns an error wrapping ErrUnsupported on this system.
func SocketOwners(local, remote netip.AddrPort) ([]int, error) { return nil, unsupported() }

// ListeningSockets returns an error wrapping ErrUnsupported on this system.
func ListeningSockets(pid int) ([]netip.AddrPort, error) { return nil, unsupported() }

// CPUTime returns an error wrapping ErrUnsupported on this system.
func CPUTime(pid int) (self, reapedChildren time.Duration, err error) {
	return 0, 0, unsupported()
}

// MemoryPSS returns an error wrapping ErrUnsupported on this system.
func MemoryPSS(pid int) (int64, error) { return 0, unsupported() }

// MemoryRSS returns an error wrapping ErrUnsupported on this system.
func MemoryRSS(pid int) (int64, error) { return 0, unsupported() }

// OpenFiles returns an error wrapping ErrUnsupported on this system.
func OpenFiles(pid int) (int, error) { return 0, unsupported() }
