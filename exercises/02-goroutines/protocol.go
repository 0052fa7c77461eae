// Package goroutines is exercise 02 of threadproc: an echo server that
// serves every client in a goroutine of its own, so that any number of
// clients are served at the same time ("multithreading"). See README.md.
//
// The protocol is the one of exercise 01 (package lineproto), plus one
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
//   - A line that is exactly "stats" (a trailing "\r" is ignored) is not
//     echoed: it is answered with one line, StatsFormat filled in with two
//     numbers, such as "connected 3 served 10\n", ended as the question was
//     ("\r\n" to "stats\r\n", see lineproto.SameEnding). "STATS", "stats "
//     and "statistics" are ordinary lines.
//
// The two numbers of the stats reply:
//
//   - connected: the clients whose handler is running now. A client counts
//     as connected from the moment its handler starts (before the server
//     reads its first line) until its handler ends, so the client asking is
//     always counted: a lone client reads "connected 1 served 0".
//   - served: the clients whose handler has ended, however it ended ("exit",
//     end of input, a reset or another error, or shutdown). A client moves
//     from connected to served when its handler ends, so connected + served
//     is the number of clients the server has taken on.
//
// Shutdown: once its listener is closed, Serve accepts no more clients. It
// lets the clients still connected carry on for GracePeriod; when the last
// of them leaves it returns nil at once. When GracePeriod is over, it closes
// the connections still open, waits for their handlers to return, and
// returns nil. No goroutine it started outlives it.
package goroutines

import "time"

// StatsCommand is the line that asks for the statistic.
const StatsCommand = "stats"

// StatsFormat is the reply to StatsCommand, for fmt.Sprintf with the number
// of clients connected now and the number served so far.
const StatsFormat = "connected %d served %d\n"

// GracePeriod is how long Serve lets connected clients carry on after its
// listener was closed, before it closes their connections.
const GracePeriod = 2 * time.Second
