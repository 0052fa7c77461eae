"""A thread per client: the textbook threading server of the learner's notes.

socket() creates the server socket, bind() gives it an address and a port,
listen() lets clients connect, accept() takes the next client, and a new
thread serves that client while the main thread goes back to accept().

    python3 threads.py            # listens on 127.0.0.1:5000; try: nc 127.0.0.1 5000

The protocol is the kit's: a line comes back as it was sent, "exit" closes
the connection, "work N" answers the SHA-256 of 32 zero bytes hashed N times
over (in hex), and "crash" raises an exception in the code serving the client.
`make compare` runs this file with a listening socket of its own as fd 3.
"""

import hashlib
import os
import socket
import threading


def work(rounds):
    """The CPU-bound job: each round hashes the digest of the round before."""
    digest = bytes(32)
    for _ in range(rounds):
        digest = hashlib.sha256(digest).digest()
    return digest.hex()


def answer(line):
    """The reply to one line, or None for "exit"."""
    if line == "exit":
        return None
    if line == "crash":
        raise RuntimeError("crash: a client asked the code serving it to crash")
    if line.startswith("work "):
        try:
            return work(int(line[5:]))
        except ValueError:
            return "error: work needs a whole number of rounds"
    return line


def handle_client(conn, addr):
    """Serves one client until "exit" or the end of its input."""
    with conn, conn.makefile("r", encoding="utf-8", newline="\n") as lines:
        for line in lines:
            reply = answer(line.rstrip("\r\n"))
            if reply is None:
                break
            conn.sendall((reply + "\n").encode())


def listening_socket():
    """The server socket: the one the kit hands over as fd 3, or a new one."""
    if os.environ.get("THREADPROC_COMPARE_ROLE"):
        return socket.socket(fileno=3)  # already bound and listening
    server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)  # socket()
    server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    server.bind(("127.0.0.1", 5000))  # bind()
    server.listen()  # listen()
    return server


def main():
    server = listening_socket()
    server.setblocking(True)
    while True:
        conn, addr = server.accept()  # accept(): wait for the next client
        thread = threading.Thread(target=handle_client, args=(conn, addr), daemon=True)
        thread.start()  # the client is served meanwhile; back to accept()


if __name__ == "__main__":
    main()
