// Command echo-server runs exercise 01's echo server, for trying it by hand:
//
//	go run ./exercises/01-echo/cmd/echo-server        # then: nc 127.0.0.1 5000
package main

import (
	"flag"
	"log"
	"net"

	"github.com/threadproc/threadproc/exercises/01-echo"
)

func main() {
	addr := flag.String("addr", "127.0.0.1:5000", "address to listen on")
	flag.Parse()
	ln, err := net.Listen("tcp", *addr) // socket() + bind() + listen()
	if err != nil {
		log.Fatal(err)
	}
	log.Printf("echo server listening on %s (one client at a time)", ln.Addr())
	if err := echo.Serve(ln); err != nil {
		log.Fatal(err)
	}
}
