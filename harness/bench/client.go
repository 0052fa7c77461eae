package bench

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"net"
	"time"
)

// Client is one connection to a line server, with a line reader. Every
// call sets a deadline of IOTimeout first.
type Client struct {
	conn net.Conn
	in   *bufio.Reader
}

// Dial connects a client to addr.
func Dial(addr string) (*Client, error) {
	conn, err := net.DialTimeout("tcp", addr, IOTimeout)
	if err != nil {
		return nil, err
	}
	return &Client{conn: conn, in: bufio.NewReader(conn)}, nil
}

// Ask sends line (a "\n" is added) and returns the server's one-line reply,
// without its "\n".
func (c *Client) Ask(line string) (string, error) {
	_ = c.conn.SetDeadline(time.Now().Add(IOTimeout))
	if _, err := io.WriteString(c.conn, line+"\n"); err != nil {
		return "", err
	}
	reply, err := c.in.ReadString('\n')
	if err != nil {
		return "", fmt.Errorf("sent %q, then reading the reply: %w (got %q)", line, err, reply)
	}
	return reply[:len(reply)-1], nil
}

// Echo sends line and checks that it comes back unchanged.
func (c *Client) Echo(line string) error {
	got, err := c.Ask(line)
	if err == nil && got != line {
		err = fmt.Errorf("sent %q, got %q back", line, got)
	}
	return err
}

// Exit sends "exit", waits for the server to close the connection, and
// closes the client's side.
func (c *Client) Exit() error {
	defer c.Close()
	_ = c.conn.SetDeadline(time.Now().Add(IOTimeout))
	if _, err := io.WriteString(c.conn, "exit\n"); err != nil {
		return err
	}
	if n, err := c.in.Read(make([]byte, 1)); !errors.Is(err, io.EOF) {
		return fmt.Errorf("after exit, expected the connection to close, got %d bytes and %v", n, err)
	}
	return nil
}

// Close closes the connection.
func (c *Client) Close() error { return c.conn.Close() }

// Visit is one client's whole visit: connect, one echo, exit, close.
func Visit(addr string) error {
	c, err := Dial(addr)
	if err != nil {
		return err
	}
	if err := c.Echo("hello"); err != nil {
		_ = c.Close()
		return err
	}
	return c.Exit()
}
