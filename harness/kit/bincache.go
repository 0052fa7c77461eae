package kit

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"sort"
	"sync"
	"time"

	"github.com/threadproc/threadproc/harness/internal/files"
)

// The kit keeps the test binaries it compiles, so that a second kit test,
// verify, flake or learn on unchanged code links nothing: linking a race
// test binary costs about two seconds of CPU, and kit test builds a hundred.
// A binary is found again by a key that hashes everything its build reads:
// the go command's environment (toolchain, GOOS, GOARCH, GOFLAGS, CGO...),
// the build's flags, go.mod and go.sum (which pin every dependency), and
// the place and content of every file of the main module's packages the
// test imports, with the overlay's replacements read instead of the files
// they replace. Standard packages are covered by the toolchain's version
// and GOROOT, dependencies by their module version. THREADPROC_BUILD_CACHE=off
// turns the cache off; it lives in the user's cache folder and is pruned to
// cacheBytes, least recently used first.

// cacheBytes bounds the cache's size on disk.
const cacheBytes = 4 << 30

// cacheKeyEnv turns the cache off when set to "off".
const cacheKeyEnv = "THREADPROC_BUILD_CACHE"

// binCache is the kit's store of test binaries.
type binCache struct {
	dir string

	mu    sync.Mutex
	envs  map[string]string // root: the go env and module files, hashed
	files map[string]*pkgFiles
}

// pkgFiles is what a package's test build reads, listed once per package.
type pkgFiles struct {
	once  sync.Once
	files []string // main-module files, absolute
	deps  []string // path@version of every dependency module
	err   error
}

var (
	theCache     *binCache
	theCacheOnce sync.Once
)

// cache returns the kit's binary cache, or nil when it is off or there is
// no cache folder.
func cache() *binCache {
	theCacheOnce.Do(func() {
		if os.Getenv(cacheKeyEnv) == "off" {
			return
		}
		base, err := os.UserCacheDir()
		if err != nil {
			return
		}
		dir := filepath.Join(base, "threadproc", "test-binaries")
		if os.MkdirAll(dir, 0o755) != nil {
			return
		}
		theCache = &binCache{dir: dir, envs: map[string]string{}, files: map[string]*pkgFiles{}}
	})
	return theCache
}

// key hashes everything the build of s with args reads.
func (c *binCache) key(ctx context.Context, s *Suite, args []string) (string, error) {
	env, err := c.env(ctx, s.Root)
	if err != nil {
		return "", err
	}
	pf := c.pkg(ctx, s)
	if pf.err != nil {
		return "", pf.err
	}
	h := sha256.New()
	fmt.Fprintf(h, "env %s\nargs %q\npkg %s\n", env, args, s.Pkg)
	for _, d := range pf.deps {
		fmt.Fprintf(h, "dep %s\n", d)
	}
	listed := map[string]bool{}
	for _, f := range pf.files {
		listed[f] = true
		path := f
		if to, ok := s.Overlay[f]; ok {
			path = to
		}
		if err := hashFile(h, rel(s.Root, f), path); err != nil {
			return "", err
		}
	}
	var added []string // files the overlay adds to the package
	for from := range s.Overlay {
		if !listed[from] {
			added = append(added, from)
		}
	}
	sort.Strings(added)
	for _, f := range added {
		if err := hashFile(h, rel(s.Root, f), s.Overlay[f]); err != nil {
			return "", err
		}
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

// rel names a file by its place in the module, so that two checkouts of the
// same kit share binaries (their messages then name the files of the
// checkout that built them, which hold the same code).
func rel(root, path string) string {
	if r, err := filepath.Rel(root, path); err == nil && filepath.IsLocal(r) {
		return filepath.ToSlash(r)
	}
	return path
}

// hashFile writes a file's name and content into h.
func hashFile(h io.Writer, name, path string) error {
	b, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	sum := sha256.Sum256(b)
	fmt.Fprintf(h, "file %s %x\n", name, sum)
	return nil
}

// env hashes the go command's environment and the module's go.mod and
// go.sum, once per root.
func (c *binCache) env(ctx context.Context, root string) (string, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if e, ok := c.envs[root]; ok {
		return e, nil
	}
	cmd := exec.CommandContext(ctx, "go", "env", "-json")
	cmd.Dir = root
	out, err := cmd.Output()
	if err != nil {
		return "", fmt.Errorf("go env: %w", err)
	}
	var vars map[string]any
	if err := json.Unmarshal(out, &vars); err != nil {
		return "", fmt.Errorf("go env: %w", err)
	}
	delete(vars, "GOGCCFLAGS")    // names a new temporary folder each time
	delete(vars, "GOMOD")         // names the checkout: files count by their place in the module
	norm, _ := json.Marshal(vars) // in key order
	h := sha256.New()
	h.Write(norm)
	for _, f := range []string{"go.mod", "go.sum"} {
		if err := hashFile(h, f, filepath.Join(root, f)); err != nil && !errors.Is(err, os.ErrNotExist) {
			return "", err
		}
	}
	e := hex.EncodeToString(h.Sum(nil))
	c.envs[root] = e
	return e, nil
}

// listed is the part of `go list -json` the key needs.
type listed struct {
	Dir      string
	Standard bool
	Module   *struct {
		Path, Version string
		Main          bool
		Replace       *struct{ Path, Version string }
	}
	GoFiles, CgoFiles, CFiles, SFiles, HFiles, EmbedFiles      []string
	TestGoFiles, XTestGoFiles, TestEmbedFiles, XTestEmbedFiles []string
}

// pkg lists the files of the main module that a test build of s.Pkg reads,
// and the dependency modules, once per package (the overlay only changes
// the content of files, which key reads).
func (c *binCache) pkg(ctx context.Context, s *Suite) *pkgFiles {
	id := s.Root + "\x00" + s.Pkg
	c.mu.Lock()
	pf, ok := c.files[id]
	if !ok {
		pf = &pkgFiles{}
		c.files[id] = pf
	}
	c.mu.Unlock()
	pf.once.Do(func() {
		cmd := exec.CommandContext(ctx, "go", "list", "-deps", "-test", "-json", s.Pkg)
		cmd.Dir = s.Root
		out, err := cmd.Output()
		if err != nil {
			pf.err = fmt.Errorf("go list %s: %w", s.Pkg, err)
			return
		}
		files, deps := map[string]bool{}, map[string]bool{}
		dec := json.NewDecoder(bytes.NewReader(out))
		for dec.More() {
			var p listed
			if err := dec.Decode(&p); err != nil {
				pf.err = fmt.Errorf("go list %s: %w", s.Pkg, err)
				return
			}
			switch {
			case p.Standard:
			case p.Module != nil && !p.Module.Main:
				d := p.Module.Path + "@" + p.Module.Version
				if r := p.Module.Replace; r != nil {
					d += " => " + r.Path + "@" + r.Version
				}
				deps[d] = true
			default:
				for _, list := range [][]string{p.GoFiles, p.CgoFiles, p.CFiles, p.SFiles, p.HFiles, p.EmbedFiles,
					p.TestGoFiles, p.XTestGoFiles, p.TestEmbedFiles, p.XTestEmbedFiles} {
					for _, f := range list {
						if filepath.IsAbs(f) {
							continue // generated from the others (the test main, in go's cache)
						}
						files[filepath.Join(p.Dir, f)] = true
					}
				}
			}
		}
		pf.files, pf.deps = sortedKeys(files), sortedKeys(deps)
	})
	return pf
}

// sortedKeys returns a set's members in order.
func sortedKeys(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}

// fetch puts the binary stored under key at path, and reports whether
// there was one.
func (c *binCache) fetch(key, path string) bool {
	stored := filepath.Join(c.dir, key+".test")
	if _, err := os.Stat(stored); err != nil {
		return false
	}
	_ = os.Remove(path)
	if err := os.Link(stored, path); err != nil {
		if err := files.CopyExecutable(stored, path); err != nil {
			return false
		}
	}
	now := time.Now()
	_ = os.Chtimes(stored, now, now) // least recently used goes first
	return true
}

// store keeps the binary at path under key.
func (c *binCache) store(key, path string) {
	stored := filepath.Join(c.dir, key+".test")
	tmp := stored + fmt.Sprintf(".%d.tmp", os.Getpid())
	if err := os.Link(path, tmp); err != nil {
		if err := files.CopyExecutable(path, tmp); err != nil {
			_ = os.Remove(tmp)
			return
		}
	}
	if err := os.Rename(tmp, stored); err != nil {
		_ = os.Remove(tmp)
	}
}

// prune removes the least recently used binaries until the cache holds at
// most limit bytes.
func (c *binCache) prune(limit int64) {
	entries, err := os.ReadDir(c.dir)
	if err != nil {
		return
	}
	type bin struct {
		path string
		size int64
		used time.Time
	}
	var bins []bin
	var total int64
	for _, e := range entries {
		info, err := e.Info()
		if err != nil || info.IsDir() {
			continue
		}
		bins = append(bins, bin{filepath.Join(c.dir, e.Name()), info.Size(), info.ModTime()})
		total += info.Size()
	}
	sort.Slice(bins, func(i, j int) bool { return bins[i].used.Before(bins[j].used) })
	for _, b := range bins {
		if total <= limit {
			return
		}
		if os.Remove(b.path) == nil {
			total -= b.size
		}
	}
}
