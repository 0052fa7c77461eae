package choose

import (
	"fmt"
	"log"
)

// notImplemented is what an unwritten function returns: the specs (and your
// own runs of the server) then say which TODO to do next.
func notImplemented(task int) error {
	return fmt.Errorf("not implemented (TODO %d)", task)
}

// errorLine logs err and returns it as a reply line for a client:
// "error: " and the error, and "\n".
func errorLine(err error) string {
	log.Print(err)
	return "error: " + err.Error() + "\n"
}
