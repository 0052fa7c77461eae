// Command echo-client runs exercise 01's client program: it sends the lines
// you type to the server and prints the replies, until you type "exit".
//
//	go run ./exercises/01-echo/cmd/echo-client -addr 127.0.0.1:5000
package main

import (
	"flag"
	"log"
	"os"

	"github.com/threadproc/threadproc/exercises/01-echo"
)

func main() {
	addr := flag.String("addr", "127.0.0.1:5000", "address of the server")
	flag.Parse()
	if err := echo.RunClient(*addr, os.Stdin, os.Stdout); err != nil {
		log.Fatal(err)
	}
}
