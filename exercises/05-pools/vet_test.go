package pools_test

import (
	. "github.com/onsi/ginkgo/v2"

	"github.com/threadproc/threadproc/harness"
)

var _ = Describe("your code", func() {
	It("passes go vet", func() { harness.ExpectVetClean() })
})
