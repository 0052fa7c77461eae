//go:build unix

package procs_test

import (
	"fmt"
	"os"
	"os/exec"
	"time"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"

	"github.com/threadproc/threadproc/harness/procs"
)

var _ = Describe("WithEnv", func() {
	It("finds exactly the child started with a unique environment variable", func(ctx SpecContext) {
		const key = "THREADPROC_PROCS_SPEC"
		value := fmt.Sprintf("%d-%d", os.Getpid(), time.Now().UnixNano())
		child := sleeper(func(c *exec.Cmd) { c.Env = append(os.Environ(), key+"="+value) })
		other := sleeper(func(c *exec.Cmd) { c.Env = append(os.Environ(), key+"="+value+"-not") })

		found, err := procs.WithEnv(key, value)
		skipIfUnsupported(err)
		Expect(err).NotTo(HaveOccurred())
		Expect(found).To(Equal([]int{child.Process.Pid}))
		Expect(found).NotTo(ContainElement(other.Process.Pid))

		found, err = procs.WithEnv(key, value+"-nobody")
		Expect(err).NotTo(HaveOccurred())
		Expect(found).To(BeEmpty())
	}, SpecTimeout(10*time.Second))
})
