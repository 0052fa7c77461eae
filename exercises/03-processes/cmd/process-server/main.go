// Command process-server runs exercise 03's server, for trying it by hand
// with several clients at once:
//
//	go run ./exercises/03-processes/cmd/process-server   # then, in other terminals: nc 127.0.0.1 5000
//
// Every client is served by a worker process of its own: watch them come and
// go with `ps -e -o pid,ppid,pgid,stat,args | grep '[p]rocess-server'`. Type "count" in a client to see how many lines its worker has
// echoed, "crash" to crash it. Ctrl-C stops the server and its workers.
package main

import (
	"flag"
	"log"
	"net"
	"os"
	"os/signal"
	"syscall"

	"github.com/threadproc/threadproc/exercises/03-processes"
)

func main() {
	// First thing: a copy of this program that the server started as a
	// worker serves its client here, and exits.
	processes.WorkerMain()

	addr := flag.String("addr", "127.0.0.1:5000", "address to listen on")
	flag.Parse()
	ln, err := net.Listen("tcp", *addr) // socket() + bind() + listen()
	if err != nil {
		log.Fatal(err)
	}
	log.Printf("process server %d listening on %s (one worker process per client)", os.Getpid(), ln.Addr())

	stop := make(chan os.Signal, 1)
	signal.Notify(stop, os.Interrupt, syscall.SIGTERM)
	go func() {
		<-stop
		log.Print("closing the listener and ending the workers")
		_ = ln.Close()
	}()
	if err := processes.Serve(ln); err != nil {
		log.Fatal(err)
	}
	log.Print("every worker is gone; bye")
}
