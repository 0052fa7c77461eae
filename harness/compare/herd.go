package compare

import "fmt"

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

// herdSweep measures every cure at every K, one client at a time, on a
// fresh pool each, the cures taking turns at each K so that they share the
// machine's moods. It returns the points in Cures × HerdKs order.
func (rn *runner) herdSweep() []HerdPoint {
	var points []HerdPoint
	for _, k := range HerdKs {
		for _, cure := range Cures {
			p := HerdPoint{Cure: cure, K: k}
			kind := PreforkVariant(cure, k)
			p.Note = rn.measure(kind, fmt.Sprintf("churn, 1 client at a time"), func(s *server) (err error) {
				p.Churn, err = measureChurn(s, 1)
				return err
			})
			points = append(points, p)
		}
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
