package cpu

// limitJobs returns a runner that calls run, but for at most n jobs at the
// same time: a job that finds n others running waits until one of them ends.
// Only jobs wait; a client that sends an ordinary line is echoed at once.
func limitJobs(n int, run runner) runner {
	slots := make(chan struct{}, n)
	return func(rounds int) (string, error) {
		slots <- struct{}{} // blocks while n jobs hold a slot
		defer func() { <-slots }()
		return run(rounds)
	}
}
