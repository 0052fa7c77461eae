package echo

import (
	"bufio"
	"fmt"
	"io"
	"net"
)

// RunClient connects to the server at addr, sends it each line read from in,
// and writes each reply to out. It stops after sending "exit" (without
// waiting for a reply) or at the end of in, and closes the connection.
func RunClient(addr string, in io.Reader, out io.Writer) error {
	conn, err := net.Dial("tcp", addr)
	if err != nil {
		return err
	}
	defer conn.Close()
	input := bufio.NewScanner(in)
	input.Buffer(nil, MaxLineBytes)
	replies := bufio.NewReader(conn)
	for input.Scan() {
		line := input.Text()
		if _, err := io.WriteString(conn, line+"\n"); err != nil {
			return err
		}
		if line == ExitCommand {
			return nil
		}
		reply, err := replies.ReadString('\n')
		if err != nil {
			return fmt.Errorf("no reply to %q: %w", line, err)
		}
		if _, err := io.WriteString(out, reply); err != nil {
			return err
		}
	}
	return input.Err()
}
