package pools

import (
	"errors"
	"log"
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
	// One client at a time needs one thread running Go code. And a worker
	// that waits in the kernel (wait, below) with one P hands it back at
	// once, instead of having the runtime check on it every few
	// microseconds (task 6).
	runtime.GOMAXPROCS(1)
	f := os.NewFile(3, "listener")
	clients, err := newWakeOne(f) // descriptors of its own ...
	_ = f.Close()                 // ... so fd 3 itself can go
	if err != nil {
		log.Printf("worker %d: fd 3 is not a listening socket: %v", os.Getpid(), err)
		os.Exit(1)
	}
	for {
		conn, err := clients.accept() // a client already waiting, if there is one
		if errors.Is(err, errNoClient) {
			err = clients.wait() // the kernel wakes one idle worker per client
			if err == nil {
				continue
			}
		}
		if err != nil {
			log.Printf("worker %d: %v", os.Getpid(), err)
			os.Exit(1)
		}
		if err := handle(conn); err != nil { // one client at a time
			log.Printf("worker %d: client %s: %v", os.Getpid(), conn.RemoteAddr(), err)
		}
	}
}
