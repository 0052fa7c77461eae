// Package pools is exercise 05 of threadproc: echo servers that serve many
// clients with a fixed number of workers, K, instead of one worker per
// client. See README.md.
//
// Two servers, one idea:
//
//   - ServeGoroutinePool runs K worker goroutines. The accept loop puts each
//     connection in a queue (a channel with room for QueueSize connections),
//     and a worker that is free takes the next one from it. At most K
//     clients are served at the same time; the others wait in the queue.
//   - ServePrefork runs K worker processes, started before any client
//     connects. They all inherit the same listening socket, as file
//     descriptor 3, and each calls Accept on it and serves one client at a
//     time. The server process itself, the supervisor, accepts nothing: it
//     starts the workers, replaces a worker that dies, and ends them all when
//     its listener is closed. Clients beyond K wait in the kernel's listen
//     backlog.
//
// The protocol is the one of exercise 02 (package lineproto), plus one
// command:
//
//   - A line is every byte up to and including "\n". Ordinary lines are
//     written back exactly as they arrived.
//   - A line that is exactly "exit" (a trailing "\r" is ignored) closes that
//     client's connection, and only that one, without a reply.
//   - At the end of the client's input, what is left of an unfinished line is
//     echoed as it is, then the connection is closed.
//   - A line longer than lineproto.MaxLineBytes gets the reply
//     lineproto.LineTooLong, and the connection is closed.
//   - A line that is exactly "crash" makes the worker that serves the client
//     panic, as a bug would. In a worker process, that process dies and the
//     supervisor starts another; in the goroutine pool, the whole server dies.
package pools

// WorkerEnv is the environment variable that marks a prefork worker process:
// the supervisor starts every worker with WorkerEnv=1 in its environment,
// and WorkerMain looks for it.
const WorkerEnv = "THREADPROC_POOL_WORKER"

// CrashCommand is the line that makes the worker serving the client crash.
const CrashCommand = "crash"

// QueueSize is how many accepted connections the goroutine pool's queue
// holds while every worker is busy. When it is full, the accept loop waits
// for room, and new clients wait in the kernel's listen backlog.
const QueueSize = 16
