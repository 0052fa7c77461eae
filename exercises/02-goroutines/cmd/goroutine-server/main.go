// Command goroutine-server runs exercise 02's server, for trying it by hand
// with several clients at once:
//
//	go run ./exercises/02-goroutines/cmd/goroutine-server   # then, in other terminals: nc 127.0.0.1 5000
//
// Type "stats" in any client to see how many are connected. Ctrl-C closes
// the listener: the server then stops accepting and lets the clients still
// connected finish (at most GracePeriod) before it exits.
package main

import (
	"flag"
	"log"
	"net"
	"os"
	"os/signal"
	"syscall"

	"github.com/threadproc/threadproc/exercises/02-goroutines"
)

func main() {
	addr := flag.String("addr", "127.0.0.1:5000", "address to listen on")
	flag.Parse()
	ln, err := net.Listen("tcp", *addr) // socket() + bind() + listen()
	if err != nil {
		log.Fatal(err)
	}
	log.Printf("goroutine server listening on %s (one goroutine per client)", ln.Addr())

	stop := make(chan os.Signal, 1)
	signal.Notify(stop, os.Interrupt, syscall.SIGTERM)
	go func() {
		<-stop
		log.Printf("closing the listener; connected clients have %v to finish", goroutines.GracePeriod)
		_ = ln.Close()
	}()
	if err := goroutines.Serve(ln); err != nil {
		log.Fatal(err)
	}
	log.Print("all clients are gone; bye")
}
