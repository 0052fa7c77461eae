package echo

import (
	"net"
)

// handle echoes each Read's bytes at once: the mistake is that a Read is not
// a line, so half a line is answered before its end arrives, and "exit" is
// only noticed when it happens to arrive in one piece.
func handle(conn net.Conn) error {
	defer conn.Close()
	buf := make([]byte, 4096)
	for {
		n, err := conn.Read(buf)
		if n > 0 {
			if string(buf[:n]) == ExitCommand+"\n" {
				return nil
			}
			if _, werr := conn.Write(buf[:n]); werr != nil {
				return werr
			}
		}
		if err != nil {
			return nil
		}
	}
}
