package pools

// shutdown runs once the listener is closed, in the accept loop's goroutine:
// no connection will be put in the queue any more. It closes every
// connection the server accepted (those being served and those still waiting
// in the queue), and returns nil once every worker has returned.
func (p *pool) shutdown() error {
	close(p.queue)     // each worker's loop ends once the queue is empty
	p.conns.closeAll() // served or queued, every client's handler returns at once
	p.workers.Wait()
	return nil
}
