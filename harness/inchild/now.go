package inchild

// ChildrenNow is [ChildrenLeft] made for the moment Serve returns, in the
// goroutine that called it: a worker killed but not yet waited for is
// reaped by its reaper goroutine a moment later, and a scan of /proc
// (milliseconds) would miss it. On Linux it first asks the kernel, in one
// system call that reaps nothing (waitid with WNOHANG|WNOWAIT), whether any
// child is not reaped yet (unreaped), then lists the children from
// /proc/self/task/*/children; elsewhere it falls back to ChildrenLeft and
// unreaped is false.
func ChildrenNow() (running, zombies []int, unreaped bool) {
	unreaped, decided := unreapedNow() // first, before the reapers catch up
	running, zombies, ok := childrenNow()
	if !ok {
		running, zombies = ChildrenLeft()
	}
	return running, zombies, decided && unreaped
}
