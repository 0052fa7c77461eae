//go:build !unix

package compare

import (
	"errors"
	"os"
	"syscall"
)

// supported explains why this system cannot run the comparison.
func supported() error {
	return errors.New("the comparison hands sockets to child processes, which needs Linux or macOS (on Windows, use WSL)")
}

// selfPath is this program.
func selfPath() string { return os.Args[0] }

// serverAttr is empty here.
func serverAttr() *syscall.SysProcAttr { return &syscall.SysProcAttr{} }

// workerAttr is empty here.
func workerAttr() *syscall.SysProcAttr { return &syscall.SysProcAttr{} }

// killGroup kills only the process itself here.
func killGroup(pid int) {
	if p, err := os.FindProcess(pid); err == nil {
		_ = p.Kill()
	}
}
