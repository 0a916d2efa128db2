"""Time the search engine with 100 times the brochure's content. A benchmark, not a test.

    .venv/bin/python bench/search_bench.py                     # SQLite
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/x make bench-search   # PostgreSQL
    .venv/bin/python bench/search_bench.py --copies 10 --runs 20 --random-page-cost 1.1

It works in a throwaway database (a temporary SQLite file, or bench_<name> on PostgreSQL),
created, filled (build_bench_content.multiply_content) and dropped by the script, so no real
data is touched. Copies are bounded by --copies and every query by --runs and --seconds.
Prints the median and p95 per query.
"""

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "mutuelles_site.settings")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.db import connection  # noqa: E402
from django.test.utils import setup_test_environment  # noqa: E402

from careers.management.commands.build_bench_content import multiply_content  # noqa: E402

QUERIES = [
    "educatrice",
    "infirmières",
    "opticiens",
    "actuair",
    "audioprotésiste",
    "audio prothésiste",
    "BTS",
    "bac+2",
    "licence pro",
    "alternance",
    "comptable",
    "Vincennes",
    "métier avec le bac",
    "contrôleuse de gestion",
    "mutuelle",
    "salaire",
    "zzzzzz",
]


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=100, help="content multiplier (1-1000)")
    parser.add_argument("--runs", type=int, default=50, help="timed runs per query (1-500)")
    parser.add_argument("--seconds", type=float, default=10, help="time limit per query")
    parser.add_argument(
        "--random-page-cost",
        type=float,
        help="PostgreSQL only: the planner setting for the throwaway database (1.1 suits SSDs; "
        "the server default is 4)",
    )
    args = parser.parse_args()
    if not (1 <= args.copies <= 1000 and 1 <= args.runs <= 500 and args.seconds > 0):
        parser.error("--copies must be 1-1000, --runs 1-500 and --seconds positive")
    return args


def throwaway_database():
    database = settings.DATABASES["default"]
    if connection.vendor == "sqlite":
        handle, path = tempfile.mkstemp(prefix="bench_search_", suffix=".sqlite3")
        os.close(handle)
        database["TEST"]["NAME"] = path
    else:
        database["TEST"]["NAME"] = f"bench_{database['NAME']}"
    setup_test_environment()
    return connection.creation.create_test_db(verbosity=0, autoclobber=True, keepdb=False)


def time_query(query, runs, seconds):
    from search.engine import search

    for _ in range(2):  # warm caches, like a server that has been up for a while
        search(query)
    timings, deadline = [], time.perf_counter() + seconds
    for _ in range(runs):
        start = time.perf_counter()
        results = search(query)
        # Render what the page renders: groups, hits and their excerpts.
        [str(hit.excerpt) for group in results.groups for hit in group.hits]
        timings.append((time.perf_counter() - start) * 1000)
        if time.perf_counter() > deadline:
            break
    return timings


def p95(timings):
    ordered = sorted(timings)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def main():
    from search.models import SearchDocument

    args = parse_args()
    old_name = connection.settings_dict["NAME"]
    name = throwaway_database()
    try:
        started = time.perf_counter()
        multiply_content(args.copies)
        print(
            f"{connection.vendor}: {SearchDocument.objects.count()} documents "
            f"({args.copies}x the brochure), built in {time.perf_counter() - started:.1f} s"
        )
        if args.random_page_cost and connection.vendor == "postgresql":
            # Set only now: loaddata closes the connection, and a SET with it.
            with connection.cursor() as cursor:
                cursor.execute(f"SET random_page_cost = {float(args.random_page_cost)}")
            print(f"random_page_cost = {args.random_page_cost}")
        print(f"{'query':<26}{'runs':>6}{'median ms':>12}{'p95 ms':>10}")
        for query in QUERIES:
            timings = time_query(query, args.runs, args.seconds)
            print(
                f"{query:<26}{len(timings):>6}"
                f"{statistics.median(timings):>12.1f}{p95(timings):>10.1f}"
            )
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)
        if connection.vendor == "sqlite":
            Path(name).unlink(missing_ok=True)


if __name__ == "__main__":
    main()
