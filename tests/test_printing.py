"""Printed pages lead back to the site: their own address, every link's full address, and a
filtered job list's criteria in words."""

import pytest
from django.conf import settings
from django.test import Client

from .html_pages import element, elements, page, text

pytestmark = pytest.mark.django_db


def criteria(client, query):
    found = elements(page(client.get("/metiers/", query)), "p", class_="criteria")
    return text(found[0]) if found else None


def test_a_filtered_job_list_states_its_criteria_in_one_sentence(client, brochure):
    query = {"niveau": "2", "famille": "gestion-des-adherents", "voie": "apprentissage"}
    assert criteria(client, query) == (
        "Métiers de la famille « Gestion des adhérents », accessibles avec bac + 2 "
        "et par la voie « Apprentissage »."
    )


def test_every_filter_and_the_sort_have_their_words(client, brochure):
    query = {"type_diplome": "bts", "q": "gestion", "tri": "niveau"}
    assert criteria(client, query) == (
        "Métiers accessibles par un diplôme de type « BTS », correspondant à « gestion », "
        "triés par niveau d’accès."
    )


def test_an_invalid_filter_is_left_out_of_the_criteria_as_out_of_the_list(client, brochure):
    assert criteria(client, {"niveau": "zzz", "famille": "autres-metiers"}) == (
        "Métiers de la famille « Les autres métiers des mutuelles (fonctions supports) »."
    )


def test_an_unfiltered_list_states_no_criteria(client, brochure):
    assert criteria(client, {}) is None


@pytest.mark.parametrize(
    "url", ["/", "/metiers/?niveau=2", "/metiers/actuaire/", "/formations/bts/", "/nope/"]
)
def test_every_page_carries_its_own_full_address_for_print(client, brochure, url):
    response = client.get(url)
    html = page(response, status=response.status_code)
    assert text(element(html, "p", class_="page-address")) == (
        f"Adresse de cette page : http://testserver{url}"
    )


def test_every_page_links_the_print_stylesheet_that_makes_addresses_absolute(client, brochure):
    links = elements(page(client.get("/metiers/actuaire/")), "link", rel="stylesheet")
    assert ("media", "print") in links[-1].attributes
    assert dict(links[-1].attributes)["href"] == "/impression/adresses.css"


def test_the_print_stylesheet_gives_the_requests_own_address(client, settings):
    settings.ALLOWED_HOSTS = ["metiers.example.org"]
    response = client.get("/impression/adresses.css", HTTP_HOST="metiers.example.org")
    assert response["Content-Type"] == "text/css; charset=utf-8"
    assert response.content.decode() == ':root { --site-address: "http://metiers.example.org"; }\n'
    assert "public" in response["Cache-Control"]
    assert not response.cookies


def test_the_print_stylesheet_refuses_a_forged_host(settings):
    # Even with every host allowed: get_host() validates the name's characters.
    settings.ALLOWED_HOSTS = ["*"]
    response = Client(raise_request_exception=False).get(
        "/impression/adresses.css", HTTP_HOST='x"};a{'
    )
    assert response.status_code == 400


def test_a_filtered_lists_job_links_print_their_clean_address(client, brochure):
    html = page(client.get("/metiers/", {"niveau": 5}))
    links = [
        dict(a.attributes)
        for a in elements(element(html, "main"), "a")
        if "depuis=" in dict(a.attributes).get("href", "")
    ]
    assert links
    for link in links:
        assert link["href"].startswith(link["data-print-url"] + "?depuis=")
        assert "?" not in link["data-print-url"]
    css = (settings.BASE_DIR / "static" / "css" / "site.css").read_text()
    assert 'attr(data-print-url) ")"' in css


def test_an_unfiltered_lists_job_links_need_no_print_address(client, brochure):
    html = page(client.get("/metiers/"))
    cards = elements(element(html, "main"), "article", class_="card")
    assert cards
    assert not [
        a for card in cards for a in elements(card, "a") if "data-print-url" in dict(a.attributes)
    ]


def test_criteria_with_one_head_word_say_it_once(client, brochure):
    query = {"niveau": "2", "type_diplome": "bts", "voie": "apprentissage"}
    assert criteria(client, query) == (
        "Métiers accessibles avec bac + 2, par un diplôme de type « BTS » "
        "et par la voie « Apprentissage »."
    )
