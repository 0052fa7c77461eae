// Command line is a small nc-like client for trying any exercise's server by
// hand, where nc or telnet is not installed:
//
//	go run ./harness/cmd/line                 # connects to 127.0.0.1:5000
//	go run ./harness/cmd/line -addr HOST:PORT
//
// It sends what you type, line by line, and prints whatever the server
// sends, as it arrives: the two directions are independent, as with nc, so
// it also shows a server that answers late or not at all. At the end of your
// input (Ctrl-D) it half-closes the connection and waits for the server to
// close its side.
package main

import (
	"flag"
	"fmt"
	"io"
	"log"
	"net"
	"os"
)

func main() {
	addr := flag.String("addr", "127.0.0.1:5000", "the server's address")
	flag.Parse()
	conn, err := net.Dial("tcp", *addr)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Fprintf(os.Stderr, "connected to %s from %s; type lines, Ctrl-D to end\n", conn.RemoteAddr(), conn.LocalAddr())
	done := make(chan error, 1)
	go func() {
		_, err := io.Copy(os.Stdout, conn)
		done <- err
	}()
	if _, err := io.Copy(conn, os.Stdin); err != nil {
		log.Print(err)
	}
	_ = conn.(*net.TCPConn).CloseWrite()
	if err := <-done; err != nil {
		log.Fatal(err)
	}
	fmt.Fprintln(os.Stderr, "the server closed the connection")
}
