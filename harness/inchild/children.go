package inchild

import (
	"fmt"
	"os"
	"strings"

	"github.com/threadproc/threadproc/harness/procs"
)

// ChildrenLeft returns the IDs of the child processes of this process that
// are still running, and of those that have ended but were not reaped
// (zombies). A server's process calls it after Serve returns, from
// harness.Program.AfterServe, to check that no worker outlives Serve. Where
// package procs cannot look (see procs.Supported) it finds nothing.
func ChildrenLeft() (running, zombies []int) {
	if procs.Supported() != nil {
		return nil, nil
	}
	children, err := procs.Children(os.Getpid())
	if err != nil {
		return nil, nil
	}
	for _, c := range children {
		if c.Zombie() {
			zombies = append(zombies, c.PID)
		} else {
			running = append(running, c.PID)
		}
	}
	return running, zombies
}

// PIDList formats process IDs as "12, 34".
func PIDList(pids []int) string {
	s := make([]string, len(pids))
	for i, pid := range pids {
		s[i] = fmt.Sprint(pid)
	}
	return strings.Join(s, ", ")
}
