"""Search engines and link previews: sitemap, robots.txt, manifest, and each page's <head>
(canonical address, description, Open Graph, noindex, titles of filtered lists)."""

import datetime
import json
import xml.etree.ElementTree as ET

import pytest
from django.contrib.staticfiles import finders
from django.utils import timezone

from careers.models import Career
from diplomas.models import Diploma

from .helpers import make_career, make_diploma
from .html_pages import element, elements, page, text

pytestmark = pytest.mark.django_db

SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
PUBLIC_PAGES = [
    "/",
    "/familles/",
    "/familles/autres-metiers/",
    "/metiers/",
    "/metiers/actuaire/",
    "/formations/",
    "/formations/bts/",
    "/formations/schema/",
    "/temoignages/",
    "/donnees/",
    "/api/v1/docs/",
]


def head_meta(document, **attrs):
    (node,) = elements(element(document, "head"), "meta", **attrs)
    return dict(node.attributes)["content"]


def canonical(document):
    (link,) = [n for n in elements(document, "link") if dict(n.attributes)["rel"] == "canonical"]
    return dict(link.attributes)["href"]


def robots(document):
    return [dict(n.attributes)["content"] for n in elements(document, "meta", name="robots")]


def sitemap_entries(client):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    root = ET.fromstring(response.content)
    return {
        url.find(f"{SITEMAP}loc").text: getattr(url.find(f"{SITEMAP}lastmod"), "text", None)
        for url in root.iter(f"{SITEMAP}url")
    }


def test_the_sitemap_lists_every_published_public_page(client, brochure):
    entries = sitemap_entries(client)
    expected = {f"http://testserver{path}" for path in PUBLIC_PAGES}
    expected |= {f"http://testserver{c.get_absolute_url()}" for c in Career.objects.published()}
    expected |= {f"http://testserver{d.get_absolute_url()}" for d in Diploma.objects.published()}
    assert expected <= set(entries)
    assert not any("/recherche/" in url or "/admin/" in url for url in entries)


def test_the_sitemap_leaves_out_unpublished_pages(client, brochure):
    Career.objects.filter(slug="actuaire").update(is_published=False)
    Diploma.objects.filter(slug="bts").update(is_published=False)
    entries = sitemap_entries(client)
    assert "http://testserver/metiers/actuaire/" not in entries
    assert "http://testserver/formations/bts/" not in entries


def test_a_job_s_lastmod_is_the_day_its_content_was_last_saved(client, brochure):
    career = Career.objects.get(slug="actuaire")
    career.lead = "Un nouveau chapô."
    career.save()
    Career.objects.filter(pk=career.pk).update(
        updated_at=datetime.datetime(2026, 3, 4, 12, tzinfo=datetime.UTC)
    )
    entries = sitemap_entries(client)
    assert entries["http://testserver/metiers/actuaire/"] == "2026-03-04"
    # The job list is as current as its newest job.
    assert entries["http://testserver/metiers/"] >= "2026-03-04"


def test_saving_an_object_moves_its_updated_at(db):
    career = make_career()
    before = career.updated_at
    career.save(update_fields=["lead"])
    career.refresh_from_db()
    assert career.updated_at > before
    assert career.updated_at <= timezone.now()


def test_robots_txt_points_to_the_sitemap_and_keeps_search_and_admin_out(client):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    lines = response.content.decode().splitlines()
    assert "Disallow: /recherche/" in lines
    assert "Disallow: /admin/" in lines
    assert "Sitemap: http://testserver/sitemap.xml" in lines


def test_the_favicon_and_the_web_app_manifest_exist(client):
    assert client.get("/favicon.ico").status_code == 200
    document = page(client.get("/temoignages/"))
    (link,) = [n for n in elements(document, "link") if dict(n.attributes)["rel"] == "manifest"]
    response = client.get(dict(link.attributes)["href"])
    assert response["Content-Type"] == "application/manifest+json"
    manifest = json.loads(response.content)
    assert manifest["name"] == "Les métiers des mutuelles"
    assert manifest["lang"] == "fr"
    assert manifest["icons"][0]["src"] == "/static/favicon.svg"
    assert finders.find("favicon.svg")


@pytest.mark.parametrize("path", PUBLIC_PAGES)
def test_every_public_page_has_a_canonical_link_a_description_and_open_graph(
    client, brochure, path
):
    document = page(client.get(path))
    assert canonical(document) == f"http://testserver{path}"
    description = head_meta(document, name="description")
    assert len(description) > 40
    title = text(element(document, "title"))
    assert head_meta(document, property="og:title") + " · Les métiers des mutuelles" == title
    assert head_meta(document, property="og:description") == description
    assert head_meta(document, property="og:url") == canonical(document)
    assert head_meta(document, property="og:locale") == "fr_FR"
    assert robots(document) == []


def test_each_kind_of_page_has_its_own_description(client, brochure):
    descriptions = [head_meta(page(client.get(path)), name="description") for path in PUBLIC_PAGES]
    assert len(set(descriptions)) == len(descriptions)


def test_the_canonical_link_drops_unknown_and_invalid_parameters(client, brochure):
    document = page(client.get("/metiers/actuaire/", {"x": "1", "utm_source": "mail"}))
    assert canonical(document) == "http://testserver/metiers/actuaire/"
    document = page(client.get("/metiers/", {"niveau": "2", "x": "1", "voie": "zzz"}))
    assert canonical(document) == "http://testserver/metiers/?niveau=2"


def test_the_canonical_link_of_a_list_keeps_its_page_but_not_its_sort(client, brochure):
    document = page(client.get("/metiers/", {"tri": "titre", "page": "2"}))
    assert canonical(document) == "http://testserver/metiers/?page=2"
    document = page(client.get("/metiers/", {"page": "1"}))
    assert canonical(document) == "http://testserver/metiers/"


def test_a_filtered_job_list_is_titled_by_its_filter(client, brochure):
    document = page(client.get("/metiers/", {"niveau": "2"}))
    title = "Métiers accessibles avec bac + 2 · Les métiers des mutuelles"
    assert text(element(document, "title")) == title
    assert head_meta(document, name="description").startswith("Métiers accessibles avec bac + 2 :")


def test_a_list_with_several_filters_is_titled_by_all_of_them_and_not_indexed(client, brochure):
    document = page(
        client.get(
            "/metiers/", {"niveau": "2", "famille": "autres-metiers", "voie": "apprentissage"}
        )
    )
    assert text(element(document, "title")) == (
        "Métiers de la famille « Les autres métiers des mutuelles (fonctions supports) », "
        "accessibles avec bac + 2 et par la voie « Apprentissage » "
        "· Les métiers des mutuelles"
    )
    assert robots(document) == ["noindex"]


def test_a_filtered_diploma_list_is_titled_by_its_filter(client, brochure):
    document = page(client.get("/formations/", {"categorie": "etat"}))
    assert text(element(document, "title")) == (
        "Formations de la catégorie « Diplôme d’État du paramédical et du social » "
        "· Les métiers des mutuelles"
    )
    assert robots(document) == []


def test_an_invalid_filter_leaves_the_list_its_own_title(client, brochure):
    document = page(client.get("/metiers/", {"niveau": "zzz"}))
    assert text(element(document, "title")) == "Les métiers · Les métiers des mutuelles"


def test_reading_the_api_schema_leaves_the_family_filter_working(client, brochure):
    client.get("/api/v1/schema/")
    response = client.get("/metiers/", {"famille": "autres-metiers"})
    assert response.context["filter"].criteria == [
        "de la famille « Les autres métiers des mutuelles (fonctions supports) »"
    ]


def test_search_results_are_not_indexed(client, brochure):
    document = page(client.get("/recherche/", {"q": "infirmier"}))
    assert robots(document) == ["noindex"]
    document = page(client.get("/metiers/", {"q": "infirmier"}))
    assert robots(document) == ["noindex"]


def test_a_new_job_appears_in_the_sitemap(client, db):
    career = make_career(diplomas=[make_diploma()])
    assert f"http://testserver{career.get_absolute_url()}" in sitemap_entries(client)


def test_open_graph_text_is_escaped_once(client, db):
    career = make_career(title_masculine="Chargé d'études & de prévention", lead="Calcule <vite>.")
    document = page(client.get(career.get_absolute_url()))
    assert head_meta(document, property="og:title").startswith("Chargé d'études & de prévention")
    assert head_meta(document, property="og:description") == "Calcule <vite>."
