package procs

import "errors"

// ErrUnsupported is wrapped by every error that means "this kind of
// inspection is not available on this system". Test with errors.Is and skip.
var ErrUnsupported = errors.New("procs: process inspection not supported")
