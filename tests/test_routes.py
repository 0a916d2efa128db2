"""How each job↔diploma link is reached (« voies d'accès »), from the brochure or unknown.

A link's routes are its diploma's (diplomas.routes): the brochure says them diploma by
diploma. The link's own fact is whether the fiche asks for professional experience.
"""

import pytest
from django.utils import timezone
from reversion.models import Version

from careers.models import Pathway
from diplomas.models import Diploma
from diplomas.routes import Route
from mutuelles_site.provenance import Provenance
from mutuelles_site.versions import record_versions

from .admin_pages import error_messages, post_form
from .helpers import make_career, make_diploma
from .html_pages import element, elements, hrefs, options, page, text, texts

pytestmark = pytest.mark.django_db

UNKNOWN = "non précisé"


def access_table(client, slug, **query):
    return element(page(client.get(f"/metiers/{slug}/", query)), "table", class_="access-table")


def rows(table):
    """{row header: [cells]} of the table's body."""
    return {
        text(element(row, "th")): texts(row, "td")
        for row in elements(element(table, "tbody"), "tr")
    }


def listed_slugs(client, url, **query):
    response = client.get(url, query)
    return {obj.slug for obj in response.context["paginator"].object_list}


def test_the_job_page_says_how_to_reach_each_diploma_in_a_table(client, brochure):
    table = access_table(client, "technicien-en-prestations")
    assert text(element(table, "caption")).startswith("Comment y accéder")
    assert texts(element(table, "thead"), "th") == [
        "Diplôme",
        "Niveau",
        "Voies d’accès",
        "Condition",
    ]
    assert all(dict(th.attributes)["scope"] == "row" for th in elements(table, "th")[4:])
    bts = rows(table)["Brevet de technicien supérieur (BTS)"]
    assert bts == ["bac + 2 (niveau 5)", "Formation initiale, Apprentissage", UNKNOWN]


def test_a_diploma_the_brochure_says_nothing_about_keeps_its_routes_unknown(client, brochure):
    table = rows(access_table(client, "charge-detudes-juridiques"))
    (lawyer,) = [cells for name, cells in table.items() if "avocat" in name]
    assert lawyer[1] == UNKNOWN


def test_the_responsable_de_centre_de_gestion_needs_solid_experience(client, brochure):
    table = rows(access_table(client, "responsable-de-centre-de-gestion"))
    assert all("solide expérience professionnelle" in cells[2] for cells in table.values())
    links = Pathway.objects.filter(career__slug="responsable-de-centre-de-gestion")
    assert {(p.experience, p.experience_source) for p in links} == {(True, Provenance.BROCHURE)}


def test_every_other_link_leaves_experience_unknown(brochure):
    others = Pathway.objects.exclude(career__slug="responsable-de-centre-de-gestion")
    assert {(p.experience, p.experience_source) for p in others} == {(None, Provenance.UNKNOWN)}


def test_a_links_apprenticeship_follows_its_diplomas_fact(client, brochure):
    bts = Diploma.objects.get(slug="bts")
    bts.apprenticeship = None
    bts.save()
    (optician,) = rows(access_table(client, "opticien")).values()
    assert optician[1] == "Formation initiale"
    bts.apprenticeship, bts.apprenticeship_source = True, Provenance.ADDITION
    bts.addition_reason, bts.addition_source = "Vérifié", "ONISEP, 2026"
    bts.added_by, bts.added_on = "Edith", timezone.localdate()
    bts.save()
    table = access_table(client, "opticien")
    assert f"#ajout-diploma-{bts.pk}" in hrefs(table)


def test_a_cqp_is_reached_by_internal_promotion_and_a_contrat_de_professionnalisation(client):
    cqp = make_diploma(diploma_type="cqp", level=None, name="CQP conseiller")
    career = make_career(diplomas=[cqp])
    cells = rows(access_table(client, career.slug))["CQP conseiller"]
    assert cells[1] == "Contrat de professionnalisation, Promotion interne (salariés en poste, CQP)"


def test_the_job_list_filters_by_route(client, brochure):
    apprenticeship = listed_slugs(client, "/metiers/", voie="apprentissage")
    assert "technicien-en-prestations" in apprenticeship
    # Their diplomas' apprenticeship is « non précisé »: never listed as if it were known.
    assert not apprenticeship & {"charge-detudes-juridiques", "audioprothesiste"}
    assert len(apprenticeship) == 13
    assert listed_slugs(client, "/metiers/", voie="promotion-interne") == set()


def test_the_job_list_offers_only_the_routes_that_lead_to_a_published_job(client, brochure):
    offered = [value for value, _ in options(page(client.get("/metiers/")), "voie")]
    assert offered == ["", "formation-initiale", "apprentissage"]
    # The diploma list keeps them all: CQP are prepared by the other two.
    offered = [value for value, _ in options(page(client.get("/formations/")), "voie")]
    assert offered == ["", *Route.values]


def test_a_job_links_to_a_cqp_and_its_routes_are_offered(client, brochure):
    make_career(diplomas=[make_diploma(diploma_type="cqp", level=None)])
    offered = [value for value, _ in options(page(client.get("/metiers/")), "voie")]
    assert {"contrat-pro", "promotion-interne"} <= set(offered)


def test_an_old_link_to_a_route_no_job_has_still_answers_with_the_empty_list(client, brochure):
    html = page(client.get("/metiers/", {"voie": "contrat-pro"}))
    assert not elements(html, "div", role="alert")
    assert text(element(html, "p", class_="result-count")) == (
        "0 métier correspond à votre recherche."
    )
    select = element(html, "select", name="voie")
    chosen = [dict(o.attributes) for o in elements(select, "option")]
    assert [o["value"] for o in chosen if "selected" in o] == ["contrat-pro"]
    assert "Aucun métier ne correspond" not in text(element(html, "main"))


def test_the_route_filter_combines_with_the_others(client, brochure):
    both = listed_slugs(client, "/metiers/", voie="apprentissage", famille="autres-metiers")
    family = listed_slugs(client, "/metiers/", famille="autres-metiers")
    assert both and both <= family
    assert both <= listed_slugs(client, "/metiers/", voie="apprentissage")


def test_the_diploma_list_filters_by_route(client, brochure):
    assert listed_slugs(client, "/formations/", voie="contrat-pro") == {
        "cqp-conseiller-mutualiste",
        "cqp-teleconseiller",
        "cqp-assistant-commercial",
        "cqp-specialiste-prestations-sante-prevoyance",
    }
    initial = listed_slugs(client, "/formations/", voie=Route.INITIAL)
    assert {"bts", "du", "de-infirmier"} <= initial
    assert not {"formation-avocat", "cqp-teleconseiller"} & initial


@pytest.mark.parametrize("url", ["/metiers/", "/formations/"])
def test_an_unknown_route_is_ignored_with_the_french_message(client, brochure, url):
    html = page(client.get(url, {"voie": "zzz"}))
    alert = text(element(html, "div", role="alert"))
    assert "Voie d’accès" in alert and "zzz n’en fait pas partie" in alert


def test_the_diploma_page_lists_its_routes(client, brochure):
    facts = element(page(client.get("/formations/de-audioprothesiste/")), "dl", class_="facts")
    assert dict(zip(texts(facts, "dt"), texts(facts, "dd"), strict=True))["Voies d’accès"] == (
        "Formation initiale"
    )


# The admin: the job form's diploma rows.


def change_url(career):
    return f"/admin/careers/career/{career.pk}/change/"


def test_an_editor_records_an_experience_condition_from_the_job_form(client, editor):
    career = make_career(diplomas=[make_diploma()])
    response = post_form(
        client,
        change_url(career),
        **{"pathways-0-experience": "true", "pathways-0-experience_source": "brochure"},
    )
    assert response.status_code == 302, error_messages(response)
    assert career.pathways.get().experience is True


def test_an_experience_left_unknown_with_a_source_is_refused_in_the_form(client, editor):
    career = make_career(diplomas=[make_diploma()])
    response = post_form(client, change_url(career), **{"pathways-0-experience": "true"})
    assert response.status_code == 200
    assert "Une valeur est donnée : dites d'où elle vient (brochure ou ajout)." in (
        error_messages(response)
    )
    assert career.pathways.get().experience is None


def test_an_unsigned_experience_addition_is_refused_in_the_form(client, editor):
    career = make_career(diplomas=[make_diploma()])
    response = post_form(
        client,
        change_url(career),
        **{
            "pathways-0-experience": "false",
            "pathways-0-experience_source": "ajout",
            "pathways-0-addition_reason": "",
            "pathways-0-addition_source": "",
        },
    )
    assert response.status_code == 200
    assert "Un ajout de la rédaction doit dire pourquoi et citer sa source." in (
        error_messages(response)
    )


def test_reverting_a_job_brings_back_its_links_experience(client, editor):
    career = make_career(diplomas=[make_diploma()])
    record_versions("Chargé")
    post_form(
        client,
        change_url(career),
        **{"pathways-0-experience": "true", "pathways-0-experience_source": "brochure"},
    )
    first = Version.objects.get_for_object(career).order_by("pk").first()
    assert first is not None
    first.revision.revert(delete=True)
    assert career.pathways.get().experience is None
