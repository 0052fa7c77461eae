// Command process-server runs exercise 03's server, for trying it by hand
// with several clients at once:
//
//	go run ./exercises/03-processes/cmd/process-server   # then, in other terminals: nc -N 127.0.0.1 5000
//
// Every client is served by a worker process of its own: watch them come and
// go with `ps -e -o pid,ppid,pgid,stat,args | grep "[p]rocess-server"`.
// Type "count" in a client to see how many lines its worker has
// echoed, "crash" to crash it. Ctrl-C stops the server and its workers.
package main

import (
	"github.com/threadproc/threadproc/exercises/03-processes"
	"github.com/threadproc/threadproc/exercises/internal/runserver"
)

func main() {
	// First thing: a copy of this program that the server started as a
	// worker serves its client here, and exits.
	processes.WorkerMain()
	runserver.Main("process server (one worker process per client)", "closing the listener and ending the workers",
		processes.Serve)
}
