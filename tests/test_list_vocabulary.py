"""One vocabulary for how diplomas are classified, and old links that still work.

« Type de diplôme » (BTS, DE, CQP…) filters the jobs as ?type_diplome=; « catégorie de
diplôme » (national, d'État, CQP) filters the diplomas as ?categorie=. The names used
before, ?type= and ?genre=, answer a permanent redirect.
"""

from urllib.parse import parse_qs, urlsplit

import pytest

from .html_pages import element, elements, page, text

pytestmark = pytest.mark.django_db

STATE_DIPLOMAS = {"de-infirmier", "de-audioprothesiste", "de-educateur-specialise"}


def redirect_target(response):
    assert response.status_code == 301
    target = urlsplit(response["Location"])
    return target.path, parse_qs(target.query)


def selected(html, name):
    """The values of the options the <select name=…> shows as chosen."""
    options = [
        dict(option.attributes) for option in elements(element(html, "select", name=name), "option")
    ]
    return [option["value"] for option in options if "selected" in option]


def test_the_job_list_filters_by_type_de_diplome(client, brochure):
    response = client.get("/metiers/", {"type_diplome": "de"})
    html = page(response)
    assert text(element(html, "label", for_="id_type_diplome")) == "Type de diplôme :"
    assert selected(html, "type_diplome") == ["de"]
    titles = {career.title_masculine for career in response.context["careers"]}
    assert titles == {"Infirmier coordinateur", "Audioprothésiste", "Éducateur spécialisé"}


def test_the_diploma_list_filters_by_categorie_de_diplome(client, brochure):
    response = client.get("/formations/", {"categorie": "etat"})
    html = page(response)
    assert text(element(html, "label", for_="id_categorie")) == "Catégorie de diplôme :"
    assert selected(html, "categorie") == ["etat"]
    assert {diploma.slug for diploma in response.context["diplomas"]} == STATE_DIPLOMAS
    assert text(element(html, "p", class_="result-count")) == (
        "3 formations correspondent à votre recherche."
    )


def test_an_old_type_link_is_redirected_permanently_to_type_diplome(client, brochure):
    response = client.get("/metiers/", {"niveau": "3", "type": "de", "page": "1"})
    assert redirect_target(response) == (
        "/metiers/",
        {"niveau": ["3"], "type_diplome": ["de"], "page": ["1"]},
    )


def test_an_old_genre_link_is_redirected_permanently_to_categorie(client, brochure):
    response = client.get("/formations/", {"genre": "etat", "apprentissage": "oui"})
    assert redirect_target(response) == (
        "/formations/",
        {"categorie": ["etat"], "apprentissage": ["oui"]},
    )


def test_an_old_link_lands_on_the_same_list_as_the_new_one(client, brochure):
    old = client.get("/formations/", {"genre": "etat"}, follow=True)
    assert old.redirect_chain == [("/formations/?categorie=etat", 301)]
    assert {diploma.slug for diploma in old.context["diplomas"]} == STATE_DIPLOMAS


def test_a_link_carrying_both_names_keeps_the_new_one(client, brochure):
    response = client.get("/formations/", {"genre": "cqp", "categorie": "etat"})
    assert redirect_target(response) == ("/formations/", {"categorie": ["etat"]})


def test_the_new_names_are_not_redirected(client, brochure):
    assert client.get("/metiers/", {"type_diplome": "bts"}).status_code == 200
    assert client.get("/formations/", {"categorie": "cqp"}).status_code == 200


def test_a_diploma_page_links_to_its_categorie_in_the_list(client, brochure):
    html = page(client.get("/formations/de-infirmier/"))
    link = element(element(html, "p", class_="eyebrow"), "a")
    assert dict(link.attributes)["href"] == "/formations/?categorie=etat"
    assert text(link) == "Diplôme d’État du paramédical et du social"


def test_the_diploma_list_shows_each_diplomas_categorie(client, brochure):
    html = page(client.get("/formations/", {"categorie": "cqp"}))
    metas = {text(meta) for meta in elements(html, "p", class_="card-meta")}
    assert metas and all("CQP de la branche mutualité" in meta for meta in metas)


def test_both_lists_word_their_count_the_same_way(client, brochure):
    jobs = page(client.get("/metiers/"))
    diplomas = page(client.get("/formations/", {"categorie": "inconnue"}))
    assert text(element(jobs, "p", class_="result-count")) == "15 métiers au total."
    assert text(element(diplomas, "p", class_="result-count")).endswith(" formations au total.")


@pytest.mark.parametrize(
    "url", ["/admin/diplomas/diploma/", "/admin/diplomas/speciality/", "/admin/careers/career/"]
)
def test_the_admin_filters_by_type_de_diplome(admin_client, url):
    titles = {text(summary) for summary in elements(page(admin_client.get(url)), "summary")}
    assert "Par type de diplôme" in titles


def test_the_admin_diploma_form_asks_for_the_type_de_diplome(admin_client):
    html = page(admin_client.get("/admin/diplomas/diploma/add/"))
    assert text(element(html, "label", for_="id_diploma_type")) == "Type de diplôme :"


@pytest.mark.parametrize("value", ["", "nope", "%ff", "x" * 500])
def test_an_old_link_with_an_empty_or_broken_value_still_redirects_to_a_working_page(client, value):
    response = client.get(f"/metiers/?type={value}", follow=True)
    assert response.status_code == 200
    assert response.redirect_chain[0][1] == 301
