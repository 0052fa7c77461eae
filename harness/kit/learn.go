package kit

import (
	"fmt"
	"io"
	"regexp"
	"strings"

	"github.com/threadproc/threadproc/harness/say"
)

// LearnRun is one exercise as `make learn` ran it.
type LearnRun struct {
	Exercise Exercise
	Manifest Manifest
	Result   Result
	Progress Progress
}

// NewLearnRun summarises one exercise's result.
func NewLearnRun(ex Exercise, m Manifest, res Result) LearnRun {
	return LearnRun{Exercise: ex, Manifest: m, Result: res, Progress: ProgressOf(ex.Name, m, res)}
}

// LearnView writes what `make learn` shows: the failures of the exercise in
// focus (the first that is not done) in full, in the order of its tasks and
// specs; one line for every other exercise; and what to do next.
type LearnView struct {
	// T says the kit's words in the learner's language.
	T say.Teller
	// All lists every exercise of the kit, in order, to name the next one
	// after those that ran.
	All []Exercise
}

// Focus returns the index of the run to show in full: the first with
// something to fix, else the first with specs that could not judge here,
// else -1.
func Focus(runs []LearnRun) int {
	for i, r := range runs {
		if r.Progress.Failing() {
			return i
		}
	}
	for i, r := range runs {
		if r.Progress.Unjudged() {
			return i
		}
	}
	return -1
}

// Print writes the whole report.
func (v LearnView) Print(w io.Writer, runs []LearnRun) {
	focus := Focus(runs)
	if focus >= 0 {
		v.printFocus(w, runs[focus])
		fmt.Fprintln(w)
		fmt.Fprintln(w, v.T.Say("learn.full", runs[focus].Exercise.Name[:2]))
	}
	fmt.Fprintln(w)
	fmt.Fprintln(w, v.T.Say("learn.progress"))
	for _, r := range runs {
		fmt.Fprintln(w, v.row(r))
	}
	for _, line := range v.next(runs, focus) {
		fmt.Fprintln(w, line)
	}
}

// printFocus writes one exercise in full.
func (v LearnView) printFocus(w io.Writer, r LearnRun) {
	p := r.Progress
	if p.Compile {
		fmt.Fprintf(w, "━━ %s ━━\n", v.T.Say("learn.focus.compile", p.Exercise))
		compiler := strings.TrimSpace(strings.TrimPrefix(p.Problem, compileProblem))
		shown, more := clip(compiler, maxCompilerLines)
		fmt.Fprintln(w, pad(shown, 2))
		if more > 0 {
			fmt.Fprintln(w, pad(v.T.Say("learn.more.lines", more), 2))
		}
		return
	}
	fmt.Fprintf(w, "━━ %s ━━\n", v.T.Say("learn.focus", p.Exercise, p.Passed, p.Total))
	if p.Problem != "" {
		fmt.Fprintln(w, pad(v.T.Say("learn.problem", p.Problem), 2))
	}
	byTask := map[int][]Spec{}
	var order []int
	specs := append([]Spec(nil), r.Result.Specs...)
	sortSpecs(r.Manifest, specs)
	for _, s := range specs {
		n := s.Task()
		if _, seen := byTask[n]; !seen {
			order = append(order, n)
		}
		byTask[n] = append(byTask[n], s)
	}
	shown := map[string]bool{} // causes whose failure was shown in full
	block := true              // the previous task was shown as a block
	for _, n := range order {
		block = v.printTask(w, r, n, byTask[n], shown, block)
	}
}

// printTask writes one task of the exercise in focus: one line when all
// its specs pass, or when all that fail only wait for an earlier TODO;
// otherwise a block with each failing or unjudged spec, set apart by blank
// lines. It reports whether it wrote a block.
func (v LearnView) printTask(w io.Writer, r LearnRun, n int, specs []Spec, shown map[string]bool, afterBlock bool) bool {
	passed, waiting, waitFor := 0, 0, 0
	for _, s := range specs {
		if s.Passed() {
			passed++
		} else if b := blockedBy(s); s.Failed() && b > 0 && b < n {
			waiting++
			waitFor = max(waitFor, b)
		}
	}
	head := v.taskHead(r, n)
	oneLine := passed == len(specs) || passed+waiting == len(specs)
	if afterBlock || !oneLine {
		fmt.Fprintln(w)
	}
	switch {
	case passed == len(specs):
		fmt.Fprintln(w, v.T.Say("learn.task.done", head, passed))
		return false
	case passed+waiting == len(specs):
		fmt.Fprintln(w, v.T.Say("learn.task.waits", head, waiting, waitFor))
		return false
	}
	fmt.Fprintln(w, v.T.Say("learn.task", head, passed, len(specs)))
	for _, s := range specs {
		switch {
		case s.Passed():
			continue
		case s.Ungraded():
			fmt.Fprintf(w, "  ? %s  (%s)\n", s.Text, shortLocation(s.Location))
			fmt.Fprintln(w, pad(v.T.Say("learn.spec.ungraded", orUnknown(v.T, s.Message)), 6))
			fmt.Fprintln(w, pad(v.T.Say("learn.spec.howto", r.Exercise.Name[:2], focusText(s.Text)), 6))
			continue
		}
		fmt.Fprintf(w, "  ✗ %s  (%s)\n", s.Text, shortLocation(s.Location))
		if c := failureCause(s); c != "" && shown[c] {
			fmt.Fprintln(w, pad(v.sameAs(s), 6))
			continue
		} else if c != "" {
			shown[c] = true
		}
		fmt.Fprintln(w, pad(applicable(s), 6))
	}
	return true
}

// failureCause names what a failure shares with others, so that it is shown in
// full once: an unwritten TODO, or a data race. "" for a failure of its own.
func failureCause(s Spec) string {
	if b := blockedBy(s); b > 0 {
		return fmt.Sprintf("todo-%d", b)
	}
	if _, ok := race(s); ok {
		return "race"
	}
	return ""
}

// sameAs is the one line for a failure whose cause was shown in full above.
func (v LearnView) sameAs(s Spec) string {
	if b := blockedBy(s); b > 0 {
		return v.T.Say("learn.spec.same", b)
	}
	return v.T.Say("learn.spec.same.race")
}

// taskHead names task n: "Task 1 · Serve's accept loop (server.go)".
func (v LearnView) taskHead(r LearnRun, n int) string {
	if n == 0 {
		return v.T.Say("learn.task.none")
	}
	t, ok := r.Manifest.Task(n)
	if !ok {
		return v.T.Say("learn.task.name", n, "?", "?")
	}
	return v.T.Say("learn.task.name", n, v.title(t), strings.Join(t.Files, ", "))
}

// title is a task's title in the learner's language.
func (v LearnView) title(t Task) string {
	if v.T.Lang == say.Ko && t.TitleKo != "" {
		return t.TitleKo
	}
	return t.Title
}

// row is one exercise's line in the progress table.
func (v LearnView) row(r LearnRun) string {
	p := r.Progress
	name := fmt.Sprintf("%-15s", p.Exercise)
	switch {
	case p.Compile:
		return "  ✗ " + name + " " + v.T.Say("learn.row.compile", firstCompilerLine(p.Problem))
	case p.Problem != "" && p.Total == 0:
		return "  ✗ " + name + " " + v.T.Say("learn.row.problem", firstLine(p.Problem))
	case p.Done():
		return "  ✓ " + name + " " + v.T.Say("learn.row.done", p.Passed, p.Total)
	case p.Unjudged():
		return "  ~ " + name + " " + v.T.Say("learn.row.unjudged", p.Passed, p.Total, p.Ungraded)
	}
	line := "  ✗ " + name + " " + v.T.Say("learn.row.failing", p.Passed, p.Total)
	if t, ok := r.Manifest.Task(p.NextTask); ok {
		line += "  " + v.T.Say("learn.row.task", t.Number, v.title(t))
	}
	if p.Ungraded > 0 {
		line += "  " + v.T.Say("learn.row.plus.unjudged", p.Ungraded)
	}
	return line
}

// next says what to do next, in one or two lines.
func (v LearnView) next(runs []LearnRun, focus int) []string {
	done := 0
	for _, r := range runs {
		if r.Progress.Done() {
			done++
		}
	}
	all := len(runs) == len(v.All)
	var lines []string
	if all {
		lines = append(lines, v.T.Say("learn.count", done, len(runs)))
	}
	switch {
	case focus >= 0 && runs[focus].Progress.Failing():
		lines = append(lines, v.pointer(runs[focus]))
	case focus >= 0: // nothing fails; some specs could not judge here
		p := runs[focus].Progress
		lines = append(lines, v.T.Say("learn.next.unjudged", p.Exercise, p.Ungraded, p.Exercise[:2]))
	case all:
		lines = append(lines, v.T.Say("learn.alldone", len(runs)))
	default:
		last := runs[len(runs)-1].Exercise
		if nxt, ok := v.after(last); ok {
			lines = append(lines, v.T.Say("learn.done.next", names(runs), nxt.Name, nxt.Name[:2]))
		} else {
			lines = append(lines, v.T.Say("learn.done.last", names(runs), len(v.All)))
		}
	}
	if !all && focus >= 0 {
		lines = append(lines, v.T.Say("learn.only", names(runs), len(v.All)))
	}
	return lines
}

// pointer is the "next:" line for an exercise with something to fix.
func (v LearnView) pointer(r LearnRun) string {
	p, ex := r.Progress, r.Exercise.Name
	num := ex[:2]
	switch {
	case p.Compile:
		return v.T.Say("learn.next.compile", ex)
	case p.Problem != "" && p.Failed == 0:
		return v.T.Say("learn.next.problem", ex, num)
	}
	t, ok := r.Manifest.Task(p.NextTask)
	if !ok {
		return v.T.Say("learn.next.plain", ex, num)
	}
	files := strings.Join(t.Files, ", ")
	hints := v.hintsFile(ex)
	switch {
	case p.Blocker > 0:
		return v.T.Say("learn.next.todo", ex, t.Number, v.title(t), files, num, hints)
	case p.Race:
		where := files
		if p.RaceFile != "" {
			where = p.RaceFile
		}
		return v.T.Say("learn.next.race", ex, t.Number, v.title(t), where, num, hints)
	}
	return v.T.Say("learn.next.task", ex, t.Number, v.title(t), files, num, hints)
}

// hintsFile is the hints file of ex in the learner's language.
func (v LearnView) hintsFile(ex string) string {
	return "exercises/" + ex + "/" + HintsFile(v.T.Lang)
}

// after returns the exercise that follows ex in the kit.
func (v LearnView) after(ex Exercise) (Exercise, bool) {
	for i, e := range v.All {
		if e.Name == ex.Name && i+1 < len(v.All) {
			return v.All[i+1], true
		}
	}
	return Exercise{}, false
}

// names lists the runs' exercises: "01-echo, 02-goroutines".
func names(runs []LearnRun) string {
	var ns []string
	for _, r := range runs {
		ns = append(ns, r.Exercise.Name)
	}
	return strings.Join(ns, ", ")
}

// maxCompilerLines is how much of the compiler's output make learn shows.
const maxCompilerLines = 30

// clip keeps the first n lines of s, and returns how many more there were.
func clip(s string, n int) (string, int) {
	lines := strings.Split(s, "\n")
	if len(lines) <= n {
		return s, 0
	}
	return strings.Join(lines[:n], "\n"), len(lines) - n
}

// firstCompilerLine is the compiler's first complaint (not its "# package"
// heading).
func firstCompilerLine(problem string) string {
	for _, line := range strings.Split(strings.TrimPrefix(problem, compileProblem), "\n") {
		line = strings.TrimSpace(line)
		if line != "" && !strings.HasPrefix(line, "#") {
			return line
		}
	}
	return ""
}

// orUnknown is a skipped spec's reason, or says it gave none.
func orUnknown(t say.Teller, reason string) string {
	if strings.TrimSpace(reason) == "" {
		return t.Say("learn.spec.noreason")
	}
	return strings.TrimSpace(reason)
}

// pad indents every line of s by n spaces, leaving empty lines empty.
func pad(s string, n int) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	for i, line := range lines {
		if line = strings.TrimRight(line, " \t"); line != "" {
			line = strings.Repeat(" ", n) + line
		}
		lines[i] = line
	}
	return strings.Join(lines, "\n")
}

// focusText is a distinctive piece of a spec's text for `make ex
// FOCUS=...` (ginkgo's --focus, a regular expression, inside shell quotes):
// the longest run of words made of letters, digits and spaces only, at most
// about 50 characters.
func focusText(text string) string {
	best := ""
	for _, run := range plainRunRE.FindAllString(text, -1) {
		run = strings.TrimSpace(run)
		if len(run) > 50 {
			if i := strings.LastIndexByte(run[:50], ' '); i > 0 {
				run = run[:i]
			}
		}
		if len(run) > len(best) {
			best = run
		}
	}
	return best
}

// plainRunRE matches runs of letters, digits and spaces.
var plainRunRE = regexp.MustCompile(`[A-Za-z0-9 ]+`)
