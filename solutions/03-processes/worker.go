package processes

import (
	"log"
	"net"
	"os"
)

// WorkerMain turns this process into a worker if the server started it as
// one (WorkerEnv is set): it serves the connection it inherited as file
// descriptor 3 with handle, and exits, so that nothing else of the program
// runs. In any other process it returns at once. Call it first thing in
// main, before anything else.
func WorkerMain() {
	if os.Getenv(WorkerEnv) == "" {
		return
	}
	f := os.NewFile(3, "client connection")
	conn, err := net.FileConn(f) // a duplicate of fd 3 ...
	_ = f.Close()                // ... so fd 3 itself can go
	if err != nil {
		log.Printf("worker %d: fd 3 is not a connection: %v", os.Getpid(), err)
		os.Exit(1)
	}
	if err := handle(conn); err != nil {
		log.Printf("worker %d: client %s: %v", os.Getpid(), conn.RemoteAddr(), err)
	}
	os.Exit(0)
}
