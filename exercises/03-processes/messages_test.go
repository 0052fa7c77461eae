package processes_test

import (
	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"

	"github.com/threadproc/threadproc/harness/say"
)

// catalog holds what these specs say to a learner, in English
// (messages_en_test.go) and Korean (messages_ko_test.go).
var catalog = say.NewCatalog("03-processes", english, korean)

// msg says the message key in the learner's language (THREADPROC_LANG, or
// the locale), filled in with args.
func msg(key string, args ...any) string {
	return catalog.In(say.FromEnv()).Say(key, args...)
}

var _ = Describe("the messages of these specs", func() {
	It("has every message in every language", func() {
		Expect(catalog.Check()).To(BeEmpty())
	})
})
