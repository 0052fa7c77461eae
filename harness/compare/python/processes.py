"""A process per client: the textbook multiprocessing server of the learner's notes.

The same server as threads.py, except that each client is served by a new
process (multiprocessing.Process), with memory of its own and an interpreter
of its own, so with a GIL of its own: CPU work of two clients runs on two
CPUs at once.

    python3 processes.py          # listens on 127.0.0.1:5000; try: nc 127.0.0.1 5000
"""

import multiprocessing

from threads import handle_client, listening_socket


def main():
    server = listening_socket()
    server.setblocking(True)
    while True:
        conn, addr = server.accept()  # accept(): wait for the next client
        process = multiprocessing.Process(target=handle_client, args=(conn, addr))
        process.start()  # the client is served in the new process ...
        conn.close()  # ... which has its own copy of the connection


if __name__ == "__main__":
    main()
