"""One search request parses, folds and stems its query once, and marks each excerpt once."""

from collections import Counter
from unittest import mock

import pytest

from search import engine, highlight, query

pytestmark = pytest.mark.django_db

QUERIES = [
    "Infirmières coordonnées",  # stems that are not their own stems ("coordonne")
    "actuiare",  # corrected to "actuaire"
    "éducatrice éducatrices",  # one word twice
    "zzzz",  # nothing found: the closest job titles are suggested from the stems
]


@pytest.fixture
def counted():
    with (
        mock.patch.object(engine, "parse", wraps=engine.parse) as parse,
        mock.patch.object(query, "words", wraps=query.words) as fold,
        mock.patch.object(query, "stem", wraps=query.stem) as stem,
        mock.patch.object(highlight, "_marked", wraps=highlight._marked) as mark,
    ):
        yield parse, fold, stem, mark


def stemmed(stem):
    return Counter(call.args[0] for call in stem.call_args_list)


@pytest.mark.parametrize("q", QUERIES)
def test_the_search_page_parses_folds_and_stems_the_query_once(client, brochure, counted, q):
    parse, fold, stem, mark = counted
    results = client.get("/recherche/", {"q": q}).context["results"]
    assert parse.call_count == 1
    assert fold.call_count == 1
    assert stem.call_count > 0
    assert set(stemmed(stem).values()) == {1}, stemmed(stem)
    shown = sum(len(group.hits) for group in results.groups)
    assert mark.call_count == shown


@pytest.mark.parametrize("q", QUERIES)
def test_the_job_list_parses_folds_and_stems_the_query_once(client, brochure, counted, q):
    parse, fold, stem, mark = counted
    assert client.get("/metiers/", {"q": q}).status_code == 200
    assert parse.call_count == 1
    assert fold.call_count == 1
    assert set(stemmed(stem).values()) == {1}, stemmed(stem)
    assert mark.call_count == 0


def test_each_excerpt_is_marked_once(client, brochure, counted):
    *_, mark = counted
    results = client.get("/recherche/", {"q": "actuaire"}).context["results"]
    excerpts = [hit.excerpt for group in results.groups for hit in group.hits]
    assert len(excerpts) > 1
    assert mark.call_count == len(excerpts)
