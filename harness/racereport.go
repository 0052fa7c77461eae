package harness

import (
	"fmt"
	"path/filepath"
	"regexp"
	"strings"
	"sync"

	"github.com/threadproc/threadproc/harness/internal/manifest"
	"github.com/threadproc/threadproc/harness/internal/words"
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

// where says where the race is, such as " in stats.go:20 ((*stats).arrived),
// which task 3 writes", with its leading space, or "" when no frame of the
// exercise was found.
func (f raceFinding) where() string {
	switch {
	case f.file == "":
		return ""
	case len(f.tasks) == 1:
		return words.Say("race.where.task", f.file, f.line, f.fn, f.tasks[0])
	case len(f.tasks) > 1:
		return words.Say("race.where.tasks", f.file, f.line, f.fn, joinInts(f.tasks))
	}
	return words.Say("race.where", f.file, f.line, f.fn)
}

// message is the failure message for a spec during which the server raced.
func (f raceFinding) message() string {
	return words.Say("race.found", f.where()) + "\n\n" + excerpt(f.report, 40)
}

// joinInts writes numbers as "2 and 3" or "1, 2 and 3".
func joinInts(ns []int) string {
	s := make([]string, len(ns))
	for i, n := range ns {
		s[i] = fmt.Sprint(n)
	}
	return words.JoinAnd(s)
}
