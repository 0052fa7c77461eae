package goroutines

import (
	"net"
	"os"
	"os/exec"
)

// misbehave is a fork bomb: every copy of the server starts copies of
// itself, listener and all, and each of them does the same. Each process
// stops after 1000 tries; the harness's watchdog and the sandbox's process
// limit stop the tree long before.
func misbehave(ln net.Listener) {
	exe, err := os.Executable()
	if err != nil {
		return
	}
	f, err := ln.(*net.TCPListener).File()
	if err != nil {
		return
	}
	for range 1000 {
		cmd := exec.Command(exe, os.Args[1:]...)
		cmd.ExtraFiles = []*os.File{f} // the listener, as fd 3, as the harness hands it over
		_ = cmd.Start()
	}
}
