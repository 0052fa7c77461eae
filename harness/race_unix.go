//go:build unix

package harness

import (
	"os"
	"syscall"
)

// execBinary replaces this process with bin, with the same arguments: the
// ginkgo CLI or go test that started this process goes on talking to the
// same process ID, stdout and stderr. It returns only on error.
func execBinary(bin string, env []string) error {
	return syscall.Exec(bin, append([]string{bin}, os.Args[1:]...), env)
}
