"""Every fact says where it comes from: the brochure, a signed addition, or « non précisé ».

The brochure (2009) is the source of the content; what it does not say is either marked as
an editor's addition, signed and sourced, or left unknown. See mutuelles_site.provenance.
"""

import datetime
import re

import pytest
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.formats import date_format

from careers.models import Career, Pathway
from diplomas.models import Diploma, DiplomaCategory
from mutuelles_site.provenance import BROCHURE_DATE, Provenance

from . import fixture_prose
from .admin_pages import error_messages, post_form
from .helpers import make_career, make_diploma
from .html_pages import by_id, element, elements, hrefs, labelled, options, text, texts
from .html_pages import page as parse

pytestmark = pytest.mark.django_db

SCHEMA_NOTE = "/formations/schema/#niveaux-2019"


def studies(client, slug):
    """The « Quelles études ? » box of a job page."""
    return labelled(parse(client.get(f"/metiers/{slug}/")), "diplomes-titre")


def access_rows(client, slug):
    """The « Comment y accéder » table of a job page: [diploma, level, routes, condition]."""
    return [
        texts(row, "th") + texts(row, "td")
        for row in elements(studies(client, slug), "tr")
        if texts(row, "td")
    ]


def facts(client, slug):
    """A diploma page's facts, as {"Niveau": "bac + 2 (niveau 5)", …}."""
    box = element(parse(client.get(f"/formations/{slug}/")), "dl", class_="facts")
    return dict(zip(texts(box, "dt"), texts(box, "dd"), strict=True))


def listed(client, url, **query):
    """The addresses the list links to, without the query a job link carries back."""
    return [
        href.partition("?")[0] if "depuis=" in href else href
        for href in hrefs(element(parse(client.get(url, query)), "main"))
    ]


# Links and levels.


def test_no_job_is_linked_to_a_cqp_because_no_fiche_cites_one(client, brochure):
    assert not Pathway.objects.filter(diploma__diploma_type="cqp").exists()
    page = parse(client.get("/formations/cqp-specialiste-prestations-sante-prevoyance/"))
    assert "Aucune fiche métier ne cite ce CQP." in text(labelled(page, "metiers-titre"))


def test_every_link_and_every_level_has_a_provenance(brochure):
    for career in Career.objects.all():
        assert career.level_source in (Provenance.BROCHURE, Provenance.ADDITION), career
    for pathway in Pathway.objects.all():
        assert pathway.source in (Provenance.BROCHURE, Provenance.ADDITION), pathway
    for diploma in Diploma.objects.all():
        for name in Diploma.FACTS:
            assert getattr(diploma, name) in Provenance.values, (diploma, name)
        unknown = diploma.level_source == Provenance.UNKNOWN
        assert unknown == (diploma.level is None), diploma
    for obj in [*Career.objects.all(), *Pathway.objects.all(), *Diploma.objects.all()]:
        if obj.additions:
            assert obj.addition_reason and obj.addition_source, obj
            assert obj.added_by and obj.added_on, obj


def test_a_level_the_brochure_only_implies_is_marked_as_a_signed_addition(client, brochure):
    page = parse(client.get("/formations/de-audioprothesiste/"))
    level = facts(client, "de-audioprothesiste")["Niveau"]
    assert level.replace(" ", "") == "bac+3(niveau6)ajout2026"
    diploma = Diploma.objects.get(slug="de-audioprothesiste")
    note = text(by_id(page, f"ajout-diploma-{diploma.pk}"))
    assert "3 ans après le bac" in note
    assert "Signé : la rédaction du site, le 29 novembre 2026." in note
    assert "Brochure ONISEP 2009" in note
    # The mark is a visible link to the note, not a hover-only title.
    assert f"#ajout-diploma-{diploma.pk}" in hrefs(element(page, "dl", class_="facts"))


def test_a_level_the_brochure_states_carries_no_mark(client, brochure):
    assert facts(client, "bts")["Niveau"] == "bac + 2 (niveau 5)"
    assert not elements(parse(client.get("/formations/bts/")), "section", id="ajouts")


def test_a_job_shows_the_level_its_fiche_gives_a_du_not_the_range_of_all_du(client, brochure):
    (du,) = [
        row for row in access_rows(client, "actuaire") if row[0].startswith("Diplôme universitaire")
    ]
    assert du[1] == "bac + 5"
    # The DU's own page keeps the brochure's range.
    assert facts(client, "du")["Niveau"] == "de bac + 2 à bac + 5"


def test_a_job_level_deduced_from_a_duration_says_so(client, brochure):
    box = studies(client, "educateur-specialise")
    assert "Niveaud’accès:bac+3(niveau6)ajout2026." in [t.replace(" ", "") for t in texts(box, "p")]
    card = listed(client, "/metiers/", niveau=3)
    assert "/metiers/educateur-specialise/" in card
    page = parse(client.get("/metiers/", {"niveau": 3}))
    assert any(
        "(niveau ajouté par la rédaction)" in meta
        for meta in texts(page, "p", class_="card-meta")
        if meta.startswith("Prévention")
    )


# Unknown is its own value.


def test_the_apprenticeship_filter_offers_yes_and_unknown_never_no(client, brochure):
    page = parse(client.get("/formations/"))
    assert [value for value, _ in options(page, "apprentissage")] == ["", "oui", "non-precise"]


def test_diplomas_the_brochure_is_silent_about_are_listed_as_unknown_and_say_so(client, brochure):
    links = listed(client, "/formations/", apprentissage="non-precise")
    unknown = Diploma.objects.published().filter(apprenticeship__isnull=True)
    assert len(unknown) == 12
    for diploma in unknown:
        assert diploma.get_absolute_url() in links
        assert facts(client, diploma.slug)["Apprentissage"] == "non précisé"
    assert "/formations/bts/" not in links


def test_an_old_link_asking_apprenticeship_no_now_asks_what_it_meant(client, brochure):
    # "non" was the old value for « non indiqué par la brochure ».
    response = client.get("/formations/", {"apprentissage": "non", "categorie": "etat"})
    assert response.status_code == 301
    assert response["Location"] == "/formations/?apprentissage=non-precise&categorie=etat"


def test_the_database_refuses_a_value_marked_unknown_and_an_unknown_with_a_value(brochure):
    bts = Diploma.objects.get(slug="bts")
    with pytest.raises(IntegrityError), transaction.atomic():
        Diploma.objects.filter(pk=bts.pk).update(level_source=Provenance.UNKNOWN)
    with pytest.raises(IntegrityError), transaction.atomic():
        Diploma.objects.filter(pk=bts.pk).update(apprenticeship=None)
    with pytest.raises(IntegrityError), transaction.atomic():
        Career.objects.filter(slug="actuaire").update(level_source=Provenance.ADDITION)


# Categories and names.


def test_a_du_is_a_university_diploma_and_a_school_diploma_a_school_one(client, brochure):
    assert Diploma.objects.get(slug="du").category == DiplomaCategory.UNIVERSITY
    assert Diploma.objects.get(slug="ecole-ingenieur-commerce").category == DiplomaCategory.SCHOOL
    national = listed(client, "/formations/", categorie="national")
    assert "/formations/du/" not in national
    assert "/formations/ecole-ingenieur-commerce/" not in national
    assert "/formations/du/" in listed(client, "/formations/", categorie="universite")
    eyebrow = element(parse(client.get("/formations/du/")), "p", class_="eyebrow")
    assert text(eyebrow) == "Diplôme d’université"


def test_job_pages_name_each_diploma_in_full_with_its_acronym(client, brochure):
    assert "Diplôme d’État d’audioprothésiste (DE)" in texts(
        studies(client, "audioprothesiste"), "a"
    )
    rows = texts(studies(client, "animateur-prevention"), "a")
    assert "Brevet de technicien supérieur (BTS)" in rows
    assert "Diplôme d’études universitaires scientifiques et techniques (DEUST)" in rows


def test_every_acronym_shown_is_one_the_brochure_uses(brochure, brochure_text):
    for diploma in Diploma.objects.exclude(acronym=""):
        assert diploma.acronym in brochure_text, diploma
    assert not Diploma.objects.filter(name__contains="DCG").exists()


@pytest.fixture
def brochure_text():
    return fixture_prose.brochure_text()


# Dated notes.


def test_every_national_level_links_to_its_dated_explanation(client, brochure):
    box = studies(client, "technicien-en-prestations")
    level_links = [a for a in elements(box, "a") if text(a).startswith("niveau ")]
    assert level_links
    assert {dict(a.attributes)["href"] for a in level_links} == {SCHEMA_NOTE}
    schema = parse(client.get("/formations/schema/"))
    explained = text(by_id(schema, "niveaux-2019"))
    assert "Décret n° 2019-14 du 8 janvier 2019" in explained
    rows = [
        texts(row, "th") + texts(row, "td") for row in elements(by_id(schema, "niveaux-2019"), "tr")
    ]
    assert ["bac + 2", "niveau 5"] in rows


@pytest.mark.parametrize("url", ["/", "/metiers/", "/formations/", "/temoignages/"])
def test_every_page_carries_the_dated_note_on_national_levels(client, brochure, url):
    (note,) = texts(parse(client.get(url)), "p", class_="dated-note")
    assert "cadre national des certifications professionnelles créé en 2019" in note


@pytest.mark.parametrize("slug", ["dut", "master-pro", "de-infirmier", "de-educateur-specialise"])
def test_labels_newer_than_2009_carry_a_dated_note_with_its_source(client, brochure, slug):
    note = text(labelled(parse(client.get(f"/formations/{slug}/")), "depuis-titre"))
    assert re.search(r"(Depuis|En) (la rentrée )?20[12]\d", note), note
    assert "Source :" in note
    schema = text(labelled(parse(client.get("/formations/schema/")), "changements-titre"))
    assert Diploma.objects.get(slug=slug).full_name in schema


# Review dates.


def reviewed_line(client, url):
    return texts(parse(client.get(url)), "p", class_="reviewed")


@pytest.mark.parametrize(
    "url",
    [
        "/",
        "/metiers/",
        "/metiers/actuaire/",
        "/formations/",
        "/formations/bts/",
        "/formations/schema/",
        "/familles/gestion-des-adherents/",
        "/temoignages/",
    ],
)
def test_every_content_page_says_its_content_is_the_brochures_until_checked(client, brochure, url):
    assert reviewed_line(client, url) == [
        "Contenu repris de la brochure ONISEP de 2009, pas encore vérifié depuis par la rédaction."
    ]


def test_a_job_checked_by_an_editor_shows_the_day(client, brochure, editor):
    actuaire = Career.objects.get(slug="actuaire")
    response = client.post(
        "/admin/careers/career/",
        {"action": "mark_reviewed", "_selected_action": [actuaire.pk]},
    )
    assert response.status_code == 302
    today = date_format(timezone.localdate(), "j F Y")
    client.logout()
    assert reviewed_line(client, "/metiers/actuaire/") == [f"Contenu vérifié le {today}."]
    # A list is only as current as its oldest item.
    assert "pas encore vérifié" in reviewed_line(client, "/metiers/")[0]


def test_the_admin_lists_what_was_not_checked_for_a_year(client, brochure, editor):
    Career.objects.filter(slug="actuaire").update(reviewed_on=timezone.localdate())
    Career.objects.filter(slug="opticien").update(
        reviewed_on=timezone.localdate() - datetime.timedelta(days=400)
    )
    page = parse(client.get("/admin/careers/career/", {"verification": "a-revoir"}))
    rows = texts(page, "th", class_="field-title_masculine")
    assert "Opticien" in rows
    assert "Actuaire" not in rows
    assert len(rows) == Career.objects.filter(reviewed_on__lt=timezone.localdate()).count() - 0


def test_loaded_content_is_dated_from_the_brochure(brochure):
    assert set(Career.objects.values_list("reviewed_on", flat=True)) == {BROCHURE_DATE}


# Editors' additions.


def test_an_editors_addition_is_signed_with_their_name_and_the_day(client, brochure, editor):
    diploma = Diploma.objects.get(slug="master-1")
    response = post_form(
        client,
        f"/admin/diplomas/diploma/{diploma.pk}/change/",
        apprenticeship="true",
        apprenticeship_source=Provenance.ADDITION,
        addition_reason="Le master se prépare aussi en alternance.",
        addition_source="Arrêté du 22 janvier 2014 fixant le cadre national des formations",
    )
    assert response.status_code == 302, error_messages(response)
    diploma.refresh_from_db()
    assert diploma.added_by == "edith"
    assert diploma.added_on == timezone.localdate()
    shown = facts(client, "master-1")["Apprentissage"].replace(" ", "")
    assert shown == f"possibleajout{timezone.localdate().year}"
    history = client.get(f"/admin/diplomas/diploma/{diploma.pk}/history/").content.decode()
    assert "edith" in history


def test_an_addition_without_its_reason_and_source_is_refused_and_nothing_changes(
    client, brochure, editor
):
    diploma = Diploma.objects.get(slug="master-1")
    response = post_form(
        client,
        f"/admin/diplomas/diploma/{diploma.pk}/change/",
        apprenticeship="true",
        apprenticeship_source=Provenance.ADDITION,
        addition_reason="",
        addition_source="",
    )
    assert response.status_code == 200
    assert (
        error_messages(response)
        == ["Un ajout de la rédaction doit dire pourquoi et citer sa source."] * 2
    )
    diploma.refresh_from_db()
    assert diploma.apprenticeship is None


def test_an_added_link_shows_its_mark_and_note_on_both_pages(client, brochure):
    career = Career.objects.get(slug="opticien")
    diploma = Diploma.objects.get(slug="dut")
    pathway = Pathway.objects.create(
        career=career,
        diploma=diploma,
        source=Provenance.ADDITION,
        addition_reason="Lien ajouté pour l'exemple.",
        addition_source="Fiche ONISEP « opticien-lunetier »",
        added_by="Edith",
        added_on=datetime.date(2026, 11, 29),
    )
    for url in ["/metiers/opticien/", "/formations/dut/"]:
        page = parse(client.get(url))
        assert f"#ajout-pathway-{pathway.pk}" in hrefs(page)
        note = text(by_id(page, f"ajout-pathway-{pathway.pk}"))
        assert "Lien ajouté pour l'exemple." in note and "Edith" in note


def test_a_new_diploma_made_in_a_test_has_a_consistent_provenance():
    diploma = make_diploma(level=None)
    assert diploma.level_source == Provenance.UNKNOWN
    career = make_career()
    assert career.level_source == Provenance.BROCHURE


# What an editor cannot do by mistake.


def test_a_new_addition_cannot_borrow_the_note_of_another(client, brochure, editor):
    diploma = Diploma.objects.get(slug="de-audioprothesiste")  # its level is an addition
    response = post_form(
        client,
        f"/admin/diplomas/diploma/{diploma.pk}/change/",
        apprenticeship="true",
        apprenticeship_source=Provenance.ADDITION,
    )
    assert response.status_code == 200
    (message,) = error_messages(response)
    assert message.startswith("Vous venez de marquer comme ajout : source de l’apprentissage.")
    diploma.refresh_from_db()
    assert diploma.apprenticeship is None


def test_an_editor_who_rewrites_the_note_signs_it(client, brochure, editor):
    diploma = Diploma.objects.get(slug="de-audioprothesiste")
    response = post_form(
        client,
        f"/admin/diplomas/diploma/{diploma.pk}/change/",
        apprenticeship="true",
        apprenticeship_source=Provenance.ADDITION,
        addition_reason="Niveau déduit de la durée ; apprentissage ouvert dans deux écoles.",
        addition_source="Fiches ONISEP des écoles d'audioprothèse",
    )
    assert response.status_code == 302, error_messages(response)
    diploma.refresh_from_db()
    assert (diploma.added_by, diploma.added_on) == ("edith", timezone.localdate())


def test_a_new_diploma_starts_unknown_and_never_as_the_brochures(client, editor):
    page = parse(client.get("/admin/diplomas/diploma/add/"))
    selected = {
        name: [
            dict(option.attributes)["value"]
            for option in elements(element(page, "select", name=name), "option")
            if "selected" in dict(option.attributes)
        ]
        for name in Diploma.FACTS
    }
    assert selected["category_source"] == [Provenance.ADDITION]
    assert selected["level_source"] == [Provenance.UNKNOWN]
    response = post_form(
        client,
        "/admin/diplomas/diploma/add/",
        short_name="BUT",
        name="Bachelor universitaire de technologie",
        diploma_type="autre",
        summary="Un diplôme en 3 ans.",
        level="3",
    )
    assert "Une valeur est donnée : dites d'où elle vient (brochure ou ajout)." in (
        error_messages(response)
    )
    assert not Diploma.objects.filter(short_name="BUT").exists()


def test_a_new_diploma_row_of_a_job_starts_as_an_addition_to_sign(client, brochure, editor):
    career = Career.objects.get(slug="opticien")
    page = parse(client.get(f"/admin/careers/career/{career.pk}/change/"))
    row = element(page, "select", name="pathways-1-source")
    (selected,) = [o for o in elements(row, "option") if "selected" in dict(o.attributes)]
    assert dict(selected.attributes)["value"] == Provenance.ADDITION


def test_the_brochure_never_answers_no_to_apprenticeship(client, brochure, editor):
    bts = Diploma.objects.get(slug="bts")
    url = f"/admin/diplomas/diploma/{bts.pk}/change/"
    response = post_form(client, url, apprenticeship="false")
    assert response.status_code == 200
    assert any("un « non » est un ajout" in message for message in error_messages(response))
    bts.refresh_from_db()
    assert bts.apprenticeship is True


def test_emptying_a_value_the_brochure_gives_asks_where_the_silence_comes_from(
    client, brochure, editor
):
    deust = Diploma.objects.get(slug="deust")
    response = post_form(client, f"/admin/diplomas/diploma/{deust.pk}/change/", level="")
    assert response.status_code == 200
    assert "La valeur est vide : choisissez « non précisé par la brochure », ou remplissez " in (
        " ".join(error_messages(response))
    )
    deust.refresh_from_db()
    assert deust.level == 2


def test_a_du_shows_its_levels_without_a_national_level_it_does_not_have(client, brochure):
    assert facts(client, "du")["Niveau"] == "de bac + 2 à bac + 5"
    (du,) = [
        row for row in access_rows(client, "actuaire") if row[0].startswith("Diplôme universitaire")
    ]
    assert du[1] == "bac + 5"
    assert facts(client, "bts")["Niveau"] == "bac + 2 (niveau 5)"


def test_the_job_list_offers_no_filter_that_can_only_answer_nothing(client, brochure):
    page = parse(client.get("/metiers/"))
    assert "cqp" not in [value for value, _ in options(page, "type_diplome")]
    page = parse(client.get("/formations/"))
    assert "0" not in [value for value, _ in options(page, "niveau")]


def test_diplomas_without_a_level_come_last_on_every_database(client, brochure):
    slugs = list(Diploma.objects.published().values_list("slug", flat=True))
    assert slugs[0] == "bts"
    assert slugs[-1].startswith("cqp-") or Diploma.objects.get(slug=slugs[-1]).level is None
