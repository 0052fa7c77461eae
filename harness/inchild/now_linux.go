//go:build linux

package inchild

import (
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"golang.org/x/sys/unix"
)

// unreapedNow reports, in one system call, whether this process has a child
// that has not been reaped: one still running, or one that has ended and
// waits for its parent (a zombie). waitid with WNOHANG answers at once, and
// with WNOWAIT it reaps nothing. It runs the moment Serve returns, in the
// same goroutine: a worker killed but not waited for is reaped by its reaper
// goroutine a moment later, and a later look (a scan of /proc takes
// milliseconds) would miss it. ok is false when the call failed.
func unreapedNow() (unreaped, ok bool) {
	for range 3 {
		var info unix.Siginfo
		err := unix.Waitid(unix.P_ALL, 0, &info, unix.WEXITED|unix.WNOHANG|unix.WNOWAIT, nil)
		switch {
		case errors.Is(err, unix.EINTR):
			continue
		case errors.Is(err, unix.ECHILD):
			return false, true // no child at all: every worker has been reaped
		case err != nil:
			return false, false
		}
		// A zombie fills info in (SIGCHLD); children that all still run
		// leave it zeroed.
		return true, true
	}
	return false, false
}

// childrenNow lists this process's children with /proc/self/task/*/children
// (a few small reads, where a scan of /proc reads every process), and their
// states. ok is false where those files do not exist.
func childrenNow() (running, zombies []int, ok bool) {
	files, err := filepath.Glob("/proc/self/task/*/children")
	if err != nil || len(files) == 0 {
		return nil, nil, false
	}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			continue // a thread that ended meanwhile
		}
		for _, field := range strings.Fields(string(b)) {
			pid, err := strconv.Atoi(field)
			if err != nil {
				continue
			}
			stat, err := os.ReadFile("/proc/" + field + "/stat")
			if err != nil {
				continue // reaped meanwhile
			}
			// The state follows the command name, which is in parentheses.
			if i := strings.LastIndexByte(string(stat), ')'); i >= 0 && i+2 < len(stat) && stat[i+2] == 'Z' {
				zombies = append(zombies, pid)
			} else {
				running = append(running, pid)
			}
		}
	}
	return running, zombies, true
}
