package echo

import "net"

// handle serves one client: it writes every line back exactly as it came,
// until the client sends "exit" (TODO 3) or ends its side, and closes conn.
// A line longer than MaxLineBytes gets the reply LineTooLong (TODO 4).
func handle(conn net.Conn) error {
	// TODO(2): read conn line by line and write each line back, "\n" and all.
	// TODO(3): stop, without echoing it, at a line that is exactly "exit".
	// TODO(4): answer LineTooLong and stop if a line grows past MaxLineBytes.
	_ = conn.Close()
	return notImplemented(2)
}
