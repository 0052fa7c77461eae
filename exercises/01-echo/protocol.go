// Package echo is exercise 01 of threadproc: a TCP echo server that serves
// one client after another, and its client program. See README.md.
//
// The protocol, shared by every exercise:
//
//   - A line is every byte up to and including "\n". The server writes each
//     line back exactly as it arrived, byte for byte, "\n" included.
//   - A line that is exactly "exit" (a trailing "\r" is ignored, for telnet)
//     is not echoed: the server closes that client's connection.
//     "EXIT", " exit", "exit " and "exited" are ordinary lines.
//   - When the client ends its side (end of file), the server echoes what is
//     left of an unfinished line as it is, then closes the connection; an
//     unfinished "exit" is not echoed.
//   - A line longer than MaxLineBytes gets the reply LineTooLong and the
//     connection is closed; the server never holds more than about
//     MaxLineBytes of one client's input in memory.
package echo

// ExitCommand is the line that ends a client's connection.
const ExitCommand = "exit"

// MaxLineBytes is the longest line the server accepts, counting its "\n".
const MaxLineBytes = 1 << 20

// LineTooLong is the reply to a line longer than MaxLineBytes.
const LineTooLong = "error: line too long\n"
