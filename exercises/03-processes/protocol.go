// Package processes is exercise 03 of threadproc: an echo server that serves
// every client in an operating-system process of its own, a worker, so that
// clients are served at the same time and none of them shares memory, or a
// crash, with another ("multiprocessing"). See README.md.
//
// The server (Serve) accepts connections and hands each one to a new worker:
// a copy of the running program, started with the connection as its file
// descriptor 3 and WorkerEnv in its environment. WorkerMain, called first
// thing in main, notices WorkerEnv, serves that one connection with handle
// and exits.
//
// The protocol is the one of exercise 02 (package lineproto), plus two
// commands:
//
//   - A line is every byte up to and including "\n". Ordinary lines are
//     written back exactly as they arrived.
//   - A line that is exactly "exit" (a trailing "\r" is ignored) closes that
//     client's connection, and only that one, without a reply.
//   - At the end of the client's input, what is left of an unfinished line is
//     echoed as it is, then the connection is closed.
//   - A line longer than lineproto.MaxLineBytes gets the reply
//     lineproto.LineTooLong, and the connection is closed.
//   - A line that is exactly "count" is answered with CountFormat filled in
//     with the number of lines the process serving this client has echoed
//     so far, such as "count 3\n".
//   - A line that is exactly "crash" makes the process serving this client
//     panic, as a bug would: no reply, the process dies.
package processes

// WorkerEnv is the environment variable that marks a worker process: the
// server starts every worker with WorkerEnv=1 in its environment, and
// WorkerMain looks for it.
const WorkerEnv = "THREADPROC_WORKER"

// CountCommand is the line that asks how many lines this process echoed.
const CountCommand = "count"

// CountFormat is the reply to CountCommand, for fmt.Sprintf with the number
// of lines the process has echoed so far.
const CountFormat = "count %d\n"

// CrashCommand is the line that makes the process serving the client crash.
const CrashCommand = "crash"
