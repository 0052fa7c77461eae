package echo_test

import (
	. "github.com/onsi/ginkgo/v2"

	"github.com/threadproc/threadproc/harness"
)

var _ = Describe("go vet", func() {
	It("passes go vet", func() { harness.ExpectVetClean() })
})
