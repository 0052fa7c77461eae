package kit_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"

	"github.com/threadproc/threadproc/harness/kit"
	"github.com/threadproc/threadproc/harness/say"
)

// theKit returns the kit's root and its exercises.
func theKit() (string, []kit.Exercise) {
	GinkgoHelper()
	root, err := kit.FindRoot(".")
	Expect(err).NotTo(HaveOccurred())
	exs, err := kit.Exercises(root)
	Expect(err).NotTo(HaveOccurred())
	Expect(exs).NotTo(BeEmpty())
	return root, exs
}

var _ = Describe("the hints files, as make hint reads them", func() {
	It("give every task of every exercise at least two hints, one by one, and as many in Korean as in English", func() {
		_, exs := theKit()
		for _, ex := range exs {
			m, err := kit.LoadManifest(ex)
			Expect(err).NotTo(HaveOccurred())
			en, _, err := kit.LoadHints(ex, say.En)
			Expect(err).NotTo(HaveOccurred())
			ko, path, err := kit.LoadHints(ex, say.Ko)
			Expect(err).NotTo(HaveOccurred())
			Expect(filepath.Base(path)).To(Equal("HINTS.ko.md"))
			for _, t := range m.Tasks {
				e, err := kit.HintFor(en, t.Number)
				Expect(err).NotTo(HaveOccurred(), "%s/HINTS.md, task %d", ex.Name, t.Number)
				k, err := kit.HintFor(ko, t.Number)
				Expect(err).NotTo(HaveOccurred(), "%s/HINTS.ko.md, task %d", ex.Name, t.Number)
				Expect(len(e.Hints)).To(BeNumerically(">=", 2), "%s/HINTS.md, task %d: make hint shows one "+
					"\"**Hint %d.n.**\" paragraph at a time; it found %d", ex.Name, t.Number, t.Number, len(e.Hints))
				Expect(len(k.Hints)).To(Equal(len(e.Hints)), "%s: task %d has %d hints in English and %d in Korean",
					ex.Name, t.Number, len(e.Hints), len(k.Hints))
				Expect(e.Title).NotTo(BeEmpty(), "%s/HINTS.md, task %d has no bold title line", ex.Name, t.Number)
				Expect(k.Mistakes == "").To(Equal(e.Mistakes == ""), "%s: task %d has its common mistakes in one language only",
					ex.Name, t.Number)
			}
		}
	})

	It("are read hint by hint, then the common mistakes", func() {
		sections := kit.ParseHints("# 07 · x: hints\n\nintro\n\n## 1\n\n**The loop** (`server.go`, `TODO(1)`)\n\n" +
			"**Hint 1.1.** a nudge\nover two lines.\n\n**Hint 1.2.** concrete.\n\nA second paragraph.\n\n" +
			"**The common mistakes**\n\n- one\n\n- two\n\n## 2\n\n**Next**\n\n**힌트 2.1.** 한국어\n")
		Expect(sections).To(HaveLen(2))
		s := sections[0]
		Expect(s.Task).To(Equal(1))
		Expect(s.Title).To(Equal("**The loop** (`server.go`, `TODO(1)`)"))
		Expect(s.Hints).To(Equal([]string{"**Hint 1.1.** a nudge\nover two lines.", "**Hint 1.2.** concrete.\n\nA second paragraph."}))
		Expect(s.Mistakes).To(Equal("**The common mistakes**\n\n- one\n\n- two"))
		Expect(s.Levels()).To(Equal(3))
		Expect(s.Level(3)).To(HavePrefix("**The common mistakes**"))
		Expect(sections[1].Hints).To(Equal([]string{"**힌트 2.1.** 한국어"}))
	})
})

var _ = Describe("make reset's record of the skeletons", func() {
	It("matches every learner file of exercises/ (after changing a skeleton: go run ./harness/cmd/kit reset -record)", func() {
		root, exs := theKit()
		sums, err := kit.LoadSkeletonSums(root)
		Expect(err).NotTo(HaveOccurred())
		listed := 0
		for _, ex := range exs {
			m, err := kit.LoadManifest(ex)
			Expect(err).NotTo(HaveOccurred())
			for _, f := range m.Files {
				b, err := os.ReadFile(filepath.Join(ex.Dir(), f))
				Expect(err).NotTo(HaveOccurred())
				Expect(sums).To(HaveKeyWithValue(ex.Name+"/"+f, kit.BlobID(b)), "%s: the skeleton of %s/%s "+
					"changed; record it with go run ./harness/cmd/kit reset -record", kit.SkeletonSums, ex.Name, f)
				listed++
			}
		}
		Expect(sums).To(HaveLen(listed), "%s lists files that no manifest does", kit.SkeletonSums)
	})

	It("computes git's blob IDs", func() {
		Expect(kit.BlobID([]byte("hello\n"))).To(Equal("ce013625030ba8dba906f756967f9e9ca394464a"))
	})
})

var _ = Describe("make reset", func() {
	// a git repository holding one exercise, its skeleton committed by the
	// kit and the learner's work committed on top
	var root string
	var ex kit.Exercise
	git := func(args ...string) {
		GinkgoHelper()
		cmd := exec.Command("git", append([]string{"-c", "user.name=t", "-c", "user.email=t@t", "-c",
			"commit.gpgsign=false"}, args...)...)
		cmd.Dir = root
		out, err := cmd.CombinedOutput()
		Expect(err).NotTo(HaveOccurred(), "git %s: %s", strings.Join(args, " "), out)
	}
	write := func(name, text string) {
		GinkgoHelper()
		path := filepath.Join(root, name)
		Expect(os.MkdirAll(filepath.Dir(path), 0o755)).To(Succeed())
		Expect(os.WriteFile(path, []byte(text), 0o644)).To(Succeed())
	}
	read := func(name string) string {
		GinkgoHelper()
		b, err := os.ReadFile(filepath.Join(root, name))
		Expect(err).NotTo(HaveOccurred())
		return string(b)
	}
	BeforeEach(func() {
		if _, err := exec.LookPath("git"); err != nil {
			Skip("make reset reads the skeleton from git's history, and git is not installed here")
		}
		root = GinkgoT().TempDir()
		ex = kit.Exercise{Name: "07-x", Root: root}
		write("exercises/07-x/exercise.json", `{"files": ["a.go", "b.go"], "tasks": [{"number": 1, "files": ["a.go"]}]}`)
		write("exercises/07-x/a.go", "package x // TODO(1)\n")
		write("exercises/07-x/b.go", "package x // TODO(2)\n")
		git("init", "-q")
		git("add", ".")
		git("commit", "-q", "-m", "the kit")
		write("exercises/07-x/a.go", "package x // mine, committed\n")
		git("commit", "-q", "-am", "my work")
		write("exercises/07-x/a.go", "package x // mine, committed, and more\n")
	})

	sums := func() map[string]string {
		return map[string]string{"07-x/a.go": kit.BlobID([]byte("package x // TODO(1)\n")),
			"07-x/b.go": kit.BlobID([]byte("package x // TODO(2)\n"))}
	}

	It("restores a skeleton the learner changed and committed, and keeps the learner's file", func() {
		backup := kit.BackupDir(root, ex, time.Date(2026, 12, 1, 10, 0, 0, 0, time.UTC))
		done, err := kit.Reset(ex, []string{"a.go", "b.go"}, sums(), backup)
		Expect(err).NotTo(HaveOccurred())
		Expect(done).To(ConsistOf(
			kit.Restored{File: "a.go", Backup: filepath.Join(backup, "a.go")},
			kit.Restored{File: "b.go", Unchanged: true}))
		Expect(read("exercises/07-x/a.go")).To(Equal("package x // TODO(1)\n"))
		Expect(read(".threadproc/backup/07-x-20261201-100000/a.go")).To(Equal("package x // mine, committed, and more\n"))
	})

	It("refuses a file the learner does not edit, and changes nothing", func() {
		_, err := kit.Reset(ex, []string{"a.go", "exercise.json"}, sums(), GinkgoT().TempDir())
		Expect(err).To(MatchError(ContainSubstring("exercise.json is not one of the files you edit in 07-x: a.go, b.go")))
		Expect(read("exercises/07-x/a.go")).To(ContainSubstring("mine"))
	})

	It("says where the skeleton comes from outside a git checkout", func() {
		Expect(os.RemoveAll(filepath.Join(root, ".git"))).To(Succeed())
		_, err := kit.Reset(ex, []string{"a.go"}, sums(), GinkgoT().TempDir())
		Expect(err).To(MatchError(kit.ErrNoGit))
		Expect(err.Error()).To(ContainSubstring("not a git checkout"))
		Expect(read("exercises/07-x/a.go")).To(ContainSubstring("mine"))
	})
})

var _ = Describe("make hint's memory", func() {
	It("gives the next hint each time, per exercise and task, remembered across runs, and says when none is left", func() {
		root := GinkgoT().TempDir()
		sec := kit.HintSection{Task: 3, Hints: []string{"a", "b"}, Mistakes: "m"}
		st := kit.LoadState(root)
		next := func(ex string, h kit.HintSection) int {
			GinkgoHelper()
			level, ok := st.NextHint(ex, h)
			Expect(ok).To(BeTrue(), "%s, task %d: a hint is left", ex, h.Task)
			return level
		}
		Expect(next("02-goroutines", sec)).To(Equal(1))
		Expect(st.Save()).To(Succeed())

		st = kit.LoadState(root) // a new run of make hint
		Expect(next("02-goroutines", sec)).To(Equal(2), "the second run shows the second hint")
		Expect(next("05-pools", sec)).To(Equal(1), "each exercise counts on its own")
		Expect(next("02-goroutines", kit.HintSection{Task: 4, Hints: []string{"x"}})).To(Equal(1), "and each task")
		Expect(next("02-goroutines", sec)).To(Equal(3), "the common mistakes come last")
		_, left := st.NextHint("02-goroutines", sec)
		Expect(left).To(BeFalse())
		Expect(st.Save()).To(Succeed())
		Expect(filepath.Join(root, kit.StateDir, "state.json")).To(BeARegularFile())
	})

	It("knows which exercises make learn has run, and the task it pointed at", func() {
		st := kit.LoadState(GinkgoT().TempDir())
		st.Record(kit.Progress{Exercise: "02-goroutines", NextTask: 3, Total: 5, Failed: 1})
		Expect(st.Exercises["02-goroutines"]).To(Equal(kit.ExerciseState{Learned: true, Task: 3}))
		Expect(st.Exercises["03-processes"].Learned).To(BeFalse())
	})
})
