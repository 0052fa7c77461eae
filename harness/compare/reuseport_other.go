//go:build !linux

package compare

import (
	"errors"
	"net"
	"os"
)

// shareThePort: the comparison spreads clients over listeners with
// SO_REUSEPORT on Linux only (elsewhere the option exists, but does not
// balance: BSDs give every client to one socket).
func shareThePort(ln *net.TCPListener) error {
	return errors.New("a listener per worker (SO_REUSEPORT) is measured on Linux only")
}

// ownListener is not used here (shareThePort fails first).
func ownListener(f *os.File, i int) (func() (net.Conn, error), error) {
	return nil, errors.ErrUnsupported
}
