// Package choose is exercise 06 of threadproc, the capstone: one server
// that uses each tool for the job it fits. Many clients, mostly idle, are
// served by goroutines (cheap: a few KB each); CPU-heavy jobs, which may
// crash, run in a small pool of worker processes (parallel on every core,
// and a crash takes down one worker, not the server). See README.md.
//
// The protocol is the one of the earlier exercises (package lineproto),
// plus two jobs:
//
//   - A line is every byte up to and including "\n". Ordinary lines are
//     written back exactly as they arrived.
//   - A line that is exactly "exit" (a trailing "\r" is ignored) closes that
//     client's connection, and only that one, without a reply.
//   - At the end of the client's input, what is left of an unfinished line is
//     echoed as it is, then the connection is closed. A line longer than
//     lineproto.MaxLineBytes gets lineproto.LineTooLong, and the connection
//     is closed.
//   - "work N" is a job: the answer is Work(N), the SHA-256 digest of 32 zero
//     bytes hashed N times over, as 64 lowercase hex digits and "\n". For an
//     N that is not a whole number from 0 to MaxRounds, the answer is one
//     line that starts with "error: ". The connection stays open.
//   - "crash" is a job that makes the worker process running it die, as a
//     bug would. The client that sent it gets CrashedReply; every other
//     client, and the server, carry on.
//
// Jobs run in worker processes, never in the server's process: at most
// Workers of them at a time, one job at a time each. A client's lines are
// answered in order: its next line waits for the answer to its job.
//
// TCP cannot tell a client that left from one that only ended its input and
// still reads: a client whose input ends while its job runs, that job being
// the last whole line it sent, has left, and its job is stopped (its worker
// is killed, and the next job in that slot starts a new one); if it still
// reads, it gets "error: the job was stopped: ...". A job cut short because
// the server shuts down is answered "error: the server is shutting down".
package choose

import (
	"bytes"
	"fmt"
)

// WorkCommand starts a line that asks for a CPU job: "work 1000".
const WorkCommand = "work"

// CrashCommand is the line of a job that crashes the worker running it.
const CrashCommand = "crash"

// CrashedReply is the answer to a job whose worker process died while it
// ran the job.
const CrashedReply = "error: worker crashed\n"

// MaxRounds is the largest N a "work N" job may ask for.
const MaxRounds = 100_000_000

// Workers is how many worker processes the server runs at most. Two keeps the
// specs' numbers the same on every machine; a real server would start one a
// CPU (runtime.NumCPU()).
const Workers = 2

// ErrRounds is the error Work returns for rounds below 0 or above MaxRounds.
var ErrRounds = fmt.Errorf("the number of rounds must be from 0 to %d", MaxRounds)

// isJob reports whether line (with its "\n") asks for a job, "work ..." or
// "crash", rather than an echo. A "\r" before the "\n" is ignored.
func isJob(line []byte) bool {
	line = bytes.TrimSuffix(line, []byte("\n"))
	line = bytes.TrimSuffix(line, []byte("\r"))
	return bytes.HasPrefix(line, []byte(WorkCommand+" ")) || string(line) == CrashCommand
}

// jobOf returns the job a line asks for, as the worker receives it: the
// line without its "\r\n".
func jobOf(line []byte) string {
	line = bytes.TrimSuffix(line, []byte("\n"))
	return string(bytes.TrimSuffix(line, []byte("\r")))
}
