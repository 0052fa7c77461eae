package choose

import (
	"context"
	"errors"
	"net"
	"sync"

	"github.com/threadproc/threadproc/exercises/internal/lineproto"
)

// This file is GIVEN: how the server notices that a client left while its
// job runs, so that the job does not keep a worker busy for nobody.
//
// TCP cannot tell a client that left from one that only ended its input and
// waits for its answers (as `nc -N` does after Ctrl-D): both send the same
// end of file. This server reads it the way net/http does: a client whose
// input ends while its job runs, the job being the last line it sent, has
// left, and its job is stopped. A client that wants its answer after
// ending its input says goodbye with "exit" instead, after the job:
// `printf 'work 5000000\nexit\n' | nc -N 127.0.0.1 5000`.

// errLeft is how doFor reports a job stopped because its client left.
var errLeft = errors.New("the job was stopped: the client's input ended while it ran")

// doFor is do (task 2), for a client: if ctx ends before the answer comes
// back (the client left), it kills the worker, so that do fails at once, and
// returns errLeft. Give the worker to p.crashed then, as for a crash: it
// must be reaped, and its slot freed.
func (w *worker) doFor(ctx context.Context, job string) (string, error) {
	stop := context.AfterFunc(ctx, func() { _ = w.cmd.Process.Kill() })
	answer, err := w.do(job)
	if !stop() { // the client left: the worker is being killed, even if it answered
		return "", errLeft
	}
	return answer, err
}

// isClosed reports whether close has run: the server is shutting down.
func (p *pool) isClosed() bool {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.closed
}

// input reads one client's lines in a goroutine of its own, one line ahead
// of the handler, so that the handler learns that the client's input ended
// while it waits for a job's answer.
type input struct {
	lines chan read
	ended chan struct{} // closed once the input has ended (or failed)
	done  chan struct{} // closed by stop: the reader gives up handing over
	once  sync.Once
	whole int // whole lines next has returned (the handler's count)
	total int // whole lines the client sent in all; set before ended is closed
}

// read is one result of lineproto.Reader.Next, the line copied.
type read struct {
	line []byte
	err  error
}

// readInput starts reading conn's lines.
func readInput(conn net.Conn) *input {
	in := &input{lines: make(chan read, 1), ended: make(chan struct{}), done: make(chan struct{})}
	go func() {
		r := lineproto.NewReader(conn)
		for sent := 0; ; sent++ {
			line, err := r.Next()
			if err != nil {
				in.total = sent
				close(in.ended)
			}
			select {
			case in.lines <- read{line: append([]byte(nil), line...), err: err}:
			case <-in.done:
				return
			}
			if err != nil {
				return
			}
		}
	}()
	return in
}

// next returns the next line, as lineproto.Reader.Next does.
func (in *input) next() ([]byte, error) {
	r := <-in.lines
	if r.err == nil {
		in.whole++
	}
	return r.line, r.err
}

// forJob returns a context for the job of the line next just returned. It
// is cancelled when the client's input ends before the job is done with the
// job's line as the last whole line it sent: the client has left. Call
// cancel once the job is done.
func (in *input) forJob() (ctx context.Context, cancel context.CancelFunc) {
	ctx, cancel = context.WithCancel(context.Background())
	last := in.whole
	go func() {
		select {
		case <-in.ended:
			if in.total <= last {
				cancel()
			}
		case <-ctx.Done():
		}
	}()
	return ctx, cancel
}

// stop ends the reader goroutine's wait to hand over a line that nobody
// will take (the handler's deferred conn.Close ends its read).
func (in *input) stop() { in.once.Do(func() { close(in.done) }) }
