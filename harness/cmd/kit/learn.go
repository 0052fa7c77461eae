package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"github.com/threadproc/threadproc/harness/kit"
	"github.com/threadproc/threadproc/harness/say"
)

// learn runs each exercise's specs as the learner's code stands and shows
// the first exercise that is not done in full, one line for each other,
// and what to do next. It remembers each exercise's task for make hint.
// With -tree (and -gallery) it shows what a learner with that code would
// see, and remembers nothing.
func learn(ctx context.Context, root string, args []string) int {
	fs := flag.NewFlagSet("learn", flag.ExitOnError)
	teller := langFlag(fs)
	tree := fs.String("tree", "", "run against this tree laid out like exercises/ instead of the learner's code")
	gallery := fs.String("gallery", "", "with one exercise: run against this gallery entry of the solution")
	_ = fs.Parse(args)
	t := teller()
	all, err := kit.Exercises(root)
	if err != nil {
		fail(err)
	}
	exs, err := kit.Exercises(root, fs.Args()...)
	if err != nil {
		fail(err)
	}
	if *gallery != "" {
		if len(exs) != 1 {
			fail(errors.New("learn -gallery needs exactly one exercise"))
		}
		if *tree == "" {
			*tree = filepath.Join(root, "solutions")
		}
	}
	work, err := os.MkdirTemp("", "threadproc-learn-")
	if err != nil {
		fail(err)
	}
	defer os.RemoveAll(work)
	status := newStatusLine(os.Stdout)
	var runs []kit.LearnRun
	for i, ex := range exs {
		status.show(t.Say("learn.running", ex.Name, i+1, len(exs)))
		m, err := kit.LoadManifest(ex)
		if err != nil {
			fail(err)
		}
		s := &kit.Suite{Label: ex.Name, Pkg: ex.Package(), Root: root, Binary: filepath.Join(work, ex.Name+".test")}
		if *tree != "" {
			if s.Overlay, err = runOverlay(ex, *tree, *gallery, work); err != nil {
				fail(err)
			}
		}
		var res kit.Result
		if err := s.Build(ctx); err != nil {
			res.Problem = err.Error()
		} else {
			res = s.Run(ctx, kit.SuiteTimeout)
		}
		runs = append(runs, kit.NewLearnRun(ex, m, res))
	}
	status.clear()
	kit.LearnView{T: t, All: all}.Print(os.Stdout, runs)
	if *tree == "" {
		st := kit.LoadState(root)
		for _, r := range runs {
			st.Record(r.Progress)
		}
		_ = st.Save() // a state not saved only makes make hint start at task 1
	}
	for _, r := range runs {
		if !r.Progress.Done() {
			return 1
		}
	}
	return 0
}

// langFlag adds -lang to fs. The function it returns, called once fs is
// parsed, says the kit's words in the language the flag asks for, else in
// the one the environment asks for.
func langFlag(fs *flag.FlagSet) func() say.Teller {
	lang := fs.String("lang", "", "en or ko (default: from THREADPROC_LANG, LC_ALL, LC_MESSAGES, LANG)")
	return func() say.Teller {
		if *lang != "" {
			l, _ := say.Parse(*lang)
			return kit.Catalog.In(l)
		}
		return kit.Catalog.In(say.FromEnv())
	}
}

// statusLine shows what is running on one line of a terminal, replaced as
// it goes and cleared at the end; elsewhere (a pipe, CI) it shows nothing.
type statusLine struct {
	f  *os.File
	on bool
}

// newStatusLine returns a status line on f.
func newStatusLine(f *os.File) *statusLine {
	fi, err := f.Stat()
	return &statusLine{f: f, on: err == nil && fi.Mode()&os.ModeCharDevice != 0}
}

// show replaces the line with text.
func (s *statusLine) show(text string) {
	if s.on {
		fmt.Fprint(s.f, "\r\033[K"+text)
	}
}

// clear empties the line.
func (s *statusLine) clear() {
	if s.on {
		fmt.Fprint(s.f, "\r\033[K")
	}
}
