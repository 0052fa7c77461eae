// Package files copies files, once for the whole kit.
package files

import (
	"io"
	"os"
)

// CopyExecutable copies the file at from to to, executable, streaming it
// (test binaries are tens of megabytes).
func CopyExecutable(from, to string) error {
	in, err := os.Open(from)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.OpenFile(to, os.O_CREATE|os.O_WRONLY|os.O_TRUNC, 0o755)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}
