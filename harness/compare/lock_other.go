//go:build !unix

package compare

import (
	"errors"
	"os"
)

// lockFile is not available here.
func lockFile(f *os.File) error { return errors.ErrUnsupported }

// unlockFile is not available here.
func unlockFile(f *os.File) error { return errors.ErrUnsupported }
