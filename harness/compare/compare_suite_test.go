package compare

import (
	"os"
	"testing"

	"github.com/onsi/ginkgo/v2" // not dot-imported: it has a Report too
	. "github.com/onsi/gomega"
)

// TestMain lets the test binary also run the reference servers and their
// workers, as the compare command does.
func TestMain(m *testing.M) {
	WorkerMain()
	os.Exit(m.Run())
}

func TestCompare(t *testing.T) {
	RegisterFailHandler(ginkgo.Fail)
	ginkgo.RunSpecs(t, "harness/compare")
}
