"""Every public page type renders the brochure's content."""

import pytest

from .html_pages import element, elements, hrefs, labelled, page, text, texts

pytestmark = pytest.mark.django_db


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
    html = page(client.get(url))
    assert html.name == "html" and dict(html.attributes)["lang"] == "fr"
    assert len(elements(html, "h1")) == 1
    assert hrefs(html)[0] == "#contenu"  # the first link of the page skips to the content
    (main,) = elements(html, "main")
    assert dict(main.attributes)["id"] == "contenu"


def test_home_explains_mutuelles_and_counts_jobs_per_family(client, brochure):
    html = page(client.get("/"))
    assert text(element(html, "p", class_="key-figure")).startswith("38 millions de personnes")
    counts = {
        text(element(card, "h3")): text(element(card, "p", class_="card-meta"))
        for card in elements(labelled(html, "familles-titre"), "li", class_="card")
    }
    assert counts["Prévention, action sanitaire et sociale"] == "5 métiers"
    assert counts["Gestion des adhérents"] == "2 métiers"
    assert "découvrez 15 métiers des mutuelles" in text(element(html, "p", class_="lead"))
    assert "/metiers/?niveau=2" in hrefs(html)
    assert "/familles/gestion-des-adherents/" in hrefs(html)


def test_family_page_shows_its_introduction_and_jobs(client, brochure):
    html = page(client.get("/familles/autres-metiers/"))
    assert "20 %" in text(element(html, "div", class_="prose"))
    jobs = texts(html, "h3", class_="card-title") + texts(html, "h2", class_="card-title")
    assert "Webmestre" in jobs
    assert "Responsable communication" in jobs
    assert "Actuaire" not in jobs
    assert "Actuaire" not in text(html)


def test_job_page_shows_both_titles_levels_diplomas_testimonial_and_source(client, brochure):
    html = page(client.get("/metiers/technicien-en-prestations/"))
    title = element(html, "h1")
    assert text(title).startswith("Technicien en prestations")
    assert text(element(title, "span", class_="title-fem")) == "/ Technicienne en prestations"
    assert "de bac (niveau 4) à bac + 3 (niveau 6)" in text(html)
    studies = labelled(html, "diplomes-titre")
    assert "/formations/licence-pro/" in hrefs(studies)
    assert "vente d" in text(studies) and "assurances de personnes" in text(studies)
    who = text(element(html, "p", class_="who"))
    assert who.startswith("Bruno,") and "MNFCT" in who and who.endswith("Vincennes (94)")
    assert "/metiers/responsable-de-centre-de-gestion/" in hrefs(
        element(html, "nav", class_="siblings")
    )
    source = element(html, "p", class_="source")
    assert text(source).startswith("Source : ONISEP,") and text(source).endswith(", 2009.")
    assert text(element(source, "cite")) == "Les métiers des mutuelles"


def test_job_page_shows_conditions_from_the_brochure(client, brochure):
    html = page(client.get("/metiers/responsable-de-centre-de-gestion/"))
    studies = text(labelled(html, "diplomes-titre"))
    assert "expérience professionnelle" in studies
    assert "jeunes diplômés" in studies
    who = text(element(html, "p", class_="who"))
    assert who.startswith("Catherine,") and "Prévadiès" in who and who.endswith("Laxou (54)")


def test_job_without_testimonial_still_renders(client, brochure):
    html = page(client.get("/metiers/webmestre/"))
    assert elements(html, "section", class_="testimonial") == []
    assert text(element(html, "h1")) == "Webmestre"


def test_diploma_page_shows_specialities_and_jobs(client, brochure):
    html = page(client.get("/formations/bts/"))
    assert "hygiène, propreté, environnement" in texts(labelled(html, "specialites-titre"), "li")
    jobs = hrefs(labelled(html, "metiers-titre"))
    assert "/metiers/animateur-prevention/" in jobs
    assert "/metiers/opticien/" in jobs


def test_state_diplomas_keep_every_figure(client, brochure):
    infirmier = text(page(client.get("/formations/de-infirmier/")))
    assert "333" in infirmier
    assert "30 000" in infirmier
    assert "Parcoursup" in infirmier  # dated note since 2009
    audio = text(page(client.get("/formations/de-audioprothesiste/")))
    for town in ["Montpellier", "Fougères", "Nancy", "Lyon", "Paris"]:
        assert town in audio
    assert "16 semaines" in audio
    educ = text(page(client.get("/formations/de-educateur-specialise/")))
    assert "1 450 heures" in educ
    assert "15 mois" in educ


def test_cqp_page_shows_objective_method_and_profile(client, brochure):
    html = page(client.get("/formations/cqp-conseiller-mutualiste/"))
    assert texts(element(html, "dl", class_="cqp"), "dt") == ["Objectif", "Comment ?", "Profil"]
    assert "CQP de la branche mutualité" in text(element(html, "p", class_="eyebrow"))


def test_schema_page_is_an_html_ladder_from_bac_to_bac_plus_5(client, brochure):
    html = page(client.get("/formations/schema/"))
    ladder = element(html, "ol", class_="ladder")
    assert elements(html, "img") == []
    assert texts(ladder, "h2") == [
        "bac (niveau 4)",
        "bac + 2 (niveau 5)",
        "bac + 3 (niveau 6)",
        "bac + 4 (niveau 6)",
        "bac + 5 (niveau 7)",
    ]
    assert "licence professionnelle" in text(html)


def test_testimonials_page_lists_all_twelve_people_with_their_job(client, brochure):
    html = page(client.get("/temoignages/"))
    cards = elements(html, "article", class_="testimonial")
    assert len(cards) == 12
    assert "/metiers/actuaire/" in hrefs(html)
    assert "Saint-Thomas-en-Royans (26)" in " ".join(texts(html, "p", class_="card-meta"))


def test_dut_page_carries_a_dated_note_about_the_but(client, brochure):
    html = page(client.get("/formations/dut/"))
    note = element(html, "aside", class_="since")
    assert text(element(note, "h2")) == "Ce qui a changé depuis 2009"
    assert "BUT" in text(note)


def test_unknown_pages_answer_a_french_404(client, brochure):
    html = page(client.get("/metiers/astronaute/"), status=404)
    assert text(element(html, "h1")) == "Page introuvable"
