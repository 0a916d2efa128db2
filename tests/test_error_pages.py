"""Error pages are French, styled like the site and say what to do next."""

import pytest
from django.contrib.auth.models import User
from django.test import Client

from careers.views import HomeView

from .html_pages import element, elements, hrefs, page, text, texts

pytestmark = pytest.mark.django_db


def assert_site_page(response, status, heading):
    html = page(response, status=status)
    assert dict(html.attributes)["lang"] == "fr"
    assert texts(html, "h1") == [heading]
    # The site's stylesheet, then (but on standalone pages) the print-only one.
    stylesheet = elements(html, "link", rel="stylesheet")[0]
    assert dict(stylesheet.attributes)["href"].endswith("css/site.css")
    assert {"/", "/metiers/"} & set(hrefs(element(html, "main"))), "no way back into the site"
    return html


def test_a_request_for_an_unknown_host_gets_the_french_400(client):
    assert_site_page(client.get("/", HTTP_HOST="pirate.example"), 400, "Demande incorrecte")


def test_a_query_with_too_many_fields_gets_the_french_400(client):
    query = "&".join(f"champ{n}=1" for n in range(1500))
    assert_site_page(client.get(f"/metiers/?{query}"), 400, "Demande incorrecte")


def test_an_editor_outside_their_rights_gets_the_french_403(client, editor):
    assert_site_page(client.get("/admin/auth/user/"), 403, "Accès refusé")


def test_a_form_without_its_csrf_token_gets_the_french_403(client):
    User.objects.create_user("edith", password="un-mot-de-passe-solide", is_staff=True)
    response = Client(enforce_csrf_checks=True).post(
        "/admin/login/", {"username": "edith", "password": "un-mot-de-passe-solide"}
    )
    assert_site_page(response, 403, "Formulaire expiré")


def test_an_unknown_page_gets_the_french_404(client):
    assert_site_page(client.get("/metiers/nexiste-pas/"), 404, "Page introuvable")


def test_a_crash_gets_the_french_500_not_the_outage_page_and_no_details(monkeypatch):
    def fail(self, **kwargs):
        raise RuntimeError("secret internals")

    monkeypatch.setattr(HomeView, "get_context_data", fail)
    response = Client(raise_request_exception=False).get("/")
    html = assert_site_page(response, 500, "Une erreur est survenue")
    assert "secret internals" not in text(html)
    assert b"secret internals" not in response.content  # nor in a comment or an attribute
    assert "Retry-After" not in response
