package say_test

import (
	"testing"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"
)

func TestSay(t *testing.T) {
	RegisterFailHandler(Fail)
	RunSpecs(t, "say")
}
