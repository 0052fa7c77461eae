package kit

import (
	"fmt"
	"strings"

	"github.com/threadproc/threadproc/harness/internal/outcome"
)

// Kinds of outcome that the kit decides itself, for a whole suite, kept as
// the same data as the harness's per-spec kinds ([outcome.Kinds]).
const (
	// DoesNotCompile: the suite did not build against the learner's files.
	DoesNotCompile outcome.Kind = "does-not-compile"
	// NoReport: the suite ended without a report (it crashed, or was
	// killed, or ran out of time before ginkgo could write one).
	NoReport outcome.Kind = "no-report"
	// OutOfTime: the grader's time budget ran out before the suite ran.
	OutOfTime outcome.Kind = "out-of-time"
)

// Worst returns the worst outcome that the specs of res which did not pass
// recorded (by [outcome.Kinds]), and false if they recorded none: they only
// got wrong answers, or everything passed.
func Worst(res Result) (outcome.Outcome, bool) {
	var all []outcome.Outcome
	for _, s := range res.Specs {
		if !s.Passed() {
			all = append(all, s.Outcomes...)
		}
	}
	return outcome.Worst(all)
}

// Verdict sums a suite's result up in one line: how many specs passed,
// failed and could not judge here, and the worst outcome recorded, such
// as "25 of 27 specs pass, 2 fail; worst: panic (panic: index out of range)".
// A suite that did not run says why.
func Verdict(res Result) string {
	var passed, failed, ungraded int
	for _, s := range res.Specs {
		switch {
		case s.Passed():
			passed++
		case s.Ungraded():
			ungraded++
		default:
			failed++
		}
	}
	total := passed + failed + ungraded
	var b strings.Builder
	switch {
	case total == 0 && res.Problem != "":
		return firstLine(res.Problem)
	case passed == total:
		fmt.Fprintf(&b, "all %d specs pass", total)
	default:
		fmt.Fprintf(&b, "%d of %d specs pass", passed, total)
		if failed > 0 {
			fmt.Fprintf(&b, ", %d fail", failed)
		}
		if ungraded > 0 {
			fmt.Fprintf(&b, ", %d not judged here (ungraded)", ungraded)
		}
	}
	if o, ok := Worst(res); ok && o.Kind != outcome.Ungraded {
		fmt.Fprintf(&b, "; worst: %s", o.Kind)
		if o.Detail != "" {
			fmt.Fprintf(&b, " (%s)", firstLine(o.Detail))
		}
	}
	if res.Problem != "" {
		b.WriteString("; " + firstLine(res.Problem))
	}
	return b.String()
}
