package procs

import (
	"fmt"
	"os"
	"strconv"
	"strings"
)

// MemoryPSS returns, on darwin, the RSS of pid in bytes: macOS has no
// proportional set size, so memory shared between a server and its forked
// children is counted once per process. The error wraps os.ErrNotExist when
// the process is gone.
func MemoryPSS(pid int) (int64, error) { return MemoryRSS(pid) }

// MemoryRSS returns the resident set size of pid in bytes, from
// `ps -o rss= -p PID` (which reports KiB). The error wraps os.ErrNotExist
// when the process is gone.
func MemoryRSS(pid int) (int64, error) {
	if pid <= 0 {
		return 0, fmt.Errorf("procs: invalid pid %d: %w", pid, os.ErrNotExist)
	}
	out, err := run("ps", "-o", "rss=", "-p", strconv.Itoa(pid))
	if err != nil {
		return 0, err
	}
	s := strings.TrimSpace(string(out))
	if s == "" {
		return 0, fmt.Errorf("procs: process %d: %w", pid, os.ErrNotExist)
	}
	kb, err := strconv.ParseInt(s, 10, 64)
	if err != nil {
		return 0, fmt.Errorf("procs: malformed ps rss %q", s)
	}
	return kb * 1024, nil
}
