package inchild

import (
	"errors"
	"fmt"
	"net"
	"os"
	"regexp"
	"strings"
	"sync"

	"go.uber.org/goleak"

	"github.com/threadproc/threadproc/harness/internal/words"
)

// goroutinesBefore holds the goroutines that existed in the server's
// process when Serve started (the harness's own); they are not leaks.
var goroutinesBefore struct {
	sync.Mutex
	opt goleak.Option
}

// WatchGoroutines wraps serve so that [LeakedGoroutines] can tell the
// goroutines Serve started from those that existed before it. Use it for
// the server in the suite's harness.Program:
//
//	Servers: map[string]harness.ServeFunc{"name": inchild.WatchGoroutines(pkg.Serve)},
//	AfterServe: func() error { return inchild.LeakedGoroutines("exercises/02-goroutines") },
func WatchGoroutines(serve func(net.Listener) error) func(net.Listener) error {
	return func(ln net.Listener) error {
		goroutinesBefore.Lock()
		goroutinesBefore.opt = goleak.IgnoreCurrent()
		goroutinesBefore.Unlock()
		return serve(ln)
	}
}

// LeakedGoroutines runs in the server's process after Serve returned (from
// harness.Program.AfterServe): every goroutine Serve started must be gone by then
// (goleak gives them about 0.4 s of retries to finish returning). The error
// is one line a learner can read, naming the functions and lines of the
// package pkg (such as "exercises/02-goroutines") where the goroutines were
// and which started them; the full stacks go to the server's output.
func LeakedGoroutines(pkg string) error {
	goroutinesBefore.Lock()
	before := goroutinesBefore.opt
	goroutinesBefore.Unlock()
	if before == nil {
		return nil
	}
	err := goleak.Find(before)
	if err == nil {
		return nil
	}
	fmt.Fprintln(os.Stderr, words.Say("leak.stderr", err))
	return errors.New(words.Say("leak.error", summariseLeaks(err.Error(), pkg)))
}

// Patterns of goleak's report: a goroutine's header, and a frame of the
// exercise's package (its function, then its file and line on the next line).
var leakHeader = regexp.MustCompile(`(?m)^\[?\s*Goroutine (\d+) in state ([^,]+),`)

// ownFrameRE matches a frame of the package pkg (such as
// "exercises/02-goroutines"): its function, then its file and line.
func ownFrameRE(pkg string) *regexp.Regexp {
	return regexp.MustCompile(`(?m)^(?:created by )?\S*` + regexp.QuoteMeta(pkg) +
		`\.(\S+?)(?:\(.*\))?(?: in goroutine \d+)?\n\s+\S*/([^/\s]+\.go:\d+)`)
}

// leakKinds is how many kinds of leaked goroutines a summary describes.
const leakKinds = 3

// summariseLeaks turns goleak's multi-line report into one line a learner
// can read: how many goroutines were left and, for each kind (same state,
// same place), how many, where in their code they were, and which of their
// functions started them.
func summariseLeaks(report, pkg string) string {
	ownFrame := ownFrameRE(pkg)
	heads := leakHeader.FindAllStringSubmatchIndex(report, -1)
	if len(heads) == 0 {
		return words.Say("leak.unread")
	}
	var kinds []string
	count := map[string]int{}
	for i, h := range heads {
		end := len(report)
		if i+1 < len(heads) {
			end = heads[i+1][0]
		}
		kind := "(" + report[h[4]:h[5]] + ")"
		for j, f := range ownFrame.FindAllStringSubmatch(report[h[0]:end], -1) {
			switch {
			case strings.HasPrefix(f[0], "created by"):
				kind += words.Say("leak.started", f[1], f[2])
			case j == 0:
				kind += words.Say("leak.in", f[1], f[2])
			}
		}
		if count[kind] == 0 {
			kinds = append(kinds, kind)
		}
		count[kind]++
	}
	var parts []string
	for i, k := range kinds {
		if i == leakKinds {
			parts = append(parts, words.Say("leak.others", len(kinds)-leakKinds))
			break
		}
		parts = append(parts, words.Say("leak.count", count[k], k))
	}
	return words.Say("leak.summary", len(heads), strings.Join(parts, "; "))
}
