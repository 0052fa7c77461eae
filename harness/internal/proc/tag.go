package proc

import (
	"crypto/rand"
	"encoding/hex"
	"os"

	"github.com/threadproc/threadproc/harness/procs"
)

// Tag is an environment variable that marks every process of one run: a
// process started with it passes it on to everything it starts, so they can
// all be found, and killed, wherever they end up in the process tree (a
// worker that left its group, an orphan).
type Tag struct {
	// Key is the variable's name, such as "THREADPROC_RUN".
	Key string
	// Value tells this run's processes from those of other runs.
	Value string
}

// NewTag returns a tag named key with a random value.
func NewTag(key string) Tag {
	b := make([]byte, 8)
	_, _ = rand.Read(b)
	return Tag{Key: key, Value: hex.EncodeToString(b)}
}

// String returns the tag as an environment entry, "KEY=VALUE".
func (t Tag) String() string { return t.Key + "=" + t.Value }

// Processes returns the PIDs of the processes that carry the tag. Where
// processes cannot be inspected, the error wraps procs.ErrUnsupported.
func (t Tag) Processes() ([]int, error) { return procs.WithEnv(t.Key, t.Value) }

// Kill sends SIGKILL to every process that carries the tag, except this
// one. Where processes cannot be inspected it does nothing.
func (t Tag) Kill() {
	pids, err := t.Processes()
	if err != nil {
		return
	}
	for _, pid := range pids {
		if p, err := os.FindProcess(pid); err == nil && pid != os.Getpid() {
			_ = p.Kill()
		}
	}
}
