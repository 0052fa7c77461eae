//go:build unix

package kit

import (
	"os/exec"
	"syscall"
)

// setGroup runs cmd in its own process group and kills the whole group when
// cmd's context ends, so that nothing a suite started outlives it.
func setGroup(cmd *exec.Cmd) {
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	cmd.Cancel = func() error { return syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL) }
}
