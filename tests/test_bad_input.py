"""No query string, however broken, makes a public page crash.

PAGES is the table to extend: a new page or parameter is one more row. Each row gets its own
bounded hypothesis run mixing its real parameters with unknown ones, and values that are
random text, numbers, empty, huge, repeated, percent-encoded garbage and invalid UTF-8.
Redirects (an empty parameter dropped, a slug in capitals) are followed: they must land on
a page that works, without a loop.
"""

import unicodedata
from urllib.parse import quote, quote_plus

import pytest
from django.urls import resolve
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from .html_pages import element, elements, page

pytestmark = pytest.mark.django_db

PAGES = [
    ("/", []),
    ("/metiers/", ["famille", "niveau", "type_diplome", "voie", "tri", "q", "page"]),
    ("/metiers/actuaire/", ["depuis"]),
    ("/familles/", []),
    ("/familles/autres-metiers/", []),
    ("/temoignages/", []),
    ("/formations/", ["niveau", "categorie", "apprentissage", "voie", "page"]),
    ("/formations/bts/", []),
    ("/formations/schema/", []),
    ("/recherche/", ["q", "page"]),
    ("/metiers/comparer/", ["m"]),
    ("/selection/", ["m", "f"]),
    ("/donnees/", []),
    ("/donnees/metiers.csv", []),
    ("/donnees/metiers-formations.json", []),
    ("/api/v1/docs/", []),
    ("/sitemap.xml", ["p"]),
    ("/robots.txt", []),
    ("/manifest.webmanifest", []),
]
# The API's lists and details, with the HTML lists' filters: every answer is JSON, and a
# bad request a 4xx (406 for an Accept it can't serve, 429 once throttled).
API_PAGES = [
    ("/api/v1/metiers/", ["famille", "niveau", "type_diplome", "voie", "tri", "q", "page"]),
    ("/api/v1/metiers/actuaire/", []),
    ("/api/v1/formations/", ["niveau", "categorie", "apprentissage", "voie", "page"]),
    ("/api/v1/formations/bts/", []),
    ("/api/v1/familles/", ["page"]),
    ("/api/v1/schema/", ["format", "lang"]),
]
API_ACCEPTABLE = {200, 400, 404, 406}
ACCEPTABLE = {200, 400, 404}
# A modest number of examples per page keeps the suite fast. The fixtures are only read, so
# sharing one database between examples is safe.
BOUNDED = settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

TRICKY = [
    b"",
    b"%",
    b"%%",
    b"%zz",
    b"%ff%fe",  # invalid UTF-8, percent-encoded
    b"%C3%28",
    b"%00",
    b"\xff\xfe",  # invalid UTF-8, raw
    b"+",
    b"=",
    b"0",
    b"-1",
    b"1e9",
    b"NaN",
    b"99999999999999999999999999",
    b"2" * 5000,  # more digits than int() accepts
    b"niveau%3D2%26voie%3Dzzz%26tri%3D",  # a carried list query (depuis)
    b"%2F%2Fevil.example%2F",
]


def landing(client, path, **extra):
    """The response a browser ends on: redirects followed, one at most, never a loop.

    (The test client's own `follow` would send `extra`, the raw query string, again.)
    """
    response = client.get(path, **extra)
    if response.status_code in (301, 302):
        response = client.get(response["Location"])
        assert response.status_code not in (301, 302), "redirected twice"
    return response


def encoded(text):
    return quote_plus(text).encode()


def percent_garbage(raw):
    return b"".join(b"%%%02X" % byte for byte in raw)


values = st.one_of(
    st.sampled_from(TRICKY),
    st.text(max_size=40).map(encoded),
    st.integers().map(lambda n: str(n).encode()),
    st.floats().map(lambda n: encoded(str(n))),
    st.binary(max_size=40).map(percent_garbage),
    st.binary(max_size=40),
    # Huge values, cheaply: a short random text repeated.
    st.text(min_size=1, max_size=4).map(lambda s: encoded(s * 3000)),
)


def query_strings(params):
    names = st.one_of(
        st.sampled_from(params or ["page"]).map(str.encode),
        st.text(max_size=10).map(encoded),
        st.binary(max_size=10),
    )
    pairs = st.lists(st.tuples(names, values), max_size=8)
    # Repeat the whole list sometimes: the same parameter several times over.
    return st.tuples(pairs, st.integers(min_value=1, max_value=3)).map(
        lambda p: b"&".join(name + b"=" + value for name, value in p[0] * p[1])
    )


@pytest.mark.parametrize(("path", "params"), PAGES)
def test_no_query_string_makes_a_page_fail(client, brochure, path, params):
    resolve(path)  # a page missing from the URLconf fails here (Resolver404), never skips

    @BOUNDED
    @given(query=query_strings(params))
    def check(query):
        # WSGI carries the raw bytes of the query string as latin-1 text.
        response = landing(client, path, QUERY_STRING=query.decode("latin-1"))
        assert response.status_code in ACCEPTABLE, (query[:300], response.status_code)

    check()


@pytest.mark.parametrize(("path", "params"), API_PAGES)
def test_no_query_string_or_accept_header_makes_the_api_fail(
    client, brochure, settings, path, params
):
    settings.API_THROTTLE_RATE = "100000/minute"
    accepts = st.sampled_from(
        ["application/json", "*/*", "text/html", "application/xml", "", "application/*;q=0"]
    )

    @BOUNDED
    @given(query=query_strings(params), accept=accepts)
    def check(query, accept):
        response = client.get(path, QUERY_STRING=query.decode("latin-1"), HTTP_ACCEPT=accept)
        assert response.status_code in API_ACCEPTABLE, (query[:300], response.status_code)
        if not path.endswith("/schema/"):
            assert response["Content-Type"] == "application/json"
            assert "detail" in response.json() or response.status_code == 200

    check()


@pytest.mark.parametrize("prefix", ["/api/v1/metiers/", "/api/v1/formations/", "/api/v1/familles/"])
def test_no_slug_makes_the_api_fail(client, brochure, settings, prefix):
    settings.API_THROTTLE_RATE = "100000/minute"

    @BOUNDED
    @given(slug=st.one_of(st.text(max_size=200), st.binary(max_size=50).map(percent_garbage)))
    def check(slug):
        segment = slug.decode("ascii") if isinstance(slug, bytes) else quote(slug, safe="")
        response = client.get(f"{prefix}{segment}/")
        assert response.status_code in API_ACCEPTABLE, (segment[:300], response.status_code)
        assert response["Content-Type"] == "application/json"

    check()


@pytest.mark.parametrize("prefix", ["/metiers/", "/familles/", "/formations/"])
def test_no_slug_makes_a_detail_page_fail(client, brochure, prefix):
    @BOUNDED
    @given(slug=st.one_of(st.text(max_size=200), st.binary(max_size=50).map(percent_garbage)))
    def check(slug):
        segment = slug.decode("ascii") if isinstance(slug, bytes) else quote(slug, safe="")
        response = landing(client, f"{prefix}{segment}/")
        assert response.status_code in ACCEPTABLE, (segment[:300], response.status_code)

    check()


def test_the_raw_query_string_reaches_the_view_unchanged(client, brochure):
    response = client.get("/metiers/", QUERY_STRING="q=actuaire&niveau=%ff")
    assert response.status_code == 200
    assert response.wsgi_request.GET["q"] == "actuaire"
    assert response.wsgi_request.GET["niveau"] == "\ufffd"


@pytest.mark.parametrize("raw", ["%00", "act%00uaire", "%1B%5B31mactuaire", "act%7Fuaire"])
def test_the_keyword_box_shows_back_no_control_character(client, brochure, raw):
    response = client.get("/metiers/", QUERY_STRING=f"q={raw}")
    assert response.status_code == 200
    (box,) = elements(element(page(response), "form", class_="filters"), "input", name="q")
    value = dict(box.attributes).get("value") or ""
    assert not any(unicodedata.category(c).startswith("C") for c in value)
    assert "\x00" not in response.content.decode()
