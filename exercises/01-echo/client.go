package echo

import "io"

// RunClient connects to the server at addr, sends it each line read from in,
// and writes each reply to out. It stops after sending "exit" (without
// waiting for a reply) or at the end of in, and closes the connection.
func RunClient(addr string, in io.Reader, out io.Writer) error {
	// TODO(5): dial addr, then for each input line: send it with its "\n";
	// after "exit" stop; otherwise read one reply line and write it to out.
	return notImplemented(5)
}
