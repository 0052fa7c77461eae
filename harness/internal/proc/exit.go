package proc

import (
	"fmt"
	"syscall"
)

// Exit is how a process ended.
type Exit struct {
	// Running is true while the process has not ended.
	Running bool
	// Code is its exit status; -1 while it runs, or when a signal ended it.
	Code int
	// Signal is the signal that ended it, or 0.
	Signal syscall.Signal
	// Err is what waiting for it returned (an *exec.ExitError for a
	// status other than 0).
	Err error
}

// String says how the process ended, as "exit status 2" or "signal: killed".
func (e Exit) String() string {
	switch {
	case e.Running:
		return "still running"
	case e.Signal != 0:
		return "signal: " + e.Signal.String()
	case e.Code >= 0:
		return fmt.Sprintf("exit status %d", e.Code)
	case e.Err != nil:
		return e.Err.Error()
	}
	return "ended"
}

// Success reports whether the process exited with status 0.
func (e Exit) Success() bool { return !e.Running && e.Code == 0 }
