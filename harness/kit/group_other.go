//go:build !unix

package kit

import "os/exec"

// setGroup has no process groups to use outside Unix: the context kills the
// suite's own process only.
func setGroup(cmd *exec.Cmd) {}
