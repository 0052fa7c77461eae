package main

import (
	"flag"
	"fmt"
	"path/filepath"
	"strings"

	"github.com/threadproc/threadproc/harness/kit"
)

// hint shows the next hint of the task make learn pointed at last, one
// level at a time, remembered per exercise and task; -all shows them all.
func hint(root string, args []string) int {
	fs := flag.NewFlagSet("hint", flag.ExitOnError)
	all := fs.Bool("all", false, "show every hint of the task at once")
	task := fs.Int("task", 0, "the task whose hints to show (default: the one make learn pointed at last)")
	teller := langFlag(fs)
	_ = fs.Parse(args)
	t := teller()
	ex, ok := theExercise(root, fs, t, "hint.usage", 1)
	if !ok {
		return 2
	}
	st := kit.LoadState(root)
	n := *task
	if n == 0 {
		rec := st.Exercises[ex.Name]
		switch {
		case !rec.Learned:
			n = 1
			fmt.Println(t.Say("hint.nolearn", n))
		case rec.Task == 0 && rec.Done:
			n = 1
			fmt.Println(t.Say("hint.exercise.done", ex.Name, n))
		case rec.Task == 0: // it did not compile, or nothing it could judge failed
			n = 1
			fmt.Println(t.Say("hint.notask", ex.Name, n))
		default:
			n = rec.Task
		}
	}
	sections, path, err := kit.LoadHints(ex, t.Lang)
	if err != nil {
		fail(err)
	}
	rel, _ := filepath.Rel(root, path)
	sec, err := kit.HintFor(sections, n)
	if err != nil {
		fail(fmt.Errorf("%s", t.Say("hint.nosection", rel, n)))
	}
	sec = plain(sec)
	if *all {
		fmt.Printf("\n%s\n\n", t.Say("hint.head.all", ex.Name, n, sec.Title))
		for i := 1; i <= sec.Levels(); i++ {
			fmt.Printf("%s\n\n", sec.Level(i))
		}
		fmt.Println(t.Say("hint.file", rel))
		return 0
	}
	level, ok := st.NextHint(ex.Name, sec)
	if !ok {
		fmt.Println(t.Say("hint.none.left", sec.Levels(), n, ex.Name, ex.Name[:2]))
		return 0
	}
	// saved before it is shown, so that a reader who stops reading early
	// (make hint | head) still gets the next one next time
	if err := st.Save(); err != nil {
		fmt.Println(t.Say("hint.state.unsaved", err))
	}
	if level <= len(sec.Hints) {
		fmt.Printf("\n%s\n\n", t.Say("hint.head", ex.Name, n, sec.Title, level, sec.Levels()))
	} else {
		fmt.Printf("\n%s\n\n", t.Say("hint.head.mistakes", ex.Name, n, sec.Title, sec.Levels()))
	}
	fmt.Printf("%s\n\n", sec.Level(level))
	if level < sec.Levels() {
		fmt.Println(t.Say("hint.more", ex.Name[:2]))
	} else {
		fmt.Println(t.Say("hint.last", n, ex.Name[:2]))
	}
	return 0
}

// plain drops the Markdown bold markers, which a terminal shows as they are.
func plain(h kit.HintSection) kit.HintSection {
	unbold := func(s string) string { return strings.ReplaceAll(s, "**", "") }
	h.Title, h.Mistakes = unbold(h.Title), unbold(h.Mistakes)
	hints := make([]string, len(h.Hints))
	for i, x := range h.Hints {
		hints[i] = unbold(x)
	}
	h.Hints = hints
	return h
}
