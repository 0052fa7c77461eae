// Package runserver is the shared main of the exercises' runnable servers
// (exercises/NN-name/cmd/...): it listens where -addr says (default
// 127.0.0.1:5000), serves until Ctrl-C or SIGTERM closes the listener, and
// logs what happens, so that every server can be tried by hand with nc or
// telnet.
package runserver

import (
	"flag"
	"log"
	"net"
	"os"
	"os/signal"
	"syscall"
)

// DefaultAddr is where the runnable servers listen unless -addr says
// otherwise.
const DefaultAddr = "127.0.0.1:5000"

// Main parses -addr, listens there (net.Listen does socket(), bind() and
// listen() in one call), and runs serve until it returns. what describes the
// server in the log, such as "echo server (one client at a time)"; onStop,
// if set, is logged when Ctrl-C closes the listener.
func Main(what, onStop string, serve func(net.Listener) error) {
	addr := flag.String("addr", DefaultAddr, "address to listen on")
	flag.Parse()
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		log.Fatal(err)
	}
	log.Printf("%s (pid %d) listening on %s", what, os.Getpid(), ln.Addr())
	stop := make(chan os.Signal, 1)
	signal.Notify(stop, os.Interrupt, syscall.SIGTERM)
	go func() {
		<-stop
		if onStop != "" {
			log.Print(onStop)
		}
		_ = ln.Close()
	}()
	if err := serve(ln); err != nil {
		log.Fatal(err)
	}
	log.Print("the server has stopped; bye")
}
