//go:build !unix

package harness

import (
	"errors"

	"github.com/threadproc/threadproc/harness/internal/words"
)

// interruptGroup cannot signal a process group here.
func interruptGroup(int) error {
	return errors.New(words.Say("interrupt.no-group"))
}
