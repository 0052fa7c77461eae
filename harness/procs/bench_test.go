//go:build unix

package procs_test

import (
	"net"
	"os"
	"testing"

	"github.com/threadproc/threadproc/harness/procs"
)

// BenchmarkSocketOwners measures one full /proc scan for the owner of an
// accepted loopback connection: go test -run=^$ -bench=. ./harness/procs
func BenchmarkSocketOwners(b *testing.B) {
	ln, err := net.Listen("tcp4", "127.0.0.1:0")
	if err != nil {
		b.Fatal(err)
	}
	defer ln.Close()
	client, err := net.Dial("tcp4", ln.Addr().String())
	if err != nil {
		b.Fatal(err)
	}
	defer client.Close()
	server, err := ln.Accept()
	if err != nil {
		b.Fatal(err)
	}
	defer server.Close()
	local, remote := ends(server)
	for b.Loop() {
		owners, err := procs.SocketOwners(local, remote)
		if err != nil || len(owners) != 1 || owners[0] != os.Getpid() {
			b.Fatalf("SocketOwners = %v, %v", owners, err)
		}
	}
}

// BenchmarkDescendants measures one full /proc scan from PID 1.
func BenchmarkDescendants(b *testing.B) {
	for b.Loop() {
		if _, err := procs.Descendants(1); err != nil {
			b.Fatal(err)
		}
	}
}
