package compare

import "fmt"

// Kind names one of the four reference servers.
type Kind string

// The four reference servers (see the package documentation).
const (
	Goroutines    Kind = "goroutines"
	Processes     Kind = "processes"
	GoroutinePool Kind = "goroutine-pool"
	PreforkPool   Kind = "prefork-pool"
)

// Kinds lists the reference servers in the order the report shows them.
var Kinds = []Kind{Goroutines, Processes, GoroutinePool, PreforkPool}

// PoolSize is how many connections a pool serves at a time: goroutines in
// the goroutine pool, worker processes in the prefork pool.
const PoolSize = 8

// Title is how the report calls a kind of server.
func (k Kind) Title() string {
	switch k {
	case Goroutines:
		return "goroutine per connection"
	case Processes:
		return "process per connection"
	case GoroutinePool:
		return fmt.Sprintf("goroutine pool (%d)", PoolSize)
	case PreforkPool:
		return fmt.Sprintf("prefork process pool (%d)", PoolSize)
	}
	return string(k)
}

// capacity is how many clients the server serves at the same time: 0 for no
// limit, PoolSize for the pools (the others wait their turn).
func (k Kind) capacity() int {
	if k == GoroutinePool || k == PreforkPool {
		return PoolSize
	}
	return 0
}
