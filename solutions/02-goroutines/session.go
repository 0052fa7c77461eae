package goroutines

import (
	"errors"
	"io"
	"net"

	"github.com/threadproc/threadproc/exercises/internal/lineproto"
)

// handle serves one client: it echoes every line until the client sends
// "exit" or ends its side, answers "stats" with the shared statistic, and
// closes conn. It runs in a goroutine of its own, at the same time as the
// handlers of the other clients: it touches nothing but conn, its own local
// variables, and s.stats, which is safe for concurrent use.
func (s *server) handle(conn net.Conn) error {
	defer conn.Close()
	s.stats.arrived()
	defer s.stats.left() // however the handler ends
	lines := lineproto.NewReader(conn)
	for {
		line, err := lines.Next()
		if errors.Is(err, lineproto.ErrLineTooLong) {
			_, err = io.WriteString(conn, lineproto.LineTooLong)
			return err
		}
		switch {
		case lineproto.Is(line, lineproto.ExitCommand):
			return nil
		case lineproto.Is(line, StatsCommand):
			if _, werr := io.WriteString(conn, lineproto.SameEnding(line, s.stats.reply())); werr != nil {
				return werr
			}
		case len(line) > 0:
			if _, werr := conn.Write(line); werr != nil {
				return werr
			}
		}
		if err == io.EOF {
			return nil // the client ended its side
		}
		if err != nil {
			return err
		}
	}
}
