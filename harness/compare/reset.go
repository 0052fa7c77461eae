package compare

import (
	"errors"
	"net"
	"syscall"
)

// isReset reports whether err means the other side reset or closed the
// connection.
func isReset(err error) bool {
	return errors.Is(err, syscall.ECONNRESET) || errors.Is(err, net.ErrClosed)
}
