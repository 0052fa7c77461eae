package kit

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"sync"
)

// The kit remembers how long each suite's last run took (in its cache
// folder, beside the test binaries), so that kit test and verify start the
// longest runs first: a long run started last would keep the machine
// waiting on it alone at the end. Suites it has not seen run go first.

// durationsFile is the file, in the cache folder, that holds the times.
const durationsFile = "durations.json"

var durationsMu sync.Mutex

// lastDurations reads the times of the suites' last runs, by label.
func lastDurations() map[string]float64 {
	times := map[string]float64{}
	if c := cache(); c != nil {
		b, err := os.ReadFile(filepath.Join(filepath.Dir(c.dir), durationsFile))
		if err == nil {
			_ = json.Unmarshal(b, &times)
		}
	}
	return times
}

// rememberDurations records the run times of the variants that ran.
func rememberDurations(variants []*variant, results []Result) {
	c := cache()
	if c == nil {
		return
	}
	durationsMu.Lock()
	defer durationsMu.Unlock()
	times := lastDurations()
	for i, v := range variants {
		if results[i].Seconds > 0 {
			times[v.suite.Label] = results[i].Seconds
		}
	}
	b, err := json.Marshal(times)
	if err != nil {
		return
	}
	path := filepath.Join(filepath.Dir(c.dir), durationsFile)
	tmp := path + ".tmp"
	if os.WriteFile(tmp, b, 0o644) == nil {
		_ = os.Rename(tmp, path)
	}
}

// longestFirst returns the variants' indexes, the longest last run first
// (those never seen first of all), in order otherwise.
func longestFirst(variants []*variant) []int {
	times := lastDurations()
	order := make([]int, len(variants))
	for i := range order {
		order[i] = i
	}
	seconds := func(i int) float64 {
		if t, ok := times[variants[i].suite.Label]; ok {
			return t
		}
		return 1e9
	}
	slices.SortStableFunc(order, func(a, b int) int {
		switch ta, tb := seconds(a), seconds(b); {
		case ta > tb:
			return -1
		case ta < tb:
			return 1
		}
		return 0
	})
	return order
}
