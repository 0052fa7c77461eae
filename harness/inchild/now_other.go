//go:build !linux

package inchild

// unreapedNow has no one-call answer outside Linux.
func unreapedNow() (unreaped, ok bool) { return false, false }

// childrenNow has no fast way outside Linux: ChildrenNow then asks
// ChildrenLeft.
func childrenNow() (running, zombies []int, ok bool) { return nil, nil, false }
