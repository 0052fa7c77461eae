package procs_test

import (
	"testing"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"

	"github.com/threadproc/threadproc/harness/procs"
)

func TestProcs(t *testing.T) {
	RegisterFailHandler(Fail)
	RunSpecs(t, "procs Suite")
}

// Every spec looks at real processes; where the inspection does not work
// at all, skip with the reason procs gives.
var _ = BeforeEach(func() {
	if err := procs.Supported(); err != nil {
		Skip(err.Error())
	}
})
