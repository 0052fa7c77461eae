//go:build !unix

package harness

import "errors"

// interruptGroup cannot signal a process group here.
func interruptGroup(int) error {
	return errors.New("this system has no process groups to send Ctrl-C (SIGINT) to")
}
