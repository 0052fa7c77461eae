// Command cpu-server runs exercise 04's server, for trying it by hand:
//
//	go run ./exercises/04-cpu/cmd/cpu-server                            # goroutines
//	go run ./exercises/04-cpu/cmd/cpu-server -gomaxprocs 1              # goroutines, "with a GIL"
//	go run ./exercises/04-cpu/cmd/cpu-server -mode processes -gomaxprocs 1
//
// then, in another terminal, `nc -N 127.0.0.1 5000` and type "work 1000000", or
// measure with `go run ./exercises/04-cpu/cmd/cpu-load`. Ctrl-C closes the
// listener: the server stops accepting and exits (with -mode processes, the
// workers of the clients still connected get the Ctrl-C too).
package main

import (
	"flag"
	"log"
	"net"
	"runtime"

	"github.com/threadproc/threadproc/exercises/04-cpu"
	"github.com/threadproc/threadproc/exercises/internal/runserver"
)

func main() {
	cpu.WorkerMain() // a worker started by -mode processes serves its client here and exits

	mode := flag.String("mode", "goroutines", `"goroutines" (one goroutine per client) or "processes" (one worker process per client)`)
	maxProcs := flag.Int("gomaxprocs", 0, "GOMAXPROCS of the process(es) that run jobs; 1 is Go's stand-in for Python's GIL; 0 keeps Go's default")
	maxJobs := flag.Int("max-jobs", 0, "with -mode goroutines: how many jobs may run at once; 0 means no limit")
	runserver.Main("cpu server", "closing the listener", func(ln net.Listener) error {
		cfg := cpu.Config{MaxProcs: *maxProcs, MaxJobs: *maxJobs}
		serve := cpu.ServeGoroutines
		switch *mode {
		case "goroutines":
		case "processes":
			serve = cpu.ServeProcesses
		default:
			log.Fatalf("-mode must be goroutines or processes, not %q", *mode)
		}
		log.Printf("cpu server: %s, GOMAXPROCS %d (0 = default), max jobs %d (0 = no limit), %d CPUs",
			*mode, *maxProcs, *maxJobs, runtime.NumCPU())
		return serve(ln, cfg)
	})
}
