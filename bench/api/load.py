"""A closed-loop HTTP load driver: ``concurrency`` keep-alive connections, each sending its next
request as soon as the last one answered, for ``seconds``.

Run as its own process (gevent patches the interpreter), one line of JSON on stdout:
``python -m bench.api.load http://127.0.0.1:8000 --paths-file paths.txt --seconds 10``.
"""

from __future__ import annotations

from gevent import monkey

monkey.patch_all()

import argparse  # noqa: E402
import itertools  # noqa: E402
import json  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402

import gevent  # noqa: E402
from geventhttpclient import URL, HTTPClient  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("base_url")
    parser.add_argument("--paths-file", type=Path, required=True)
    parser.add_argument("--seconds", type=float, default=10.0)
    parser.add_argument("--concurrency", type=int, default=16)
    args = parser.parse_args()
    paths = [line for line in args.paths_file.read_text().splitlines() if line]
    url = URL(args.base_url)
    client = HTTPClient(url.host, url.port, concurrency=args.concurrency, connection_timeout=10, network_timeout=60)
    cycle = itertools.cycle(paths)
    latencies: list[float] = []
    errors: dict[str, int] = {}
    deadline = time.perf_counter() + args.seconds

    def worker() -> None:
        while time.perf_counter() < deadline:
            path = next(cycle)
            started = time.perf_counter()
            response = client.get(path)
            response.read()
            elapsed = time.perf_counter() - started
            if response.status_code != 200:
                errors[str(response.status_code)] = errors.get(str(response.status_code), 0) + 1
            else:
                latencies.append(elapsed)

    started = time.perf_counter()
    gevent.joinall([gevent.spawn(worker) for _ in range(args.concurrency)])
    wall = time.perf_counter() - started
    latencies.sort()

    def pct(fraction: float) -> float:
        return round(latencies[min(len(latencies) - 1, int(fraction * len(latencies)))] * 1000, 2) if latencies else 0.0

    json.dump(
        {
            "requests": len(latencies),
            "errors": errors,
            "seconds": round(wall, 2),
            "rps": round(len(latencies) / wall, 1),
            "p50_ms": pct(0.5),
            "p99_ms": pct(0.99),
        },
        sys.stdout,
    )
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
