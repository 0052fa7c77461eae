package goroutines

import (
	"fmt"
	"sync"
)

// stats counts the clients of one server. Every handler goroutine uses the
// same stats at the same time, so each method is safe for concurrent use.
//
// One mutex guards both numbers: a client moves from connected to served in
// one step, and reply never sees it counted twice or not at all.
type stats struct {
	mu        sync.Mutex
	connected int // handlers running now
	served    int // handlers that have ended
}

// arrived records that a client's handler started.
func (st *stats) arrived() {
	st.mu.Lock()
	defer st.mu.Unlock()
	st.connected++
}

// left records that a client's handler ended, however it ended.
func (st *stats) left() {
	st.mu.Lock()
	defer st.mu.Unlock()
	st.connected--
	st.served++
}

// reply returns the answer to "stats", such as "connected 3 served 10\n".
func (st *stats) reply() string {
	st.mu.Lock()
	defer st.mu.Unlock()
	return fmt.Sprintf(StatsFormat, st.connected, st.served)
}
