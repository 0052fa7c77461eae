package choose

import "context"

// run runs one job in a worker process and returns the answer for the
// client, a line with its "\n". It waits while all Workers slots are busy.
// ctx ends if the client leaves before the answer comes.
func (p *pool) run(ctx context.Context, job string) string {
	// TODO(2): take a worker with p.take(); if that fails, return
	// errorLine(err). Send it the job with w.doFor(ctx, job) (given, in
	// leave.go: it calls your do, and stops the worker if the client
	// leaves first). If that fails, the worker has died or was stopped:
	// return p.crashed(w, err) (task 3), which gives the slot back.
	// Otherwise put the worker back in its slot (p.slots <- w) and return
	// its answer. Every token taken goes back exactly once.
	return errorLine(notImplemented(2))
}

// take waits for a free slot and returns its worker, starting one (with
// p.start) when the slot is empty.
func (p *pool) take() (*worker, error) {
	// TODO(2): receive a token from p.slots (this waits while every worker
	// is busy). A worker: return it. nil: start one with p.start(); if that
	// fails, give the empty slot back (p.slots <- nil) and return the error.
	return nil, notImplemented(2)
}

// do sends one job to the worker and returns its answer, a line with its
// "\n". An error means the worker's connection ended before a whole answer
// came back: the worker has died.
func (w *worker) do(job string) (string, error) {
	// TODO(2): write the job and "\n" to w.conn, then read one line of
	// answer with w.answers.Next(), however long the job takes (a "work N"
	// may run for many seconds: no deadline). Return any error of the two:
	// only a dead worker makes them fail. An answer that starts with
	// "error: " is no error here: it is the worker's answer for the client.
	return "", notImplemented(2)
}
