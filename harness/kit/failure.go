package kit

import (
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/threadproc/threadproc/harness/internal/outcome"
	"github.com/threadproc/threadproc/harness/internal/task"
	"github.com/threadproc/threadproc/harness/internal/words"
)

// raceBanner is how Go's race detector starts a report. Suites whose
// harness does not record outcomes yet are read by it; an outcome of kind
// data-race says the same as data.
const raceBanner = "WARNING: DATA RACE"

// blockedBy returns the lowest TODO that the spec's failure says the
// learner's code has not written yet ("not implemented (TODO n)"), or 0.
func blockedBy(s Spec) int {
	lowest := 0
	for _, n := range task.TODOs(s.Message) {
		if lowest == 0 || n < lowest {
			lowest = n
		}
	}
	return lowest
}

// race returns the data-race outcome of a failing spec, if it has one.
func race(s Spec) (outcome.Outcome, bool) {
	for _, o := range s.Outcomes {
		if o.Kind == outcome.Race {
			return o, true
		}
	}
	if strings.Contains(s.Message, raceBanner) {
		return outcome.Outcome{Kind: outcome.Race}, true
	}
	return outcome.Outcome{}, false
}

// harnessPointers are the starts of the hints that the harness adds to
// every failure to point at the task (harness.taskHint), in every language:
// the kit says the same once per task, in the learner's language, so it
// leaves them out. hintLabels start every hint line ("hint: ", "힌트: ").
// Both come from the harness's own catalog.
var (
	harnessPointers = append(words.Prefixes("pointer.todo"), words.Prefixes("pointer.task")...)
	hintLabels      = words.Prefixes("frame.hint")
)

// applicable returns a failure message with only the hints that apply: the
// harness's task pointers go (the kit prints its own), and when the
// learner's code has not written a TODO yet, or raced, so do the spec's own
// hints, which are about what the spec checks (a hint about a reset
// connection, say, does not apply to a Serve that returns "not
// implemented", nor to a server that failed because of a data race).
func applicable(s Spec) string {
	_, raced := race(s)
	blocked := blockedBy(s) > 0 || raced
	var kept []string
	for _, line := range strings.Split(s.Message, "\n") {
		hint, isHint := cutHintLabel(strings.TrimSpace(line))
		if isHint && (blocked || slices.ContainsFunc(harnessPointers, func(p string) bool { return strings.HasPrefix(hint, p) })) {
			continue
		}
		kept = append(kept, strings.TrimRight(line, " "))
	}
	return strings.TrimSpace(squeezeBlank(strings.Join(kept, "\n")))
}

// cutHintLabel returns a hint line without its label, in any language, and
// whether it was one.
func cutHintLabel(line string) (string, bool) {
	for _, label := range hintLabels {
		if hint, ok := strings.CutPrefix(line, label); ok {
			return hint, true
		}
	}
	return line, false
}

// squeezeBlank turns runs of blank lines into one.
func squeezeBlank(s string) string {
	for strings.Contains(s, "\n\n\n") {
		s = strings.ReplaceAll(s, "\n\n\n", "\n\n")
	}
	return s
}

// shortLocation returns a spec's file:line relative to its exercise's
// folder (the file name and line), for the learner.
func shortLocation(loc string) string {
	if loc == "" {
		return ""
	}
	return filepath.Base(loc)
}

// locationKey splits file:line for sorting.
func locationKey(loc string) (string, int) {
	i := strings.LastIndexByte(loc, ':')
	if i < 0 {
		return loc, 0
	}
	n, _ := strconv.Atoi(loc[i+1:])
	return loc[:i], n
}
