package goroutines

import "net"

// handle serves one client: it echoes every line until the client sends
// "exit" or ends its side, answers "stats" with the shared statistic, and
// closes conn. It runs in a goroutine of its own, at the same time as the
// handlers of the other clients.
func (s *server) handle(conn net.Conn) error {
	// TODO(2): read conn line by line with lineproto.NewReader(conn) and
	// its Next method, and write each line back exactly as it came. Stop,
	// without echoing it, at a line that is exactly "exit" (lineproto.Is).
	// When Next returns lineproto.ErrLineTooLong, answer
	// lineproto.LineTooLong and stop. At the end of the input (io.EOF),
	// echo what is left, then stop. Close conn when you stop.
	// TODO(3): count this client with s.stats.arrived() when the handler
	// starts and s.stats.left() when it ends, however it ends; answer a
	// "stats" line (StatsCommand) with s.stats.reply() instead of echoing it,
	// ended as the line was: lineproto.SameEnding(line, s.stats.reply()).
	_ = conn.Close()
	return notImplemented(2)
}
