package grading_test

import (
	"testing"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"
)

func TestGrading(t *testing.T) {
	RegisterFailHandler(Fail)
	RunSpecs(t, "grading")
}
