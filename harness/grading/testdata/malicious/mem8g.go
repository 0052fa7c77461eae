package goroutines

import (
	"net"
	"runtime"
	"syscall"
)

// hoard keeps what misbehave maps.
var hoard [][]byte

// misbehave takes 8 GiB before Serve accepts anyone, 256 MiB at a time,
// every page of it really used: on Linux the kernel fills each mapping at
// once (MAP_POPULATE), elsewhere the program writes a byte per page.
func misbehave(ln net.Listener) {
	_ = ln
	const chunk = 256 << 20
	for range 32 {
		flags := syscall.MAP_ANON | syscall.MAP_PRIVATE
		if runtime.GOOS == "linux" {
			flags |= 0x8000 // MAP_POPULATE
		}
		b, err := syscall.Mmap(-1, 0, chunk, syscall.PROT_READ|syscall.PROT_WRITE, flags)
		if err != nil {
			return
		}
		if runtime.GOOS != "linux" {
			for i := 0; i < chunk; i += 4096 {
				b[i] = 1
			}
		}
		hoard = append(hoard, b)
	}
}
