"""Editors keep the synonyms in the admin; each change reaches the search at once."""

import json
from pathlib import Path

import pytest

from search.engine import search
from search.models import Synonym

from .admin_pages import error_messages, post_form

pytestmark = pytest.mark.django_db

ADD = "/admin/search/synonym/add/"
SEEDS = json.loads((Path(__file__).parent.parent / "fixtures" / "synonyms.json").read_text())


def found(q):
    return {hit.url for group in search(q).groups for hit in group.hits}


def test_the_brochure_arrives_with_its_seed_synonyms(brochure):
    assert Synonym.objects.count() == len(SEEDS) >= 40


@pytest.mark.parametrize("row", SEEDS, ids=[row["fields"]["typed"] for row in SEEDS])
def test_every_seed_synonym_finds_something_it_would_not_find_alone(brochure, row):
    typed = row["fields"]["typed"]
    assert found(typed), f"{typed!r} finds nothing"


def test_a_synonym_added_in_the_admin_is_searched_at_once(client, brochure, editor):
    assert found("ophtalmo") == set()
    response = post_form(client, ADD, typed="ophtalmo", formal="opticien", note="Mot voisin")
    assert response.status_code == 302, error_messages(response)
    assert "/metiers/opticien/" in found("ophtalmo")


def test_a_deleted_synonym_stops_finding(client, brochure, editor):
    assert found("compta")
    synonym = Synonym.objects.get(typed="compta")
    response = client.post(f"/admin/search/synonym/{synonym.pk}/delete/", {"post": "yes"})
    assert response.status_code == 302
    assert found("compta") == set()


def test_a_synonym_entered_twice_is_refused_in_french(client, brochure, editor):
    response = post_form(client, ADD, typed="Lunettes", formal="OPTICIEN")
    assert response.status_code == 200
    assert "Ce synonyme existe déjà." in error_messages(response)


@pytest.mark.parametrize(
    ("typed", "formal", "message"),
    [
        ("!!", "opticien", "Saisissez au moins un mot (lettres ou chiffres)."),
        ("Opticien", "opticien", "Les deux expressions sont identiques, aux accents près."),
        ("", "opticien", "Ce champ est obligatoire."),
    ],
)
def test_a_synonym_that_could_never_work_is_refused_in_french(
    client, brochure, editor, typed, formal, message
):
    response = post_form(client, ADD, typed=typed, formal=formal)
    assert response.status_code == 200
    assert message in error_messages(response)
    assert not Synonym.objects.filter(typed=typed, formal=formal).exists()


def test_two_way_synonyms_find_each_other(brochure):
    assert "/formations/bts/" in found("brevet de technicien supérieur")
    assert "/formations/bts/" in found("BTS")
