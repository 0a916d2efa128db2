"""Load test: 50 users for 60 s against `make serve` on this machine, then the figures.

Prints requests/s, median and 99th percentile latency, the error count, and the memory (RSS)
of every gunicorn worker before and after (after a 10 s warm-up). Bounded: locust stops after
--duration, and is killed if it has not exited 60 s later. Only ever aims at 127.0.0.1 / localhost.

    make serve            # in one terminal
    make bench            # in another
"""

import argparse
import json
import subprocess
import sys
import tempfile
import urllib.request
from collections import Counter
from pathlib import Path
from urllib.parse import urlsplit

HERE = Path(__file__).resolve().parent
LOCAL_HOSTS = {"127.0.0.1", "localhost"}
WARM_UP_SECONDS = 10


def worker_pids(pidfile):
    master = int(Path(pidfile).read_text().strip())
    children = Path(f"/proc/{master}/task/{master}/children").read_text().split()
    return [int(pid) for pid in children]


def rss_kib(pid):
    """Resident memory of a process, or None if it is gone (a worker that crashed)."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except FileNotFoundError:
        return None
    for line in status.splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    raise RuntimeError(f"no VmRSS for process {pid}")


def mib(kib):
    return "   gone" if kib is None else f"{kib / 1024:7.1f}"


def memory(pids):
    return {pid: rss_kib(pid) for pid in pids}


def run_locust(host, users, duration, out):
    command = [
        sys.executable,
        "-m",
        "locust",
        "-f",
        str(HERE / "locustfile.py"),
        "--headless",
        "--host",
        host,
        "--users",
        str(users),
        "--spawn-rate",
        str(users),
        "--run-time",
        f"{duration}s",
        "--stop-timeout",
        "5",
        "--json-file",
        str(out),
        "--only-summary",
        "--loglevel",
        "WARNING",
    ]
    subprocess.run(command, check=False, timeout=duration + 60)


def percentile(histogram, fraction):
    """From locust's {rounded milliseconds: count} histogram."""
    rank = fraction * sum(histogram.values())
    seen = 0
    for ms in sorted(histogram):
        seen += histogram[ms]
        if seen >= rank:
            return ms
    return 0


def summary(out):
    entries = json.loads(Path(f"{out}.json").read_text())
    histogram = Counter()
    for entry in entries:
        histogram.update({int(ms): n for ms, n in entry["response_times"].items()})
    start = min(entry["start_time"] for entry in entries)
    end = max(entry["last_request_timestamp"] for entry in entries)
    requests = sum(entry["num_requests"] for entry in entries)
    return {
        "requests": requests,
        "rps": requests / (end - start),
        "p50": percentile(histogram, 0.50),
        "p99": percentile(histogram, 0.99),
        "errors": sum(entry["num_failures"] for entry in entries),
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--host", default="http://127.0.0.1:8000")
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--duration", type=int, default=60, help="seconds (at most 600)")
    parser.add_argument("--pidfile", default="var/gunicorn.pid")
    args = parser.parse_args()

    if urlsplit(args.host).hostname not in LOCAL_HOSTS:
        parser.error("this load test only targets 127.0.0.1 or localhost")
    if not 1 <= args.duration <= 600:
        parser.error("--duration must be between 1 and 600 seconds")
    try:
        pids = worker_pids(args.pidfile)
        urllib.request.urlopen(args.host + "/", timeout=5).read()
    except (OSError, ValueError) as error:
        sys.exit(f"No server to load ({error}). Start it first with `make serve`.")

    with tempfile.TemporaryDirectory() as tmp:
        # Workers compile templates and open their database connection on their first
        # requests: a short untimed run first, so that "flat" means flat under load.
        run_locust(args.host, args.users, WARM_UP_SECONDS, Path(tmp) / "warm-up")
        before = memory(pids)
        out = Path(tmp) / "locust"
        run_locust(args.host, args.users, args.duration, out)
        stats = summary(out)
    after = memory(pids)

    print(f"\n{args.users} users for {args.duration} s against {args.host}")
    print(f"requests:     {stats['requests']}")
    print(f"requests/s:   {stats['rps']:.1f}")
    print(f"p50:          {stats['p50']} ms")
    print(f"p99:          {stats['p99']} ms")
    print(f"errors:       {stats['errors']}")
    print("worker RSS (MiB)   start    end")
    for pid in pids:
        print(f"  pid {pid:<10} {mib(before[pid])} {mib(after[pid])}")
    lost = [pid for pid in pids if after[pid] is None]
    if lost:
        print(f"workers gone during the run: {lost}")
    sys.exit(1 if stats["errors"] or lost else 0)


if __name__ == "__main__":
    main()
