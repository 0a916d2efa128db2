"""Public pages are stored whole for anonymous visitors and revalidated with 304, and any
content change shows at once (mutuelles_site/page_cache.py)."""

from email.utils import format_datetime, parsedate_to_datetime

import pytest
from django.core import serializers
from django.core.management import call_command
from django.test import Client
from django.utils.cache import get_max_age

from careers.models import Career
from search.models import Synonym

from .admin_pages import post_form
from .helpers import make_career, make_family
from .html_pages import element, elements, page, text, texts

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("page_cache")]

SAME_ORIGIN = {"HTTP_ORIGIN": "http://testserver", "HTTP_SEC_FETCH_SITE": "same-origin"}


def heading(response):
    return text(element(page(response), "h1"))


def directives(response):
    return {part.strip().split("=")[0] for part in response.get("Cache-Control", "").split(",")}


@pytest.fixture
def job():
    return make_career(title_masculine="Gestionnaire", title_feminine="Gestionnaire")


def test_a_second_visitor_gets_the_same_job_page_without_a_database_query(
    client, job, django_assert_num_queries
):
    first = client.get(job.get_absolute_url())
    with django_assert_num_queries(0):
        second = Client().get(job.get_absolute_url())
    assert heading(second) == heading(first)
    assert second.content == first.content


def test_a_cached_page_keeps_the_security_headers_and_policy(client, job):
    first = client.get(job.get_absolute_url())
    second = client.get(job.get_absolute_url())
    for name in ("Content-Security-Policy", "X-Frame-Options", "X-Content-Type-Options"):
        assert second[name] == first[name]
    # Stored with the page: valid only because the policy carries no per-request nonce.
    assert "unsafe-inline" not in second["Content-Security-Policy"]
    assert "nonce-" not in second["Content-Security-Policy"]


def test_parameters_in_another_order_share_one_stored_list(client, django_assert_num_queries):
    family = make_family(slug="supports")
    make_career(family=family, title_masculine="Actuaire")
    first = client.get("/metiers/?niveau=3&famille=supports")
    with django_assert_num_queries(0):
        second = client.get("/metiers/?famille=supports&niveau=3")
    assert heading(second) == heading(first)


def test_empty_parameters_still_redirect_to_the_stored_lists_address(client):
    make_family(slug="supports")
    client.get("/metiers/?famille=supports")
    response = client.get("/metiers/?famille=supports&niveau=")
    assert response.status_code == 301
    assert response["Location"] == "/metiers/?famille=supports"


def test_a_job_saved_in_the_admin_shows_at_once_to_the_public(client, brochure, editor):
    visitor = Client()
    job = Career.objects.get(slug="actuaire")
    assert heading(visitor.get(job.get_absolute_url())) == "Actuaire"
    family_page = job.family.get_absolute_url()
    assert "Actuaire conseil" not in text(page(visitor.get(family_page)))
    response = post_form(
        client, f"/admin/careers/career/{job.pk}/change/", title_masculine="Actuaire conseil"
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    assert heading(visitor.get(job.get_absolute_url())).startswith("Actuaire conseil")
    assert "Actuaire conseil" in text(page(visitor.get(family_page)))


def test_a_job_deleted_in_the_admin_is_gone_from_the_public_list(client, brochure, editor):
    visitor = Client()
    job = Career.objects.get(slug="actuaire")
    assert visitor.get(job.get_absolute_url()).status_code == 200
    response = client.post(f"/admin/careers/career/{job.pk}/delete/", {"post": "yes"})
    assert response.status_code == 302
    assert visitor.get(job.get_absolute_url()).status_code == 404


def test_an_admin_action_without_signals_still_refreshes_the_pages(client, job, editor):
    # queryset.update() sends no signal: an editor's successful admin POST counts anyway.
    visitor = Client()
    visitor.get(job.get_absolute_url())
    Career.objects.filter(pk=job.pk).update(title_masculine="Renommé")
    client.post("/admin/careers/career/", {"action": "", "index": "0"})
    assert heading(visitor.get(job.get_absolute_url())).startswith("Renommé")


def test_a_fixture_loaded_raw_refreshes_the_pages(client, job):
    client.get(job.get_absolute_url())
    data = serializers.serialize("json", [job])
    (loaded,) = serializers.deserialize("json", data.replace("Gestionnaire", "Chargé d'études"))
    loaded.save()  # raw, as loaddata and reversion's revert save
    assert "Chargé d" in heading(client.get(job.get_absolute_url()))


def test_a_new_synonym_and_a_rebuilt_index_refresh_the_search_page(client, brochure):
    before = client.get("/recherche/?q=matheux")
    Synonym.objects.create(typed="matheux", formal="actuaire")
    call_command("rebuild_search_index", verbosity=0)
    after = client.get("/recherche/?q=matheux")
    assert after.content != before.content
    assert "Actuaire" in text(page(after))


def test_a_logged_in_editor_is_never_served_the_public_copy(client, job, editor):
    Client().get(job.get_absolute_url())
    Career.objects.filter(pk=job.pk).update(is_published=False)
    response = client.get(job.get_absolute_url())
    assert "Brouillon, invisible au public" in text(page(response))
    assert {"private", "no-store"} <= directives(response)


def test_a_visitor_with_a_selection_sees_their_own_page(client, job):
    Client().get(job.get_absolute_url())
    added = client.post("/selection/ajouter/", {"m": job.slug}, **SAME_ORIGIN)
    assert added.status_code in (302, 303)
    response = client.get(job.get_absolute_url())
    assert "Retirer de ma sélection" in texts(page(response), "button")
    assert "private" in directives(response) and "public" not in directives(response)


def test_a_page_that_sets_a_cookie_is_neither_stored_nor_public(client, job):
    response = client.get("/admin/login/")
    assert response.cookies
    assert "private" in directives(response) and "public" not in directives(response)


def test_public_pages_may_be_kept_by_a_proxy_for_five_minutes(client, job):
    response = client.get(job.get_absolute_url())
    assert {"public", "stale-while-revalidate"} <= directives(response)
    assert get_max_age(response) == 300
    assert response["ETag"].startswith('W/"')
    assert parsedate_to_datetime(response["Last-Modified"])


def test_the_selection_and_the_admin_are_private_and_never_stored(client, editor):
    for url in ("/selection/", "/admin/"):
        assert {"private", "no-store"} <= directives(client.get(url)), url
    assert {"private", "no-store"} <= directives(Client().get("/selection/"))


def test_a_browser_revalidating_gets_304_without_any_query(client, job, django_assert_num_queries):
    etag = client.get(job.get_absolute_url())["ETag"]
    with django_assert_num_queries(0):
        response = Client().get(job.get_absolute_url(), HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 304
    assert response["ETag"] == etag


def test_a_page_not_stored_yet_is_rendered_once_then_confirmed_with_304(client, job):
    etag = client.get(job.get_absolute_url())["ETag"]
    response = Client().get("/familles/", HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 304
    assert response["ETag"] == etag


@pytest.mark.parametrize(
    ("address", "status"),
    [("/metiers/inconnu/", 404), ("/metiers/{SLUG}/", 301), ("/metiers/?type=bts", 301)],
)
def test_the_shared_etag_never_confirms_a_redirect_or_a_missing_page(client, job, address, status):
    etag = client.get(job.get_absolute_url())["ETag"]
    address = address.format(SLUG=job.slug.upper())
    assert Client().get(address, HTTP_IF_NONE_MATCH=etag).status_code == status
    assert Client().get(address, HTTP_IF_NONE_MATCH="*").status_code == status


def test_a_content_change_makes_the_old_etag_stale(client, job):
    etag = client.get(job.get_absolute_url())["ETag"]
    job.title_masculine = "Nouveau titre"
    job.save()
    response = client.get(job.get_absolute_url(), HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 200
    assert heading(response).startswith("Nouveau titre")


def test_if_modified_since_is_answered_from_the_versions_date(client, job):
    first = client.get(job.get_absolute_url())
    since = first["Last-Modified"]
    assert client.get("/", HTTP_IF_MODIFIED_SINCE=since).status_code == 304
    earlier = parsedate_to_datetime(since).replace(year=2020)
    older = client.get("/", HTTP_IF_MODIFIED_SINCE=format_datetime(earlier, usegmt=True))
    assert older.status_code == 200


def test_a_head_request_is_served_from_the_stored_page(client, job, django_assert_num_queries):
    client.get(job.get_absolute_url())
    with django_assert_num_queries(0):
        response = Client().head(job.get_absolute_url())
    assert response.status_code == 200
    assert response["ETag"]


def test_posts_are_never_answered_from_the_cache(client, job):
    client.get("/recherche/?q=gestionnaire")
    response = client.post("/recherche/?q=gestionnaire")
    assert response.status_code == 405


def test_parameters_that_spell_the_same_text_differently_are_different_pages(client):
    make_family(slug="supports")
    client.get("/recherche/?q=a&famille=supports")
    response = client.get("/recherche/?q=a%26famille%3Dsupports")
    values = {dict(field.attributes).get("value") for field in elements(page(response), "input")}
    assert "a&famille=supports" in values
