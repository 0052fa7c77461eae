package cpu

import "net"

// ServeGoroutines serves every client on a goroutine of its own, all in this
// one process, and returns nil once ln is closed (clients still connected
// are served until they leave or the process ends).
//
// cfg.MaxProcs, when above 0, limits this process to that many OS threads
// running Go code at once (task 3). cfg.MaxJobs, when above 0, limits how
// many jobs run at once (task 5).
func ServeGoroutines(ln net.Listener, cfg Config) error {
	// TODO(3): when cfg.MaxProcs > 0, set runtime.GOMAXPROCS(cfg.MaxProcs)
	// before you serve, and put the old value back when ServeGoroutines
	// returns. Then delete these three lines.
	if cfg.MaxProcs > 0 {
		return notImplemented(3)
	}
	// TODO(5): when cfg.MaxJobs > 0, serve with limitJobs(cfg.MaxJobs, Work)
	// (limit.go) instead of Work. Then delete these three lines.
	if cfg.MaxJobs > 0 {
		return notImplemented(5)
	}
	// TODO(2): accept clients in a loop with accept(ln) (accept.go, also
	// yours to write) and serve each one on its own goroutine with
	// handle(conn, Work); log handle's errors. Return nil when accept fails
	// because ln was closed (errors.Is(err, net.ErrClosed)).
	return notImplemented(2)
}
