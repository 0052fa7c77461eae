package procs

// Queues are the bytes a TCP connection holds in the kernel, seen from one
// of its two ends.
type Queues struct {
	// Unacked is how many bytes this end sent that the other end's kernel
	// has not acknowledged yet.
	Unacked uint64
	// Unread is how many bytes this end's kernel received that its program
	// has not read yet.
	Unread uint64
}
