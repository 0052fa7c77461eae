package grading_test

import (
	"os"
	"path/filepath"
	"strings"
	"time"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"

	"github.com/threadproc/threadproc/harness/grading"
	"github.com/threadproc/threadproc/harness/kit"
	"github.com/threadproc/threadproc/harness/sandbox"
)

// A small class, end to end: exercise 01 only, and one learner graded (the
// full class belongs to make grade-class).
var _ = Describe("a generated class", Ordered, func() {
	var root, gen string
	var exs []kit.Exercise
	var parts []grading.Part

	BeforeAll(func(ctx SpecContext) {
		var err error
		root, err = kit.FindRoot(".")
		Expect(err).NotTo(HaveOccurred())
		exs, err = kit.Exercises(root, "01")
		Expect(err).NotTo(HaveOccurred())
		gen = GinkgoT().TempDir()
		parts, err = grading.Generate(ctx, root, exs, gen, 11, 7)
		Expect(err).NotTo(HaveOccurred())
	}, NodeTimeout(3*time.Minute))

	It("holds a copy per learner, with the misbehaviours, a git repository and the predictions", func() {
		ls, err := grading.Learners(gen)
		Expect(err).NotTo(HaveOccurred())
		Expect(ls).To(HaveLen(11))
		Expect(ls).To(ContainElement(grading.Learner{Name: "repo-mixed", Tree: filepath.Join(gen, "repo-mixed", "exercises")}))
		Expect(filepath.Join(gen, "repo-mixed", ".git", "HEAD")).To(BeAnExistingFile())
		sameFile(filepath.Join(gen, "all-solution", "01-echo", "server.go"), filepath.Join(root, "solutions", "01-echo", "server.go"))
		sameFile(filepath.Join(gen, "all-skeleton", "01-echo", "server.go"), filepath.Join(root, "exercises", "01-echo", "server.go"))
		back, err := grading.ReadExpected(filepath.Join(gen, "expected.csv"))
		Expect(err).NotTo(HaveOccurred())
		Expect(back).To(Equal(parts))
		Expect(back).To(ContainElement(And(HaveField("Learner", "malice-hang"), HaveField("Variant", "solution"))),
			"misbehaviours go into 02-goroutines only; the other exercises hold the solution")
		for _, p := range back {
			switch p.Learner {
			case "all-solution":
				Expect(p.Predicted).To(Equal(50))
			case "all-skeleton":
				Expect(p.Predicted).To(Equal(0))
			}
		}
	})

	It("grades a learner in the sandbox as predicted, writes every format, and resumes without grading again", func(ctx SpecContext) {
		subs, out := GinkgoT().TempDir(), GinkgoT().TempDir()
		Expect(os.CopyFS(filepath.Join(subs, "repo-mixed"), os.DirFS(filepath.Join(gen, "repo-mixed")))).To(Succeed())
		expected := filepath.Join(GinkgoT().TempDir(), "expected.csv")
		b, err := os.ReadFile(filepath.Join(gen, "expected.csv"))
		Expect(err).NotTo(HaveOccurred())
		lines := strings.Split(string(b), "\n")
		kept := []string{lines[0]}
		for _, l := range lines {
			if strings.HasPrefix(l, "repo-mixed,") {
				kept = append(kept, l)
			}
		}
		Expect(os.WriteFile(expected, []byte(strings.Join(kept, "\n")+"\n"), 0o644)).To(Succeed())
		c := &grading.Class{Root: root, Exercises: exs, Submissions: subs, Out: out, Jobs: 1,
			Expected: expected, Log: GinkgoWriter,
			Options: grading.Options{Seed: 1, Budget: 5 * time.Minute, Tools: sandbox.Detect(),
				Limits: sandbox.Limits{Memory: 6 << 30, Processes: 4096, CPUSeconds: 600}}}
		rep, err := c.Run(ctx)
		Expect(err).NotTo(HaveOccurred())
		Expect(rep.Expectations).To(HaveLen(1))
		Expect(rep.Expectations[0].OK).To(BeTrue(), "%+v", rep.Expectations[0])
		Expect(rep.Integrity.Unchanged).To(BeTrue(), "%v", rep.Integrity.Changed)
		Expect(rep.Integrity.Leftovers).To(Equal("nothing left running"))

		lo := filepath.Join(out, "learners", "repo-mixed")
		lg, err := grading.ReadLearner(lo)
		Expect(err).NotTo(HaveOccurred())
		Expect(grading.CheckLearnerFiles(lo, lg)).To(Succeed())
		Expect(lg.Provenance.SubmissionCommit).To(MatchRegexp(`^[0-9a-f]{40}$`), "the repository's commit, read from its files")
		Expect(lg.Provenance.KitCommit).NotTo(BeEmpty())
		Expect(lg.Provenance.GinkgoSeed).To(BeEquivalentTo(1))
		Expect(lg.Network.Connections).To(Equal(0))
		for _, e := range lg.Exercises {
			for _, r := range e.Records {
				if r.Task == 0 { // go vet, the catalogs: they read the learner's files inside the sandbox too
					Expect(r.State).To(BeEquivalentTo("passed"), "%s: %s", r.Spec, r.Message)
				}
			}
		}
		junit, err := os.ReadFile(filepath.Join(lo, "junit", "01-echo.xml"))
		Expect(err).NotTo(HaveOccurred())
		Expect(string(junit)).To(ContainSubstring(`name="threadproc.kit_commit" value="` + lg.Provenance.KitCommit + `"`))
		csv, err := os.ReadFile(filepath.Join(out, "class.csv"))
		Expect(err).NotTo(HaveOccurred())
		Expect(grading.ValidateCSV(csv, grading.ClassColumns)).To(Succeed())
		Expect(strings.Count(string(csv), "\n")).To(Equal(2))
		md, err := os.ReadFile(filepath.Join(out, "class-report.md"))
		Expect(err).NotTo(HaveOccurred())
		Expect(string(md)).To(ContainSubstring("## What to reteach"))
		Expect(string(md)).To(ContainSubstring("1 of 1 exercises earned the points their mix predicts"))

		start := time.Now()
		again, err := c.Run(ctx)
		Expect(err).NotTo(HaveOccurred())
		Expect(again.Resumed).To(Equal(1))
		Expect(time.Since(start)).To(BeNumerically("<", 15*time.Second), "the learner was not graded again")
	}, SpecTimeout(4*time.Minute))
})

// sameFile expects two files to hold the same bytes.
func sameFile(a, b string) {
	GinkgoHelper()
	x, err := os.ReadFile(a)
	Expect(err).NotTo(HaveOccurred())
	y, err := os.ReadFile(b)
	Expect(err).NotTo(HaveOccurred())
	Expect(string(x)).To(Equal(string(y)), "%s and %s", a, b)
}
