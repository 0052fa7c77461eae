package stats_test

import (
	"time"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"

	"github.com/threadproc/threadproc/harness/internal/stats"
)

var _ = Describe("order statistics", func() {
	It("takes medians of odd and even counts, and of nothing, without sorting in place", func() {
		xs := []float64{3, 1, 2}
		Expect(stats.Median(xs)).To(Equal(2.0))
		Expect(xs).To(Equal([]float64{3, 1, 2}))
		Expect(stats.Median([]float64{4, 1, 3, 2})).To(Equal(2.5))
		Expect(stats.Median[float64](nil)).To(Equal(0.0))
		Expect(stats.Median([]time.Duration{time.Second, 3 * time.Second, 2 * time.Second})).To(Equal(2 * time.Second))
	})

	It("takes quantiles by the nearest rank", func() {
		var hundred []time.Duration
		for i := 100; i >= 1; i-- {
			hundred = append(hundred, time.Duration(i))
		}
		Expect(stats.Quantile(hundred, 0.5)).To(Equal(time.Duration(50)))
		Expect(stats.Quantile(hundred, 0.99)).To(Equal(time.Duration(99)))
		Expect(stats.Quantile(hundred, 1)).To(Equal(time.Duration(100)))
		Expect(stats.Quantile(hundred, 0)).To(Equal(time.Duration(1)))
		Expect(hundred[0]).To(Equal(time.Duration(100)), "Quantile must not sort in place")
		Expect(stats.Quantile([]time.Duration{7}, 0.99)).To(Equal(time.Duration(7)))
		Expect(stats.Quantile([]float64{3, 1, 2}, 0.5)).To(Equal(2.0))
		Expect(stats.Quantile[float64](nil, 0.5)).To(Equal(0.0))
	})

	It("divides durations, with 0 for a zero divisor", func() {
		Expect(stats.Ratio(3*time.Second, 2*time.Second)).To(Equal(1.5))
		Expect(stats.Ratio(time.Second, 0)).To(Equal(0.0))
	})
})
