package sandbox_test

import (
	"os"
	"testing"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"
)

// TestMain lets the test binary play the untrusted command.
func TestMain(m *testing.M) {
	playRole()
	os.Exit(m.Run())
}

func TestSandbox(t *testing.T) {
	RegisterFailHandler(Fail)
	RunSpecs(t, "sandbox")
}
