//go:build !unix

package proc

import (
	"errors"
	"os"
	"syscall"
)

// errNoUnix says what this system lacks.
var errNoUnix = errors.New("handing files to a child process and process groups need Linux or macOS (on Windows, use WSL)")

// sysProcAttr has nothing to add outside Unix.
func sysProcAttr(bool) *syscall.SysProcAttr { return nil }

// killGroup kills the process itself: there are no process groups here.
func killGroup(pid int) {
	if p, err := os.FindProcess(pid); err == nil {
		_ = p.Kill()
	}
}

// withFileLimit is never called here (see supports).
func withFileLimit(path string, args []string, _ int) (string, []string) { return path, args }

// supports reports whether this system can start a process as o asks.
func supports(o Options) error {
	if len(o.Files) > 0 || o.FileLimit > 0 {
		return errNoUnix
	}
	return nil
}

// Supported reports whether this system can start processes in groups of
// their own and hand them files: not outside Unix.
func Supported() error { return errNoUnix }
