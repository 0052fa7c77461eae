package grading_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"

	"github.com/threadproc/threadproc/harness/grading"
	"github.com/threadproc/threadproc/harness/kit"
)

// Calibrating only what a generated class uses: which entries it draws,
// which of them need measuring, how the measured rows merge into the file.
// No suite runs here: the measuring is a stand-in.
var _ = Describe("calibrating a generated class", func() {
	exs := []string{"01-echo", "02-goroutines"}
	galleries := map[string][]string{"01-echo": {"a", "b", "c"}, "02-goroutines": {"x", "y"}}
	all := func(ex string) ([]string, error) { return galleries[ex], nil }
	row := func(ex, entry, commit string, tasks ...int) grading.BreakageRow {
		return grading.BreakageRow{EntryRef: grading.EntryRef{Exercise: ex, Entry: entry}, Tasks: tasks, KitCommit: commit}
	}
	ref := func(ex, entry string) grading.EntryRef { return grading.EntryRef{Exercise: ex, Entry: entry} }

	It("draws the same class from the same seed, and lists the gallery entries it uses once each", func() {
		plan, err := grading.PlanClass(exs, 20, 1, all)
		Expect(err).NotTo(HaveOccurred())
		again, err := grading.PlanClass(exs, 20, 1, all)
		Expect(err).NotTo(HaveOccurred())
		Expect(again).To(Equal(plan))
		Expect(plan).To(HaveLen(20))
		Expect(plan[0]).To(Equal(grading.LearnerPlan{Name: "all-solution", Tree: "all-solution", Variants: []string{"solution", "solution"}}))
		Expect(plan).To(ContainElement(HaveField("Repo", "repo-mixed")))

		used := grading.UsedEntries(plan, exs)
		Expect(used).NotTo(BeEmpty())
		Expect(used).To(HaveLen(len(distinct(used))), "each once")
		for _, l := range plan {
			for i, v := range l.Variants {
				if name, ok := strings.CutPrefix(v, "gallery:"); ok {
					Expect(used).To(ContainElement(ref(exs[i], name)))
				}
			}
		}
		for _, e := range used {
			Expect(galleries[e.Exercise]).To(ContainElement(e.Entry), "an entry of its own exercise")
		}
	})

	It("draws only the entries it may: none of the others", func() {
		plan, err := grading.PlanClass(exs, 40, 3, func(ex string) ([]string, error) { return galleries[ex][:1], nil })
		Expect(err).NotTo(HaveOccurred())
		Expect(grading.UsedEntries(plan, exs)).To(ConsistOf(ref("01-echo", "a"), ref("02-goroutines", "x")))
	})

	It("measures the entries used that the file lacks or another kit measured, and no other", func() {
		current := func(commit string) bool { return commit == "now" }
		used := []grading.EntryRef{ref("01-echo", "b"), ref("01-echo", "a"), ref("02-goroutines", "x"), ref("01-echo", "b")}
		rows := []grading.BreakageRow{
			row("01-echo", "a", "now", 2),          // measured by this kit: kept
			row("02-goroutines", "x", "before", 1), // another kit: measured again
			row("02-goroutines", "y", "before", 3), // not used: left alone, old or not
		}
		Expect(grading.NeedCalibration(used, rows, current)).To(Equal([]grading.EntryRef{ref("01-echo", "b"), ref("02-goroutines", "x")}))
		Expect(grading.NeedCalibration(nil, rows, current)).To(BeEmpty())
	})

	It("merges what it measured into the file's rows, keeping the rows of every other entry", func() {
		manifests := func(string) kit.Manifest {
			return kit.Manifest{Tasks: []kit.Task{{Number: 1, Points: 10}, {Number: 2, Points: 5}, {Number: 3, Points: 7}}}
		}
		rows := []grading.BreakageRow{row("01-echo", "a", "before", 1), row("01-echo", "gone", "before", 1),
			row("02-goroutines", "x", "before", 1), row("02-goroutines", "y", "before", 2)}
		bs := []grading.Breakage{{Exercise: "02-goroutines", Entry: "x", Tasks: []int{1, 2}},
			{Exercise: "02-goroutines", Entry: "y", Problem: "ungraded: a spec was skipped"},
			{Exercise: "01-echo", Entry: "c", Tasks: []int{3}}}
		merged := grading.MergeBreakage(rows, bs, "now", nil, manifests)
		want := []grading.BreakageRow{row("01-echo", "a", "before", 1), row("01-echo", "gone", "before", 1),
			row("02-goroutines", "x", "now", 1, 2), row("02-goroutines", "y", "now"), row("01-echo", "c", "now", 3)}
		want[2].PointsLost, want[4].PointsLost = 15, 7
		want[3].Problem = "ungraded: a spec was skipped"
		Expect(merged).To(Equal(want), "y, measured with a problem, has a row that says so: it cannot be predicted")

		merged = grading.MergeBreakage(rows, bs[:1], "now", []string{"02-goroutines"}, manifests)
		Expect(merged).To(ConsistOf(rows[0], rows[1], want[2]), "measured whole, an exercise keeps only the rows measured now")

		path := filepath.Join(GinkgoT().TempDir(), "gallery-tasks.csv")
		back, err := grading.ReadBreakage(path)
		Expect(err).NotTo(HaveOccurred())
		Expect(back).To(BeEmpty(), "no file, no rows")
		Expect(grading.WriteBreakage(path, merged)).To(Succeed())
		back, err = grading.ReadBreakage(path)
		Expect(err).NotTo(HaveOccurred())
		Expect(back).To(ConsistOf(merged))
		Expect(back[0].String()).To(Equal("01-echo/a"), "sorted by exercise and entry")
	})

	It("measures each entry once, and draws the class again without an entry that cannot be predicted", func() {
		var file []grading.BreakageRow
		var asked [][]grading.EntryRef
		measure := func(need []grading.EntryRef, rows []grading.BreakageRow) ([]grading.Breakage, error) {
			asked = append(asked, need)
			var bs []grading.Breakage
			for _, e := range need {
				b := grading.Breakage{Exercise: e.Exercise, Entry: e.Entry, Tasks: []int{1}}
				if e.Entry == "a" {
					b.Problem = "ungraded"
				}
				bs = append(bs, b)
			}
			file = grading.MergeBreakage(rows, bs, "now", nil, func(string) kit.Manifest { return kit.Manifest{} })
			return bs, nil
		}
		rows := func() ([]grading.BreakageRow, error) { return file, nil }
		current := func(commit string) bool { return commit == "now" }
		first, err := grading.PlanClass(exs, 40, 3, all)
		Expect(err).NotTo(HaveOccurred())
		Expect(grading.UsedEntries(first, exs)).To(ContainElement(ref("01-echo", "a")), "the seed draws a at first")
		plan, measured, err := grading.CalibratePlan(exs, 40, 3, galleries, rows, current, measure)
		Expect(err).NotTo(HaveOccurred())

		used := grading.UsedEntries(plan, exs)
		Expect(used).NotTo(ContainElement(ref("01-echo", "a")), "a could not be predicted: the class was drawn without it")
		Expect(grading.NeedCalibration(used, file, current)).To(BeEmpty(), "every entry the class uses has a row this kit measured")
		var all []grading.EntryRef
		for _, need := range asked {
			all = append(all, need...)
		}
		Expect(all).To(HaveLen(len(measured)))
		Expect(distinct(all)).To(HaveLen(len(all)), "no entry measured twice")
		Expect(all).To(ContainElement(ref("01-echo", "a")), "the first draw holds a")

		asked = nil
		again, _, err := grading.CalibratePlan(exs, 40, 3, galleries, rows, current, measure)
		Expect(err).NotTo(HaveOccurred())
		Expect(asked).To(BeEmpty(), "a second time, the file has every row the class needs")
		Expect(grading.UsedEntries(again, exs)).NotTo(ContainElement(ref("01-echo", "a")))
	})
})

// distinct is refs without repeats.
func distinct(refs []grading.EntryRef) []grading.EntryRef {
	var out []grading.EntryRef
	for _, r := range refs {
		if !slices.Contains(out, r) {
			out = append(out, r)
		}
	}
	return out
}

var _ = Describe("a breakage row's kit", func() {
	It("is this kit at its own commit, or at a commit from which only the breakage file changed", func(ctx SpecContext) {
		root := GinkgoT().TempDir()
		gitIn := func(args ...string) string {
			GinkgoHelper()
			cmd := exec.CommandContext(ctx, "git", append([]string{"-C", root, "-c", "user.name=t", "-c", "user.email=t@localhost"}, args...)...)
			out, err := cmd.CombinedOutput()
			Expect(err).NotTo(HaveOccurred(), string(out))
			return string(out)
		}
		write := func(rel, text string) {
			GinkgoHelper()
			Expect(os.MkdirAll(filepath.Dir(filepath.Join(root, rel)), 0o755)).To(Succeed())
			Expect(os.WriteFile(filepath.Join(root, rel), []byte(text), 0o644)).To(Succeed())
		}
		gitIn("init", "-q")
		write("kit.go", "package kit\n")
		write(grading.BreakageFile, "exercise\n")
		gitIn("add", "-A")
		gitIn("commit", "-q", "-m", "one")
		measured := grading.CalibrationCommit(ctx, root)
		Expect(measured).To(MatchRegexp(`^[0-9a-f]{40}$`))

		write(grading.BreakageFile, "exercise,entry\n")
		Expect(grading.CalibrationCommit(ctx, root)).To(Equal(measured), "writing the file does not make another kit")
		gitIn("commit", "-q", "-am", "the rows")
		now := grading.CalibrationCommit(ctx, root)
		Expect(now).NotTo(Equal(measured))
		Expect(grading.SameKit(ctx, root, measured, now)).To(BeTrue(), "only the file changed since")

		write("kit.go", "package kit // changed\n")
		dirty := grading.CalibrationCommit(ctx, root)
		Expect(dirty).To(Equal(now + "+dirty"))
		Expect(grading.SameKit(ctx, root, measured, dirty)).To(BeFalse())
		Expect(grading.SameKit(ctx, root, dirty, dirty)).To(BeTrue(), "the same edits, by what can be told")
		gitIn("commit", "-q", "-am", "a change")
		Expect(grading.SameKit(ctx, root, measured, grading.CalibrationCommit(ctx, root))).To(BeFalse(), "the kit changed")
		Expect(grading.SameKit(ctx, root, "0123456789012345678901234567890123456789", now)).To(BeFalse(), "a commit not here")
	})
})

var _ = Describe("confirming a calibration", func() {
	b := func(problem string, tasks ...int) grading.Breakage {
		return grading.Breakage{Exercise: "03-processes", Entry: "e", Tasks: tasks, Problem: problem}
	}

	It("keeps what an entry graded once breaks", func() {
		Expect(grading.Confirmed(b("", 4), grading.Breakage{}, false)).To(Equal(b("", 4)))
	})

	It("keeps what two gradings agree on", func() {
		Expect(grading.Confirmed(b("", 1, 4), b("", 1, 4), true)).To(Equal(b("", 1, 4)))
	})

	It("marks an entry whose two gradings broke other tasks as not predictable, saying both", func() {
		got := grading.Confirmed(b("", 1, 4), b("", 4), true)
		Expect(got.Tasks).To(Equal([]int{1, 4}))
		Expect(got.Problem).To(And(ContainSubstring("changed between two gradings"), ContainSubstring("[1 4]"),
			ContainSubstring("then [4]")))
	})

	It("keeps the problem of a second grading that was not clean", func() {
		Expect(grading.Confirmed(b("", 1, 4), b("ungraded: a spec was not judged", 1), true).Problem).
			To(Equal("ungraded: a spec was not judged"))
	})
})
