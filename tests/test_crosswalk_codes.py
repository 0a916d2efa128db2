"""ROME codes of jobs and RNCP codes of diplomas: sourced like every fact, shown on the
pages, checked by the admin's forms (French errors) and by the database."""

import importlib

import pytest
from django.apps import apps
from django.db import IntegrityError, transaction
from django.urls import reverse

from careers.models import Career
from diplomas.models import Diploma
from mutuelles_site.provenance import Provenance

from .admin_pages import error_messages, post_form
from .helpers import make_career, make_diploma
from .html_pages import page, text

pytestmark = pytest.mark.django_db

ROME_FORMAT = (
    "Un code ROME est une lettre majuscule de A à N suivie de quatre chiffres, par exemple M1201."
)
RNCP_FORMAT = "Un code RNCP s'écrit « RNCP » suivi du numéro de la fiche, par exemple RNCP36110."
SIGNED = {
    "addition_reason": "Code vérifié.",
    "addition_source": "Fiche publique",
    "added_by": "test",
    "added_on": "2026-11-30",
}


def shown(response):
    """The page's text without spaces: Django's HTML parser drops some around links."""
    return text(page(response)).replace(" ", "")


def change_url(obj):
    opts = obj._meta
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[obj.pk])


def test_the_audioprothesiste_diploma_carries_its_confirmed_rncp_code_as_a_signed_addition(
    brochure,
):
    diploma = Diploma.objects.get(slug="de-audioprothesiste")
    assert diploma.rncp_code == "RNCP36110"
    assert diploma.rncp_code_source == Provenance.ADDITION
    assert diploma.addition_url == "https://www.francecompetences.fr/recherche/rncp/36110/"
    assert "RNCP36110" in diploma.addition_source


def test_no_job_carries_an_unconfirmed_rome_code(brochure):
    assert set(Career.objects.values_list("rome_code", "rome_code_source")) == {
        ("", Provenance.UNKNOWN)
    }


def test_a_diploma_page_shows_its_rncp_code_with_its_addition_mark(client, brochure):
    assert "CodeRNCPRNCP36110ajout2026" in shown(client.get("/formations/de-audioprothesiste/"))


def test_a_page_says_non_precise_for_a_code_nobody_confirmed(client, brochure):
    assert "CodeROME:nonprécisé." in shown(client.get("/metiers/actuaire/"))
    assert "CodeRNCPnonprécisé" in shown(client.get("/formations/bts/"))


def test_a_job_page_shows_a_confirmed_rome_code(client, db):
    career = make_career(rome_code="C1105", rome_code_source=Provenance.ADDITION, **SIGNED)
    assert "CodeROME:C1105ajout2026." in shown(client.get(career.get_absolute_url()))


@pytest.mark.parametrize("code", ["m1201", "M120", "Z1201", "M 201", "1201M"])
def test_the_admin_refuses_a_malformed_rome_code_in_french(client, editor, code):
    career = make_career()
    response = post_form(client, change_url(career), rome_code=code, rome_code_source="ajout")
    assert response.status_code == 200
    assert ROME_FORMAT in error_messages(response)


@pytest.mark.parametrize("code", ["36110", "rncp36110", "RNCP", "RNCP 36110"])
def test_the_admin_refuses_a_malformed_rncp_code_in_french(client, editor, code):
    diploma = make_diploma()
    response = post_form(client, change_url(diploma), rncp_code=code, rncp_code_source="ajout")
    assert response.status_code == 200
    assert RNCP_FORMAT in error_messages(response)


def test_the_admin_saves_a_code_signed_as_an_addition(client, editor):
    diploma = make_diploma()
    response = post_form(
        client,
        change_url(diploma),
        rncp_code="RNCP36110",
        rncp_code_source="ajout",
        addition_reason="Fiche RNCP du diplôme.",
        addition_source="France compétences",
    )
    assert response.status_code == 302
    diploma.refresh_from_db()
    assert (diploma.rncp_code, diploma.rncp_code_source) == ("RNCP36110", "ajout")


def test_the_admin_asks_where_a_code_comes_from(client, editor):
    career = make_career()
    response = post_form(client, change_url(career), rome_code="M1201")
    assert response.status_code == 200
    assert any("dites d'où elle vient" in message for message in error_messages(response))


def test_the_brochure_is_never_the_source_of_a_code(client, editor):
    career = make_career()
    response = post_form(client, change_url(career), rome_code="M1201", rome_code_source="brochure")
    assert response.status_code == 200
    assert Career.objects.get(pk=career.pk).rome_code == ""


@pytest.mark.parametrize(
    ("make", "fields"),
    [
        (make_career, {"rome_code": "M12", "rome_code_source": "ajout", **SIGNED}),
        (make_career, {"rome_code": "M1201", "rome_code_source": "brochure"}),
        (make_career, {"rome_code": "M1201", "rome_code_source": "ajout"}),  # unsigned
        (make_diploma, {"rncp_code": "36110", "rncp_code_source": "ajout", **SIGNED}),
        (make_diploma, {"rncp_code": "RNCP1", "rncp_code_source": "non-precise"}),
    ],
)
def test_the_database_refuses_a_code_that_breaks_a_rule(db, make, fields):
    obj = make()
    model = type(obj)
    with pytest.raises(IntegrityError), transaction.atomic():
        model.objects.filter(pk=obj.pk).update(**fields)


def test_an_existing_database_gets_the_confirmed_rncp_code_signed_beside_its_level_note(
    brochure,
):
    migration = importlib.import_module("diplomas.migrations.0011_audioprothesiste_rncp_code")
    level_reason = "La brochure dit seulement que ce diplôme se prépare « en 3 ans après le bac »"
    Diploma.objects.filter(slug="de-audioprothesiste").update(
        rncp_code="",
        rncp_code_source=Provenance.UNKNOWN,
        addition_reason=level_reason + ".",
        addition_source="Brochure ONISEP 2009",
        addition_url="",
    )

    migration.add_code(apps, schema_editor=None)

    diploma = Diploma.objects.get(slug="de-audioprothesiste")
    assert (diploma.rncp_code, diploma.rncp_code_source) == ("RNCP36110", Provenance.ADDITION)
    assert diploma.addition_reason.startswith(level_reason)
    assert diploma.addition_source == "Brochure ONISEP 2009 ; France compétences, fiche RNCP36110"
    assert diploma.addition_url == migration.URL
