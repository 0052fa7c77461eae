package pools

import "errors"

// This file is GIVEN, with wakeone_linux.go and wakeone_other.go: the tool
// of task 6 (a bonus), the cure for the thundering herd.
//
// A worker that calls Accept on a net.Listener waits in Go's network poller:
// on Linux, an epoll instance of its own process, in which the listening
// socket is registered. K workers are K epoll instances watching one socket,
// and when a client arrives the kernel wakes every one of them that is
// waiting. One worker accepts the client; the others find nothing and go
// back to sleep. With K = 16, a single client wakes 15 processes for
// nothing: the thundering herd.
//
// A wakeOne splits Accept in its two steps, so that the waiting can be done
// differently:
//
//	w.accept()  takes a client that is waiting, without waiting: errNoClient if there is none
//	w.wait()    waits until a client may be waiting, and the kernel chose this worker
//
// A worker tries accept first (after serving a client, the next one may
// already be there), and waits only when accept finds nobody.
//
// On Linux, wait uses an epoll instance of the worker's own in which the
// listening socket is registered with EPOLLEXCLUSIVE (Linux 4.5, 2016, used
// by nginx since 1.11.3): when a client arrives, the kernel wakes one of the
// workers waiting in wait, not all of them. Elsewhere there is no such flag:
// wait returns at once and accept waits in Go's poller, as Accept does, and
// every idle worker is still woken (the spec that measures it runs on Linux
// only).

// errNoClient is what accept returns when no client was waiting: another
// worker took it first. Wait again.
var errNoClient = errors.New("no client waiting: another worker took it")
