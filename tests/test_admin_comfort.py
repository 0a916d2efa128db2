"""Editing comfort: grouped specialities, readable levels, French slugs, forgiving search, favicon.

Pages are read through Django's HTML parser (django.test.html), as a browser would see them.
"""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.test.html import Element

from careers.models import Career, Family, Pathway
from diplomas.models import CQP, Diploma
from mutuelles_site.folding import fold
from mutuelles_site.slugs import slugify_fr

from .admin_pages import post_form
from .helpers import (
    make_career,
    make_diploma,
    make_family,
    make_speciality,
    make_testimonial,
)
from .html_pages import element, elements, page, text

ROOT = Path(__file__).resolve().parent.parent
LEVELS = [
    "bac (niveau 4)",
    "bac + 2 (niveau 5)",
    "bac + 3 (niveau 6)",
    "bac + 4 (niveau 6)",
    "bac + 5 (niveau 7)",
]
OTHER_DIPLOMA = "Cette spécialité appartient à un autre diplôme."


# Reading pages ------------------------------------------------------------------------------


def options(select):
    """[(group label or None, option text), …] in the order the select shows them."""
    shown = []
    for child in select.children:
        if isinstance(child, Element) and child.name == "optgroup":
            label = dict(child.attributes)["label"]
            shown += [(label, text(option)) for option in elements(child, "option")]
        elif isinstance(child, Element) and child.name == "option":
            shown.append((None, text(child)))
    return shown


def result_names(response):
    """The first column of an admin change list: what the search found."""
    table = element(page(response), "table", id="result_list")
    return sorted(text(row.children[1]) for row in elements(element(table, "tbody"), "tr"))


def career_form(family, **changes):
    """Changes that make the job add form valid, as an editor would fill it in."""
    return {
        "title_feminine": "Œnologue",
        "family": family.pk,
        "lead": "Goûte.",
        "body": "Goûte beaucoup.",
        "level_min": 2,
        "level_max": 5,
        **changes,
    }


# 1. A job's diploma rows ---------------------------------------------------------------------


@pytest.mark.django_db
def test_a_jobs_diploma_rows_offer_specialities_grouped_under_their_diploma(client, editor):
    bts = make_diploma(short_name="BTS", level=2)
    dut = make_diploma(short_name="DUT", level=2)
    make_speciality(bts, name="assurance")
    make_speciality(bts, name="banque")
    make_speciality(dut, name="gestion")
    career = make_career(diplomas=[dut])

    html = page(client.get(f"/admin/careers/career/{career.pk}/change/"))

    select = element(html, "select", name="pathways-0-speciality")
    assert options(select) == [
        (None, "---------"),
        ("BTS", "assurance"),
        ("BTS", "banque"),
        ("DUT", "gestion"),
    ]


@pytest.mark.django_db
def test_a_speciality_of_another_diploma_is_refused_beside_it_on_its_row(client, editor):
    bts, dut = make_diploma(short_name="BTS"), make_diploma(short_name="DUT")
    assurance = make_speciality(bts, name="assurance")
    career = make_career(diplomas=[dut])
    url = f"/admin/careers/career/{career.pk}/change/"

    response = post_form(client, url, **{"pathways-0-speciality": str(assurance.pk)})

    row = element(page(response), "tr", id="pathways-0")
    cell = element(row, "td", class_="field-speciality")
    assert text(element(cell, "ul", class_="errorlist")) == OTHER_DIPLOMA
    assert Pathway.objects.get(career=career).speciality is None


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("url", "name", "model"),
    [
        ("/admin/careers/career/add/", "pathways-0-diploma", "diplôme"),
        ("/admin/careers/career/add/", "pathways-0-speciality", "spécialité"),
        ("/admin/careers/testimonial/add/", "career", "métier"),
        ("/admin/diplomas/speciality/add/", "diploma", "diplôme"),
    ],
)
def test_related_fields_are_plain_selects_that_keep_their_add_link(
    client, editor, url, name, model
):
    diploma = make_diploma()
    make_speciality(diploma)
    make_career(diplomas=[diploma])
    response = client.get(url)
    html = page(response)

    select = element(html, "select", name=name)
    assert "admin-autocomplete" not in (dict(select.attributes).get("class") or "")
    assert len(options(select)) > 1
    assert b"select2" not in response.content
    add = element(html, "a", id=f"add_id_{name}")
    assert dict(add.attributes)["title"] == f"Ajouter un autre objet {model}"


# 2. Levels -----------------------------------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("url", "names"),
    [
        ("/admin/careers/career/add/", ["level_min", "level_max"]),
        ("/admin/diplomas/diploma/add/", ["level", "level_max"]),
    ],
)
def test_every_level_an_editor_picks_reads_bac_plus_2_niveau_5(client, editor, url, names):
    html = page(client.get(url))
    for name in names:
        shown = [label for _, label in options(element(html, "select", name=name))]
        assert shown == ["---------", *LEVELS]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("url", "filter_title"),
    [
        ("/admin/careers/career/", "Par niveau minimal"),
        ("/admin/diplomas/diploma/", "Par niveau"),
    ],
)
def test_the_admin_level_filters_read_bac_plus_2_niveau_5(client, editor, url, filter_title):
    html = page(client.get(url))
    sidebar = element(html, "nav", id="changelist-filter")
    level_filter = next(
        details
        for details in elements(sidebar, "details")
        if text(element(details, "summary")) == filter_title
    )
    assert [text(link) for link in elements(level_filter, "a")][1:] == LEVELS


@pytest.mark.django_db
def test_a_jobs_level_in_the_change_list_reads_bac_plus_2_niveau_5(client, editor):
    make_career(title_masculine="Gestionnaire", level_min=2, level_max=5)
    html = page(client.get("/admin/careers/career/"))
    row = element(element(html, "table", id="result_list"), "tbody").children[0]
    assert text(element(row, "td", class_="field-level_min")) == "bac + 2 (niveau 5)"


@pytest.mark.django_db
def test_the_schema_page_gives_a_level_range_once_in_its_own_words(client, brochure):
    html = page(client.get("/formations/schema/"))
    items = [text(item) for item in elements(html, "li")]
    assert "Diplôme universitaire (DU), de bac + 2 à bac + 5" in items


# 3. Slugs ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("title", "slug"),
    [
        ("Œnologue d’hôpital", "oenologue-dhopital"),
        ("Cœur d'Ægée", "coeur-daegee"),
        ("Straße à l’œil", "strasse-a-loeil"),
        ("Éducateur spécialisé", "educateur-specialise"),
        ("  Chargé - d’études  ", "charge-detudes"),
        ("???", ""),
    ],
)
def test_slugify_fr_spells_out_ligatures_and_drops_apostrophes_and_accents(title, slug):
    assert slugify_fr(title) == slug


def test_slugify_fr_cuts_to_the_field_length_without_a_trailing_hyphen():
    assert slugify_fr("Responsable achats logistique", max_length=19) == "responsable-achats"


@pytest.mark.django_db
def test_a_job_saved_without_a_slug_gets_one_from_its_masculine_title(client, editor):
    form = career_form(make_family(), title_masculine="Œnologue d’hôpital", slug="")
    response = post_form(client, "/admin/careers/career/add/", **form)

    assert response.status_code == 302, response.content.decode()[:2000]
    assert Career.objects.get().slug == "oenologue-dhopital"


@pytest.mark.django_db
def test_a_generated_slug_already_taken_gets_the_next_free_number(client, editor):
    family = make_family()
    make_career(slug="oenologue-dhopital")
    make_career(slug="oenologue-dhopital-2")
    form = career_form(family, title_masculine="Œnologue d’hôpital", slug="")

    post_form(client, "/admin/careers/career/add/", **form)

    assert Career.objects.filter(slug="oenologue-dhopital-3").exists()


@pytest.mark.django_db
def test_a_slug_typed_by_the_editor_is_kept(client, editor):
    form = career_form(make_family(), title_masculine="Œnologue", slug="sommelier")
    post_form(client, "/admin/careers/career/add/", **form)
    assert Career.objects.get().slug == "sommelier"


@pytest.mark.django_db
def test_a_name_that_gives_no_slug_asks_the_editor_for_one(client, editor):
    response = post_form(client, "/admin/careers/family/add/", name="???", slug="")
    field = element(page(response), "div", class_="field-slug")
    assert "le titre n'en donne aucun" in text(element(field, "ul", class_="errorlist"))
    assert not Family.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("url", "changes", "model", "slug"),
    [
        ("/admin/careers/family/add/", {"name": "Métiers de l’Œil"}, Family, "metiers-de-loeil"),
        (
            "/admin/diplomas/diploma/add/",
            {"short_name": "DE d’État", "name": "Diplôme", "diploma_type": "de", "summary": "S."},
            Diploma,
            "de-detat",
        ),
        (
            "/admin/diplomas/cqp/add/",
            {"short_name": "CQP Conseiller", "name": "CQP", "summary": "S."},
            CQP,
            "cqp-conseiller",
        ),
    ],
)
def test_each_admin_fills_a_blank_slug_from_the_fields_that_prefill_it(
    client, editor, url, changes, model, slug
):
    response = post_form(client, url, slug="", **changes)
    assert response.status_code == 302, response.content.decode()[:2000]
    assert model.objects.get().slug == slug


@pytest.mark.django_db
def test_a_testimonial_slug_comes_from_first_name_and_employer(client, editor):
    career = make_career()
    make_testimonial(make_career(), slug="aude-mgen")
    response = post_form(
        client,
        "/admin/careers/testimonial/add/",
        career=career.pk,
        slug="",
        first_name="Aude",
        job_title="conseillère",
        employer="MGEN",
        town="Lyon",
        department="69",
        headline="Titre",
        story="Récit.",
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    career.refresh_from_db()
    assert career.testimonial.slug == "aude-mgen-2"


@pytest.mark.django_db
def test_a_new_speciality_row_gets_a_slug_unique_within_its_diploma(client, editor):
    bts, dut = make_diploma(), make_diploma()
    make_speciality(bts, name="Assurance", slug="assurance")
    make_speciality(dut, name="Assurance", slug="assurance")
    make_speciality(dut, name="Assurance", slug="assurance-2")
    url = f"/admin/diplomas/diploma/{dut.pk}/change/"

    response = post_form(
        client, url, **{"specialities-2-name": "Assurance", "specialities-2-slug": ""}
    )

    assert response.status_code == 302, response.content.decode()[:2000]
    assert sorted(dut.specialities.values_list("slug", flat=True)) == [
        "assurance",
        "assurance-2",
        "assurance-3",
    ]


@pytest.mark.django_db
def test_a_speciality_added_on_its_own_page_is_unique_within_its_diploma_only(client, editor):
    bts, dut = make_diploma(), make_diploma()
    make_speciality(bts, name="Assurance", slug="assurance")
    post_form(client, "/admin/diplomas/speciality/add/", diploma=dut.pk, name="Assurance", slug="")
    assert dut.specialities.get().slug == "assurance"


@pytest.mark.django_db
def test_the_slug_prefill_script_is_loaded_after_djangos_on_every_slug_form(client, editor):
    for url in ["/admin/careers/career/add/", "/admin/diplomas/diploma/add/"]:
        scripts = [
            dict(script.attributes).get("src")
            for script in elements(page(client.get(url)), "script")
        ]
        assert scripts.index("/static/admin/js/urlify_fr.js") > scripts.index(
            "/static/admin/js/urlify.js"
        )


# 4. Search -----------------------------------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("url", "typed", "found"),
    [
        ("/admin/careers/career/", "educateur", "Éducateur spécialisé"),
        ("/admin/careers/career/", "ÉDUCATEUR Specialise", "Éducateur spécialisé"),
        ("/admin/careers/family/", "etat", "Les autres métiers des mutuelles (fonctions supports)"),
        ("/admin/diplomas/diploma/", "diplome d’etat d’audioprothesiste", "DE audioprothésiste"),
        ("/admin/diplomas/diploma/", "proprete", "BTS"),
    ],
)
def test_admin_search_ignores_accents_and_case(client, editor, brochure, url, typed, found):
    assert result_names(client.get(url, {"q": typed})) == [found]


@pytest.mark.django_db
@pytest.mark.parametrize("typed", ["l'assurance", "l’assurance", "L’ASSURANCE maladie"])
def test_admin_search_finds_text_written_with_either_apostrophe(client, editor, typed):
    make_career(title_masculine="Typographe", lead="Au service de l’assurance maladie.")
    make_career(title_masculine="Dactylo", body="Au service de l'assurance maladie.")
    make_career(title_masculine="Assureur", body="Assurance maladie.")

    found = result_names(client.get("/admin/careers/career/", {"q": typed}))

    assert found == ["Dactylo", "Typographe"]


@pytest.mark.django_db
def test_a_quoted_phrase_is_searched_as_one(client, editor):
    make_career(title_masculine="Chargé de prévention")
    make_career(title_masculine="Chargé d'études", lead="Prévention.")
    found = result_names(client.get("/admin/careers/career/", {"q": '"charge de prevention"'}))
    assert found == ["Chargé de prévention"]


@pytest.mark.django_db
def test_the_database_folds_text_exactly_as_python_does():
    samples = [
        "Éducateur SPÉCIALISÉ",
        "Œnologue d’hôpital",
        "Cœur, Æther et Straße",
        "l‘un, lʼautre, l'autre",
        "ÀÂÄÇÈÉÊËÎÏÔÖÙÛÜŸ àâäçèéêëîïôöùûüÿ",
    ]
    families = [make_family(name=sample) for sample in samples]
    folded = dict(
        Family.objects.filter(pk__in=[f.pk for f in families])
        .values_list("name", "name__folded")
        .order_by()
    )
    assert folded == {sample: fold(sample) for sample in samples}


# 5. Favicon ----------------------------------------------------------------------------------


@pytest.mark.django_db
def test_favicon_ico_answers_with_an_icon(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 200
    assert response["Content-Type"] == "image/x-icon"
    assert b"".join(response.streaming_content).startswith(b"\x00\x00\x01\x00")


def test_favicon_ico_answers_in_production_too():
    env = {
        **{k: v for k, v in os.environ.items() if k not in ("DEBUG", "DATABASE_URL")},
        "DJANGO_ENV": "production",
        "SECRET_KEY": "a-long-enough-production-key-for-this-check-only-0123456789abcdef",
        "ALLOWED_HOSTS": "metiers.example.org",
        "DATABASE_URL": "postgres://guide@db.invalid:5432/guide",
    }
    code = (
        "from django.test import Client; "
        "r = Client().get('/favicon.ico', secure=True, headers={'host': 'metiers.example.org'}); "
        "print(r.status_code, r['Content-Type'])"
    )
    result = subprocess.run(
        [sys.executable, "manage.py", "shell", "--no-imports", "-c", code],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.stdout.split() == ["200", "image/x-icon"], result.stderr
