package kit

import (
	"fmt"
	"os"
	"runtime"
	"strconv"
	"syscall"

	"golang.org/x/sys/unix"
)

// pinnedKey marks a kit process that already runs on the CPUs it was asked
// to use.
const pinnedKey = "THREADPROC_CPUS_PINNED"

// PinCPUs makes this kit command, and everything it starts, run on n CPUs
// only, as if the machine had n: it restricts the calling thread to the
// first n CPUs it may use and re-executes the kit from that thread, so that
// every thread of the new program, and every process it starts, inherits
// the restriction (Go reads it at start: runtime.NumCPU() is then n). It
// returns only on error, or at once when this process is already pinned.
func PinCPUs(n int) error {
	if os.Getenv(pinnedKey) == strconv.Itoa(n) {
		return nil
	}
	runtime.LockOSThread()
	var have unix.CPUSet
	if err := unix.SchedGetaffinity(0, &have); err != nil {
		return fmt.Errorf("reading this process's CPUs: %w", err)
	}
	if have.Count() < n {
		return fmt.Errorf("asked for %d CPUs, but this process may use only %d", n, have.Count())
	}
	var set unix.CPUSet
	for cpu := 0; set.Count() < n && cpu < 1024; cpu++ {
		if have.IsSet(cpu) {
			set.Set(cpu)
		}
	}
	if err := unix.SchedSetaffinity(0, &set); err != nil {
		return fmt.Errorf("restricting the kit to %d CPU(s): %w", n, err)
	}
	exe, err := os.Executable()
	if err != nil {
		return err
	}
	return syscall.Exec(exe, os.Args, append(os.Environ(), pinnedKey+"="+strconv.Itoa(n)))
}
