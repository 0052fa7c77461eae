package echo_test

import "github.com/threadproc/threadproc/harness/say"

// english is what these specs say to a learner, in English. Its Korean twin
// is messages_ko_test.go; "has every message in every language" checks that
// both have every key with the same arguments. Names the learner types or
// reads in the code (Serve, TODO(3), "exit", net.ErrClosed) stay as they are.
var english = say.Messages{
	// task 1: Serve, the accept loop
	"01.serve.loop":   "after one client leaves, Accept the next one: the accept loop must go round again.",
	"01.serve.queued": "this server serves one client at a time; exercise 02 changes that.",
	"01.serve.reset": "a read or write error on one connection (such as \"connection reset by peer\") ends that " +
		"client only: log it and Accept the next one, do not return from Serve.",
	"01.serve.closed": "when ln is closed, Accept returns an error that errors.Is(err, net.ErrClosed) recognises: " +
		"that is the normal way to stop, so Serve returns nil then (TODO 1).",

	// task 2: handle, the echo
	"01.echo.newline":     "write the line back with its \"\\n\": the client waits for it to know the reply is complete.",
	"01.echo.bytes":       "bytes are bytes: echo what you read, do not decode or re-encode it.",
	"01.echo.empty":       "a line that is only \"\\n\" is still a line: echo it.",
	"01.echo.after-empty": "after an empty line, go on with the next one.",
	"01.echo.long": "bufio.Scanner stops at 64 KiB tokens by default, and bufio.Reader.ReadSlice at its buffer's " +
		"size: keep the unfinished line in a buffer of your own, which can grow up to MaxLineBytes.",
	"01.echo.invalid-utf8": "do not convert the line to a string and back through a text API that replaces invalid bytes.",
	"01.echo.several":      "one Read can return several lines: echo each of them.",
	"01.echo.per-read":     "echo whole lines, not each Read: one Read can return half a line.",
	"01.echo.joined":       "keep the first part of the line until its \"\\n\" arrives, then echo the whole line at once.",
	"01.eof.lines":         "echo the whole lines the client sent before its end of file.",
	"01.eof.rest":          "at end of file, echo what is left of the last line as it is, then close.",
	"01.eof.close":         "after the client's end of file, close the connection (Close, or return so a defer closes it).",

	// task 3: exit
	"01.exit.not-echoed": "\"exit\" is a command, not a message: do not write it back, close the connection.",
	"01.exit.echo-cr":    "echo every byte of the line, \"\\r\" included: the \"\\r\" is ignored only when you look for \"exit\".",
	"01.exit.crlf":       "trim one \"\\r\" before the \"\\n\" when you look for \"exit\".",
	"01.exit.wait-whole": "wait for the whole line before you decide anything about it.",
	"01.exit.pieces":     "collect a whole line before you compare it with \"exit\": one Read can return part of a line.",
	"01.exit.after":      "stop at the \"exit\" line, even when more lines were read with it.",
	"01.exit.unfinished": "\"exit\" is a command even when the client ends its side instead of sending \"\\n\".",
	"01.exit.exact": "only a line that is exactly \"exit\" ends the connection; compare the whole line, not a " +
		"prefix, and do not change case or trim spaces.",

	// task 4: the line limit
	"01.limit.exact": "MaxLineBytes counts the \"\\n\": a line of MaxLineBytes bytes in all is allowed.",
	"01.limit.count": "count the bytes of the line as they arrive and give up at %d: a server that reads until " +
		"\"\\n\" whatever the length can be made to hold any amount of memory by one client.",
	"01.limit.close": "after LineTooLong, close the connection.",
	"01.limit.found": "a line is too long when it has more than %d bytes counting its \"\\n\", however its bytes " +
		"were split into reads: check the length of a line you found too, not only of the unfinished rest.",

	// task 5: RunClient, the client program
	"01.client.still-running": "your client program was still running %s after the spec's server was done with it: " +
		"it waits for something that does not come.",
	"01.client.printed": "your client program printed\n    %s (%d bytes)\n  expected\n    %s (%d bytes)\n\n" +
		"  hint: %s\n\n  its stderr:\n%s",
	"01.client.print-exact": "print each reply exactly as the server sent it, one per line, and nothing else.",
	"01.client.print-part": "it printed only the first %d bytes of %d: one Read returns what has arrived so " +
		"far, at most its buffer's size, and a reply can be longer than that or arrive in several writes. " +
		"Read until the \"\\n\": keep one bufio.Reader for the whole connection and call ReadString('\\n').",
	"01.client.print-extra-newline": "each reply already ends in \"\\n\": print it as it is (fmt.Fprint or " +
		"io.WriteString, not fmt.Fprintln).",
	"01.client.send-newline":    "send each input line with its \"\\n\".",
	"01.client.next-line":       "after printing a reply, send the next input line.",
	"01.client.send-exit":       "send \"exit\" to the server too: that is how the server knows to close.",
	"01.client.stop-after-exit": "after sending \"exit\", stop: do not send the lines that follow it, and close the connection.",
	"01.client.nil-after-exit":  "RunClient should return nil after \"exit\".\n  its stderr:\n%s",
	"01.client.close-at-end":    "when the input ends, close the connection and return.",
	"01.client.nil-at-end":      "RunClient should return nil at the end of its input.\n  its stderr:\n%s",
	"01.client.no-reply": "a reply that never comes is an error: RunClient should return it (the program then " +
		"exits with a status other than 0).\n  its stdout:\n%s",
	"01.client.wait-newline": "a reply ends at its \"\\n\", and it may arrive in several pieces: your client sent " +
		"its next line (or closed) before the reply's \"\\n\" arrived. One Read returns only what has arrived so " +
		"far: read until the \"\\n\" (bufio.Reader's ReadString('\\n')).",
}
