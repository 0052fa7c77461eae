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
	"github.com/threadproc/threadproc/harness/internal/words"
)

// maxReply bounds how many bytes a client buffers while waiting for one
// line, so a server that sends without end cannot exhaust memory.
const maxReply = 4 << 20

// Client is a real TCP connection to a server, with a deadline on every read
// and write and a transcript for failure messages. Its methods fail the
// running spec when something goes wrong; they are not safe for use by
// several goroutines at once (use one Client per goroutine).
type Client struct {
	// Name names the client as data, such as "client 2": it is the same in
	// every language, so that a spec may send it to the server and expect
	// it back. Failure messages call the client by [Client.Called], in the
	// learner's language.
	Name    string
	num     int    // its number, for Called; 0 for a connection the spec accepted
	nameKey string // the catalog key of its name when num is 0
	peerKey string // the catalog key of the other side: "the server" or "your client"
	conn    net.Conn
	server  *Server
	buf     []byte // received but not yet consumed
	log     transcript
}

var dialCount atomic.Int64

// Dial connects a new client to the server, and closes it when the spec
// ends. A failed connection fails the spec with the server's state and
// hints, the spec's words for what a server that refuses it got wrong.
func (s *Server) Dial(hints ...string) *Client {
	GinkgoHelper()
	c, err := s.TryDial()
	if err != nil {
		problem{who: words.Say("client.new"), did: words.Say("dial.did", s.Addr), server: s,
			expected: words.Say("dial.expected"),
			got:      err.Error(),
			hints:    append([]string{words.Say("dial.hint")}, hints...),
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
	c.num = s.clients
	c.Name = clientName(c.num)
	s.mu.Unlock()
	c.server = s
	return c, nil
}

// Dial connects a client to addr, and closes it when the spec ends.
func Dial(addr string) *Client {
	GinkgoHelper()
	c, err := dial(addr)
	if err != nil {
		ginkgo.Fail(words.Say("dial.failed", addr, err))
	}
	return c
}

// dial connects and registers the cleanup.
func dial(addr string) (*Client, error) {
	conn, err := net.DialTimeout("tcp", addr, ioTimeout())
	if err != nil {
		return nil, err
	}
	n := int(dialCount.Add(1))
	c := &Client{conn: conn, Name: clientName(n), num: n, peerKey: "peer.server"}
	DeferCleanup(c.Close)
	return c, nil
}

// clientName is a client's [Client.Name], "client n" in every language.
func clientName(n int) string { return fmt.Sprintf("client %d", n) }

// Called returns how failure messages call this client, in the learner's
// language: "client 2", "클라이언트 2", or "the spec's server" for the
// spec's side of a connection that a learner's client program made.
func (c *Client) Called() string {
	if c.num > 0 {
		return words.Say("client.name", c.num)
	}
	return words.Say(c.nameKey)
}

// wrap makes a Client of a connection the spec accepted itself, when the
// spec plays the server for a learner's client program: messages then call
// the other side "your client". nameKey is the catalog key of how messages
// call the connection. It is closed when the spec ends.
func wrap(conn net.Conn, name, nameKey string) *Client {
	c := &Client{conn: conn, Name: name, nameKey: nameKey, peerKey: "peer.client"}
	DeferCleanup(c.Close)
	return c
}

// Conn returns the underlying connection, for addresses and socket options.
func (c *Client) Conn() net.Conn { return c.conn }

// Send writes data as it is, with a deadline. The hints go with the
// failure if the write fails: a server that died of the mistake the spec
// looks for may reset the connection before the reply the spec expects
// could tell it, so a spec passes the same hints to the send as to the
// expectation after it.
func (c *Client) Send(data string, hints ...string) {
	GinkgoHelper()
	if err := c.TrySend(data); err != nil {
		c.problem(words.Say("send.did", quote([]byte(data))), words.Say("send.expected"), err.Error(), hints...).fail()
	}
}

// TrySend is [Client.Send] returning the error instead of failing the spec.
func (c *Client) TrySend(data string) error {
	c.log.add("→ %s", quote([]byte(data)))
	_ = c.conn.SetWriteDeadline(time.Now().Add(ioTimeout()))
	_, err := io.WriteString(c.conn, data)
	return err
}

// SendLine writes line followed by "\n", like [Client.Send].
func (c *Client) SendLine(line string, hints ...string) {
	GinkgoHelper()
	c.Send(line+"\n", hints...)
}

// ReadLine returns the next line the server sends, with its "\n". The error
// is non-nil if no whole line arrived within [IOTimeout]; the bytes that did
// arrive are returned with it.
func (c *Client) ReadLine() (string, error) { return c.readLine(ioTimeout(), nil) }

// readLine returns the next line the server sends, waiting for it in turns
// of at most turn. After a turn in which no whole line came, it waits
// another turn if more (nil: never) says so, and otherwise returns the
// bytes that did arrive with the deadline's error.
func (c *Client) readLine(turn time.Duration, more func() bool) (string, error) {
	deadline := time.Now().Add(turn)
	for {
		if i := bytes.IndexByte(c.buf, '\n'); i >= 0 {
			line := string(c.buf[:i+1])
			c.buf = c.buf[i+1:]
			c.log.add("← %s", quote([]byte(line)))
			return line, nil
		}
		err := c.fill(deadline)
		if err != nil && isTimeout(err) && more != nil && more() {
			deadline = time.Now().Add(turn)
			continue
		}
		if err != nil {
			return c.takeAll(), err
		}
	}
}

// fill reads what is available into buf, waiting at most until deadline.
func (c *Client) fill(deadline time.Time) error {
	if len(c.buf) >= maxReply {
		return errors.New(words.Say("read.too-long", maxReply))
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
	c.problem(words.Say("reply.did"), words.Say("reply.expected", quote([]byte(want+"\n")), waited()),
		c.describeReply(got, err, want, ioTimeout()), hints...).fail()
}

// waited is how long a client waits for a reply, for messages.
func waited() string { return ioTimeout().Round(100 * time.Millisecond).String() }

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
	c.problem(did, words.Say("reply.expected", quote([]byte(want+"\n")), waited()),
		c.describeReply(got, err, want, ioTimeout()), hints...).fail()
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
	c.problem(words.Say("reply.did"), words.Say("data.expected", quote([]byte(want)), waited()),
		c.describeReply(got, err, want, ioTimeout()), hints...).fail()
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
	peer := words.Say(c.peerKey)
	if len(c.buf) > 0 {
		got := c.takeAll()
		c.problem(words.Say("closed.did", peer), words.Say("closed.expected"),
			words.Say("closed.sent", peer, quote([]byte(got))), hints...).fail()
	}
	if closedByPeer(err) {
		c.log.add("%s", words.Say("log.closed", peer))
		return
	}
	c.problem(words.Say("closed.did", peer), words.Say("closed.within", waited()),
		c.describeReply("", err, "", ioTimeout()), hints...).fail()
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
		got = c.describeReply("", err, "", ioTimeout())
	} else {
		got = words.Say("open.sent", quote([]byte(got)))
	}
	c.problem(words.Say("open.did", d.String()), words.Say("open.expected"), got, hints...).fail()
}

// CloseWrite half-closes the connection: the server reads end of file, and
// the client can still read the server's replies.
func (c *Client) CloseWrite() {
	GinkgoHelper()
	c.log.add("%s", words.Say("log.half-closed"))
	if err := c.conn.(*net.TCPConn).CloseWrite(); err != nil {
		ginkgo.Fail(words.Say("half-close.failed", c.Called(), err))
	}
}

// Reset aborts the connection: the server gets a TCP reset instead of an
// orderly end of file, as when a client program is killed mid-line.
func (c *Client) Reset() {
	c.log.add("%s", words.Say("log.reset"))
	_ = c.conn.(*net.TCPConn).SetLinger(0)
	_ = c.conn.Close()
}

// Close closes the connection. It is safe to call more than once.
func (c *Client) Close() { _ = c.conn.Close() }

// problem builds a failure for this client.
func (c *Client) problem(did, expected, got string, hints ...string) problem {
	return problem{who: c.Called(), did: did, expected: expected, got: got, hints: hints, log: &c.log, server: c.server}
}

// describeReply says what arrived instead of the expected reply, naming the
// usual mistakes. A client that got nothing at all, neither an answer nor a
// close, within its deadline is recorded as a hang (once per spec). wait is
// how long the client waited.
func (c *Client) describeReply(got string, err error, want string, wait time.Duration) string {
	waited := wait.Round(100 * time.Millisecond).String()
	switch {
	case err == nil && strings.HasPrefix(got, "error: "):
		return words.Say("reply.error", quote([]byte(got)))
	case err == nil:
		return quote([]byte(got))
	case want != "" && got == want && isTimeout(err):
		return words.Say("reply.no-newline", quote([]byte(got)))
	case got != "" && isTimeout(err):
		return words.Say("reply.then-nothing", quote([]byte(got)), waited)
	case got != "" && closedByPeer(err):
		return words.Say("reply.then-closed", quote([]byte(got)))
	case isTimeout(err):
		record(outcome.Hang, words.Say("outcome.hang", c.Called(), waited))
		return words.Say("reply.nothing", waited)
	case closedByPeer(err):
		return words.Say("reply.closed")
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
