package harness

import (
	"fmt"
	"path/filepath"
	"regexp"
	"strings"
	"sync"

	"github.com/threadproc/threadproc/harness/internal/manifest"
)

// raceMark starts every report of the race detector.
const raceMark = "WARNING: DATA RACE"

// raceFrameRE finds a stack frame of an exercise's package in a race report:
// the function, then its file and line on the next line.
var raceFrameRE = regexp.MustCompile(`(?m)^\s+\S*/exercises/\d\d-[a-z0-9-]+\.(\S+?)(?:\(.*\))?\n\s+(\S+\.go):(\d+)`)

// raceFinding is where the first data race of a server's output was, in the
// learner's code.
type raceFinding struct {
	report string // the report, from its first line
	fn     string // such as "(*stats).arrived"
	file   string // such as "stats.go"
	line   string
	tasks  []int // the tasks written in file, from the exercise's manifest
}

// thisManifest is the manifest of the exercise whose suite runs here (a
// test binary runs in its package's folder), or the zero manifest.
var thisManifest = sync.OnceValue(func() manifest.Manifest {
	m, _ := manifest.Load(".")
	return m
})

// findRace looks for the race detector's first report in output.
func findRace(output string) (raceFinding, bool) {
	i := strings.Index(output, raceMark)
	if i < 0 {
		return raceFinding{}, false
	}
	f := raceFinding{report: output[i:]}
	if m := raceFrameRE.FindStringSubmatch(f.report); m != nil {
		f.fn, f.file, f.line = m[1], filepath.Base(m[2]), m[3]
		f.tasks = thisManifest().TasksOf(f.file)
	}
	return f, true
}

// where says where the race is, such as "in stats.go:20 ((*stats).arrived),
// which task 3 writes", or "" when no frame of the exercise was found.
func (f raceFinding) where() string {
	if f.file == "" {
		return ""
	}
	s := fmt.Sprintf("in %s:%s (%s)", f.file, f.line, f.fn)
	switch len(f.tasks) {
	case 0:
	case 1:
		s += fmt.Sprintf(", which task %d writes (TODO %d, hint %d)", f.tasks[0], f.tasks[0], f.tasks[0])
	default:
		s += ", which tasks " + joinInts(f.tasks) + " write"
	}
	return s
}

// message is the failure message for a spec during which the server raced.
func (f raceFinding) message() string {
	return "The race detector found a data race in your server during this spec " + f.where() + ": two " +
		"goroutines used the same memory at the same time, and at least one of them wrote to it. Protect " +
		"shared data with a sync.Mutex or use sync/atomic.\n\n" + excerpt(f.report, 40)
}

// joinInts writes numbers as "2 and 3" or "1, 2 and 3".
func joinInts(ns []int) string {
	s := make([]string, len(ns))
	for i, n := range ns {
		s[i] = fmt.Sprint(n)
	}
	if len(s) < 2 {
		return strings.Join(s, "")
	}
	return strings.Join(s[:len(s)-1], ", ") + " and " + s[len(s)-1]
}
