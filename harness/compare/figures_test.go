package compare

import (
	"path/filepath"
	"strings"

	"github.com/onsi/ginkgo/v2" // not dot-imported: it has a Report too
	. "github.com/onsi/gomega"
)

// readme is a README with a block and inline figures, as the comparison
// last wrote them.
const readme = `# A README

The prefork pool takes <!-- fig:churn1:prefork-pool -->1<!-- /fig --> visits/s, the goroutine pool
<!-- fig:churn1:goroutine-pool -->2<!-- /fig -->: <!-- fig:ratio:churn1:prefork-pool/goroutine-pool -->0.5<!-- /fig -->x.

<!-- figures:herd-sweep -->
| old | table |
|---|---|
| 1 ms | 2 ms |
<!-- /figures:herd-sweep -->

<!-- not measured -->
| limit | value |
|---|---|
| a read | 3 s |
`

var _ = ginkgo.Describe("the figures in the READMEs", func() {
	ginkgo.It("are rewritten from a report: blocks in the file's language, inline figures", quick, func(ctx ginkgo.SpecContext) {
		r := sample()
		en, err := r.Rewrite(readme, English)
		Expect(err).NotTo(HaveOccurred())
		Expect(en).To(ContainSubstring("<!-- fig:churn1:prefork-pool -->4,000<!-- /fig -->"))
		Expect(en).To(ContainSubstring("<!-- fig:ratio:churn1:prefork-pool/goroutine-pool -->1.33<!-- /fig -->"))
		Expect(en).To(ContainSubstring("| " + Herd.Title() + " | 5,000 |"))
		Expect(en).NotTo(ContainSubstring("| 1 ms | 2 ms |"))
		Expect(en).To(ContainSubstring("| a read | 3 s |"))
		again, err := r.Rewrite(en, English)
		Expect(err).NotTo(HaveOccurred())
		Expect(again).To(Equal(en), "rewriting twice changes nothing")
		ko, err := r.Rewrite(readme, Korean)
		Expect(err).NotTo(HaveOccurred())
		Expect(ko).To(ContainSubstring("| " + Korean.cure(Herd) + " |"))
		Expect(checkFigureText(en)).To(BeEmpty())
	})

	ginkgo.It("refuse unknown names and markers that do not pair up", quick, func(ctx ginkgo.SpecContext) {
		_, err := sample().Rewrite(strings.Replace(readme, "fig:churn1:prefork-pool", "fig:churn3:prefork-pool", 1), English)
		Expect(err).To(MatchError(ContainSubstring(`no figure called "churn3:prefork-pool"`)))
		_, err = sample().Rewrite(strings.Replace(readme, "<!-- /figures:herd-sweep -->", "", 1), English)
		Expect(err).To(MatchError(ContainSubstring("pair up")))
		Expect(checkFigureText(strings.ReplaceAll(readme, "herd-sweep", "herd-swept"))).To(ContainElement(
			ContainSubstring(`no generated block called "herd-swept"`)))
	})

	ginkgo.It("are checked: a table that quotes a measurement outside a generated block is caught", quick, func(ctx ginkgo.SpecContext) {
		Expect(checkFigureText(readme)).To(BeEmpty())
		planted := readme + "\n| server | visit |\n|---|---:|\n| goroutines | 0.10 ms |\n"
		Expect(checkFigureText(planted)).To(ConsistOf(ContainSubstring(`line 19: the table quotes "0.10 ms"`)))
		unmarked := strings.Replace(readme, notMeasured+"\n", "", 1)
		Expect(checkFigureText(unmarked)).To(ConsistOf(ContainSubstring(`"3 s"`)))
		Expect(checkFigureText(readme + "\n| rate | 29,000 visits/s |\n")).To(HaveLen(1))
	})

	ginkgo.It("in this kit's READMEs all come from the comparison (go run ./harness/cmd/compare -readme .)", quick, func(ctx ginkgo.SpecContext) {
		root, err := filepath.Abs(filepath.Join("..", ".."))
		Expect(err).NotTo(HaveOccurred())
		files, err := FigureFiles(root)
		Expect(err).NotTo(HaveOccurred())
		Expect(files).To(ContainElement(filepath.Join(root, "README.md")))
		problems, err := CheckFigures(root)
		Expect(err).NotTo(HaveOccurred())
		Expect(problems).To(BeEmpty())
	})
})
