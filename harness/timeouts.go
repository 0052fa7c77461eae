package harness

import "time"

// Timeouts used by the harness. They are generous for a loaded 2-core machine
// running the race detector, and short enough that a hanging server fails a
// spec in seconds rather than minutes.
const (
	// IOTimeout bounds every single read or write a client makes, on a
	// machine that starts a process quickly. Where starting one is slow (a
	// busy or small machine), reads wait longer, in proportion, up to 15 s;
	// failure messages say how long they waited.
	IOTimeout = 3 * time.Second
	// SpecDeadline is what exercise specs pass to ginkgo's SpecTimeout decorator.
	SpecDeadline = 30 * time.Second
	// ShutdownGrace is how long Serve may take to return after its listener
	// is closed (twice a read's deadline where reads wait longer).
	ShutdownGrace = 5 * time.Second
	// QuietPeriod is how long [Client.ExpectOpen] watches for a server that
	// answers too early (for instance, to half a line).
	QuietPeriod = 300 * time.Millisecond
)
