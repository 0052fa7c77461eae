package pools_test

import (
	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"

	"github.com/threadproc/threadproc/harness/say"
)

// catalog is what this exercise's specs say to a learner: their hints and
// failure messages, in English (messages_en_test.go) and Korean
// (messages_ko_test.go). The specs' own names stay English: the READMEs,
// the HINTS and the gallery quote them.
var catalog = say.NewCatalog("05-pools", english, korean)

// tell returns the message key in the learner's language (THREADPROC_LANG,
// then the locale; see package say), formatted with args.
func tell(key string, args ...any) string { return catalog.In(say.FromEnv()).Say(key, args...) }

var _ = Describe("the specs' messages", func() {
	It("has every message in every language", func() {
		Expect(catalog.Check()).To(BeEmpty())
	})
})
