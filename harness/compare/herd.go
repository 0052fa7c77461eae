package compare

import (
	"errors"
	"fmt"
	"strings"
)

// HerdKs are the pool sizes of the herd sweep.
var HerdKs = []int{1, 4, 16}

// HerdPoint is the churn, one client at a time, of a prefork pool of K
// workers that wait for clients the way Cure says.
type HerdPoint struct {
	Cure  Cure
	K     int
	Churn Churn
	// Note says why the point was not measured, if it was not.
	Note string
}

// herdRuns is how many runs of churnTime the herd sweep makes on each pool.
const herdRuns = 5

// herdSweep measures every cure at every K, one client at a time. The pools
// of one cure run side by side, and take turns run after run, so that the
// ratio of their rates does not depend on the machine's moods. It returns
// the points in Cures × HerdKs order.
func (rn *runner) herdSweep() []HerdPoint {
	var points []HerdPoint
	for _, cure := range Cures {
		points = append(points, rn.herdPoints(cure)...)
	}
	return points
}

// herdPoints measures the pools of cure, one for each of HerdKs.
func (rn *runner) herdPoints(cure Cure) []HerdPoint {
	points := make([]HerdPoint, len(HerdKs))
	tallies := make([]churnTally, len(HerdKs))
	servers := make([]*server, len(HerdKs))
	defer func() {
		for _, s := range servers {
			if s != nil {
				s.stop()
				rn.track(s, false)
			}
		}
	}()
	what := "churn, 1 client at a time, K = " + strings.Trim(strings.Join(strings.Fields(fmt.Sprint(HerdKs)), ", "), "[]")
	fmt.Fprintf(rn.log, "%-34s %s\n", fmt.Sprintf("prefork, %s:", cureLabel(cure)), what)
	for i, k := range HerdKs {
		points[i] = HerdPoint{Cure: cure, K: k}
		tallies[i] = churnTally{clients: 1, cpuKnown: true, switchesKnown: true}
	}
	fail := func(err error) []HerdPoint {
		for i := range points {
			points[i].Note = what + ": " + err.Error()
		}
		return points
	}
	if rn.late() {
		return fail(errors.New("skipped, " + rn.why()))
	}
	for i, k := range HerdKs {
		s, err := startServer(PreforkVariant(cure, k), rn.tag, rn.env...)
		if err != nil {
			return fail(err)
		}
		servers[i] = s
		rn.track(s, true)
		if err := warmUp(s); err != nil {
			return fail(err)
		}
	}
	for r := range herdRuns {
		for j := range HerdKs {
			i := (j + r) % len(HerdKs) // each pool goes first in turn
			if err := tallies[i].run(servers[i]); err != nil {
				return fail(err)
			}
		}
	}
	for i := range points {
		points[i].Churn = tallies[i].churn()
	}
	return points
}

// HerdAt returns the point of cure at k, if it was measured.
func (r *Report) HerdAt(cure Cure, k int) (HerdPoint, bool) {
	for _, p := range r.Herd {
		if p.Cure == cure && p.K == k && p.Note == "" && p.Churn.Rate > 0 {
			return p, true
		}
	}
	return HerdPoint{}, false
}
