package compare

import (
	"fmt"
	"net"
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
	}
	if cure, k, ok := kind.prefork(); ok {
		return servePrefork(ln, cure, k)
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
		cmd, err := spawn(roleConnWorker, f)
		_ = f.Close()
		if err == nil {
			go func() { <-cmd.Exited() }() // reap it: no zombie
		}
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
