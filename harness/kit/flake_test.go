package kit_test

import (
	"time"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"

	"github.com/threadproc/threadproc/harness/internal/hostinfo"
	"github.com/threadproc/threadproc/harness/kit"
)

var _ = Describe("the flake table's line about the host", func() {
	It("gives the range and the median of what starting a process cost, and the deadlines that followed", func() {
		ms := time.Millisecond
		line := kit.DescribeHosts([]hostinfo.Host{
			{Start: 14 * ms, Read: 3 * time.Second, Grace: 6 * time.Second},
			{Start: 8 * ms, Read: 3 * time.Second, Grace: 6 * time.Second},
			{Start: 11 * ms, Read: 3 * time.Second, Grace: 6 * time.Second},
		})
		Expect(line).To(Equal("host, as the harness measured it in 3 runs: starting a process cost 8ms–14ms " +
			"(median 11ms), so a read waited up to 3s and Serve had 6s to return after its listener closed"))
	})

	It("says why the host was not measured, and never invents a figure", func() {
		Expect(kit.DescribeHosts([]hostinfo.Host{{Err: "no /proc"}})).To(HavePrefix("host: not measured (no /proc)"))
		Expect(kit.DescribeHosts(nil)).To(ContainSubstring("no run recorded a measurement"))
	})
})
