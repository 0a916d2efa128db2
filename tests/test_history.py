"""Every change an editor makes is recorded (who, when, what), viewable and revertible."""

import pytest

from careers.models import Career
from diplomas.models import CQP, Category, Diploma

from .helpers import make_career, make_diploma

pytestmark = pytest.mark.django_db


def career_form(career, **changes):
    data = {
        "title_masculine": career.title_masculine,
        "title_feminine": career.title_feminine,
        "slug": career.slug,
        "family": career.family_id,
        "position": career.position,
        "is_published": "on",
        "lead": career.lead,
        "body": career.body,
        "level_min": career.level_min,
        "level_max": career.level_max,
        "entry_note": "",
        "pathways-TOTAL_FORMS": 0,
        "pathways-INITIAL_FORMS": 0,
        "testimonial-TOTAL_FORMS": 0,
        "testimonial-INITIAL_FORMS": 0,
    }
    return {**data, **changes}


def test_an_editors_change_records_who_when_and_what(client, editor):
    career = make_career(lead="Ancien chapô.")
    response = client.post(
        f"/admin/careers/career/{career.pk}/change/", career_form(career, lead="Nouveau chapô.")
    )
    assert response.status_code == 302
    latest = career.history.latest()
    assert latest.history_user == editor
    assert latest.history_type == "~"
    assert latest.history_date is not None
    delta = latest.diff_against(latest.prev_record)
    assert [(c.field, c.old, c.new) for c in delta.changes] == [
        ("lead", "Ancien chapô.", "Nouveau chapô.")
    ]


def test_an_editor_sees_the_history_of_a_job(client, editor):
    career = make_career(lead="Ancien chapô.")
    client.post(
        f"/admin/careers/career/{career.pk}/change/", career_form(career, lead="Nouveau chapô.")
    )
    response = client.get(f"/admin/careers/career/{career.pk}/history/")
    assert response.status_code == 200
    assert "edith" in response.content.decode()


def revert(client, admin_url, record, form):
    """Open an earlier version in the admin's history and save it back."""
    url = f"{admin_url}history/{record.history_id}/"
    assert client.get(url).status_code == 200
    response = client.post(url, form)
    assert response.status_code == 302


def test_an_editor_reverts_a_job_to_an_earlier_version(client, editor):
    career = make_career(lead="Ancien chapô.")
    first = career.history.earliest()
    admin_url = f"/admin/careers/career/{career.pk}/"
    client.post(f"{admin_url}change/", career_form(career, lead="Nouveau chapô."))
    revert(client, admin_url, first, career_form(career, lead="Ancien chapô."))
    career.refresh_from_db()
    assert career.lead == "Ancien chapô."
    assert career.history.latest().history_user == editor


def test_publish_and_unpublish_actions_are_recorded(client, editor):
    career = make_career()
    client.post("/admin/careers/career/", {"action": "unpublish", "_selected_action": [career.pk]})
    latest = career.history.latest()
    assert latest.is_published is False
    assert latest.history_user == editor


def test_inline_diplomas_of_a_job_are_recorded(client, editor):
    career, diploma = make_career(), make_diploma()
    form = career_form(
        career,
        **{
            "pathways-TOTAL_FORMS": 1,
            "pathways-0-diploma": diploma.pk,
            "pathways-0-condition": "",
            "pathways-0-position": 0,
        },
    )
    assert client.post(f"/admin/careers/career/{career.pk}/change/", form).status_code == 302
    pathway = career.pathways.get()
    assert pathway.history.get().history_user == editor
    response = client.get(f"/admin/careers/pathway/{pathway.pk}/history/")
    assert response.status_code == 200
    assert "edith" in response.content.decode()


def cqp_form(cqp, **changes):
    data = {
        field: getattr(cqp, field)
        for field in ["short_name", "name", "slug", "summary", "admission", "cqp_objective"]
    }
    data.update(
        cqp_method="", cqp_profile="", since_2009="", position=0, is_published="on", **changes
    )
    return data


def test_a_cqp_edited_in_its_own_admin_section_is_recorded_in_the_diploma_history(client, editor):
    cqp = make_diploma(category=Category.CQP, level=None, summary="Avant.")
    response = client.post(f"/admin/diplomas/cqp/{cqp.pk}/change/", cqp_form(cqp, summary="Après."))
    assert response.status_code == 302
    latest = Diploma.history.filter(id=cqp.pk).latest()
    assert latest.summary == "Après."
    assert latest.history_user == editor
    assert client.get(f"/admin/diplomas/cqp/{cqp.pk}/history/").status_code == 200
    assert client.get(f"/admin/diplomas/diploma/{cqp.pk}/history/").status_code == 200


def test_an_editor_reverts_a_cqp_from_its_own_admin_section(client, editor):
    cqp = make_diploma(category=Category.CQP, level=None, summary="Avant.")
    first = Diploma.history.filter(id=cqp.pk).earliest()
    admin_url = f"/admin/diplomas/cqp/{cqp.pk}/"
    client.post(f"{admin_url}change/", cqp_form(cqp, summary="Après."))
    revert(client, admin_url, first, cqp_form(cqp, summary="Avant."))
    cqp.refresh_from_db()
    assert cqp.summary == "Avant."
    assert cqp.category == Category.CQP


def test_deleting_a_cqp_in_its_admin_section_is_recorded(client, editor):
    cqp = make_diploma(category=Category.CQP, level=None)
    client.post(f"/admin/diplomas/cqp/{cqp.pk}/delete/", {"post": "yes"})
    assert not CQP.objects.filter(pk=cqp.pk).exists()
    assert Diploma.history.filter(id=cqp.pk).latest().history_type == "-"


def test_fixture_loading_writes_no_history(brochure):
    # loaddata saves with raw=True; the history starts with the first real edit.
    assert Career.objects.exists()
    assert not Career.history.exists()
