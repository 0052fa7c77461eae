package procs

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os/exec"
	"time"
)

// toolTimeout bounds every ps or lsof run.
const toolTimeout = 30 * time.Second

// run executes a system tool and returns its standard output. Exit status 1
// with no output is how ps and lsof say "nothing matched": it gives empty
// output and no error. A missing tool gives an error wrapping ErrUnsupported.
func run(tool string, args ...string) ([]byte, error) {
	path, err := exec.LookPath(tool)
	if err != nil {
		return nil, fmt.Errorf("%w on darwin: %s not found (%v)", ErrUnsupported, tool, err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), toolTimeout)
	defer cancel()
	var stdout, stderr bytes.Buffer
	cmd := exec.CommandContext(ctx, path, args...)
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err = cmd.Run()
	var exit *exec.ExitError
	if errors.As(err, &exit) && exit.ExitCode() == 1 && stdout.Len() == 0 {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("procs: %s %v: %w: %s", tool, args, err, bytes.TrimSpace(stderr.Bytes()))
	}
	return stdout.Bytes(), nil
}
