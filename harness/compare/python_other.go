//go:build !unix

package compare

import "errors"

// execPython is not available here.
func execPython(kind Kind) error { return errors.ErrUnsupported }
