"""Whatever is typed into the search box, the answer is a page with a message, never a 500."""

import pytest

from careers.models import Career
from careers.search import filter_careers
from search.engine import search

from .html_pages import element, elements, page, text

pytestmark = pytest.mark.django_db

HOSTILE = [
    "'",
    "' OR 1=1 --",
    "'; DROP TABLE search_searchdocument; --",
    "infirmier' & !actuaire | (*:)",
    "&|!:*()<->",
    "a:* & b:A",
    "!!!!!!",
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "infirmier\x00",
    "\x00\x00\x00",
    "opti\x00cien",
    "%00%27",
    "\\",
    "x" * 101,
    "infirmier " * 40,
    "é" * 10_000,
    "🙂 infirmière 🙂",
    "\u202e\u200b",
    "a" * 60 + " actuaire",
]


@pytest.mark.parametrize("q", HOSTILE)
def test_hostile_input_gives_a_page_not_an_error(client, brochure, q):
    response = client.get("/recherche/", {"q": q})
    assert response.status_code == 200
    assert "<script>alert" not in response.content.decode()


@pytest.mark.parametrize("q", HOSTILE)
def test_hostile_input_in_the_job_list_filter_gives_a_page(client, brochure, q):
    assert client.get("/metiers/", {"q": q}).status_code == 200


def test_a_nul_byte_is_dropped_and_the_rest_still_searched(brochure):
    assert search("infirmier\x00").best.url == "/metiers/infirmier-coordinateur/"


def test_markup_in_the_query_is_escaped_on_the_page(client, brochure):
    html = page(client.get("/recherche/", {"q": "<b>opticien</b>"}))
    assert elements(html, "b") == []  # shown as text, never as markup
    assert text(element(html, "p", class_="result-count")).endswith("pour « <b>opticien</b> ».")


def test_tsquery_operators_are_plain_characters(brochure):
    assert search("!opticien:* & | (<->)").best.url == "/metiers/opticien/"


def test_the_filter_ignores_an_unusable_query(brochure):
    everything = Career.objects.for_list()
    assert filter_careers(everything, "!")[0].count() == everything.count()
