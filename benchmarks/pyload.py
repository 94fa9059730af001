"""The fallback load generator, for machines without wrk:
`python -m benchmarks.pyload --port P --seconds S --connections C --path /bench`.

Each connection is a thread with one keep-alive http.client connection that
sends GETs back to back until the time is up.  It runs in its own process so
that its CPU use stays out of the benchmark's process (Envoy's CPU is what
is measured, from /proc).  Prints one JSON line:
{"requests": completed 2xx, "errors": other answers and failures, "seconds": S}.
Only 127.0.0.1 is ever contacted.
"""

from __future__ import annotations

import argparse
import http.client
import json
import threading
import time
from dataclasses import dataclass

from benchmarks.traffic import BENCH_PATH, CLIENT_HEADERS

HOST = "127.0.0.1"
SOCKET_TIMEOUT = 5.0
MAX_SECONDS = 600


@dataclass
class _Tally:
    """One connection's counts (each thread writes only its own)."""

    requests: int = 0
    errors: int = 0


def _hammer(port: int, path: str, deadline: float, tally: _Tally) -> None:
    headers = dict(CLIENT_HEADERS)
    connection: http.client.HTTPConnection | None = None
    while time.monotonic() < deadline:
        try:
            if connection is None:
                connection = http.client.HTTPConnection(HOST, port, timeout=SOCKET_TIMEOUT)
            connection.request("GET", path, headers=headers)
            response = connection.getresponse()
            response.read()
            if 200 <= response.status < 300:
                tally.requests += 1
            else:
                tally.errors += 1
        except (OSError, http.client.HTTPException):
            tally.errors += 1
            if connection is not None:
                connection.close()
            connection = None
            time.sleep(0.01)  # do not spin on a refused connection
    if connection is not None:
        connection.close()


def generate_load(port: int, path: str, seconds: float, connections: int) -> dict[str, float]:
    deadline = time.monotonic() + seconds
    tallies = [_Tally() for _ in range(connections)]
    threads = [
        threading.Thread(target=_hammer, args=(port, path, deadline, tally), daemon=True)
        for tally in tallies
    ]
    start = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=seconds + SOCKET_TIMEOUT + 5)
    return {
        "requests": sum(t.requests for t in tallies),
        "errors": sum(t.errors for t in tallies),
        "seconds": time.monotonic() - start,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.pyload")
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--seconds", type=float, required=True)
    parser.add_argument("--connections", type=int, default=4)
    parser.add_argument("--path", default=BENCH_PATH)
    args = parser.parse_args(argv)
    if not 0 < args.seconds <= MAX_SECONDS or not 0 < args.connections <= 256:
        parser.error(f"need 0 < seconds <= {MAX_SECONDS} and 0 < connections <= 256")
    print(json.dumps(generate_load(args.port, args.path, args.seconds, args.connections)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
