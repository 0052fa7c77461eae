package compare

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"net"
	"time"
)

// ioTimeout bounds every read and write of a measuring client.
const ioTimeout = 10 * time.Second

// client is one connection to a reference server.
type client struct {
	conn net.Conn
	in   *bufio.Reader
}

// dial connects a client.
func dial(addr string) (*client, error) {
	conn, err := net.DialTimeout("tcp", addr, ioTimeout)
	if err != nil {
		return nil, err
	}
	return &client{conn: conn, in: bufio.NewReader(conn)}, nil
}

// ask sends line and returns the reply line, without their "\n".
func (c *client) ask(line string, timeout time.Duration) (string, error) {
	_ = c.conn.SetDeadline(time.Now().Add(timeout))
	if _, err := io.WriteString(c.conn, line+"\n"); err != nil {
		return "", err
	}
	reply, err := c.in.ReadString('\n')
	if err != nil {
		return "", err
	}
	return reply[:len(reply)-1], nil
}

// echo sends line and checks that it comes back.
func (c *client) echo(line string) error {
	got, err := c.ask(line, ioTimeout)
	if err == nil && got != line {
		err = fmt.Errorf("sent %q, got %q back", line, got)
	}
	return err
}

// leave sends "exit" and waits for the server to close the connection.
func (c *client) leave() error {
	defer c.close()
	_ = c.conn.SetDeadline(time.Now().Add(ioTimeout))
	if _, err := io.WriteString(c.conn, exitCommand+"\n"); err != nil {
		return err
	}
	return c.closedWithin(ioTimeout)
}

// closedWithin waits for the server to close the connection.
func (c *client) closedWithin(d time.Duration) error {
	_ = c.conn.SetReadDeadline(time.Now().Add(d))
	n, err := c.in.Read(make([]byte, 1))
	if errors.Is(err, io.EOF) || isReset(err) {
		return nil
	}
	return fmt.Errorf("expected the connection to close, got %d bytes and %v", n, err)
}

// close closes the connection.
func (c *client) close() { _ = c.conn.Close() }

// cycle is one client's whole life: connect, one echo, exit.
func cycle(addr string) error {
	c, err := dial(addr)
	if err != nil {
		return err
	}
	if err := c.echo("hello"); err != nil {
		c.close()
		return err
	}
	return c.leave()
}
