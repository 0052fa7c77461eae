package choose

// crashed takes care of a worker that died while it ran a job (err says how
// its connection ended), and returns the answer for the client whose job it
// was.
func (p *pool) crashed(w *worker, err error) string {
	// TODO(3): log what happened (w.pid(), err). Stop the worker with
	// p.stop(w), which reaps it: a dead process stays a zombie until its
	// parent waits for it. Free its slot, once, with p.slots <- nil, so
	// that the next job there starts a new worker. Return CrashedReply.
	return errorLine(notImplemented(3))
}
