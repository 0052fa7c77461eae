package harness_test

import (
	"strings"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"

	"github.com/threadproc/threadproc/harness/internal/words"
	"github.com/threadproc/threadproc/harness/say"
)

var _ = Describe("the harness's words", func() {
	It("has every message in every language", func() {
		Expect(words.Catalog.Check()).To(BeEmpty())
	})

	It("marks a copy that did not enter worker mode with words it can find, in every language", func() {
		marks, lines := words.All("child.stray.mark"), words.All("child.stray")
		Expect(marks).To(HaveLen(len(say.Langs)))
		for i, line := range lines {
			Expect(line).To(ContainSubstring(marks[i]), "the line must carry its language's mark")
		}
	})

	It("starts its task pointers and hint lines with words the kit can recognise, in every language", func() {
		for _, key := range []string{"pointer.todo", "pointer.task", "frame.hint"} {
			prefixes := words.Prefixes(key)
			Expect(prefixes).To(HaveLen(len(say.Langs)), key)
			for _, p := range prefixes {
				Expect(len([]rune(strings.TrimSpace(p)))).To(BeNumerically(">=", 3),
					"%s: %q is too short to tell the harness's line from another", key, p)
			}
		}
	})

	It("speaks the language the environment asks for when it speaks, not when it started", func() {
		GinkgoT().Setenv(say.EnvVar, "ko")
		Expect(words.Say("pointer.task", 3)).To(ContainSubstring("HINTS.ko.md"))
		GinkgoT().Setenv(say.EnvVar, "en")
		Expect(words.Say("pointer.task", 3)).To(Equal("this spec checks task 3: see TODO(3) in the code and hint 3 in HINTS.md."))
	})
})
