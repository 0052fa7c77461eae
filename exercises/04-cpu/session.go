package cpu

import (
	"bytes"
	"errors"
	"io"
	"log"
	"net"
	"strconv"

	"github.com/threadproc/threadproc/exercises/internal/lineproto"
)

// This file is GIVEN: you do not need to change it. It is the protocol of
// exercises 01 to 03, plus "work N".

// runner runs one job of rounds rounds and returns its reply: Work, or Work
// behind a limit (task 5).
type runner func(rounds int) (string, error)

// handle serves one client until it sends "exit" or leaves, and closes
// conn. It answers "work N" with run(N) and echoes every other line.
func handle(conn net.Conn, run runner) error {
	defer conn.Close()
	lines := lineproto.NewReader(conn)
	for {
		line, err := lines.Next()
		if errors.Is(err, lineproto.ErrLineTooLong) {
			_, err = io.WriteString(conn, lineproto.LineTooLong)
			return err
		}
		if lineproto.Is(line, lineproto.ExitCommand) {
			return nil
		}
		if len(line) > 0 {
			if werr := answer(conn, line, run); werr != nil {
				return werr
			}
		}
		if err == io.EOF {
			return nil // the client ended its side
		}
		if err != nil {
			return err
		}
	}
}

// answer writes the reply to one line: a job's digest (or an error line) for
// "work N", the line itself for anything else.
func answer(conn net.Conn, line []byte, run runner) error {
	rounds, isWork, err := parseWork(line)
	if !isWork {
		_, err := conn.Write(line)
		return err
	}
	var reply string
	if err == nil {
		reply, err = run(rounds)
	}
	if err != nil {
		log.Printf("client %s: %q: %v", conn.RemoteAddr(), bytes.TrimSpace(line), err)
		reply = "error: " + err.Error()
	}
	_, err = io.WriteString(conn, reply+"\n")
	return err
}

// parseWork recognises "work N". isWork is false for lines that are not a
// request (they are echoed); err is set when N is not a number.
func parseWork(line []byte) (rounds int, isWork bool, err error) {
	line = bytes.TrimSuffix(line, []byte("\n"))
	line = bytes.TrimSuffix(line, []byte("\r"))
	arg, ok := bytes.CutPrefix(line, []byte(WorkCommand+" "))
	if !ok {
		return 0, false, nil
	}
	rounds, err = strconv.Atoi(string(arg))
	if err != nil {
		return 0, true, errNotANumber
	}
	return rounds, true, nil
}
