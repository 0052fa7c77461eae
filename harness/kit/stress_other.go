//go:build !linux

package kit

import (
	"fmt"
	"os/exec"
	"runtime"
)

// setBurnerAttrs has nothing to add here: a busy loop notices by itself
// when the kit is gone.
func setBurnerAttrs(*exec.Cmd) {}

// PinCPUs is not available here: only Linux lets a program restrict itself
// to some CPUs (sched_setaffinity). Run the kit in a VM or container with
// that many CPUs instead.
func PinCPUs(n int) error {
	return fmt.Errorf("running on %d CPU(s) needs Linux's sched_setaffinity; on %s, use a VM or container "+
		"with that many CPUs", n, runtime.GOOS)
}
