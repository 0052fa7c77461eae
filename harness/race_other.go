//go:build !unix

package harness

import (
	"os"
	"os/exec"
)

// execBinary runs bin with the same arguments and exits with its status
// (there is no exec here). It returns only on error.
func execBinary(bin string, env []string) error {
	cmd := exec.Command(bin, os.Args[1:]...)
	cmd.Env, cmd.Stdin, cmd.Stdout, cmd.Stderr = env, os.Stdin, os.Stdout, os.Stderr
	err := cmd.Run()
	if ee, ok := err.(*exec.ExitError); ok {
		os.Exit(ee.ExitCode())
	}
	if err != nil {
		return err
	}
	os.Exit(0)
	return nil
}
