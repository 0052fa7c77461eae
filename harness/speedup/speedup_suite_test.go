package speedup_test

import (
	"testing"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"
)

func TestSpeedup(t *testing.T) {
	RegisterFailHandler(Fail)
	RunSpecs(t, "speedup")
}
