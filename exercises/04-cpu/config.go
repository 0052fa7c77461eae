package cpu

// Config says how a server runs its jobs. The zero Config is Go's default:
// as many jobs in parallel as there are CPUs, and no limit.
type Config struct {
	// MaxProcs, when above 0, is the GOMAXPROCS of every process that runs
	// jobs: at most that many OS threads run Go code at the same time in
	// it. MaxProcs 1 is Go's stand-in for Python's GIL. ServeGoroutines
	// applies it to its own process (task 3); ServeProcesses to each worker
	// process it starts (task 4).
	MaxProcs int
	// MaxJobs, when above 0, is how many jobs ServeGoroutines runs at the
	// same time; the others wait for a free slot (task 5). Echo and exit
	// never wait. ServeProcesses ignores it.
	MaxJobs int
}
