// Command echo-server runs exercise 01's echo server, for trying it by hand:
//
//	go run ./exercises/01-echo/cmd/echo-server        # then: nc -N 127.0.0.1 5000
package main

import (
	"github.com/threadproc/threadproc/exercises/01-echo"
	"github.com/threadproc/threadproc/exercises/internal/runserver"
)

func main() {
	runserver.Main("echo server (one client at a time)", "", echo.Serve)
}
