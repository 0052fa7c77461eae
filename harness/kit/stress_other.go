//go:build !linux

package kit

import (
	"fmt"
	"runtime"
)

// PinCPUs is not available here: only Linux lets a program restrict itself
// to some CPUs (sched_setaffinity). Run the kit in a VM or container with
// that many CPUs instead.
func PinCPUs(n int) error {
	return fmt.Errorf("running on %d CPU(s) needs Linux's sched_setaffinity; on %s, use a VM or container "+
		"with that many CPUs", n, runtime.GOOS)
}
