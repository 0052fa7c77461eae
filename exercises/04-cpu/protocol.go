// Package cpu is exercise 04 of threadproc: a server whose clients ask for
// CPU-bound work, served by goroutines and by worker processes, and measured:
// which of them run jobs in parallel, and what GOMAXPROCS=1 (Go's stand-in for
// Python's GIL) changes. See README.md.
//
// The protocol is the one of exercises 01 to 03 (package lineproto), plus
// one request:
//
//   - "work N", where N is a whole number of rounds: the server answers
//     Work(N), the SHA-256 digest of 32 zero bytes hashed N times over, as 64
//     lowercase hex digits and "\n". N must be from 0 to MaxRounds; for any
//     other N, and for a request whose N is not a number, it answers one line
//     that starts with "error: " and keeps the connection open.
//   - A line that is exactly "exit" (a trailing "\r" is ignored) closes the
//     connection without a reply.
//   - Every other line is echoed back byte for byte, "\n" included. A line
//     longer than lineproto.MaxLineBytes gets lineproto.LineTooLong and the
//     connection is closed.
package cpu

import (
	"errors"
	"fmt"
)

// WorkCommand starts a line that asks for a job: "work 1000".
const WorkCommand = "work"

// MaxRounds is the largest N a "work N" request may ask for: a client cannot
// make the server burn a CPU for more than a few seconds with one line.
const MaxRounds = 100_000_000

// ErrRounds is the error Work returns for a number of rounds below 0 or above
// MaxRounds.
var ErrRounds = fmt.Errorf("the number of rounds must be from 0 to %d", MaxRounds)

// errNotANumber is the error for a request such as "work ten".
var errNotANumber = errors.New(`work needs a whole number of rounds, such as "work 1000"`)
