package goroutines

import (
	"fmt"
	"net"
	"net/netip"
	"os"
	"strings"
	"time"
)

// misbehave tries to leave the sandbox's network: it lists the interfaces
// it can see and dials the listener the grader opened on the host's own
// 127.0.0.1 (its address is in THREADPROC_CANARY). It dials nothing
// outside 127.0.0.0/8 and sends no byte. If the dial gets through, the
// sandbox did not hold, and Serve says so by failing; if not, it serves.
func misbehave(ln net.Listener) {
	_ = ln
	var names []string
	if ifs, err := net.Interfaces(); err == nil {
		for _, i := range ifs {
			names = append(names, i.Name)
		}
	}
	fmt.Fprintf(os.Stderr, "probe: interfaces I can see: %s\n", strings.Join(names, " "))
	addr, err := netip.ParseAddrPort(os.Getenv("THREADPROC_CANARY"))
	if err != nil || !addr.Addr().Is4() || !addr.Addr().IsLoopback() {
		fmt.Fprintf(os.Stderr, "probe: no canary on 127.0.0.0/8 to dial\n")
		return
	}
	conn, err := net.DialTimeout("tcp", addr.String(), 2*time.Second)
	if err != nil {
		fmt.Fprintf(os.Stderr, "probe: dial %s: %v\n", addr, err)
		return
	}
	conn.Close()
	panic("probe: reached the grader's listener at " + addr.String() + " from inside the sandbox")
}
