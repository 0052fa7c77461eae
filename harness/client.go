package harness

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"net"
	"os"
	"strings"
	"sync/atomic"
	"syscall"
	"time"

	"github.com/onsi/ginkgo/v2"
	. "github.com/onsi/ginkgo/v2" //nolint:revive // the harness is ginkgo-native

	"github.com/threadproc/threadproc/harness/internal/outcome"
)

// maxReply bounds how many bytes a client buffers while waiting for one
// line, so a server that sends without end cannot exhaust memory.
const maxReply = 4 << 20

// Client is a real TCP connection to a server, with a deadline on every read
// and write and a transcript for failure messages. Its methods fail the
// running spec when something goes wrong; they are not safe for use by
// several goroutines at once (use one Client per goroutine).
type Client struct {
	// Name is how failure messages call this client, such as "client 2".
	Name   string
	peer   string // how messages call the other side: "the server" or "your client"
	conn   net.Conn
	server *Server
	buf    []byte // received but not yet consumed
	log    transcript
}

var dialCount atomic.Int64

// Dial connects a new client to the server, and closes it when the spec
// ends. A failed connection fails the spec with the server's state.
func (s *Server) Dial() *Client {
	GinkgoHelper()
	c, err := s.TryDial()
	if err != nil {
		problem{who: "a new client", did: "connected to " + s.Addr, server: s,
			expected: "the connection to be accepted",
			got:      err.Error(),
			hints:    []string{"a server accepts connections only while its process runs and its listener is open."},
		}.fail()
	}
	return c
}

// TryDial is [Server.Dial] returning the error instead of failing the spec.
func (s *Server) TryDial() (*Client, error) {
	c, err := dial(s.Addr)
	if err != nil {
		return nil, err
	}
	s.mu.Lock()
	s.clients++
	c.Name = fmt.Sprintf("client %d", s.clients)
	s.mu.Unlock()
	c.server = s
	return c, nil
}

// Dial connects a client to addr, and closes it when the spec ends.
func Dial(addr string) *Client {
	GinkgoHelper()
	c, err := dial(addr)
	if err != nil {
		ginkgo.Fail(fmt.Sprintf("could not connect to %s: %v", addr, err))
	}
	return c
}

// dial connects and registers the cleanup.
func dial(addr string) (*Client, error) {
	conn, err := net.DialTimeout("tcp", addr, ioTimeout())
	if err != nil {
		return nil, err
	}
	c := &Client{conn: conn, Name: fmt.Sprintf("client %d", dialCount.Add(1)), peer: "the server"}
	DeferCleanup(c.Close)
	return c, nil
}

// wrap makes a Client of a connection the spec accepted itself, when the
// spec plays the server for a learner's client program: messages then call
// the other side "your client". It is closed when the spec ends.
func wrap(conn net.Conn, name string) *Client {
	c := &Client{conn: conn, Name: name, peer: "your client"}
	DeferCleanup(c.Close)
	return c
}

// Conn returns the underlying connection, for addresses and socket options.
func (c *Client) Conn() net.Conn { return c.conn }

// Send writes data as it is, with a deadline.
func (c *Client) Send(data string) {
	GinkgoHelper()
	if err := c.TrySend(data); err != nil {
		c.problem("sent "+quote([]byte(data)), "the write to succeed", err.Error()).fail()
	}
}

// TrySend is [Client.Send] returning the error instead of failing the spec.
func (c *Client) TrySend(data string) error {
	c.log.add("→ %s", quote([]byte(data)))
	_ = c.conn.SetWriteDeadline(time.Now().Add(ioTimeout()))
	_, err := io.WriteString(c.conn, data)
	return err
}

// SendLine writes line followed by "\n".
func (c *Client) SendLine(line string) {
	GinkgoHelper()
	c.Send(line + "\n")
}

// ReadLine returns the next line the server sends, with its "\n". The error
// is non-nil if no whole line arrived within [IOTimeout]; the bytes that did
// arrive are returned with it.
func (c *Client) ReadLine() (string, error) {
	deadline := time.Now().Add(ioTimeout())
	for {
		if i := bytes.IndexByte(c.buf, '\n'); i >= 0 {
			line := string(c.buf[:i+1])
			c.buf = c.buf[i+1:]
			c.log.add("← %s", quote([]byte(line)))
			return line, nil
		}
		if err := c.fill(deadline); err != nil {
			return c.takeAll(), err
		}
	}
}

// fill reads what is available into buf, waiting at most until deadline.
func (c *Client) fill(deadline time.Time) error {
	if len(c.buf) >= maxReply {
		return fmt.Errorf("more than %d bytes arrived without a newline", maxReply)
	}
	_ = c.conn.SetReadDeadline(deadline)
	tmp := make([]byte, 64<<10)
	n, err := c.conn.Read(tmp)
	c.buf = append(c.buf, tmp[:n]...)
	return err
}

// takeAll consumes and returns everything buffered.
func (c *Client) takeAll() string {
	s := string(c.buf)
	if s != "" {
		c.log.add("← %s", quote(c.buf))
	}
	c.buf = nil
	return s
}

// ExpectLine reads the next line and fails the spec unless it is exactly
// want followed by "\n". Hints are added to the failure message.
func (c *Client) ExpectLine(want string, hints ...string) {
	GinkgoHelper()
	got, err := c.ReadLine()
	if err == nil && got == want+"\n" {
		return
	}
	c.problem("waited for a reply", "the line "+quote([]byte(want+"\n"))+" within "+ioTimeout().Round(100*time.Millisecond).String(),
		c.describeReply(got, err, want), hints...).fail()
}

// ExpectReply fails the spec unless a line the client already read (got and
// err, as [Client.ReadLine] returned them) is want followed by "\n". did
// says what the client did before it read, for the message, such as
// `sent "work 5\n" while sending jobs at once`. It is for specs that read
// replies in goroutines of their own and judge them afterwards.
func (c *Client) ExpectReply(did, got string, err error, want string, hints ...string) {
	GinkgoHelper()
	if err == nil && got == want+"\n" {
		return
	}
	c.problem(did, "the line "+quote([]byte(want+"\n"))+" within "+ioTimeout().Round(100*time.Millisecond).String(),
		c.describeReply(got, err, want), hints...).fail()
}

// ExpectData reads exactly len(want) bytes and fails the spec unless they
// are want (for replies that do not end in a newline).
func (c *Client) ExpectData(want string, hints ...string) {
	GinkgoHelper()
	deadline := time.Now().Add(ioTimeout())
	var err error
	for len(c.buf) < len(want) && err == nil {
		err = c.fill(deadline)
	}
	n := min(len(want), len(c.buf))
	got := string(c.buf[:n])
	c.buf = c.buf[n:]
	c.log.add("← %s", quote([]byte(got)))
	if got == want {
		return
	}
	c.problem("waited for a reply", "exactly "+quote([]byte(want))+" within "+ioTimeout().Round(100*time.Millisecond).String(),
		c.describeReply(got, err, want), hints...).fail()
}

// ExpectClosed fails the spec unless the server closes the connection within
// [IOTimeout] without sending anything more.
func (c *Client) ExpectClosed(hints ...string) {
	GinkgoHelper()
	deadline := time.Now().Add(ioTimeout())
	var err error
	for err == nil && len(c.buf) == 0 {
		err = c.fill(deadline)
	}
	if len(c.buf) > 0 {
		got := c.takeAll()
		c.problem("waited for "+c.peer+" to close the connection", "the connection to close with nothing more sent",
			c.peer+" sent "+quote([]byte(got))+" instead", hints...).fail()
	}
	if closedByPeer(err) {
		c.log.add("← (connection closed by %s)", c.peer)
		return
	}
	c.problem("waited for "+c.peer+" to close the connection", "the connection to close within "+ioTimeout().Round(100*time.Millisecond).String(),
		c.describeReply("", err, ""), hints...).fail()
}

// ExpectOpen fails the spec if the server closes the connection or sends
// anything within d: the connection must stay open and quiet.
func (c *Client) ExpectOpen(d time.Duration, hints ...string) {
	GinkgoHelper()
	err := c.fill(time.Now().Add(d))
	if isTimeout(err) && len(c.buf) == 0 {
		return
	}
	got := c.takeAll()
	if got == "" {
		got = c.describeReply("", err, "")
	} else {
		got = "the server sent " + quote([]byte(got))
	}
	c.problem("waited "+d.String(), "the connection to stay open and quiet", got, hints...).fail()
}

// CloseWrite half-closes the connection: the server reads end of file, and
// the client can still read the server's replies.
func (c *Client) CloseWrite() {
	GinkgoHelper()
	c.log.add("→ (end of input: the client half-closed its side)")
	if err := c.conn.(*net.TCPConn).CloseWrite(); err != nil {
		ginkgo.Fail(fmt.Sprintf("%s could not half-close its connection: %v", c.Name, err))
	}
}

// Reset aborts the connection: the server gets a TCP reset instead of an
// orderly end of file, as when a client program is killed mid-line.
func (c *Client) Reset() {
	c.log.add("→ (connection reset by the client)")
	_ = c.conn.(*net.TCPConn).SetLinger(0)
	_ = c.conn.Close()
}

// Close closes the connection. It is safe to call more than once.
func (c *Client) Close() { _ = c.conn.Close() }

// problem builds a failure for this client.
func (c *Client) problem(did, expected, got string, hints ...string) problem {
	return problem{who: c.Name, did: did, expected: expected, got: got, hints: hints, log: &c.log, server: c.server}
}

// describeReply says what arrived instead of the expected reply, naming the
// usual mistakes. A client that got nothing at all, neither an answer nor a
// close, within its deadline is recorded as a hang (once per spec).
func (c *Client) describeReply(got string, err error, want string) string {
	switch {
	case err == nil && strings.HasPrefix(got, "error: "):
		return quote([]byte(got)) + " (the server answered with an error)"
	case err == nil:
		return quote([]byte(got))
	case want != "" && got == want && isTimeout(err):
		return quote([]byte(got)) + " and then nothing more: the reply came back without its \"\\n\""
	case got != "" && isTimeout(err):
		return quote([]byte(got)) + " and then nothing more for " + ioTimeout().Round(100*time.Millisecond).String()
	case got != "" && closedByPeer(err):
		return quote([]byte(got)) + " and then the server closed the connection"
	case isTimeout(err):
		record(outcome.Hang, c.Name+" got nothing at all for "+ioTimeout().Round(100*time.Millisecond).String()+": neither an answer nor a close")
		return "nothing at all for " + ioTimeout().Round(100*time.Millisecond).String() + " (the server neither answered nor closed the connection)"
	case closedByPeer(err):
		return "the server closed the connection without answering"
	default:
		return err.Error()
	}
}

// isTimeout reports whether err is a deadline expiring.
func isTimeout(err error) bool {
	return errors.Is(err, os.ErrDeadlineExceeded)
}

// closedByPeer reports whether err means the other side closed or reset the
// connection.
func closedByPeer(err error) bool {
	return errors.Is(err, io.EOF) || errors.Is(err, syscall.ECONNRESET) || errors.Is(err, net.ErrClosed)
}
