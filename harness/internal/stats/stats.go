// Package stats holds the order statistics of the kit's measurements:
// medians and quantiles of repeated timings, and ratios of durations.
// Timings are compared by their medians over interleaved repeats: one run
// disturbed by another program moves a median much less than a mean.
package stats

import (
	"math"
	"slices"
	"time"
)

// Number is what the statistics take: floats, and durations (or other
// integer counts).
type Number interface{ ~int64 | ~float64 }

// Median returns the median of xs (the mean of the two middle values when
// there is an even number of them), or 0 for no values. xs is not changed.
func Median[T Number](xs []T) T {
	if len(xs) == 0 {
		return 0
	}
	s := slices.Clone(xs)
	slices.Sort(s)
	mid := len(s) / 2
	if len(s)%2 == 1 {
		return s[mid]
	}
	return (s[mid-1] + s[mid]) / 2
}

// Quantile returns the q-quantile (q from 0 to 1; 0.99 for the 99th
// percentile) of xs by the nearest rank: the smallest value that at least a
// fraction q of the values do not exceed. It returns 0 for no values; xs is
// not changed.
func Quantile[T Number](xs []T, q float64) T {
	if len(xs) == 0 {
		return 0
	}
	s := slices.Clone(xs)
	slices.Sort(s)
	rank := int(math.Ceil(q * float64(len(s))))
	return s[min(max(rank-1, 0), len(s)-1)]
}

// Ratio returns a/b, or 0 when b is not positive.
func Ratio(a, b time.Duration) float64 {
	if b <= 0 {
		return 0
	}
	return float64(a) / float64(b)
}
