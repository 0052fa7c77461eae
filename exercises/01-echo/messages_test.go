package echo_test

import (
	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"

	"github.com/threadproc/threadproc/harness/say"
)

// catalog holds every hint and failure text of these specs, in English
// (messages_en_test.go) and Korean (messages_ko_test.go).
var catalog = say.NewCatalog("01-echo", english, korean)

// tell says the catalog's messages in the learner's language
// (THREADPROC_LANG, then the locale).
var tell = catalog.In(say.FromEnv())

var _ = Describe("the messages of these specs", func() {
	It("has every message in every language", func() {
		Expect(catalog.Check()).To(BeEmpty())
	})
})

// because is a failure text for gomega's optional description: said from
// the catalog, and only when the assertion fails.
func because(key string, args ...any) func() string {
	return func() string { return tell.Say(key, args...) }
}
