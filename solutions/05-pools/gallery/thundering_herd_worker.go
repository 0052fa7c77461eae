package pools

import (
	"log"
	"net"
	"os"
	"os/signal"
	"runtime"
)

// WorkerMain turns this process into a prefork worker if the supervisor
// started it as one (WorkerEnv is set): it serves clients on the listening
// socket it inherited as file descriptor 3, one after another, for as long
// as it lives, and never returns. In any other process it returns at once.
// Call it first thing in main, before anything else.
func WorkerMain() {
	if os.Getenv(WorkerEnv) != "1" {
		return // not a worker: the program goes on as usual
	}
	// GIVEN: Ctrl-C in a terminal signals every process of the foreground
	// process group, the workers too. A worker ignores it, and leaves its
	// end to the supervisor, which kills it at shutdown.
	signal.Ignore(os.Interrupt)
	runtime.GOMAXPROCS(1) // one client at a time
	f := os.NewFile(3, "listener")
	ln, err := net.FileListener(f) // a duplicate of fd 3 ...
	_ = f.Close()                  // ... so fd 3 itself can go
	if err != nil {
		log.Printf("worker %d: fd 3 is not a listening socket: %v", os.Getpid(), err)
		os.Exit(1)
	}
	for {
		conn, err := ln.Accept()
		if err != nil {
			log.Printf("worker %d: %v", os.Getpid(), err)
			os.Exit(1)
		}
		if err := handle(conn); err != nil { // one client at a time
			log.Printf("worker %d: client %s: %v", os.Getpid(), conn.RemoteAddr(), err)
		}
	}
}
