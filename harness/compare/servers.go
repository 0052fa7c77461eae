package compare

import (
	"fmt"
	"net"
	"os"

	"github.com/threadproc/threadproc/harness/internal/proc"
)

// serve runs the reference server kind on ln until its process is killed.
func serve(kind Kind, ln net.Listener) error {
	switch kind {
	case Goroutines:
		return serveGoroutines(ln)
	case Processes:
		return serveProcesses(ln)
	case GoroutinePool:
		return serveGoroutinePool(ln)
	case PreforkPool:
		return servePrefork(ln)
	}
	return fmt.Errorf("no reference server called %q", kind)
}

// serveGoroutines serves every connection on a goroutine of its own.
func serveGoroutines(ln net.Listener) error {
	for {
		conn, err := ln.Accept()
		if err != nil {
			return err
		}
		go handle(conn)
	}
}

// serveProcesses serves every connection in a process of its own: this
// program again, with the connection as its fd 3.
func serveProcesses(ln net.Listener) error {
	for {
		conn, err := ln.Accept()
		if err != nil {
			return err
		}
		f, err := conn.(*net.TCPConn).File()
		_ = conn.Close() // the worker gets its own copy
		if err != nil {
			continue
		}
		_, _ = spawn(roleConnWorker, f) // the layer reaps it: no zombie
		_ = f.Close()
	}
}

// queueLength is how many accepted connections the goroutine pool lets wait
// for a free goroutine.
const queueLength = 4096

// serveGoroutinePool serves connections on PoolSize goroutines, each one
// connection at a time; accepted connections wait in a queue.
func serveGoroutinePool(ln net.Listener) error {
	queue := make(chan net.Conn, queueLength)
	for range PoolSize {
		go func() {
			for conn := range queue {
				handle(conn)
			}
		}()
	}
	for {
		conn, err := ln.Accept()
		if err != nil {
			return err
		}
		queue <- conn
	}
}

// servePrefork starts PoolSize worker processes that accept on the listener
// themselves, one connection at a time, and replaces any that dies.
func servePrefork(ln net.Listener) error {
	f, err := ln.(*net.TCPListener).File()
	if err != nil {
		return err
	}
	defer f.Close()
	died := make(chan struct{}, PoolSize)
	start := func() error {
		w, err := spawn(rolePreforkWorker, f)
		if err != nil {
			return err
		}
		go func() {
			<-w.Exited()
			died <- struct{}{}
		}()
		return nil
	}
	for range PoolSize {
		if err := start(); err != nil {
			return err
		}
	}
	for range died { // a worker ended (a crash): start another in its place
		if err := start(); err != nil {
			return err
		}
	}
	return nil
}

// spawn starts this program again in role, with file as its fd 3 and this
// process's environment, stdout and stderr. The worker stays in this
// process's group, and (on Linux) dies with it.
func spawn(role string, file *os.File) (*proc.Process, error) {
	return proc.Start(proc.Self(), []string{"compare-" + role}, proc.Options{Env: []string{roleEnv + "=" + role},
		Files: []*os.File{file}, Output: os.Stdout, Stderr: os.Stderr, SameGroup: true})
}
