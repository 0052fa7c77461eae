package kit

import (
	"bufio"
	"bytes"
	"crypto/sha1"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"time"
)

// Where the pristine skeleton comes from: the kit records, for every file a
// learner edits (the manifest's files), the git blob ID of its skeleton in
// SkeletonSums. A blob ID names a file's content, not a commit: the
// skeleton's blob stays in the repository's history whatever the learner
// commits on top, on any branch, and make reset reads it back with `git
// cat-file`. Outside a git checkout (a downloaded archive) there is no
// history to read: make reset says so and where to get the file.

// SkeletonSums is the file, relative to the root, that lists the skeleton's
// blob ID of every learner file: "01-echo/client.go <blob id>" a line.
const SkeletonSums = "harness/kit/skeleton.sum"

// BlobID returns the git blob ID (SHA-1) of content, as `git hash-object`
// computes it.
func BlobID(content []byte) string {
	h := sha1.New()
	fmt.Fprintf(h, "blob %d\x00", len(content))
	h.Write(content)
	return hex.EncodeToString(h.Sum(nil))
}

// LoadSkeletonSums reads SkeletonSums: "01-echo/client.go" → blob ID.
func LoadSkeletonSums(root string) (map[string]string, error) {
	b, err := os.ReadFile(filepath.Join(root, SkeletonSums))
	if err != nil {
		return nil, err
	}
	sums := map[string]string{}
	sc := bufio.NewScanner(bytes.NewReader(b))
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		name, id, ok := strings.Cut(line, " ")
		if !ok {
			return nil, fmt.Errorf("%s: bad line %q", SkeletonSums, line)
		}
		sums[name] = strings.TrimSpace(id)
	}
	return sums, sc.Err()
}

// WriteSkeletonSums records the blob IDs of the learner files of exs as
// they are now (run on the kit's own tree, after a skeleton changed).
func WriteSkeletonSums(root string, exs []Exercise) error {
	var b strings.Builder
	b.WriteString("# The git blob ID of each learner file's skeleton, for make reset.\n")
	b.WriteString("# Written by `go run ./harness/cmd/kit reset -record` whenever a skeleton changes;\n")
	b.WriteString("# the kit's suite checks that it matches exercises/.\n")
	for _, ex := range exs {
		m, err := LoadManifest(ex)
		if err != nil {
			return err
		}
		for _, f := range slices.Sorted(slices.Values(m.Files)) {
			content, err := os.ReadFile(filepath.Join(ex.Dir(), f))
			if err != nil {
				return err
			}
			fmt.Fprintf(&b, "%s/%s %s\n", ex.Name, f, BlobID(content))
		}
	}
	return os.WriteFile(filepath.Join(root, SkeletonSums), []byte(b.String()), 0o644)
}

// Restored is what make reset did with one file.
type Restored struct {
	// File is the learner file's name, such as "stats.go".
	File string
	// Backup is where the learner's version was saved, or "" when there
	// was nothing to save (the file was missing, or already the skeleton).
	Backup string
	// Unchanged is set when the file already was the skeleton.
	Unchanged bool
}

// ErrNoGit is returned by Reset outside a git checkout, or when the
// skeleton's blob is not in the repository's history.
var ErrNoGit = errors.New("the skeleton is read from the kit's git history")

// Reset puts the skeleton of each of files (learner files of ex) back,
// after copying the learner's version to backupDir. It checks every file
// first, so that it restores all of them or none.
func Reset(ex Exercise, files []string, sums map[string]string, backupDir string) ([]Restored, error) {
	m, err := LoadManifest(ex)
	if err != nil {
		return nil, err
	}
	skeletons := map[string][]byte{}
	for _, f := range files {
		if !slices.Contains(m.Files, f) {
			return nil, fmt.Errorf("%s is not one of the files you edit in %s: %s", f, ex.Name, strings.Join(m.Files, ", "))
		}
		id, ok := sums[ex.Name+"/"+f]
		if !ok {
			return nil, fmt.Errorf("%s lists no skeleton for %s/%s", SkeletonSums, ex.Name, f)
		}
		content, err := gitBlob(ex.Root, id)
		if err != nil {
			return nil, err
		}
		skeletons[f] = content
	}
	var done []Restored
	for _, f := range files {
		path := filepath.Join(ex.Dir(), f)
		r := Restored{File: f}
		mine, err := os.ReadFile(path)
		switch {
		case err == nil && bytes.Equal(mine, skeletons[f]):
			r.Unchanged = true
			done = append(done, r)
			continue
		case err == nil:
			r.Backup = filepath.Join(backupDir, f)
			if err := os.MkdirAll(backupDir, 0o755); err != nil {
				return done, err
			}
			if err := os.WriteFile(r.Backup, mine, 0o644); err != nil {
				return done, err
			}
		case !os.IsNotExist(err):
			return done, err
		}
		if err := os.WriteFile(path, skeletons[f], 0o644); err != nil {
			return done, err
		}
		done = append(done, r)
	}
	return done, nil
}

// BackupDir is a new folder for make reset's backups of ex, named after
// the time.
func BackupDir(root string, ex Exercise, now time.Time) string {
	return filepath.Join(root, StateDir, "backup", ex.Name+"-"+now.Format("20060102-150405"))
}

// gitBlob reads a blob from the git repository at root.
func gitBlob(root, id string) ([]byte, error) {
	if _, err := exec.LookPath("git"); err != nil {
		return nil, fmt.Errorf("%w, and git is not installed", ErrNoGit)
	}
	inside := exec.Command("git", "rev-parse", "--is-inside-work-tree")
	inside.Dir = root
	if out, err := inside.Output(); err != nil || strings.TrimSpace(string(out)) != "true" {
		return nil, fmt.Errorf("%w, and %s is not a git checkout", ErrNoGit, root)
	}
	cmd := exec.Command("git", "cat-file", "blob", id)
	cmd.Dir = root
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return nil, fmt.Errorf("%w, and this repository's history does not have blob %s (%s)", ErrNoGit, id,
			strings.TrimSpace(stderr.String()))
	}
	return out, nil
}
