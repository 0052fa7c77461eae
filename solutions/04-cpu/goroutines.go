package cpu

import (
	"errors"
	"log"
	"net"
	"runtime"
)

// ServeGoroutines serves every client on a goroutine of its own, all in this
// one process, and returns nil once ln is closed (clients still connected
// are served until they leave or the process ends).
//
// cfg.MaxProcs, when above 0, limits this process to that many OS threads
// running Go code at once (task 3). cfg.MaxJobs, when above 0, limits how
// many jobs run at once (task 5).
func ServeGoroutines(ln net.Listener, cfg Config) error {
	if cfg.MaxProcs > 0 {
		defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(cfg.MaxProcs))
	}
	run := runner(Work)
	if cfg.MaxJobs > 0 {
		run = limitJobs(cfg.MaxJobs, Work)
	}
	for {
		conn, err := accept(ln)
		if errors.Is(err, net.ErrClosed) {
			return nil
		}
		if err != nil {
			return err
		}
		go func() {
			if err := handle(conn, run); err != nil {
				log.Printf("client %s: %v", conn.RemoteAddr(), err)
			}
		}()
	}
}
