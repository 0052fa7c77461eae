package grading

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"time"

	"github.com/threadproc/threadproc/harness/sandbox"
)

// Provenance says what produced a grade, so that it can be reproduced and
// two grades can be compared: it is written into every output.
type Provenance struct {
	// KitCommit is the kit's git commit, with "+dirty" when tracked files
	// differ from it, or "unknown" outside a git checkout.
	KitCommit string `json:"kit_commit"`
	// GoVersion is the Go toolchain that builds the suites.
	GoVersion string `json:"go_version"`
	OS        string `json:"os"`
	Arch      string `json:"arch"`
	CPUs      int    `json:"cpus"`
	// GinkgoSeed is the seed every suite ran with (--ginkgo.seed).
	GinkgoSeed int64 `json:"ginkgo_seed"`
	// Sandbox says what enforced each limit, and what did not.
	Sandbox sandbox.Plan `json:"sandbox"`
	// BudgetSeconds is the time budget per learner.
	BudgetSeconds float64 `json:"budget_seconds,omitempty"`
	// GradedAt is when the learner's grading started (RFC 3339).
	GradedAt string `json:"graded_at,omitempty"`
	// Submission is a SHA-256 of the learner's Go files, and
	// SubmissionCommit their git commit, when the copy is a repository.
	Submission       string `json:"submission,omitempty"`
	SubmissionCommit string `json:"submission_commit,omitempty"`
}

// Describe returns the provenance of a run of the kit at root: its commit,
// the Go toolchain, this machine, and the seed.
func Describe(ctx context.Context, root string, seed int64) Provenance {
	p := Provenance{KitCommit: kitCommit(ctx, root), GoVersion: runtime.Version(), OS: runtime.GOOS,
		Arch: runtime.GOARCH, CPUs: runtime.NumCPU(), GinkgoSeed: seed}
	cmd := exec.CommandContext(ctx, "go", "env", "GOVERSION")
	cmd.Dir = root
	if out, err := cmd.Output(); err == nil && len(strings.TrimSpace(string(out))) > 0 {
		p.GoVersion = strings.TrimSpace(string(out))
	}
	return p
}

// kitCommit returns root's git commit, "+dirty" when tracked files changed.
func kitCommit(ctx context.Context, root string) string {
	git := func(args ...string) (string, error) {
		cmd := exec.CommandContext(ctx, "git", append([]string{"-C", root}, args...)...)
		out, err := cmd.Output()
		return strings.TrimSpace(string(out)), err
	}
	commit, err := git("rev-parse", "HEAD")
	if err != nil || commit == "" {
		return "unknown"
	}
	if changed, err := git("status", "--porcelain", "--untracked-files=no"); err == nil && changed != "" {
		commit += "+dirty"
	}
	return commit
}

// SubmissionHash is a SHA-256 over the Go files of a learner's copy (each
// exercise folder's *.go), their names and contents: the same copy gives
// the same hash.
func SubmissionHash(tree string) string {
	files, _ := filepath.Glob(filepath.Join(tree, "*", "*.go"))
	sort.Strings(files)
	h := sha256.New()
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			continue
		}
		rel, _ := filepath.Rel(tree, f)
		h.Write([]byte(filepath.ToSlash(rel) + "\x00"))
		h.Write(b)
		h.Write([]byte{0})
	}
	return hex.EncodeToString(h.Sum(nil))
}

// gitCommit reads the commit a repository's HEAD points at from its files,
// without running git in a learner's repository (whose configuration is
// not to be trusted); "" if dir is no repository or HEAD cannot be read.
func gitCommit(dir string) string {
	gitDir := filepath.Join(dir, ".git")
	head, err := os.ReadFile(filepath.Join(gitDir, "HEAD"))
	if err != nil {
		return ""
	}
	ref, isRef := strings.CutPrefix(strings.TrimSpace(string(head)), "ref: ")
	if !isRef {
		return ref // a detached HEAD holds the commit itself
	}
	if b, err := os.ReadFile(filepath.Join(gitDir, filepath.FromSlash(ref))); err == nil {
		return strings.TrimSpace(string(b))
	}
	packed, _ := os.ReadFile(filepath.Join(gitDir, "packed-refs"))
	for _, line := range strings.Split(string(packed), "\n") {
		if commit, name, ok := strings.Cut(line, " "); ok && name == ref {
			return commit
		}
	}
	return ""
}

// now is the time in RFC 3339, for GradedAt.
func now() string { return time.Now().UTC().Format(time.RFC3339) }

// hashBytes is b's SHA-256, in hex.
func hashBytes(b []byte) string {
	h := sha256.Sum256(b)
	return hex.EncodeToString(h[:])
}
