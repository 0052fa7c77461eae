// Package vetresult hands the result of a `go vet` run made outside a
// sandbox to the spec that reports it inside: go vet reads the learner's
// code and runs none of it, but needs a writable build cache, which the
// sandbox does not give.
package vetresult

import (
	"bytes"
	"fmt"
	"os"
)

// EnvVar names the file with the result; when it is set, the spec reads the
// result from it instead of running go vet.
const EnvVar = "THREADPROC_VET_RESULT"

// Write saves go vet's exit code and output in path.
func Write(path string, code int, out []byte) error {
	return os.WriteFile(path, append(fmt.Appendf(nil, "exit %d\n", code), out...), 0o644)
}

// Read returns the exit code and output saved in path.
func Read(path string) (code int, out []byte, err error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return 0, nil, err
	}
	first, rest, _ := bytes.Cut(b, []byte("\n"))
	if _, err := fmt.Sscanf(string(first), "exit %d", &code); err != nil {
		return 0, nil, fmt.Errorf("%s: not a go vet result: %w", path, err)
	}
	return code, rest, nil
}
