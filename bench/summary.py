"""Print the per-page table of a `make bench-pages` result (the shared load tool's JSON).

    .venv/bin/python bench/summary.py bench/results/pages-….json [more.json ...]

One row per target path: server CPU per request (median over rounds), the CPU ratios to the
bare Django response (/hello) and to the 50-row template (/tpl) (below 1 = costlier than
that floor), median req/s, p99 latency, bytes per response, non-2xx responses and socket
errors. Standard library only.
"""

import json
import sys
from pathlib import Path

COLUMNS = (
    ("path", "<52"),
    ("CPU ms/req", ">10"),
    ("vs /hello", ">10"),
    ("vs /tpl", ">8"),
    ("req/s", ">8"),
    ("p99 ms", ">8"),
    ("bytes", ">7"),
    ("non_2xx", ">8"),
    ("sock_err", ">8"),
)


def rows(result):
    """Takes a parsed result; returns one tuple of printable cells per path, baseline first."""

    def median(figure):
        return figure["median"] if figure else None

    out = []
    for side in ("baseline", "target"):
        for path, page in result["results"][side].items():
            ratios = page.get("cpu_ratio_to_baseline", {})
            out.append(
                (
                    f"{'(baseline) ' if side == 'baseline' else ''}{path}",
                    median(page["server_cpu_ms_per_request"]),
                    median(ratios.get("/hello")),
                    median(ratios.get("/tpl")),
                    median(page["rps"]),
                    page["latency_ms"]["p99"],
                    page["bytes_per_response"],
                    page["non_2xx"],
                    sum(page["socket_errors"].values()),
                )
            )
    return out


def cell(value, spec):
    """A cell: floats with 3 significant digits, a dash for a missing figure."""
    if value is None:
        value = "-"
    elif isinstance(value, float):
        value = f"{value:.3g}" if value < 100 else f"{value:.0f}"
    return format(value, spec)


def print_table(path):
    """Print the header lines and the table of the result file at `path`."""
    result = json.loads(Path(path).read_text())
    machine = result["machine"]
    print(f"\n{Path(path).name}  ({result['started']} to {result['finished']})")
    print(
        f"load average {machine['loadavg_start']} -> {machine['loadavg_end']}, "
        f"{machine['cpus']} CPUs, {result['settings']['rounds']} rounds of "
        f"{result['settings']['seconds']} s"
    )
    print("  ".join(format(name, spec) for name, spec in COLUMNS))
    for row in rows(result):
        print("  ".join(cell(value, spec) for value, (_, spec) in zip(row, COLUMNS, strict=True)))
    for warning in result.get("warnings", []):
        print(f"warning: {warning}")


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    for name in sys.argv[1:]:
        print_table(name)
