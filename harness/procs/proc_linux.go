package procs

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"strconv"
	"syscall"
)

// procRoot is where procfs is expected to be mounted.
const procRoot = "/proc"

// Supported returns nil when /proc can be read, and otherwise an error
// wrapping ErrUnsupported that says what is missing.
func Supported() error {
	if _, err := os.Stat(procRoot + "/self/stat"); err != nil {
		return fmt.Errorf("%w on linux: /proc is not mounted (%v)", ErrUnsupported, err)
	}
	if _, err := os.Stat(procRoot + "/net/tcp"); err != nil {
		return fmt.Errorf("%w on linux: /proc/net/tcp is not readable (%v)", ErrUnsupported, err)
	}
	return nil
}

// gone reports whether err means that the process went away (or never
// existed): ENOENT when its /proc directory is gone, ESRCH when it vanished
// while a file was being read.
func gone(err error) bool {
	return errors.Is(err, fs.ErrNotExist) || errors.Is(err, syscall.ESRCH)
}

// procErr decorates an error about pid; errors meaning that the process is
// gone are made to wrap os.ErrNotExist.
func procErr(pid int, err error) error {
	if gone(err) {
		return fmt.Errorf("procs: process %d: %w: %w", pid, os.ErrNotExist, err)
	}
	return fmt.Errorf("procs: process %d: %w", pid, err)
}

// procPath returns /proc/PID/name.
func procPath(pid int, name string) string {
	return procRoot + "/" + strconv.Itoa(pid) + "/" + name
}

// allPIDs lists the processes (not threads) currently present in /proc.
func allPIDs() ([]int, error) {
	dir, err := os.Open(procRoot)
	if err != nil {
		return nil, err
	}
	defer dir.Close()
	names, err := dir.Readdirnames(-1)
	if err != nil {
		return nil, err
	}
	pids := make([]int, 0, len(names))
	for _, name := range names {
		if name == "" || name[0] < '1' || name[0] > '9' {
			continue
		}
		if pid, err := strconv.Atoi(name); err == nil {
			pids = append(pids, pid)
		}
	}
	return pids, nil
}

// checkPID rejects PIDs that cannot name a process.
func checkPID(pid int) error {
	if pid <= 0 {
		return fmt.Errorf("procs: invalid pid %d: %w", pid, os.ErrNotExist)
	}
	return nil
}
