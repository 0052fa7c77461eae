package kit

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
)

// Grade is one exercise's grade.
type Grade struct {
	// Exercise is the exercise's name.
	Exercise string `json:"exercise"`
	// Passed, Failed and Skipped count its specs.
	Passed  int `json:"passed"`
	Failed  int `json:"failed"`
	Skipped int `json:"skipped"`
	// Verdict sums it up: "all specs pass", "N specs fail", "does not
	// compile", "missing", or what stopped the suite.
	Verdict string `json:"verdict"`
	// Failures name the failing specs and the first line of their message.
	Failures []string `json:"failures,omitempty"`
	// Seconds is the suite's wall time.
	Seconds float64 `json:"seconds"`
}

// GradeTree runs every exercise's specs against the learner's copy at tree
// (laid out like exercises/), one exercise at a time, writing ginkgo's JUnit
// and JSON reports for each into out. A copy that does not compile, hangs,
// panics, races or spawns without end is graded as such, and the others are
// still graded.
func GradeTree(ctx context.Context, exs []Exercise, tree, out, work string) ([]Grade, error) {
	if err := os.MkdirAll(out, 0o755); err != nil {
		return nil, err
	}
	var grades []Grade
	for _, ex := range exs {
		g := Grade{Exercise: ex.Name}
		o, err := TreeOverlay(ex, tree)
		if err != nil {
			g.Verdict = "missing: " + err.Error()
			grades = append(grades, g)
			continue
		}
		s := &Suite{Label: ex.Name, Pkg: ex.Package(), Root: ex.Root, Overlay: o,
			Binary:  filepath.Join(work, ex.Name+".grade.test"),
			Reports: []string{"--ginkgo.junit-report=" + filepath.Join(out, ex.Name+".xml")}}
		if err := s.Build(ctx); err != nil {
			g.Verdict = "does not compile"
			g.Failures = []string{firstLines(err.Error(), 6)}
			grades = append(grades, g)
			continue
		}
		res := s.Run(ctx, SuiteTimeout)
		_ = copyFile(s.Binary+".json", filepath.Join(out, ex.Name+".json"))
		grades = append(grades, GradeOf(ex.Name, res))
	}
	b, err := json.MarshalIndent(grades, "", "  ")
	if err != nil {
		return nil, err
	}
	return grades, os.WriteFile(filepath.Join(out, "grades.json"), b, 0o644)
}

// GradeOf grades one suite's result: counts, a verdict, and the first line
// of every failure.
func GradeOf(name string, res Result) Grade {
	g := Grade{Exercise: name, Seconds: res.Seconds}
	for _, s := range res.Specs {
		switch {
		case s.Passed():
			g.Passed++
		case s.Skipped():
			g.Skipped++
		default:
			g.Failed++
			g.Failures = append(g.Failures, s.Text+": "+firstLine(s.Message))
		}
	}
	switch {
	case res.Problem != "":
		g.Verdict = firstLine(res.Problem)
	case g.Failed == 0 && g.Passed > 0:
		g.Verdict = "all specs pass"
	default:
		g.Verdict = fmt.Sprintf("%d specs fail", g.Failed)
		if g.Failed == 1 {
			g.Verdict = "1 spec fails"
		}
	}
	if why := cause(res); why != "" {
		g.Verdict += "; " + why
	}
	return g
}

// causes are what a failing spec's message says when the learner's server
// did worse than answer wrongly, and how a grade sums it up; the first found
// wins.
var causes = []struct{ marker, verdict string }{
	{"had to kill your server because it started", "killed: it started processes without end"},
	{"WARNING: DATA RACE", "a data race"},
	{"The race detector found a data race", "a data race"},
	{"panic: ", "the server panicked: "},
	{"the server neither answered nor closed the connection", "it hangs: a client got neither an answer nor a close"},
}

// cause names the worst thing the failing specs' messages report, such as
// "the server panicked: panic: index out of range", or "" when they report
// only wrong or missing answers.
func cause(res Result) string {
	for _, c := range causes {
		for _, s := range res.Specs {
			if s.Passed() || s.Skipped() {
				continue
			}
			i := strings.Index(s.Message, c.marker)
			if i < 0 {
				continue
			}
			if strings.HasSuffix(c.verdict, ": ") {
				return c.verdict + firstLine(s.Message[i:])
			}
			return c.verdict
		}
	}
	return ""
}

// PrintGrades writes one screen: a line per exercise and its first failures.
func PrintGrades(w io.Writer, grades []Grade) {
	fmt.Fprintln(w, "\nGrades:")
	for _, g := range grades {
		total := g.Passed + g.Failed + g.Skipped
		fmt.Fprintf(w, "  %-16s %3d/%-3d  %s\n", g.Exercise, g.Passed, total, g.Verdict)
		for i, f := range g.Failures {
			if i == 3 {
				fmt.Fprintf(w, "      ... %d more\n", len(g.Failures)-3)
				break
			}
			fmt.Fprintf(w, "      ✗ %s\n", strings.ReplaceAll(f, "\n", "\n        "))
		}
	}
}

// firstLines returns at most n lines of s.
func firstLines(s string, n int) string {
	lines := strings.Split(s, "\n")
	if len(lines) > n {
		lines = lines[:n]
	}
	return strings.Join(lines, "\n")
}

// copyFile copies src to dst.
func copyFile(src, dst string) error {
	b, err := os.ReadFile(src)
	if err != nil {
		return err
	}
	return os.WriteFile(dst, b, 0o644)
}
