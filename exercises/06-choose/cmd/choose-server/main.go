// Command choose-server runs exercise 06's server, for trying it by hand:
//
//	go run ./exercises/06-choose/cmd/choose-server   # then, in other terminals: nc -N 127.0.0.1 5000
//
// Type a line to have it echoed, "work 10000000" for a CPU job (a few
// seconds), "crash" to crash the worker process that runs it. Watch the
// worker processes come and go with
//
//	ps -e -o pid,ppid,stat,rss,args | grep '[c]hoose-'
//
// It lists `go run` itself, the server (.../choose-server) and its workers:
// each worker is this program started again with the argument
// "choose-worker" (on Linux ps shows it as "/proc/self/exe choose-worker"),
// with the server's PID as its PPID.
//
// Ctrl-C closes the listener: the server stops its workers (they ignore
// Ctrl-C themselves), tells the clients whose jobs were cut short, and
// exits.
package main

import (
	"flag"
	"log"
	"net"
	"os"
	"os/signal"
	"syscall"

	"github.com/threadproc/threadproc/exercises/06-choose"
)

func main() {
	// First thing: a copy of this program that the pool started as a worker
	// runs its jobs here, and exits.
	choose.WorkerMain()

	addr := flag.String("addr", "127.0.0.1:5000", "address to listen on")
	flag.Parse()
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		log.Fatal(err)
	}
	log.Printf("choose server %d listening on %s: a goroutine per client, jobs in up to %d worker processes",
		os.Getpid(), ln.Addr(), choose.Workers)

	stop := make(chan os.Signal, 1)
	signal.Notify(stop, os.Interrupt, syscall.SIGTERM)
	go func() {
		<-stop
		log.Print("closing the listener and stopping the workers")
		_ = ln.Close()
	}()
	if err := choose.Serve(ln); err != nil {
		log.Fatal(err)
	}
	log.Print("every worker is gone; bye")
}
