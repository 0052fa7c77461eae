package harness

import (
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strings"

	"github.com/threadproc/threadproc/harness/internal/words"
)

// envRaced marks a test binary that the harness rebuilt with the race
// detector and started in place of the one it was given.
const envRaced = "THREADPROC_RACE_REBUILT"

// keepRaceBinaries is how many rebuilt test binaries of one package the
// harness keeps in its cache.
const keepRaceBinaries = 3

// ensureRace makes sure the specs judge the learner's code with the race
// detector on, however the suite was started: `go test`, `ginkgo` or an
// editor's test button build the test binary without -race, and a data race
// would then pass unseen. Such a binary rebuilds its own package with
// `go test -c -race` (into the user's cache folder, reused while the code is
// unchanged) and runs the rebuilt binary in its place, with the same
// arguments and environment. It returns only when the binary already has the
// race detector; if it cannot rebuild, it says how to run the suite and exits
// with a failure: it never judges without the race detector.
func ensureRace() {
	if raceEnabled {
		return
	}
	if os.Getenv(envRaced) != "" {
		refuse(errors.New(words.Say("race.still-none")))
	}
	bin, fresh, err := raceBinary()
	if err != nil {
		refuse(err)
	}
	if fresh {
		childSay("race.rebuilt")
	}
	if err := execBinary(bin, append(os.Environ(), envRaced+"=1")); err != nil {
		refuse(err)
	}
}

// refuse ends the suite without judging anything, saying how to run it.
func refuse(err error) {
	childSay("race.refuse", err)
	os.Exit(3)
}

// raceBinary returns the path of this package's test binary built with the
// race detector, building it unless the cache has it for exactly this code
// (keyed by a digest of the binary without it), and whether it built it.
func raceBinary() (string, bool, error) {
	self, err := os.Executable()
	if err != nil {
		return "", false, err
	}
	key, err := fileDigest(self)
	if err != nil {
		return "", false, err
	}
	pkgDir, err := os.Getwd() // go test and ginkgo run a test binary in its package's folder
	if err != nil {
		return "", false, err
	}
	cache, err := os.UserCacheDir()
	if err != nil {
		cache = os.TempDir()
	}
	dirKey := sha256.Sum256([]byte(pkgDir))
	dir := filepath.Join(cache, "threadproc", "race", hex.EncodeToString(dirKey[:6]))
	bin := filepath.Join(dir, key+".test")
	if runtime.GOOS == "windows" {
		bin += ".exe"
	}
	if _, err := os.Stat(bin); err == nil {
		return bin, false, nil
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", false, err
	}
	tmp := fmt.Sprintf("%s.%d.tmp", bin, os.Getpid())
	goTool, err := exec.LookPath("go")
	if err != nil {
		goTool = filepath.Join(runtime.GOROOT(), "bin", "go")
	}
	cmd := exec.Command(goTool, "test", "-c", "-race", "-o", tmp, ".")
	cmd.Dir = pkgDir
	if out, err := cmd.CombinedOutput(); err != nil {
		_ = os.Remove(tmp)
		return "", false, fmt.Errorf("go test -c -race: %v\n%s", err, strings.TrimSpace(string(out)))
	}
	if err := os.Rename(tmp, bin); err != nil {
		return "", false, err
	}
	pruneRaceBinaries(dir, bin)
	return bin, true, nil
}

// fileDigest returns a short hex digest of a file's content.
func fileDigest(path string) (string, error) {
	f, err := os.Open(path)
	if err != nil {
		return "", err
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return "", err
	}
	return hex.EncodeToString(h.Sum(nil)[:12]), nil
}

// pruneRaceBinaries removes all but the newest keepRaceBinaries binaries of
// dir, never keep itself.
func pruneRaceBinaries(dir, keep string) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	type file struct {
		path string
		mod  int64
	}
	var files []file
	for _, e := range entries {
		info, err := e.Info()
		if err != nil || strings.HasSuffix(e.Name(), ".tmp") {
			continue
		}
		files = append(files, file{filepath.Join(dir, e.Name()), info.ModTime().UnixNano()})
	}
	slices.SortFunc(files, func(a, b file) int { return cmp.Compare(b.mod, a.mod) })
	for i, f := range files {
		if i >= keepRaceBinaries && f.path != keep {
			_ = os.Remove(f.path)
		}
	}
}
