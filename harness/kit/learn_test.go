package kit_test

import (
	"fmt"
	"strings"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"

	"github.com/threadproc/threadproc/harness/internal/outcome"
	"github.com/threadproc/threadproc/harness/kit"
	"github.com/threadproc/threadproc/harness/say"
)

// manifest02 is exercise 02's task list, as its exercise.json has it.
var manifest02 = kit.Manifest{
	Files: []string{"server.go", "session.go", "shutdown.go", "stats.go"},
	Tasks: []kit.Task{
		{Number: 1, Title: "one goroutine per client", TitleKo: "클라이언트마다 고루틴 하나", Files: []string{"server.go"}},
		{Number: 2, Title: "echo and exit", TitleKo: "에코와 exit", Files: []string{"session.go"}},
		{Number: 3, Title: "the shared statistic", TitleKo: "함께 쓰는 통계", Files: []string{"stats.go", "session.go"}},
		{Number: 4, Title: "shutdown", TitleKo: "셧다운", Files: []string{"shutdown.go", "server.go"}},
	},
}

// spec makes a spec of task n that ended in state with message.
func spec(n int, line int, state, message string, outcomes ...outcome.Outcome) kit.Spec {
	return kit.Spec{Text: fmt.Sprintf("spec of task %d at line %d", n, line), State: state, Message: message,
		Labels: []string{fmt.Sprintf("task-%d", n)}, Location: fmt.Sprintf("/kit/exercises/02-goroutines/x_test.go:%d", line),
		Outcomes: outcomes}
}

// the exercises of a kit of six, for LearnView.All.
var six = func() []kit.Exercise {
	var exs []kit.Exercise
	for _, n := range []string{"01-echo", "02-goroutines", "03-processes", "04-cpu", "05-pools", "06-choose"} {
		exs = append(exs, kit.Exercise{Name: n, Root: "/kit"})
	}
	return exs
}()

// view prints runs as make learn does, in lang.
func view(lang say.Lang, runs ...kit.LearnRun) string {
	var b strings.Builder
	kit.LearnView{T: kit.Catalog.In(lang), All: six}.Print(&b, runs)
	return b.String()
}

// run02 is exercise 02 with the given specs.
func run02(specs ...kit.Spec) kit.LearnRun {
	return kit.NewLearnRun(six[1], manifest02, kit.Result{Specs: specs})
}

// passing is exercise name with every spec passing.
func passing(i int) kit.LearnRun {
	return kit.NewLearnRun(six[i], kit.Manifest{Tasks: []kit.Task{{Number: 1, Title: "t"}}},
		kit.Result{Specs: []kit.Spec{{Text: "a", State: "passed", Labels: []string{"task-1"}}}})
}

const notWritten = `client 1 waited for a reply
  the server: its process exited (status 10)
    Serve returned an error while its listener was still open: not implemented (TODO 1)

  hint: a read or write error on one connection (such as "connection reset by peer") ends that client only.
  hint: your code says "not implemented (TODO 1)": that is the task to do next. this spec checks task 1: see TODO(1) in the code and hint 1 in HINTS.md.`

var _ = Describe("make learn's report", func() {
	It("points a skeleton at its first TODO, shows its failure once in full without the hints that do not apply, and gives later tasks one line", func() {
		out := view(say.En, run02(
			spec(2, 10, "failed", strings.ReplaceAll(notWritten, "task 1", "task 2")),
			spec(1, 30, "failed", notWritten),
			spec(1, 20, "failed", notWritten),
		))
		Expect(out).To(ContainSubstring("Task 1 · one goroutine per client (server.go): 0 of 2 specs pass"))
		first, second := strings.Index(out, "line 20"), strings.Index(out, "line 30")
		Expect(first).To(BeNumerically(">", 0))
		Expect(second).To(BeNumerically(">", first), "specs in the order of their lines")
		Expect(strings.Count(out, "Serve returned an error")).To(Equal(1), "the shared failure is shown once:\n%s", out)
		Expect(out).To(ContainSubstring("it stops at TODO(1) too, as above"))
		Expect(out).NotTo(ContainSubstring("connection reset by peer"), "a hint about running code does not apply to unwritten code")
		Expect(out).NotTo(ContainSubstring("hint 1 in HINTS.md"), "the kit's own pointer replaces the harness's")
		Expect(out).To(ContainSubstring("· Task 2 · echo and exit (session.go): its 1 failing specs wait for TODO(1) above"))
		Expect(out).To(ContainSubstring("next: 02-goroutines, task 1 (one goroutine per client): write TODO(1) in server.go"))
	})

	It("sends a learner whose only problem is a data race to the task whose files the race is in, by the outcome", func() {
		racy := "The race detector found a data race\n  WARNING: DATA RACE\n  (*stats).arrived()\n" +
			"      /kit/exercises/02-goroutines/stats.go:21 +0xed\n  (*server).handle()\n" +
			"      /kit/exercises/02-goroutines/session.go:18 +0xd3\n  Serve.gowrap1()\n      /kit/exercises/02-goroutines/server.go:42"
		out := view(say.En, run02(
			spec(1, 10, "failed", racy, outcome.Outcome{Kind: outcome.Race}),
			spec(2, 20, "failed", racy, outcome.Outcome{Kind: outcome.Race}),
			spec(3, 30, "failed", racy, outcome.Outcome{Kind: outcome.Race}),
			spec(4, 40, "passed", ""),
		))
		Expect(out).To(ContainSubstring("next: 02-goroutines, task 3 (the shared statistic): a data race in stats.go"))
		Expect(out).NotTo(ContainSubstring("task 1 (one goroutine"))
		Expect(strings.Count(out, "WARNING: DATA RACE")).To(Equal(1), "the race is shown once in full:\n%s", out)
	})

	It("finds the race from the outcome's detail even when the message does not quote the report", func() {
		out := view(say.En, run02(spec(1, 10, "failed", "the server ended during this spec",
			outcome.Outcome{Kind: outcome.Race, Detail: "exercises/02-goroutines/stats.go:21 (*stats).arrived"})))
		Expect(out).To(ContainSubstring("task 3 (the shared statistic): a data race in stats.go"))
	})

	It("never counts a skipped spec as passed: it is shown as not judged here, why, and how to judge it", func() {
		out := view(say.En, run02(
			spec(1, 10, "passed", ""),
			spec(4, 20, "skipped", "the machine is too busy to measure a speedup"),
		))
		Expect(out).To(ContainSubstring("~ 02-goroutines   1/2 specs pass, 1 not judged here"))
		Expect(out).To(ContainSubstring("not judged here: the machine is too busy to measure a speedup"))
		Expect(out).To(ContainSubstring("make ex EX=02 FOCUS='spec of task 4 at line 20'"))
		Expect(out).NotTo(ContainSubstring("done"))
		Expect(out).NotTo(ContainSubstring("✓ 02"))
	})

	It("shows a compile error with the compiler's lines", func() {
		problem := "it does not compile:\n# github.com/x/exercises/02-goroutines [x.test]\n" +
			"exercises/02-goroutines/server.go:12:2: undefined: foo\nexercises/02-goroutines/server.go:13:2: undefined: bar"
		out := view(say.En, kit.NewLearnRun(six[1], manifest02, kit.Result{Problem: problem}))
		Expect(out).To(ContainSubstring("━━ 02-goroutines does not compile ━━"))
		Expect(out).To(ContainSubstring("server.go:13:2: undefined: bar"))
		Expect(out).To(ContainSubstring("✗ 02-goroutines   does not compile: exercises/02-goroutines/server.go:12:2: undefined: foo"))
		Expect(out).To(ContainSubstring("next: make 02-goroutines compile again"))
	})

	It("says \"01 done; next: 02\" after a run of 01 alone, never \"all done\"", func() {
		out := view(say.En, passing(0))
		Expect(out).To(ContainSubstring("01-echo done; next: 02-goroutines (make learn EX=02)"))
		Expect(out).NotTo(ContainSubstring("all"))
	})

	It("says all done only when every exercise ran and passed", func() {
		var runs []kit.LearnRun
		for i := range six {
			runs = append(runs, passing(i))
		}
		Expect(view(say.En, runs...)).To(ContainSubstring("all 6 exercises done"))
		Expect(view(say.En, runs[:5]...)).NotTo(ContainSubstring("all 6 exercises done"))
	})

	It("fits the exercises that are not in focus on one line each", func() {
		runs := []kit.LearnRun{passing(0), run02(spec(1, 10, "failed", notWritten))}
		for i := 2; i < 6; i++ {
			runs = append(runs, kit.NewLearnRun(six[i], manifest02, kit.Result{Specs: []kit.Spec{
				spec(1, 1, "failed", notWritten), spec(2, 2, "failed", notWritten)}}))
		}
		out := view(say.En, runs...)
		_, table, _ := strings.Cut(out, "Progress:\n")
		Expect(strings.Count(table, "\n")).To(BeNumerically("<=", 9), "the table and what to do next:\n%s", table)
		Expect(out).NotTo(ContainSubstring("03-processes: 0 of"), "only the exercise in focus is shown in full")
	})

	It("speaks Korean, with the tasks' Korean titles and the Korean hints file", func() {
		out := view(say.Ko, run02(spec(1, 10, "failed", notWritten)))
		Expect(out).To(ContainSubstring("과제 1 · 클라이언트마다 고루틴 하나"))
		Expect(out).To(ContainSubstring("진행 상황:"))
		Expect(out).To(ContainSubstring("exercises/02-goroutines/HINTS.ko.md"))
		Expect(out).NotTo(ContainSubstring("next:"))
	})
})

var _ = Describe("the kit's catalog", func() {
	It("has every message in English and Korean, with the same arguments", func() {
		Expect(kit.Catalog.Check()).To(BeEmpty())
	})
})
