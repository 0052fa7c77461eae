// Command lineserver is the fixture of package bench's own specs: a
// runnable server that says where it listens as the exercises' servers do,
// and echoes lines until "exit". With -hangup it closes every connection at
// once, unanswered; with -fail it exits before it listens.
package main

import (
	"bufio"
	"flag"
	"log"
	"net"
	"os"
	"os/signal"
)

func main() {
	addr := flag.String("addr", "127.0.0.1:5000", "address to listen on")
	hangup := flag.Bool("hangup", false, "close every connection unanswered")
	fail := flag.Bool("fail", false, "exit with status 1 before listening")
	flag.Parse()
	if *fail {
		log.Fatal("told to fail")
	}
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		log.Fatal(err)
	}
	log.Printf("lineserver (pid %d) listening on %s", os.Getpid(), ln.Addr())
	stop := make(chan os.Signal, 1)
	signal.Notify(stop, os.Interrupt)
	go func() { <-stop; _ = ln.Close() }()
	for {
		conn, err := ln.Accept()
		if err != nil {
			return // closed by Ctrl-C
		}
		if *hangup {
			_ = conn.Close()
			continue
		}
		go echo(conn)
	}
}

// echo sends every line back until "exit" or the end of input.
func echo(conn net.Conn) {
	defer conn.Close()
	lines := bufio.NewScanner(conn)
	for lines.Scan() && lines.Text() != "exit" {
		if _, err := conn.Write(append(lines.Bytes(), '\n')); err != nil {
			return
		}
	}
}
