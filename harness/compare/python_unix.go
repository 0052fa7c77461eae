//go:build unix

package compare

import (
	"fmt"
	"os"
	"syscall"
)

// execPython replaces this process with the Python server kind: same PID,
// same process group, same environment, and the listening socket still at
// fd 3. It returns only if that fails.
func execPython(kind Kind) error {
	script, err := pythonScript(kind)
	if err != nil {
		return err
	}
	python := os.Getenv(pythonEnv)
	if python == "" {
		return fmt.Errorf("%s is not set", pythonEnv)
	}
	return fmt.Errorf("exec %s: %w", python, syscall.Exec(python, []string{"python3", script}, os.Environ()))
}
