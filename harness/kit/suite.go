package kit

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"time"

	"github.com/onsi/ginkgo/v2/types"

	"github.com/threadproc/threadproc/harness/internal/hostinfo"
	"github.com/threadproc/threadproc/harness/internal/outcome"
	"github.com/threadproc/threadproc/harness/internal/proc"
	"github.com/threadproc/threadproc/harness/internal/task"
)

// Suite is one compiled test binary: a package's specs, built against an
// overlay.
type Suite struct {
	// Label names the suite in output, such as "01-echo solution".
	Label string
	// Pkg is the package path relative to Root, such as "./exercises/01-echo".
	Pkg string
	// Root is the module's root folder.
	Root string
	// Overlay replaces files for the build; nil builds the tree as it is.
	Overlay Overlay
	// Focus, if set, runs only the specs whose text contains one of them.
	Focus []string
	// Binary is where Build writes the test binary.
	Binary string
	// Env is added to the environment of the suite's process.
	Env []string
	// Reports are extra ginkgo flags for reports, such as
	// "--ginkgo.junit-report=PATH".
	Reports []string
	// Wrap, if set, turns the command Run starts (the binary and its
	// arguments) into another, such as the same run in a sandbox.
	Wrap func(path string, args []string) (string, []string)

	cached bool // Build found the binary in the kit's cache
}

// Build compiles the suite with the race detector, without the debugger's
// tables (-ldflags=-w: a third less to link; stack traces and race reports
// keep their file:line). A binary the kit built before from the same
// inputs comes from its cache instead (see bincache.go). The error
// includes the compiler's output.
func (s *Suite) Build(ctx context.Context) error {
	args := []string{"test", "-c", "-race", "-ldflags=-w"}
	flags := slices.Clone(args) // the cache's key: the overlay's files count, not where it is written
	if s.Overlay != nil {
		path := s.Binary + ".overlay.json"
		if err := s.Overlay.Write(path); err != nil {
			return err
		}
		args = append(args, "-overlay="+path)
	}
	c, key := cache(), ""
	if c != nil {
		var err error
		if key, err = c.key(ctx, s, flags); err != nil {
			key = "" // not cacheable (go list failed, a file vanished): build it
		} else if c.fetch(key, s.Binary) {
			s.cached = true
			return nil
		}
	}
	_ = os.Remove(s.Binary) // never write through a link into the cache
	cmd := exec.CommandContext(ctx, "go", append(args, "-o", s.Binary, s.Pkg)...)
	cmd.Dir = s.Root
	if out, err := cmd.CombinedOutput(); err != nil {
		return fmt.Errorf("it does not compile:\n%s", strings.TrimSpace(string(out)))
	}
	if key != "" {
		c.store(key, s.Binary)
	}
	return nil
}

// Result is what one run of a suite reported.
type Result struct {
	// Specs are the specs that ran or were skipped, in order.
	Specs []Spec
	// Problem is set when the suite as a whole failed outside any spec: it
	// did not compile, crashed, or timed out.
	Problem string
	// Log is the path of the run's full output.
	Log string
	// Seconds is the wall time of the run.
	Seconds float64
}

// Spec is one spec's outcome.
type Spec struct {
	// Text is the spec's full text (containers and It).
	Text string
	// State is ginkgo's state: passed, failed, skipped, panicked, timedout...
	State string
	// Message holds the failure messages, joined.
	Message string
	// Labels are the spec's labels, such as "task-2".
	Labels []string
	// Seconds is how long the spec took.
	Seconds float64
	// Outcomes are what the harness recorded as data about how the
	// learner's code ended in this spec (a data race, a panic, a hang...).
	Outcomes []outcome.Outcome
	// Host is what the harness measured of the machine, recorded by the
	// first spec of the run that started a server (nil in the others).
	Host *hostinfo.Host
	// Location is the spec's file:line.
	Location string
	// Output is what the spec wrote to GinkgoWriter, where the harness
	// echoes the output of the processes it starts, each line prefixed
	// with "[server NAME] " or "[client NAME stdout] ".
	Output string
}

// Passed reports whether the spec passed.
func (s Spec) Passed() bool { return s.State == "passed" }

// Skipped reports whether the spec was skipped or pending: it judged
// nothing, so it is ungraded, never a pass.
func (s Spec) Skipped() bool { return s.State == "skipped" || s.State == "pending" }

// Ungraded reports whether the spec could not judge on this machine: it
// was skipped (with the reason as its message). An ungraded spec is never
// counted as passed.
func (s Spec) Ungraded() bool { return s.Skipped() }

// Failed reports whether the spec judged the code and found it wrong (it
// failed, panicked, timed out or was interrupted).
func (s Spec) Failed() bool { return !s.Passed() && !s.Skipped() }

// Task returns the spec's task number from its "task-N" label, or 0.
func (s Spec) Task() int { return task.OfLabels(s.Labels) }

// Run runs the built suite, killing it (and every process in its group)
// if it is still running 30 s after timeout, or when ctx ends. Its output goes to Binary+".log".
func (s *Suite) Run(ctx context.Context, timeout time.Duration) Result {
	start := time.Now()
	report := s.Binary + ".json"
	res := Result{Log: s.Binary + ".log"}
	_ = os.Remove(report)
	args := []string{"--ginkgo.no-color", "--ginkgo.json-report=" + report,
		"--ginkgo.timeout=" + timeout.String(), "--ginkgo.grace-period=5s"}
	for _, f := range s.Focus {
		args = append(args, "--ginkgo.focus="+regexp.QuoteMeta(f))
	}
	args = append(args, s.Reports...)
	ctx, cancel := context.WithTimeout(ctx, timeout+30*time.Second)
	defer cancel()
	log, err := os.Create(res.Log)
	if err != nil {
		res.Problem = err.Error()
		return res
	}
	defer log.Close()
	// The kit's tag goes in as a variable, not as the process's Tag: a kill
	// of this suite must spare the suites that run beside it.
	env := []string{runTag.String()}
	if s.Overlay != nil { // a spec that runs go itself (go vet) sees the same files as the build
		env = append(env, "GOFLAGS="+os.Getenv("GOFLAGS")+" -overlay="+s.Binary+".overlay.json")
	}
	path := s.Binary
	if s.Wrap != nil {
		path, args = s.Wrap(path, args)
	}
	p, err := proc.Start(path, args, proc.Options{Dir: filepath.Join(s.Root, s.Pkg),
		Env: append(env, s.Env...), Output: log})
	if err != nil {
		res.Problem = err.Error()
		return res
	}
	ended := ""
	select {
	case <-p.Done():
		ended = p.Exit().String()
	case <-ctx.Done():
		p.Kill()
		ended = "it was killed after " + (timeout + 30*time.Second).String()
	}
	res.Seconds = time.Since(start).Seconds()
	specs, problem := readReport(report)
	res.Specs, res.Problem = specs, problem
	if problem == "" && len(specs) == 0 && !p.Exit().Success() {
		res.Problem = "the suite stopped before reporting: " + ended + "; see " + res.Log
	}
	return res
}

// readReport reads ginkgo's JSON report.
func readReport(path string) ([]Spec, string) {
	b, err := os.ReadFile(path)
	if errors.Is(err, os.ErrNotExist) {
		return nil, "the suite wrote no report (it crashed or was killed)"
	}
	if err != nil {
		return nil, err.Error()
	}
	var reports []types.Report
	if err := json.Unmarshal(b, &reports); err != nil {
		return nil, "unreadable report: " + err.Error()
	}
	var specs []Spec
	var problems []string
	for _, r := range reports {
		for _, sr := range r.SpecReports {
			if sr.LeafNodeType != types.NodeTypeIt {
				if sr.State.Is(types.SpecStateFailureStates) {
					problems = append(problems, sr.LeafNodeType.String()+": "+sr.Failure.Message)
				}
				continue
			}
			sp := Spec{Text: sr.FullText(), State: sr.State.String(),
				Message: failureText(sr), Labels: sr.Labels(), Seconds: sr.RunTime.Seconds(),
				Outcomes: outcome.Of(sr), Location: sr.LeafNodeLocation.String(), Output: sr.CapturedGinkgoWriterOutput}
			if h, ok := hostinfo.Of(sr); ok {
				sp.Host = &h
			}
			specs = append(specs, sp)
		}
	}
	return specs, strings.Join(problems, "\n")
}

// failureText joins a spec's failure and additional failures.
func failureText(sr types.SpecReport) string {
	parts := []string{sr.Failure.Message}
	for _, f := range sr.AdditionalFailures {
		parts = append(parts, f.Failure.Message)
	}
	return strings.TrimSpace(strings.Join(parts, "\n"))
}
