package choose

import (
	"errors"
	"log"
	"sync"
)

// pool runs jobs in at most Workers worker processes. Its slots channel
// holds one token per slot: a worker that is free, or nil for a slot with
// no worker yet (the next job there starts one). A job takes a token, so at
// most cap(slots) jobs run at once; the others wait for a token to come
// back.
type pool struct {
	slots chan *worker

	mu      sync.Mutex
	workers map[*worker]struct{} // every worker started and not stopped yet
	closed  bool                 // close has run: no new worker starts
}

// errClosed is what start returns once the pool is closed.
var errClosed = errors.New("the server is shutting down")

// newPool returns a pool of n empty slots: no worker process runs until the
// first job arrives. This function is GIVEN.
func newPool(n int) *pool {
	p := &pool{slots: make(chan *worker, n), workers: make(map[*worker]struct{})}
	for range n {
		p.slots <- nil
	}
	return p
}

// start returns a worker for a job that took an empty slot: an idle worker
// waiting in another slot if there is one, so that a job never starts a
// process while a worker sits idle (the empty slot goes back to the pool),
// or else a new worker, recorded so that close can stop it. It fails once
// the pool is closed. This function is GIVEN.
func (p *pool) start() (*worker, error) {
	if w := p.idle(); w != nil {
		return w, nil
	}
	w, err := startWorker()
	if err != nil {
		return nil, err
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.closed {
		w.stop()
		return nil, errClosed
	}
	p.workers[w] = struct{}{}
	return w, nil
}

// idle takes a worker that waits in a slot, if there is one, and gives
// back the empty slot its caller took instead. It never waits: it looks
// only at the slots free right now, and puts back the empty ones it took
// while looking. This function is GIVEN.
func (p *pool) idle() *worker {
	empty := 0 // empty slots to give back
	defer func() {
		for range empty {
			p.slots <- nil
		}
	}()
	for range cap(p.slots) {
		select {
		case w := <-p.slots:
			empty++ // an empty slot, or the caller's, given back for this worker
			if w != nil {
				return w
			}
		default:
			return nil
		}
	}
	return nil
}

// stop stops w (see worker.stop: it is killed if it still runs, and
// reaped), unless it was stopped already, and logs how it ended. This
// function is GIVEN.
func (p *pool) stop(w *worker) {
	p.mu.Lock()
	_, running := p.workers[w]
	delete(p.workers, w)
	p.mu.Unlock()
	if running {
		log.Printf("worker %d ended: %s", w.pid(), w.stop())
	}
}

// close stops every worker and keeps new ones from starting. Serve returns
// what it returns once its listener is closed. This function is GIVEN.
func (p *pool) close() error {
	p.mu.Lock()
	p.closed = true
	var all []*worker
	for w := range p.workers {
		all = append(all, w)
	}
	p.mu.Unlock()
	for _, w := range all {
		p.stop(w)
	}
	return nil
}
