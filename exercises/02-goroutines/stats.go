package goroutines

// stats counts the clients of one server. Every handler goroutine uses the
// same stats at the same time, so each method must be safe for concurrent
// use.
type stats struct {
	// TODO(3): the number of clients connected now and the number served
	// so far, guarded by a sync.Mutex (or kept in sync/atomic types).
}

// arrived records that a client's handler started.
func (st *stats) arrived() {
	// TODO(3): one more client connected.
}

// left records that a client's handler ended, however it ended.
func (st *stats) left() {
	// TODO(3): one client fewer connected, one more served.
}

// reply returns the answer to "stats", such as "connected 3 served 10\n".
func (st *stats) reply() string {
	// TODO(3): fill in StatsFormat with the two numbers.
	return notImplemented(3).Error() + "\n"
}
