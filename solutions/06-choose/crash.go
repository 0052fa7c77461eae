package choose

import "log"

// crashed takes care of a worker that died while it ran a job (err says how
// its connection ended), and returns the answer for the client whose job it
// was.
func (p *pool) crashed(w *worker, err error) string {
	log.Printf("worker %d died during a job (its connection: %v)", w.pid(), err)
	p.stop(w)      // reaps it: no zombie
	p.slots <- nil // the next job in this slot starts a new worker
	return CrashedReply
}
