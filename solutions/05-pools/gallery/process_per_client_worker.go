package pools

import (
	"log"
	"net"
	"os"
)

// WorkerMain, exercise 03's way: fd 3 is one client's connection; serve it
// and exit.
func WorkerMain() {
	if os.Getenv(WorkerEnv) != "1" {
		return
	}
	f := os.NewFile(3, "client")
	conn, err := net.FileConn(f)
	_ = f.Close()
	if err != nil {
		log.Print(err)
		os.Exit(1)
	}
	if err := handle(conn); err != nil {
		log.Print(err)
	}
	os.Exit(0)
}
