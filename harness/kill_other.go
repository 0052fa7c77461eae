//go:build !unix

package harness

import "os"

// killGroup kills the process itself: there are no process groups here.
func killGroup(pid int) {
	if p, err := os.FindProcess(pid); err == nil {
		_ = p.Kill()
	}
}
