package harness

// ReadTimeout is a read's deadline on this machine, for the specs.
var ReadTimeout = ioTimeout
