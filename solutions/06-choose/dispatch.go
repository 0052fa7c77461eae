package choose

import (
	"context"
	"io"
)

// run runs one job in a worker process and returns the answer for the
// client, a line with its "\n". It waits while all Workers slots are busy.
// ctx ends if the client leaves before the answer comes.
func (p *pool) run(ctx context.Context, job string) string {
	w, err := p.take()
	if err != nil {
		return errorLine(err)
	}
	answer, err := w.doFor(ctx, job) // the worker is stopped if the client leaves first
	if err != nil {
		return p.crashed(w, err)
	}
	p.slots <- w // free again
	return answer
}

// take waits for a free slot and returns its worker, starting one (with
// p.start) when the slot is empty.
func (p *pool) take() (*worker, error) {
	w := <-p.slots // waits while every worker is busy
	if w != nil {
		return w, nil
	}
	w, err := p.start()
	if err != nil {
		p.slots <- nil // the slot stays empty: the next job tries again
		return nil, err
	}
	return w, nil
}

// do sends one job to the worker and returns its answer, a line with its
// "\n". An error means the worker's connection ended before a whole answer
// came back: the worker has died.
func (w *worker) do(job string) (string, error) {
	if _, err := io.WriteString(w.conn, job+"\n"); err != nil {
		return "", err
	}
	answer, err := w.answers.Next()
	if err != nil {
		return "", err // io.EOF: the worker died before it answered in full
	}
	return string(answer), nil
}
