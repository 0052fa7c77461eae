// Command pool-server runs exercise 05's servers, for trying them by hand
// with more clients than workers:
//
//	go run ./exercises/05-pools/cmd/pool-server -workers 2            # the goroutine pool
//	go run ./exercises/05-pools/cmd/pool-server -prefork -workers 3   # the prefork server
//
// then, in other terminals: nc -N 127.0.0.1 5000. The first clients are served
// at once; the next ones wait until one of them types "exit". With -prefork,
// watch the workers with `ps -o pid,ppid,pgid,stat,args -g $(pgrep -of pool-server)`,
// kill one with `kill -9 PID` and see the supervisor start another; "crash"
// in a client crashes its worker. Ctrl-C closes the listener: the server
// closes every connection, ends its workers and exits.
package main

import (
	"flag"
	"log"
	"net"
	"os"
	"os/signal"
	"syscall"

	"github.com/threadproc/threadproc/exercises/05-pools"
)

func main() {
	// First thing: a copy of this program that the supervisor started as a
	// worker serves clients here, and never returns.
	pools.WorkerMain()

	addr := flag.String("addr", "127.0.0.1:5000", "address to listen on")
	workers := flag.Int("workers", 3, "how many workers (K)")
	prefork := flag.Bool("prefork", false, "worker processes sharing the listener, instead of worker goroutines")
	flag.Parse()
	ln, err := net.Listen("tcp", *addr) // socket() + bind() + listen()
	if err != nil {
		log.Fatal(err)
	}

	stop := make(chan os.Signal, 1)
	signal.Notify(stop, os.Interrupt, syscall.SIGTERM)
	go func() {
		<-stop
		log.Print("closing the listener")
		_ = ln.Close()
	}()
	if *prefork {
		log.Printf("prefork server %d listening on %s: %d worker processes", os.Getpid(), ln.Addr(), *workers)
		err = pools.ServePrefork(ln, *workers)
	} else {
		log.Printf("goroutine pool listening on %s: %d worker goroutines, a queue of %d", ln.Addr(), *workers, pools.QueueSize)
		err = pools.ServeGoroutinePool(ln, *workers)
	}
	if err != nil {
		log.Fatal(err)
	}
	log.Print("every worker is gone; bye")
}
