package kit_test

import (
	"bytes"
	"os"
	"path/filepath"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"

	"github.com/threadproc/threadproc/harness/kit"
)

var _ = Describe("the documents' checks", func() {
	var (
		ex  kit.Exercise
		out bytes.Buffer
		t   *kit.Tally
	)
	write := func(name, text string) {
		Expect(os.WriteFile(filepath.Join(ex.Dir(), name), []byte(text), 0o644)).To(Succeed())
	}
	BeforeEach(func() {
		ex = kit.Exercise{Name: "01-demo", Root: GinkgoT().TempDir()}
		Expect(os.MkdirAll(ex.Dir(), 0o755)).To(Succeed())
		out.Reset()
		t = kit.NewTally(&out)
		write(kit.ManifestFile, `{"files": ["a.go"], "tasks": [{"number": 1, "title": "a", "points": 1, "files": ["a.go"]},
			{"number": 2, "title": "b", "points": 1, "files": ["a.go"]}]}`)
		write("README.md", "## One\n\n**Task 1: a** (`a.go`).\nChecked by **\"Serve, the loop\"**.\n\n## Two\n\n**Task 2: b**\n")
		write("README.ko.md", "## 하나\n\n**과제 1: a** (`a.go`).\n확인하는 스펙은 **\"Serve, the loop\"**.\n\n## 둘\n\n**과제 2: b**\n")
	})
	specs := kit.Result{Specs: []kit.Spec{{Text: "Serve, the loop accepts clients"}}}

	It("pass the kit's own exercises", func() {
		root, err := kit.FindRoot(".")
		Expect(err).NotTo(HaveOccurred())
		exs, err := kit.Exercises(root)
		Expect(err).NotTo(HaveOccurred())
		for _, e := range exs {
			kit.CheckReadmes(e, t)
		}
		Expect(t.Failed).To(BeZero(), out.String())
	})

	It("pass two READMEs that say the same things", func() {
		kit.CheckReadmes(ex, t)
		kit.CheckQuotedSpecs(ex, specs, t)
		Expect(t.Failed).To(BeZero(), out.String())
	})

	It("fail a task that only one language lists", func() {
		write("README.ko.md", "## 하나\n\n**과제 1: a**\n\n## 둘\n")
		kit.CheckReadmes(ex, t)
		Expect(out.String()).To(ContainSubstring("README.ko.md lists tasks [1], but exercise.json has tasks [1 2]"))
	})

	It("fail a section that only one language has", func() {
		write("README.ko.md", "## 하나\n\n**과제 1: a**\n\n## 둘\n\n**과제 2: b**\n\n## 셋\n")
		kit.CheckReadmes(ex, t)
		Expect(out.String()).To(ContainSubstring("README.md has 2 sections (## headings), README.ko.md has 3"))
	})

	It("fail a quoted spec that no longer exists", func() {
		write("HINTS.md", "## 1\n\nSee **\"Serve, the old loop\"** and **\"... the loop\"** and **\"Serve,\nthe loop\"**.\n")
		kit.CheckQuotedSpecs(ex, specs, t)
		Expect(t.Failed).To(Equal(1), out.String())
		Expect(out.String()).To(ContainSubstring(`HINTS.md quotes the spec **"Serve, the old loop"**`))
	})
})
