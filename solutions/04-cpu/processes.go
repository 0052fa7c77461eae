package cpu

import (
	"errors"
	"log"
	"net"
	"strconv"
)

// ServeProcesses serves every client in a worker process of its own,
// started with startWorker (worker.go), and returns nil once ln is closed
// (workers go on serving their clients).
//
// cfg.MaxProcs, when above 0, is the GOMAXPROCS of every worker, given to it
// in its environment ("GOMAXPROCS=1"): each worker is then as limited as a
// Python process with its GIL, and the workers still run in parallel.
func ServeProcesses(ln net.Listener, cfg Config) error {
	var env []string
	if cfg.MaxProcs > 0 {
		env = append(env, "GOMAXPROCS="+strconv.Itoa(cfg.MaxProcs))
	}
	for {
		conn, err := accept(ln)
		if errors.Is(err, net.ErrClosed) {
			return nil
		}
		if err != nil {
			return err
		}
		cmd, err := startWorker(conn, env...)
		_ = conn.Close() // the worker has its own copy
		if err != nil {
			log.Printf("client %s: no worker: %v", conn.RemoteAddr(), err)
			continue
		}
		go func() {
			if err := cmd.Wait(); err != nil {
				log.Printf("worker %d: %v", cmd.Process.Pid, err)
			}
		}()
	}
}
