package proc

import (
	"net"
	"os"
)

// Listen opens a listener on 127.0.0.1:0 and returns it as a file, to hand
// to a process as fd 3 ([Options.Files]), and its address. The listener
// keeps listening while the file is open; the caller closes the file once
// the process has started.
func Listen() (file *os.File, addr string, err error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, "", err
	}
	file, err = ln.(*net.TCPListener).File()
	addr = ln.Addr().String()
	_ = ln.Close() // the duplicate in file keeps the socket listening
	return file, addr, err
}
