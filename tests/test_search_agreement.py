"""One engine, one answer: SQLite and PostgreSQL find the same documents, in the same order.

tests/search_expected.json records, from one database, what every query of the query table
finds (in order) and which documents every word of the index vocabulary finds. CI runs this
file on SQLite and on PostgreSQL: both must agree with the record, hence with each other.
After a deliberate change to the engine or the content, rewrite the record with
`SEARCH_EXPECTED_WRITE=1 .venv/bin/pytest tests/test_search_agreement.py` and review the diff.
"""

import hashlib
import json
import os
from pathlib import Path

import pytest

from search.engine import search
from search.models import SearchWord

from .test_search_finds import TABLE

pytestmark = pytest.mark.django_db

RECORD = Path(__file__).parent / "search_expected.json"
LEVEL_QUERIES = ["bac+2", "bac + 2", "bac 2", "niveau 5", "métier avec le bac", "bac pro", "BTS"]


def found(query):
    """What a query finds: every group's hits in order, then the level box's jobs."""
    results = search(query, per_group=1000)
    hits = [hit.url for group in results.groups for hit in group.hits]
    level = results.level_jobs
    return hits + ([f"niveau:{level.reading.years}:{level.total}"] if level else [])


def vocabulary_digest(word):
    return hashlib.sha1("\n".join(sorted(found(word))).encode()).hexdigest()[:12]


def current():
    queries = [row[0] for row in TABLE] + LEVEL_QUERIES
    return {
        "queries": {query: found(query) for query in queries},
        "vocabulary": {
            word: vocabulary_digest(word)
            for word in SearchWord.objects.order_by("stem").values_list("word", flat=True)
        },
    }


def test_every_query_and_word_finds_what_the_record_says(brochure):
    now = current()
    if os.environ.get("SEARCH_EXPECTED_WRITE") == "1":
        RECORD.write_text(json.dumps(now, ensure_ascii=False, indent=1, sort_keys=True) + "\n")
    record = json.loads(RECORD.read_text())
    different = [q for q in record["queries"] if now["queries"].get(q) != record["queries"][q]]
    assert not different, {q: (now["queries"].get(q), record["queries"][q]) for q in different}
    assert now["vocabulary"].keys() == record["vocabulary"].keys()
    words = [w for w in record["vocabulary"] if now["vocabulary"][w] != record["vocabulary"][w]]
    assert not words, words
