"""Every public page type renders the brochure's content."""

import re

import pytest

pytestmark = pytest.mark.django_db


def h1_count(response):
    return len(re.findall(r"<h1[\s>]", response.content.decode()))


@pytest.mark.parametrize(
    "url",
    [
        "/",
        "/metiers/",
        "/metiers/actuaire/",
        "/familles/autres-metiers/",
        "/temoignages/",
        "/formations/",
        "/formations/bts/",
        "/formations/cqp-teleconseiller/",
        "/formations/schema/",
    ],
)
def test_each_page_type_has_one_h1_a_skip_link_and_one_main(client, brochure, url):
    response = client.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    assert h1_count(response) == 1
    assert '<html lang="fr">' in html
    assert 'href="#contenu"' in html
    assert html.count("<main") == 1


def test_home_explains_mutuelles_and_counts_jobs_per_family(client, brochure):
    response = client.get("/")
    assert response.status_code == 200
    assert "38 millions de personnes" in response.content.decode()
    html = response.content.decode()
    assert "5 métiers" in html  # Prévention, action sanitaire et sociale
    assert "2 métiers" in html  # Gestion des adhérents
    assert "15 métiers" in html
    assert 'href="/metiers/?niveau=2"' in response.content.decode()
    assert 'href="/familles/gestion-des-adherents/"' in response.content.decode()


def test_family_page_shows_its_introduction_and_jobs(client, brochure):
    response = client.get("/familles/autres-metiers/")
    assert "20 %" in response.content.decode()
    assert "Webmestre" in response.content.decode()
    assert "Responsable communication" in response.content.decode()
    assert "Actuaire" not in response.content.decode()


def test_job_page_shows_both_titles_levels_diplomas_testimonial_and_source(client, brochure):
    response = client.get("/metiers/technicien-en-prestations/")
    html = response.content.decode()
    assert "Technicien en prestations" in html
    assert "Technicienne en prestations" in html
    assert "de bac (niveau 4) à bac + 3 (niveau 6)" in html
    assert 'href="/formations/licence-pro/"' in html
    assert "vente d" in html and "assurances de personnes" in html
    assert "Bruno" in html and "MNFCT" in html and "Vincennes (94)" in html
    assert 'href="/metiers/responsable-de-centre-de-gestion/"' in html
    assert "ONISEP, <cite>Les métiers des mutuelles</cite>, 2009" in html


def test_job_page_shows_conditions_from_the_brochure(client, brochure):
    html = client.get("/metiers/responsable-de-centre-de-gestion/").content.decode()
    assert "expérience professionnelle" in html
    assert "jeunes diplômés" in html
    assert "Catherine" in html and "Prévadiès" in html and "Laxou (54)" in html


def test_job_without_testimonial_still_renders(client, brochure):
    response = client.get("/metiers/webmestre/")
    assert response.status_code == 200
    assert 'id="temoignage-titre"' not in response.content.decode()


def test_diploma_page_shows_specialities_and_jobs(client, brochure):
    html = client.get("/formations/bts/").content.decode()
    assert "hygiène, propreté, environnement" in html
    assert 'href="/metiers/animateur-prevention/"' in html
    assert 'href="/metiers/opticien/"' in html


def test_state_diplomas_keep_every_figure(client, brochure):
    infirmier = client.get("/formations/de-infirmier/").content.decode()
    assert "333" in infirmier
    assert "30 000" in infirmier
    assert "Parcoursup" in infirmier  # dated note since 2009
    audio = client.get("/formations/de-audioprothesiste/").content.decode()
    for town in ["Montpellier", "Fougères", "Nancy", "Lyon", "Paris"]:
        assert town in audio
    assert "16 semaines" in audio
    educ = client.get("/formations/de-educateur-specialise/").content.decode()
    assert "1 450 heures" in educ
    assert "15 mois" in educ


def test_cqp_page_shows_objective_method_and_profile(client, brochure):
    html = client.get("/formations/cqp-conseiller-mutualiste/").content.decode()
    assert "Objectif" in html and "Comment ?" in html and "Profil" in html
    assert "CQP de la branche mutualité" in html


def test_schema_page_is_an_html_ladder_from_bac_to_bac_plus_5(client, brochure):
    html = client.get("/formations/schema/").content.decode()
    assert '<ol class="ladder"' in html
    assert "<img" not in html
    for label in [
        "bac (niveau 4)",
        "bac + 2 (niveau 5)",
        "bac + 3 (niveau 6)",
        "bac + 5 (niveau 7)",
    ]:
        assert label in html
    assert html.index("bac (niveau 4)") < html.index("bac + 5 (niveau 7)")
    assert "licence professionnelle" in html


def test_testimonials_page_lists_all_twelve_people_with_their_job(client, brochure):
    html = client.get("/temoignages/").content.decode()
    assert html.count('class="card testimonial"') == 12
    assert 'href="/metiers/actuaire/"' in html
    assert "Saint-Thomas-en-Royans (26)" in html


def test_dut_page_carries_a_dated_note_about_the_but(client, brochure):
    html = client.get("/formations/dut/").content.decode()
    assert "Ce qui a changé depuis 2009" in html
    assert "BUT" in html


def test_unknown_pages_answer_a_french_404(client, brochure):
    response = client.get("/metiers/astronaute/")
    assert response.status_code == 404
    assert "Page introuvable" in response.content.decode()
