package kit_test

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"

	"github.com/threadproc/threadproc/harness/kit"
)

var _ = Describe("gallery entries", func() {
	const entry = `# a comment
about: drops the newline
fails: echoes a line
says: without its "\n"
file: session.go
-   conn.Write(line)
+ conn.Write(trim(line))
`
	It("parses the header and the hunks", func() {
		e, err := kit.ParseEntry("drops", strings.NewReader(entry))
		Expect(err).NotTo(HaveOccurred())
		Expect(e.About).To(Equal("drops the newline"))
		Expect(e.Fails).To(Equal("echoes a line"))
		Expect(e.Says).To(Equal(`without its "\n"`))
		Expect(e.Edits).To(HaveLen(1))
		Expect(e.Edits[0].Hunks).To(Equal([]kit.Hunk{{Remove: []string{"  conn.Write(line)"}, Add: []string{"conn.Write(trim(line))"}}}))
	})

	It("takes several specs to fail, each with its own phrase", func() {
		e, err := kit.ParseEntry("two", strings.NewReader("about: a\nfails: one\nsays: x\nfails: two\nsays: y\nfile: s.go\n- a\n+ b\n"))
		Expect(err).NotTo(HaveOccurred())
		Expect(e.Catches).To(Equal([]kit.Catch{{Fails: "one", Says: "x"}, {Fails: "two", Says: "y"}}))
		Expect(e.Fails).To(Equal("one"))
	})

	DescribeTable("rejects malformed entries",
		func(text, problem string) {
			_, err := kit.ParseEntry("bad", strings.NewReader(text))
			Expect(err).To(MatchError(ContainSubstring(problem)))
		},
		Entry("no says:", "about: a\nfails: b\nfile: x.go\n- a\n+ b\n", "has no says: line"),
		Entry("no fails:", "about: a\nfile: x.go\n- a\n+ b\n", "at least one fails:"),
		Entry("says: before fails:", "about: a\nsays: c\nfails: b\nfile: x.go\n- a\n+ b\n", "follows the fails: line"),
		Entry("no edit", "about: a\nfails: b\nsays: c\n", "at least one file: edit"),
		Entry("hunk before file:", "about: a\nfails: b\nsays: c\n- a\n", "must follow a file: line"),
		Entry("+ without -", "about: a\nfails: b\nsays: c\nfile: x.go\n+ b\n", "starts with the \"-\" lines"),
		Entry("unknown key", "about: a\nfails: b\nsays: c\nnope: d\n", "unknown line"),
	)

	Describe("applied to a solution", func() {
		var ex kit.Exercise
		var dir string
		BeforeEach(func() {
			root := GinkgoT().TempDir()
			ex = kit.Exercise{Name: "01-demo", Root: root}
			Expect(os.MkdirAll(ex.Dir(), 0o755)).To(Succeed())
			Expect(os.MkdirAll(ex.GalleryDir(), 0o755)).To(Succeed())
			Expect(os.WriteFile(filepath.Join(ex.SolutionDir(), "session.go"),
				[]byte("package demo\n\nfunc f() {\n\tconn.Write(line)\n\tconn.Write(line)\n\tdone()\n}\n"), 0o644)).To(Succeed())
			dir = GinkgoT().TempDir()
		})

		apply := func(text string) (string, error) {
			Expect(os.WriteFile(filepath.Join(ex.GalleryDir(), "e.txt"), []byte(text), 0o644)).To(Succeed())
			entries, err := kit.Gallery(ex)
			Expect(err).NotTo(HaveOccurred())
			sol, err := kit.TreeOverlay(ex, filepath.Join(ex.Root, "solutions"))
			Expect(err).NotTo(HaveOccurred())
			o, err := entries[0].Apply(ex, sol, dir)
			if err != nil {
				return "", err
			}
			b, err := os.ReadFile(o[filepath.Join(ex.Dir(), "session.go")])
			return string(b), err
		}

		It("replaces the matched run of lines", func() {
			got, err := apply("about: a\nfails: b\nsays: c\nfile: session.go\n- conn.Write(line)\n- done()\n+ stop()\n")
			Expect(err).NotTo(HaveOccurred())
			Expect(got).To(Equal("package demo\n\nfunc f() {\n\tconn.Write(line)\n\tstop()\n}\n"))
		})

		It("removes the imports the edits left unused, so entries need no filler", func() {
			Expect(os.WriteFile(filepath.Join(ex.SolutionDir(), "session.go"), []byte("package demo\n\nimport (\n\t\"fmt\"\n"+
				"\t\"log\"\n)\n\nfunc f() {\n\tlog.Print(fmt.Sprint(1))\n}\n"), 0o644)).To(Succeed())
			got, err := apply("about: a\nfails: b\nsays: c\nfile: session.go\n- log.Print(fmt.Sprint(1))\n+ _ = fmt.Sprint(1)\n")
			Expect(err).NotTo(HaveOccurred())
			Expect(got).To(Equal("package demo\n\nimport (\n\t\"fmt\"\n)\n\nfunc f() {\n\t_ = fmt.Sprint(1)\n}\n"))
		})

		It("removes several unused imports at once", func() {
			Expect(os.WriteFile(filepath.Join(ex.SolutionDir(), "session.go"), []byte("package demo\n\nimport (\n\t\"fmt\"\n"+
				"\t\"log\"\n\t\"strings\"\n)\n\nfunc f() {\n\tlog.Print(fmt.Sprint(strings.ToUpper(\"a\")))\n}\n"), 0o644)).To(Succeed())
			got, err := apply("about: a\nfails: b\nsays: c\nfile: session.go\n- log.Print(fmt.Sprint(strings.ToUpper(\"a\")))\n+ return\n")
			Expect(err).NotTo(HaveOccurred())
			Expect(got).To(Equal("package demo\n\nfunc f() {\n\treturn\n}\n"))
		})

		It("refuses a hunk that matches twice", func() {
			_, err := apply("about: a\nfails: b\nsays: c\nfile: session.go\n- conn.Write(line)\n+ x\n")
			Expect(err).To(MatchError(ContainSubstring("matches more than once")))
		})

		It("refuses a hunk that does not match", func() {
			_, err := apply("about: a\nfails: b\nsays: c\nfile: session.go\n- nothing like this\n+ x\n")
			Expect(err).To(MatchError(ContainSubstring("does not match")))
		})

		It("keeps the edits of same-named entries of two exercises apart, in one work folder", func() {
			applyIn := func(e kit.Exercise, text string) map[string]string {
				Expect(os.MkdirAll(e.GalleryDir(), 0o755)).To(Succeed())
				Expect(os.WriteFile(filepath.Join(e.GalleryDir(), "e.txt"), []byte(text), 0o644)).To(Succeed())
				entries, err := kit.Gallery(e)
				Expect(err).NotTo(HaveOccurred())
				sol, err := kit.TreeOverlay(e, filepath.Join(e.Root, "solutions"))
				Expect(err).NotTo(HaveOccurred())
				o, err := entries[0].Apply(e, sol, dir)
				Expect(err).NotTo(HaveOccurred())
				return o
			}
			ours := applyIn(ex, "about: a\nfails: b\nsays: c\nfile: session.go\n- done()\n+ mine()\n")
			other := kit.Exercise{Name: "02-other", Root: ex.Root}
			Expect(os.MkdirAll(other.SolutionDir(), 0o755)).To(Succeed())
			Expect(os.WriteFile(filepath.Join(other.SolutionDir(), "session.go"),
				[]byte("package other\n\nfunc g() {\n\tdone()\n}\n"), 0o644)).To(Succeed())
			applyIn(other, "about: a\nfails: b\nsays: c\nfile: session.go\n- done()\n+ theirs()\n")
			b, err := os.ReadFile(ours[filepath.Join(ex.Dir(), "session.go")])
			Expect(err).NotTo(HaveOccurred())
			Expect(string(b)).To(ContainSubstring("mine()"), "the other exercise's entry overwrote ours")
		})

		It("replaces a whole file with with:", func() {
			Expect(os.WriteFile(filepath.Join(ex.GalleryDir(), "other.go"), []byte("package demo\n"), 0o644)).To(Succeed())
			got, err := apply("about: a\nfails: b\nsays: c\nfile: session.go\nwith: other.go\n")
			Expect(err).NotTo(HaveOccurred())
			Expect(got).To(Equal("package demo\n"))
		})
	})
})

var _ = Describe("the tally", func() {
	It("ends with the line CI reads", func() {
		var out bytes.Buffer
		t := kit.NewTally(&out)
		t.Check(true, "fine")
		t.Check(false, "broken %d", 1)
		t.Skip()
		Expect(t.Summary()).To(Equal("1 passed, 1 failed, 1 skipped"))
		Expect(out.String()).To(ContainSubstring("FAIL broken 1"))
	})
})

var _ = Describe("exercises", func() {
	It("are found in order, by name or by number", func() {
		root, err := kit.FindRoot(".")
		Expect(err).NotTo(HaveOccurred())
		all, err := kit.Exercises(root)
		Expect(err).NotTo(HaveOccurred())
		Expect(all).NotTo(BeEmpty())
		Expect(all[0].Name).To(Equal("01-echo"))
		one, err := kit.Exercises(root, "01")
		Expect(err).NotTo(HaveOccurred())
		Expect(one).To(HaveLen(1))
		_, err = kit.Exercises(root, "99")
		Expect(err).To(MatchError(ContainSubstring("no exercise")))
	})
})
