package kit

import "github.com/threadproc/threadproc/harness/say"

// english is the kit's catalog in English: make learn, make hint and make
// reset. Its Korean twin is messages_ko.go; the kit's suite checks that
// both have every key with the same arguments.
var english = say.Messages{
	// make learn: the exercise in focus
	"learn.running":        "running the specs of %s (%d of %d)…",
	"learn.focus":          "%s: %d of %d specs pass",
	"learn.focus.compile":  "%s does not compile",
	"learn.more.lines":     "… and %d more lines",
	"learn.problem":        "the suite stopped before it ended: %s",
	"learn.task.name":      "Task %d · %s (%s)",
	"learn.task.none":      "Specs of no task",
	"learn.task":           "%s: %d of %d specs pass",
	"learn.task.done":      "✓ %s: all %d specs pass",
	"learn.task.waits":     "· %s: its %d failing specs wait for TODO(%d) above",
	"learn.spec.same":      "it stops at TODO(%d) too, as above",
	"learn.spec.same.race": "the same data race, as above",
	"learn.spec.ungraded":  "not judged here: %s",
	"learn.spec.howto": "to judge it, run `make ex EX=%s FOCUS='%s'` on a quiet machine: other programs closed, " +
		"at least 2 CPUs; the checks that look at processes from outside need Linux.",
	"learn.spec.noreason": "the spec gave no reason",

	// make learn: one line per exercise
	"learn.progress":          "Progress:",
	"learn.row.done":          "%d/%d specs pass",
	"learn.row.failing":       "%d/%d specs pass",
	"learn.row.task":          "task %d · %s",
	"learn.row.unjudged":      "%d/%d specs pass, %d not judged here",
	"learn.row.plus.unjudged": "(%d not judged here)",
	"learn.row.compile":       "does not compile: %s",
	"learn.row.problem":       "did not run: %s",

	// make learn: what to do next
	"learn.count":   "%d/%d exercises done",
	"learn.alldone": "all %d exercises done: well played!",
	"learn.next.todo": "next: %[1]s, task %[2]d (%[3]s): write TODO(%[2]d) in %[4]s. " +
		"One hint at a time: make hint EX=%[5]s (all of them: %[6]s)",
	"learn.next.race": "next: %[1]s, task %[2]d (%[3]s): a data race in %[4]s: two goroutines use the same data " +
		"at the same time, and at least one of them writes it. Guard it (TODO(%[2]d)). " +
		"One hint at a time: make hint EX=%[5]s (all of them: %[6]s)",
	"learn.next.task": "next: %[1]s, task %[2]d (%[3]s): make its failing specs above pass (TODO(%[2]d) in %[4]s). " +
		"One hint at a time: make hint EX=%[5]s (all of them: %[6]s)",
	"learn.next.compile":  "next: make %s compile again; the compiler's lines above say where.",
	"learn.next.problem":  "next: %s stopped before its specs ended (above); make ex EX=%s shows ginkgo's own output.",
	"learn.next.plain":    "next: %s: make the failing specs above pass; make ex EX=%s shows ginkgo's own output.",
	"learn.next.unjudged": "nothing fails, but %s has %d specs that could not judge on this machine (above): run make ex EX=%s on a quiet machine to finish it.",
	"learn.done.next":     "%s done; next: %s (make learn EX=%s)",
	"learn.done.last":     "%s done; that is the last exercise: make learn checks all %d.",
	"learn.only":          "(only %s ran; make learn runs all %d)",
	"learn.full": "ginkgo's own output for one exercise: make ex EX=%s. For every exercise, without stopping at the " +
		"first that fails: go tool ginkgo --keep-going -race ./exercises/...",

	// make hint
	"hint.usage":          "usage: make hint EX=02 [ALL=1] [TASK=n]",
	"hint.nolearn":        "make learn has not run yet, so the kit does not know your task: here is task %d (TASK=n picks another).",
	"hint.notask":         "at the last make learn no task of %s was failing: here is task %d (TASK=n picks another).",
	"hint.exercise.done":  "at the last make learn every spec of %s passed: here is task %d anyway (TASK=n picks another).",
	"hint.head":           "%s, task %d · %s · hint %d of %d",
	"hint.head.mistakes":  "%s, task %d · %s · the common mistakes (the last of %d)",
	"hint.head.all":       "%s, task %d · %s · all hints",
	"hint.more":           "Try it, run make learn again, and if you are still stuck: make hint EX=%s shows the next one.",
	"hint.last":           "That was the last one for task %d. All of them together: make hint EX=%s ALL=1",
	"hint.none.left":      "You have seen all %d hints of task %d of %s. All of them together: make hint EX=%s ALL=1",
	"hint.file":           "(from %s)",
	"hint.nosection":      "%s has no hints for task %d",
	"hint.state.unsaved":  "(the kit could not remember which hint you saw: %v)",
	"reset.usage":         "usage: make reset EX=02 [FILE=stats.go]",
	"reset.restored":      "%s/%s is the skeleton again; your version is saved in %s",
	"reset.restored.new":  "%s/%s is the skeleton again (it was missing)",
	"reset.unchanged":     "%s/%s already is the skeleton: nothing to do",
	"reset.nogit":         "make reset could not restore %s: %v.\nGet the file from a fresh copy of the kit (git clone, or its archive) and copy it over yours; keep yours first.",
	"reset.record":        "recorded the skeletons of %d exercises in %s",
	"reset.next":          "make learn EX=%s runs its specs again.",
	"reset.state.unsaved": "(the kit could not update its state: %v)",
}
