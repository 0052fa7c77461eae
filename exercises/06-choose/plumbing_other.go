//go:build !unix

package choose

import (
	"errors"
	"os"
)

// This file is GIVEN.

// socketPair fails: a worker gets its connection to the server as an extra
// file descriptor, which only Unix systems can hand to a child process. On
// Windows, use WSL.
func socketPair() (ours, theirs *os.File, err error) {
	return nil, nil, errors.New("worker processes need Linux or macOS (on Windows, use WSL)")
}
