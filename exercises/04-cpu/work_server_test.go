package cpu_test

import (
	"bufio"
	"errors"
	"fmt"
	"log"
	"net"
	"strconv"

	"github.com/threadproc/threadproc/exercises/04-cpu"
)

// rejected is what serveWork answers when Work returns cpu.ErrRounds.
const rejected = "rejected: ErrRounds"

// ping is a line serveWork answers with pong without calling Work: a spec
// that times Work first makes sure that the server process is up.
const ping, pong = "ping", "pong"

// serveWork is the spec's own server around your Work, so that task 1 can be
// checked before your servers exist, in a child process that a bug in Work
// cannot take the suite down with. Each line it reads is a number N; it
// answers Work(N)'s digest, or rejected when Work returns cpu.ErrRounds, or
// "error: " and any other error; and pong to ping.
func serveWork(ln net.Listener) error {
	for {
		conn, err := ln.Accept()
		if errors.Is(err, net.ErrClosed) {
			return nil
		}
		if err != nil {
			return err
		}
		go answerWork(conn)
	}
}

// answerWork answers one connection of serveWork.
func answerWork(conn net.Conn) {
	defer conn.Close()
	lines := bufio.NewScanner(conn)
	for lines.Scan() {
		if lines.Text() == ping {
			if _, err := fmt.Fprintln(conn, pong); err != nil {
				return
			}
			continue
		}
		reply := ""
		n, err := strconv.Atoi(lines.Text())
		if err == nil {
			reply, err = cpu.Work(n)
		}
		switch {
		case errors.Is(err, cpu.ErrRounds):
			reply = rejected
		case err != nil:
			log.Printf("Work(%s): %v", lines.Text(), err)
			reply = "error: " + err.Error()
		}
		if _, err := fmt.Fprintln(conn, reply); err != nil {
			return
		}
	}
}
