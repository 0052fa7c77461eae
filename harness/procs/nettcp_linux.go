package procs

import (
	"bufio"
	"bytes"
	"encoding/binary"
	"fmt"
	"net/netip"
	"os"
	"strconv"
)

// TCP states as printed in the "st" column of /proc/net/tcp.
const (
	tcpEstablished = 0x01
	tcpListen      = 0x0A
)

// tcpRow is one socket row of /proc/net/tcp or /proc/net/tcp6.
type tcpRow struct {
	local, remote netip.AddrPort // normalized (IPv4-mapped forms unmapped)
	state         uint8
	inode         uint64
	tx, rx        uint64 // bytes sent but not acknowledged; bytes received but not read
}

// readTCPTables parses dir/tcp and dir/tcp6 (dir is /proc/net or
// /proc/PID/net) and returns the rows in the given state. A missing tcp6
// table (kernel without IPv6) is not an error.
func readTCPTables(dir string, state uint8) ([]tcpRow, error) {
	var rows []tcpRow
	for _, name := range []string{"tcp", "tcp6"} {
		f, err := os.Open(dir + "/" + name)
		if err != nil {
			if name == "tcp6" && gone(err) {
				continue
			}
			return nil, err
		}
		rows, err = parseTCPTable(f, state, rows)
		f.Close()
		if err != nil {
			return nil, fmt.Errorf("procs: %s/%s: %w", dir, name, err)
		}
	}
	return rows, nil
}

// parseTCPTable appends to rows the rows of one table that are in state.
//
//	sl  local_address rem_address   st tx_queue:rx_queue tr:tm->when retrnsmt uid timeout inode ...
//	 0: 0100007F:1F90 00000000:0000 0A 00000000:00000000 00:00000000 00000000   0       0 12345 ...
func parseTCPTable(f *os.File, state uint8, rows []tcpRow) ([]tcpRow, error) {
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 0, 64*1024), 1024*1024)
	first := true
	for sc.Scan() {
		if first { // header
			first = false
			continue
		}
		fields := bytes.Fields(sc.Bytes())
		if len(fields) < 10 {
			continue
		}
		st, err := strconv.ParseUint(string(fields[3]), 16, 8)
		if err != nil {
			return rows, fmt.Errorf("malformed state %q", fields[3])
		}
		if uint8(st) != state {
			continue
		}
		var row tcpRow
		row.state = uint8(st)
		if row.local, err = parseHexAddrPort(string(fields[1])); err != nil {
			return rows, err
		}
		if row.remote, err = parseHexAddrPort(string(fields[2])); err != nil {
			return rows, err
		}
		tx, rx, _ := bytes.Cut(fields[4], []byte(":"))
		if row.tx, err = strconv.ParseUint(string(tx), 16, 64); err != nil {
			return rows, fmt.Errorf("malformed queues %q", fields[4])
		}
		if row.rx, err = strconv.ParseUint(string(rx), 16, 64); err != nil {
			return rows, fmt.Errorf("malformed queues %q", fields[4])
		}
		if row.inode, err = strconv.ParseUint(string(fields[9]), 10, 64); err != nil {
			return rows, fmt.Errorf("malformed inode %q", fields[9])
		}
		rows = append(rows, row)
	}
	return rows, sc.Err()
}

// parseHexAddrPort decodes "0100007F:1F90" (IPv4) or a 32-hex-digit IPv6
// address followed by ":PORT". The kernel prints the address as 32-bit
// words, each in host byte order (so byte-reversed on little-endian
// machines), and the port as a plain hex number. IPv4-mapped IPv6 addresses
// are unmapped.
func parseHexAddrPort(s string) (netip.AddrPort, error) {
	i := len(s) - 5
	if i < 0 || s[i] != ':' {
		return netip.AddrPort{}, fmt.Errorf("procs: malformed socket address %q", s)
	}
	port, err := strconv.ParseUint(s[i+1:], 16, 16)
	if err != nil {
		return netip.AddrPort{}, fmt.Errorf("procs: malformed port in %q", s)
	}
	hexAddr := s[:i]
	if len(hexAddr) != 8 && len(hexAddr) != 32 {
		return netip.AddrPort{}, fmt.Errorf("procs: malformed address in %q", s)
	}
	var b [16]byte
	for w := 0; w < len(hexAddr)/8; w++ {
		v, err := strconv.ParseUint(hexAddr[w*8:w*8+8], 16, 32)
		if err != nil {
			return netip.AddrPort{}, fmt.Errorf("procs: malformed address in %q", s)
		}
		binary.NativeEndian.PutUint32(b[w*4:], uint32(v))
	}
	var addr netip.Addr
	if len(hexAddr) == 8 {
		addr = netip.AddrFrom4([4]byte(b[:4]))
	} else {
		addr = netip.AddrFrom16(b).Unmap()
	}
	return netip.AddrPortFrom(addr, uint16(port)), nil
}
