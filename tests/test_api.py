"""The read-only API at /api/v1/: published content, the HTML lists' filters, links both
ways, provenance, licence, and JSON errors for anything unexpected."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from careers.models import Career, Family
from diplomas.models import Diploma

from .helpers import make_career, make_diploma, make_family

pytestmark = pytest.mark.django_db

LICENCE = "Licence Ouverte 2.0"
ATTRIBUTION = "ONISEP, Les métiers des mutuelles, 2009"


@pytest.fixture(autouse=True)
def fresh_throttle():
    # The throttle counts requests in the cache: each test starts with none.
    cache.clear()


def get(client, path, status=200, **params):
    response = client.get(path, params)
    assert response.status_code == status, response.content[:500]
    assert response["Content-Type"] == "application/json"
    return response.json()


def all_results(client, path, **params):
    body = get(client, path, **params)
    results = body["results"]
    while body["next"]:
        body = client.get(body["next"]).json()
        results += body["results"]
    return results


def test_every_response_names_its_source_and_licence(client, brochure):
    for path in ["/api/v1/metiers/", "/api/v1/metiers/actuaire/", "/api/v1/familles/"]:
        response = client.get(path)
        meta = response.json()["meta"]
        assert meta["licence"] == LICENCE
        assert meta["attribution"] == ATTRIBUTION
        assert 'rel="license"' in response["Link"]


def test_the_job_list_is_every_published_job_by_slug(client, brochure):
    Career.objects.filter(slug="actuaire").update(is_published=False)
    slugs = [item["slug"] for item in all_results(client, "/api/v1/metiers/")]
    assert sorted(slugs) == sorted(Career.objects.published().values_list("slug", flat=True))
    assert "actuaire" not in slugs
    get(client, "/api/v1/metiers/actuaire/", status=404)


def test_unpublished_diplomas_and_families_stay_out(client, brochure):
    Diploma.objects.filter(slug="bts").update(is_published=False)
    Family.objects.filter(slug="autres-metiers").update(is_published=False)
    assert "bts" not in [d["slug"] for d in all_results(client, "/api/v1/formations/")]
    get(client, "/api/v1/formations/bts/", status=404)
    assert "autres-metiers" not in [f["slug"] for f in get(client, "/api/v1/familles/")["results"]]
    for career in all_results(client, "/api/v1/metiers/"):
        assert career["family"]["slug"] != "autres-metiers"
    # A published job's link to the unpublished diploma is gone from its rows.
    for career in all_results(client, "/api/v1/metiers/"):
        assert "bts" not in [row["diploma"]["slug"] for row in career["diplomas"]]


@pytest.mark.parametrize(
    "query",
    [
        {"niveau": "2"},
        {"famille": "autres-metiers"},
        {"type_diplome": "de"},
        {"voie": "apprentissage"},
        {"q": "infirmiere"},
        {"formation": "bts"},
        {"niveau": "3", "voie": "formation-initiale", "tri": "titre"},
    ],
)
def test_the_job_filters_find_what_the_job_list_page_finds(client, brochure, query):
    html = client.get("/metiers/", {**query})
    on_page = [career.slug for career in html.context["filter"].qs]
    in_api = [item["slug"] for item in all_results(client, "/api/v1/metiers/", **query)]
    assert in_api == on_page
    assert in_api


@pytest.mark.parametrize(
    "query",
    [{"niveau": "5"}, {"categorie": "etat"}, {"apprentissage": "oui"}, {"voie": "contrat-pro"}],
)
def test_the_diploma_filters_find_what_the_diploma_list_page_finds(client, brochure, query):
    html = client.get("/formations/", query)
    on_page = [diploma.slug for diploma in html.context["filter"].qs]
    in_api = [item["slug"] for item in all_results(client, "/api/v1/formations/", **query)]
    assert in_api == on_page
    assert in_api


def test_lists_are_paginated(client, brochure):
    body = get(client, "/api/v1/metiers/")
    assert body["count"] == Career.objects.published().count()
    assert len(body["results"]) == min(20, body["count"])
    assert body["previous"] is None


def test_a_job_links_to_its_diplomas_and_family_and_they_link_back(client, brochure):
    job = get(client, "/api/v1/metiers/audioprothesiste/")
    assert job["url"] == "http://testserver/api/v1/metiers/audioprothesiste/"
    assert job["page"] == "http://testserver/metiers/audioprothesiste/"
    (row,) = job["diplomas"]
    diploma = client.get(row["diploma"]["url"]).json()
    assert diploma["slug"] == "de-audioprothesiste"
    assert job["url"] in [link["career"]["url"] for link in diploma["metiers"]]
    family = client.get(job["family"]["url"]).json()
    assert job["url"] in [career["url"] for career in family["metiers"]]
    listed = client.get(family["metiers_url"]).json()["results"]
    assert job["slug"] in [career["slug"] for career in listed]


def test_each_fact_comes_with_its_source(client, brochure):
    job = get(client, "/api/v1/metiers/audioprothesiste/")
    assert job["level_source"] == "ajout"
    assert job["rome_code"] == ""
    assert job["rome_code_source"] == "non-precise"
    assert job["addition"]["source"].startswith("Brochure ONISEP 2009")
    row = job["diplomas"][0]
    assert row["source"] in ("brochure", "ajout")
    assert row["experience_source"] == "non-precise"
    assert {route["source"] for route in row["routes"]} <= {"brochure", "ajout", "non-precise"}
    diploma = get(client, "/api/v1/formations/de-audioprothesiste/")
    assert (diploma["rncp_code"], diploma["rncp_code_source"]) == ("RNCP36110", "ajout")
    assert diploma["addition"]["url"] == "https://www.francecompetences.fr/recherche/rncp/36110/"
    assert diploma["apprenticeship"] is None
    assert diploma["apprenticeship_source"] == "non-precise"


def test_a_job_without_additions_has_no_addition_note(client, db):
    career = make_career(diplomas=[make_diploma()])
    assert get(client, f"/api/v1/metiers/{career.slug}/")["addition"] is None


@pytest.mark.parametrize(
    ("path", "status"),
    [
        ("/api/v1/metiers/?couleur=bleu", 400),
        ("/api/v1/metiers/?niveau=7", 400),
        ("/api/v1/metiers/?famille=inconnue", 400),
        ("/api/v1/metiers/?formation=inconnue", 400),
        ("/api/v1/metiers/?formation=%00", 400),
        ("/api/v1/formations/?apprentissage=peut-etre", 400),
        ("/api/v1/metiers/actuaire/?niveau=2", 400),
        ("/api/v1/metiers/?page=999999999999999999999", 404),
        ("/api/v1/metiers/?page=abc", 404),
        ("/api/v1/metiers/inconnu/", 404),
        ("/api/v1/metiers/%00/", 404),
        ("/api/v1/formations/%C3%A9t%C3%A9/", 404),
        ("/api/v1/nulle-part/", 404),
    ],
)
def test_bad_requests_answer_a_json_error(client, brochure, path, status):
    response = client.get(path)
    assert response.status_code == status
    body = response.json()
    assert body["detail"]
    assert body["meta"]["licence"] == LICENCE


def test_a_wrong_accept_header_answers_406_in_json(client, brochure):
    response = client.get("/api/v1/metiers/", HTTP_ACCEPT="text/html")
    assert response.status_code == 406
    assert response["Content-Type"] == "application/json"
    assert response.json()["detail"] == "L’en-tête « Accept » ne peut pas être satisfait."


def test_options_name_and_describe_the_endpoint_in_french(client, brochure):
    listing = client.options("/api/v1/metiers/").json()
    detail = client.options("/api/v1/metiers/actuaire/").json()
    assert listing["name"] == "Les métiers"
    assert detail["name"] == "Un métier"
    assert "publié" in listing["description"]


def test_the_api_root_lists_its_endpoints_with_absolute_addresses(client, brochure):
    body = get(client, "/api/v1/")
    assert body["meta"]["licence"] == LICENCE
    for name in ["metiers", "formations", "familles", "schema", "docs"]:
        assert body[name] == f"http://testserver/api/v1/{name}/"
        assert client.get(body[name]).status_code == 200


@pytest.mark.parametrize("method", ["post", "put", "patch", "delete"])
def test_the_api_is_read_only(client, brochure, method):
    response = getattr(client, method)("/api/v1/metiers/actuaire/")
    assert response.status_code == 405
    assert response.json()["detail"]
    assert Career.objects.filter(slug="actuaire").exists()


def test_head_and_options_are_allowed(client, brochure):
    assert client.head("/api/v1/metiers/").status_code == 200
    assert client.options("/api/v1/metiers/").status_code == 200


def test_the_api_ignores_logged_in_editors_and_shows_them_no_drafts(client, editor):
    make_career(slug="brouillon", is_published=False, family=make_family())
    assert client.get("/api/v1/metiers/brouillon/").status_code == 404


def test_too_many_requests_answer_429_in_json(client, brochure, settings):
    settings.API_THROTTLE_RATE = "3/minute"
    statuses = [client.get("/api/v1/familles/").status_code for _ in range(4)]
    assert statuses == [200, 200, 200, 429]
    response = client.get("/api/v1/familles/")
    assert response.json()["detail"]
    assert int(response["Retry-After"]) > 0


def test_a_forged_forwarded_for_header_does_not_escape_the_throttle(client, brochure, settings):
    settings.API_THROTTLE_RATE = "3/minute"
    statuses = [
        client.get("/api/v1/familles/", HTTP_X_FORWARDED_FOR=f"203.0.113.{n}").status_code
        for n in range(4)
    ]
    assert statuses == [200, 200, 200, 429]


def test_behind_a_proxy_the_throttle_counts_the_address_the_proxy_saw(client, brochure, settings):
    settings.API_THROTTLE_RATE = "1/minute"
    settings.BEHIND_PROXY = True
    settings.TRUSTED_PROXY_COUNT = 1
    first = client.get("/api/v1/familles/", HTTP_X_FORWARDED_FOR="9.9.9.9, 198.51.100.1")
    forged = client.get("/api/v1/familles/", HTTP_X_FORWARDED_FOR="8.8.8.8, 198.51.100.1")
    other = client.get("/api/v1/familles/", HTTP_X_FORWARDED_FOR="198.51.100.2")
    assert [first.status_code, forged.status_code, other.status_code] == [200, 429, 200]


def test_the_openapi_schema_and_its_documentation_page_are_served(client, brochure):
    response = client.get("/api/v1/schema/", {"format": "json"})
    assert response.status_code == 200
    schema = response.json()
    assert schema["openapi"].startswith("3.")
    assert {
        "/api/v1/metiers/",
        "/api/v1/metiers/{slug}/",
        "/api/v1/formations/",
        "/api/v1/formations/{slug}/",
        "/api/v1/familles/",
    } <= set(schema["paths"])
    docs = client.get("/api/v1/docs/")
    assert docs.status_code == 200
    for path in schema["paths"]:
        assert path in docs.content.decode()


def count_queries(client, path):
    cache.clear()
    with CaptureQueriesContext(connection) as queries:
        assert client.get(path).status_code == 200
    return len(queries)


@pytest.mark.parametrize("path", ["/api/v1/metiers/", "/api/v1/formations/", "/api/v1/familles/"])
def test_a_list_costs_the_same_queries_with_10_or_20_items(client, db, path):
    family = make_family()
    diploma = make_diploma()
    for _ in range(10):
        make_career(family=family, diplomas=[diploma, make_diploma()])
    with_10 = count_queries(client, path)
    for _ in range(10):
        make_career(family=make_family(), diplomas=[diploma, make_diploma()])
    assert count_queries(client, path) == with_10
