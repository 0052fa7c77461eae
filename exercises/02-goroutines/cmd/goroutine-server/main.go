// Command goroutine-server runs exercise 02's server, for trying it by hand
// with several clients at once:
//
//	go run ./exercises/02-goroutines/cmd/goroutine-server   # then, in other terminals: nc -N 127.0.0.1 5000
//
// Type "stats" in any client to see how many are connected. Ctrl-C closes
// the listener: the server then stops accepting and lets the clients still
// connected finish (at most GracePeriod) before it exits.
package main

import (
	"fmt"

	"github.com/threadproc/threadproc/exercises/02-goroutines"
	"github.com/threadproc/threadproc/exercises/internal/runserver"
)

func main() {
	runserver.Main("goroutine server (one goroutine per client)",
		fmt.Sprintf("closing the listener; connected clients have %v to finish", goroutines.GracePeriod),
		goroutines.Serve)
}
