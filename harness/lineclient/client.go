// Package lineclient is the measuring client of the kit's benchmarks
// (package bench) and of make compare (package compare): one connection to
// a line server, with a deadline on every read and write. The specs use the
// richer harness.Client instead, which explains its failures to a learner.
package lineclient

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"net"
	"net/netip"
	"syscall"
	"time"
)

// IOTimeout bounds every read and write unless a call says otherwise.
const IOTimeout = 10 * time.Second

// Client is one connection to a line server, with a line reader.
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
// without its "\n", within IOTimeout.
func (c *Client) Ask(line string) (string, error) { return c.AskWithin(line, IOTimeout) }

// AskWithin is Ask with a deadline of d instead of IOTimeout.
func (c *Client) AskWithin(line string, d time.Duration) (string, error) {
	_ = c.conn.SetDeadline(time.Now().Add(d))
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
	if err := c.ClosedWithin(IOTimeout); err != nil {
		return fmt.Errorf("after exit: %w", err)
	}
	return nil
}

// ClosedWithin waits at most d for the server to close the connection (or
// reset it, as the kernel does for a process that died with unread input).
func (c *Client) ClosedWithin(d time.Duration) error {
	_ = c.conn.SetReadDeadline(time.Now().Add(d))
	n, err := c.in.Read(make([]byte, 1))
	if IsClosed(err) {
		return nil
	}
	return fmt.Errorf("expected the connection to close, got %d bytes and %v", n, err)
}

// Ends returns the connection's two ends, this client's first.
func (c *Client) Ends() (local, remote netip.AddrPort) {
	return c.conn.LocalAddr().(*net.TCPAddr).AddrPort(), c.conn.RemoteAddr().(*net.TCPAddr).AddrPort()
}

// Close closes the connection.
func (c *Client) Close() error { return c.conn.Close() }

// IsClosed reports whether err means that the other side closed or reset
// the connection.
func IsClosed(err error) bool {
	return errors.Is(err, io.EOF) || errors.Is(err, syscall.ECONNRESET) || errors.Is(err, net.ErrClosed)
}

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
