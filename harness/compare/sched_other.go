//go:build !linux

package compare

import (
	"errors"
	"time"
)

// waitTime is unknown here: only Linux reports how long threads wait for a
// CPU.
func waitTime(pid int) (time.Duration, error) {
	return 0, errors.ErrUnsupported
}
