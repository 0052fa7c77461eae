//go:build !linux

package pools_test

// unreapedNow has no one-call answer outside Linux: noWorkerLeft then
// relies on the list of children alone.
func unreapedNow() (unreaped, ok bool) { return false, false }

// childrenNow has no fast way outside Linux: noWorkerLeft then asks
// inchild.ChildrenLeft.
func childrenNow() (running, zombies []int, ok bool) { return nil, nil, false }
