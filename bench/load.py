"""Load test: 50 users for 60 s against `make serve` on this machine, then the figures.

Prints requests/s, median and 99th percentile latency, the error count, and the memory (RSS)
of every gunicorn worker before and after (after a 10 s warm-up), and saves them as JSON in
--output-dir. Bounded: locust stops after --duration, and is killed if it has not exited 60 s
later. Only ever aims at 127.0.0.1 / localhost.

    make bench                                       # starts and stops its own `make serve`
    .venv/bin/python bench/load.py --serve           # the same
    .venv/bin/python bench/load.py --host http://127.0.0.1:8000   # a running `make serve`

With --serve, `make serve` runs in a process group of its own on a free port, with its own
pidfile, and the whole group is stopped at the end, on error, on Ctrl-C and on SIGTERM.
"""

import argparse
import json
import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urlsplit

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
LOCAL_HOSTS = {"127.0.0.1", "localhost"}
WARM_UP_SECONDS = 10
START_TIMEOUT_SECONDS = 120
# Worker memory that grows by more than this over the timed run is not "flat".
FLAT_MIB = 5


def worker_pids(pidfile):
    """The pids of the gunicorn master's workers, from the master's pidfile."""
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
    """Kibibytes as a right-aligned MiB figure, or "gone"."""
    return "   gone" if kib is None else f"{kib / 1024:7.1f}"


def memory(pids):
    """{pid: resident KiB or None} for the given pids."""
    return {pid: rss_kib(pid) for pid in pids}


def free_port():
    """A TCP port free on 127.0.0.1 right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_server(address, pidfile, workers, log):
    """Start `make serve` on `address` (host:port) in its own process group; return the
    Popen. Its output goes to the open file `log`."""
    Path(pidfile).unlink(missing_ok=True)
    command = [
        os.environ.get("MAKE", "make"),
        "--no-print-directory",
        "serve",
        f"SERVE_ADDRESS={address}",
        f"SERVE_PIDFILE={pidfile}",
        f"WEB_CONCURRENCY={workers}",
    ]
    print(f"starting: {' '.join(command)} (log: {log.name})", flush=True)
    return subprocess.Popen(
        command, cwd=ROOT, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
    )


def stop_server(server):
    """Stop the server's whole process group: SIGTERM, then SIGKILL after 10 s."""
    if server.poll() is not None:
        return
    try:
        os.killpg(server.pid, signal.SIGTERM)
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
            server.wait(timeout=10)
    except ProcessLookupError:
        pass  # already gone


def wait_until_ready(host, pidfile, workers, server):
    """Wait (at most START_TIMEOUT_SECONDS) until `host` answers / and the master has
    all its workers; raise RuntimeError if the server exits or the time runs out."""
    deadline = time.monotonic() + START_TIMEOUT_SECONDS
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError(f"the server exited with status {server.returncode}")
        try:
            urllib.request.urlopen(host + "/", timeout=5).read()
            if len(worker_pids(pidfile)) >= workers:
                return
        except (OSError, ValueError):
            pass
        time.sleep(0.5)
    raise RuntimeError(f"the server did not answer within {START_TIMEOUT_SECONDS} s")


def run_locust(host, users, duration, out):
    """Run locust headless against `host`; its figures go to `out`.json. Killed (and
    subprocess.TimeoutExpired raised) if it has not exited 60 s past `duration`."""
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
    """The `fraction` percentile in ms of locust's {rounded milliseconds: count} histogram."""
    rank = fraction * sum(histogram.values())
    seen = 0
    for ms in sorted(histogram):
        seen += histogram[ms]
        if seen >= rank:
            return ms
    return 0


def summary(out):
    """Overall figures from locust's JSON file at `out`.json: requests, rps, p50, p99 (ms),
    errors, and per request name its count, failures and median."""
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
        "pages": {
            entry["name"]: {
                "requests": entry["num_requests"],
                "failures": entry["num_failures"],
                "p50": percentile(
                    Counter({int(ms): n for ms, n in entry["response_times"].items()}), 0.5
                ),
            }
            for entry in sorted(entries, key=lambda entry: entry["name"])
        },
    }


def measure(host, users, duration, pidfile):
    """Warm up, then load `host` for `duration` s; return (locust figures, worker pids,
    RSS in KiB before and after)."""
    pids = worker_pids(pidfile)
    with tempfile.TemporaryDirectory() as tmp:
        # Workers compile templates and open their database connection on their first
        # requests: a short untimed run first, so that "flat" means flat under load.
        run_locust(host, users, WARM_UP_SECONDS, Path(tmp) / "warm-up")
        before = memory(pids)
        out = Path(tmp) / "locust"
        run_locust(host, users, duration, out)
        stats = summary(out)
    return stats, pids, before, memory(pids)


def report(args, stats, pids, before, after):
    """Print the figures; return them as a dict for the JSON file."""
    growth = {
        pid: None if after[pid] is None else (after[pid] - before[pid]) / 1024 for pid in pids
    }
    flat = all(g is not None and g <= FLAT_MIB for g in growth.values())
    print(f"\n{args.users} users for {args.duration} s against {args.host}")
    print(f"{'page':<32}{'requests':>10}{'failures':>10}{'p50 ms':>8}")
    for name, page in stats["pages"].items():
        print(f"{name:<32}{page['requests']:>10}{page['failures']:>10}{page['p50']:>8}")
    print(f"requests:     {stats['requests']}")
    print(f"requests/s:   {stats['rps']:.1f}")
    print(f"p50:          {stats['p50']} ms")
    print(f"p99:          {stats['p99']} ms")
    print(f"errors:       {stats['errors']}")
    print("worker RSS (MiB)   start    end  growth")
    for pid in pids:
        grew = "      -" if growth[pid] is None else f"{growth[pid]:+7.1f}"
        print(f"  pid {pid:<10} {mib(before[pid])} {mib(after[pid])} {grew}")
    print(f"worker memory flat (each within +{FLAT_MIB} MiB): {'yes' if flat else 'NO'}")
    lost = [pid for pid in pids if after[pid] is None]
    if lost:
        print(f"workers gone during the run: {lost}")
    return {
        "date": datetime.now(UTC).isoformat(timespec="seconds"),
        "users": args.users,
        "duration_s": args.duration,
        "warm_up_s": WARM_UP_SECONDS,
        "workers": len(pids),
        "database": os.environ.get("DATABASE_URL", "sqlite:").split(":")[0],
        "cache": "redis" if os.environ.get("REDIS_URL") else "locmem",
        "page_cache": os.environ.get("PAGE_CACHE", "default"),
        "loadavg": Path("/proc/loadavg").read_text().split()[:3],
        **{key: stats[key] for key in ("requests", "rps", "p50", "p99", "errors", "pages")},
        "worker_rss_mib": [
            {"before": kib(before[pid]), "after": kib(after[pid]), "growth": growth[pid]}
            for pid in pids
        ],
        "memory_flat": flat,
        "workers_lost": len(lost),
    }


def kib(value):
    """KiB as MiB rounded to 0.1, or None."""
    return None if value is None else round(value / 1024, 1)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--host", default="http://127.0.0.1:8000")
    parser.add_argument(
        "--serve", action="store_true", help="start `make serve` on a free port, stop it after"
    )
    parser.add_argument(
        "--workers", type=int, default=2 * (os.cpu_count() or 1) + 1, help="with --serve"
    )
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--duration", type=int, default=60, help="seconds (at most 600)")
    parser.add_argument("--pidfile", default="var/gunicorn.pid")
    parser.add_argument("--output-dir", help="where to save the figures as load-<date>.json")
    args = parser.parse_args()

    if args.serve:
        args.host = f"http://127.0.0.1:{free_port()}"
        args.pidfile = str(ROOT / "var" / "bench-gunicorn.pid")
    if urlsplit(args.host).hostname not in LOCAL_HOSTS:
        parser.error("this load test only targets 127.0.0.1 or localhost")
    if not 1 <= args.duration <= 600:
        parser.error("--duration must be between 1 and 600 seconds")

    server = None
    # SIGTERM (a CI timeout, `kill`) unwinds like Ctrl-C, through the finally below.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    try:
        if args.serve:
            (ROOT / "var").mkdir(exist_ok=True)
            log = open(ROOT / "var" / "bench-serve.log", "w")  # closed in the finally below
            server = start_server(urlsplit(args.host).netloc, args.pidfile, args.workers, log)
            try:
                wait_until_ready(args.host, args.pidfile, args.workers, server)
            except RuntimeError as error:
                sys.exit(f"No server to load: {error}. See {log.name}.")
        try:
            worker_pids(args.pidfile)
            urllib.request.urlopen(args.host + "/", timeout=5).read()
        except (OSError, ValueError) as error:
            sys.exit(f"No server to load ({error}). Start it first with `make serve`.")
        figures = report(args, *measure(args.host, args.users, args.duration, args.pidfile))
    finally:
        if server is not None:
            stop_server(server)
            log.close()
    if args.output_dir:
        name = f"load-{datetime.now(UTC):%Y%m%d-%H%M%S}-{figures['database']}-{figures['cache']}"
        path = Path(args.output_dir) / f"{name}-cache-{figures['page_cache']}.json"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(figures, indent=2) + "\n")
        print(f"saved {path}")
    sys.exit(1 if figures["errors"] or figures["workers_lost"] else 0)


if __name__ == "__main__":
    main()
