package kit

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
)

// minGallery is how many wrong implementations every exercise needs.
const minGallery = 3

// CheckLayout records whether ex has everything an exercise needs: both
// READMEs and both hint files, TODO markers in its skeleton, a solution, and
// at least minGallery gallery entries.
func CheckLayout(ex Exercise, t *Tally) {
	for _, name := range []string{"README.md", "README.ko.md", "HINTS.md", "HINTS.ko.md"} {
		_, err := os.Stat(filepath.Join(ex.Dir(), name))
		t.Check(err == nil, "%s: %s is missing", ex.Name, name)
	}
	t.Check(countMatches(ex.Dir(), todoMarkerRE) > 0, "%s: the skeleton has no TODO(n) markers", ex.Name)
	sol, _ := filepath.Glob(filepath.Join(ex.SolutionDir(), "*.go"))
	t.Check(len(sol) > 0, "%s: solutions/%s has no Go files", ex.Name, ex.Name)
	entries, err := Gallery(ex)
	if err != nil {
		t.Check(false, "%s: the gallery cannot be read: %v", ex.Name, err)
		return
	}
	t.Check(len(entries) >= minGallery, "%s: the gallery needs at least %d entries (wrong implementations in solutions/%s/gallery), it has %d",
		ex.Name, minGallery, ex.Name, len(entries))
}

// CheckHints records whether HINTS.md and HINTS.ko.md have a "## n" section
// for every task that the specs are labelled with.
func CheckHints(ex Exercise, res Result, t *Tally) {
	tasks := map[int]bool{}
	for _, s := range res.Specs {
		if n := s.Task(); n > 0 {
			tasks[n] = true
		}
	}
	for _, name := range []string{"HINTS.md", "HINTS.ko.md"} {
		b, err := os.ReadFile(filepath.Join(ex.Dir(), name))
		if err != nil {
			continue // CheckLayout reports it
		}
		for n := range tasks {
			heading := regexp.MustCompile(fmt.Sprintf(`(?m)^## %d\b`, n))
			t.Check(heading.Match(b), "%s: %s has no \"## %d\" section, but specs check task %d", ex.Name, name, n, n)
		}
	}
}

// todoMarkerRE finds a TODO(n) marker.
var todoMarkerRE = regexp.MustCompile(`TODO\(\d+\)`)

// countMatches counts re's matches in dir's non-test Go files.
func countMatches(dir string, re *regexp.Regexp) int {
	files, _ := filepath.Glob(filepath.Join(dir, "*.go"))
	n := 0
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		if b, err := os.ReadFile(f); err == nil {
			n += len(re.FindAll(b, -1))
		}
	}
	return n
}
