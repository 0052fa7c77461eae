package kit

import (
	"fmt"
	"io"
	"sync"
)

// Tally counts checks: a spec that behaved as it should counts as passed.
type Tally struct {
	mu                      sync.Mutex
	Passed, Failed, Skipped int
	out                     io.Writer
}

// NewTally returns a Tally that reports to out.
func NewTally(out io.Writer) *Tally { return &Tally{out: out} }

// Check records one check and prints it when it failed or detail is set.
func (t *Tally) Check(ok bool, format string, args ...any) {
	t.mu.Lock()
	defer t.mu.Unlock()
	if ok {
		t.Passed++
		return
	}
	t.Failed++
	fmt.Fprintf(t.out, "  FAIL "+format+"\n", args...)
}

// Skip records a check that could not be made here.
func (t *Tally) Skip() {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.Skipped++
}

// Printf prints a line of progress.
func (t *Tally) Printf(format string, args ...any) {
	t.mu.Lock()
	defer t.mu.Unlock()
	fmt.Fprintf(t.out, format, args...)
}

// Summary is the closing line CI reads: "N passed, N failed[, N skipped]".
func (t *Tally) Summary() string {
	t.mu.Lock()
	defer t.mu.Unlock()
	s := fmt.Sprintf("%d passed, %d failed", t.Passed, t.Failed)
	if t.Skipped > 0 {
		s += fmt.Sprintf(", %d skipped", t.Skipped)
	}
	return s
}
