import pytest
from django.contrib.auth.models import Group

from careers.models import Career
from diplomas.models import Diploma

from .admin_pages import error_messages
from .helpers import make_career, make_diploma, make_family
from .html_pages import element, elements, hrefs, page, texts

pytestmark = pytest.mark.django_db


def test_the_editors_group_has_content_permissions_and_nothing_else():
    codenames = set(
        Group.objects.get(name="Éditeurs").permissions.values_list(
            "content_type__app_label", "codename"
        )
    )
    assert ("careers", "change_career") in codenames
    assert ("diplomas", "add_cqp") in codenames
    assert ("diplomas", "delete_speciality") in codenames
    # The search synonyms are content editors keep too; the rest of search/ is derived.
    assert ("search", "change_synonym") in codenames
    assert {codename for app, codename in codenames if app == "search"} == {
        "add_synonym",
        "change_synonym",
        "delete_synonym",
        "view_synonym",
    }
    assert {app for app, _ in codenames} == {"careers", "diplomas", "search"}


def test_an_editor_reaches_content_but_not_users_or_groups(client, editor):
    assert client.get("/admin/careers/career/").status_code == 200
    assert client.get("/admin/diplomas/cqp/").status_code == 200
    assert client.get("/admin/auth/user/").status_code == 403
    assert client.get("/admin/auth/group/").status_code == 403


def test_an_editor_creates_a_job_linked_to_a_diploma_in_one_form(client, editor):
    family, diploma = make_family(), make_diploma()
    response = client.post(
        "/admin/careers/career/add/",
        {
            "title_masculine": "Gestionnaire",
            "title_feminine": "Gestionnaire",
            "slug": "gestionnaire",
            "family": family.pk,
            "position": 1,
            "is_published": "on",
            "lead": "Gère.",
            "body": "Gère beaucoup.",
            "level_min": 2,
            "level_max": 3,
            "level_source": "brochure",
            "rome_code_source": "non-precise",
            "entry_note": "",
            "reviewed_on": "2026-11-29",
            "pathways-TOTAL_FORMS": 1,
            "pathways-INITIAL_FORMS": 0,
            "pathways-0-diploma": diploma.pk,
            "pathways-0-condition": "",
            "pathways-0-source": "brochure",
            "pathways-0-experience_source": "non-precise",
            "pathways-0-position": 0,
            "testimonial-TOTAL_FORMS": 0,
            "testimonial-INITIAL_FORMS": 0,
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    assert list(Career.objects.get(slug="gestionnaire").diplomas.all()) == [diploma]


def test_the_admin_refuses_an_upside_down_level_range_with_a_message(client, editor):
    family = make_family()
    response = client.post(
        "/admin/careers/career/add/",
        {
            "title_masculine": "X",
            "title_feminine": "X",
            "slug": "x",
            "family": family.pk,
            "position": 1,
            "lead": "l",
            "body": "b",
            "level_min": 5,
            "level_max": 2,
            "level_source": "brochure",
            "rome_code_source": "non-precise",
            "reviewed_on": "2026-11-29",
            "pathways-TOTAL_FORMS": 0,
            "pathways-INITIAL_FORMS": 0,
            "testimonial-TOTAL_FORMS": 0,
            "testimonial-INITIAL_FORMS": 0,
        },
    )
    assert error_messages(response) == [
        "Le niveau minimal doit être inférieur ou égal au niveau maximal."
    ]
    assert not Career.objects.filter(slug="x").exists()


def test_deleting_a_diploma_still_used_is_refused_and_names_the_jobs(client, editor):
    diploma = make_diploma(short_name="BTS test")
    make_career(title_masculine="Webmestre test", diplomas=[diploma])
    confirmation = element(
        page(client.get(f"/admin/diplomas/diploma/{diploma.pk}/delete/")), "div", id="content"
    )
    assert [item for item in texts(confirmation, "li") if "Webmestre test" in item]
    assert elements(confirmation, "input", type="submit") == []
    client.post(f"/admin/diplomas/diploma/{diploma.pk}/delete/", {"post": "yes"})
    assert Diploma.objects.filter(pk=diploma.pk).exists()


def test_an_editor_unpublishes_a_job_with_an_action(client, editor):
    career = make_career()
    client.post(
        "/admin/careers/career/",
        {
            "action": "unpublish",
            "_selected_action": [career.pk],
        },
    )
    career.refresh_from_db()
    assert not career.is_published
    # The editor still previews it (tests/test_preview.py); the public no longer sees it.
    client.logout()
    assert client.get(career.get_absolute_url()).status_code == 404


def test_an_editor_cannot_create_users_or_change_their_own_permissions(client, editor):
    assert client.get("/admin/auth/user/add/").status_code == 403
    assert client.get(f"/admin/auth/user/{editor.pk}/change/").status_code == 403
    assert client.get("/admin/auth/group/add/").status_code == 403
    links = hrefs(page(client.get("/admin/")))
    assert "/admin/careers/career/" in links
    assert [link for link in links if link.startswith("/admin/auth/")] == []
    assert not editor.has_perm("auth.change_permission")


def test_an_editor_sees_the_history_of_content_but_not_of_accounts(client, editor):
    career = make_career()
    assert client.get(f"/admin/careers/career/{career.pk}/history/").status_code == 200
    assert client.get(f"/admin/auth/user/{editor.pk}/history/").status_code == 403
