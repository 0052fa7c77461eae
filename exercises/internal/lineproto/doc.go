// Package lineproto is the line protocol of exercises 02 to 06, given to the
// learner ready-made: exercise 01 is where it is written by hand.
//
//   - A line is every byte up to and including "\n"; a server answers each
//     line, and echoes ordinary lines back byte for byte.
//   - A line that is exactly "exit" (a trailing "\r" is ignored) ends the
//     connection without a reply.
//   - A line longer than MaxLineBytes gets the reply LineTooLong, and the
//     connection is closed.
package lineproto

// ExitCommand is the line that ends a client's connection.
const ExitCommand = "exit"

// MaxLineBytes is the longest line a server accepts, counting its "\n".
const MaxLineBytes = 1 << 20

// LineTooLong is the reply to a line longer than MaxLineBytes.
const LineTooLong = "error: line too long\n"
