from urllib.parse import urlencode

import pytest

from .html_pages import element, elements, hrefs, options, page, text, texts

pytestmark = pytest.mark.django_db


def titles(response):
    return {career.title_masculine for career in response.context["careers"]}


def test_bac_plus_2_shows_opticien_and_technicien_but_not_actuaire(client, brochure):
    found = titles(client.get("/metiers/", {"niveau": 2}))
    assert "Opticien" in found
    assert "Technicien en prestations" in found
    assert "Actuaire" not in found
    assert "Infirmier coordinateur" not in found


def test_bac_plus_3_opens_the_state_diploma_jobs(client, brochure):
    found = titles(client.get("/metiers/", {"niveau": 3}))
    assert "Infirmier coordinateur" in found
    assert "Actuaire" not in found


def test_bac_plus_5_opens_every_job(client, brochure):
    response = client.get("/metiers/", {"niveau": 5})
    assert response.context["paginator"].count == 15


def test_the_bac_alone_opens_only_the_technicien_en_prestations(client, brochure):
    assert titles(client.get("/metiers/", {"niveau": 0})) == {"Technicien en prestations"}


def test_family_filter_lists_only_that_family(client, brochure):
    found = titles(
        client.get("/metiers/", {"famille": "developpement-du-produit-et-etude-du-risque"})
    )
    assert found == {"Concepteur technique de produit", "Actuaire", "Chargé d’études juridiques"}


def test_type_filter_finds_jobs_reached_through_a_state_diploma(client, brochure):
    found = titles(client.get("/metiers/", {"type_diplome": "de"}))
    assert found == {"Infirmier coordinateur", "Audioprothésiste", "Éducateur spécialisé"}


def test_the_type_filter_offers_no_cqp_because_no_fiche_cites_one(client, brochure):
    # The CQP are for people already in the job (« Les CQP des mutuelles »); no fiche of
    # the brochure links one to a job, so a CQP choice could only answer nothing.
    assert "cqp" not in [
        value for value, _ in options(page(client.get("/metiers/")), "type_diplome")
    ]


def test_filters_combine(client, brochure):
    found = titles(
        client.get("/metiers/", {"niveau": 2, "famille": "autres-metiers", "type_diplome": "bts"})
    )
    assert found == {"Responsable communication", "Webmestre"}


def test_keyword_filter_matches_the_title(client, brochure):
    assert "Webmestre" in titles(client.get("/metiers/", {"q": "webmestre"}))


def result_count(html):
    return text(element(html, "p", class_="result-count"))


def reset_link(html):
    return text(element(html, "a", class_="reset"))


def test_the_list_shows_a_count_and_a_reset_link_when_filtered(client, brochure):
    response = client.get("/metiers/", {"niveau": 2})
    html = page(response)
    count = response.context["paginator"].count
    assert result_count(html) == f"{count} métiers correspondent à votre recherche."
    assert reset_link(html) == "Réinitialiser les filtres"


def test_an_empty_result_says_so(client, brochure):
    html = page(client.get("/metiers/", {"niveau": 0, "type_diplome": "de"}))
    assert result_count(html) == "0 métier correspond à votre recherche."
    notice = [text(p) for p in elements(element(html, "div", class_="notice"), "p")]
    # Said once, by the count: the notice only suggests what to try.
    assert notice[0].startswith("Essayez")
    assert "Aucun métier ne correspond" not in text(element(html, "main"))


def test_pagination_links_keep_the_filters(client, brochure, settings):
    response = client.get("/metiers/", {"niveau": 5, "page": 1})
    assert response.context["is_paginated"]
    pagination = element(page(response), "nav", class_="pagination")
    links = [dict(link.attributes)["href"] for link in elements(pagination, "a")]
    assert links and all("niveau=5" in link for link in links)


INVALID_CHOICE = "Sélectionnez un choix valide. {} n’en fait pas partie."


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ({"niveau": "zzz"}, INVALID_CHOICE.format("zzz")),
        ({"niveau": "99"}, INVALID_CHOICE.format("99")),
        ({"type_diplome": "nope"}, INVALID_CHOICE.format("nope")),
        ({"famille": "inconnue"}, INVALID_CHOICE.format("inconnue")),
        (
            {"q": "x" * 500},
            "Assurez-vous que cette valeur comporte au plus 100 caractères (actuellement 500).",
        ),
        ({"page": "999999"}, "La page 999999 n’existe pas : voici la dernière page (2)."),
        ({"page": "abc"}, "Le numéro de page demandé n’est pas valide : voici la première page."),
        ({"page": "-1"}, "La page -1 n’existe pas : voici la première page."),
        ({"page": "0"}, "La page 0 n’existe pas : voici la première page."),
    ],
)
def test_bad_parameters_give_a_normal_page_with_a_message(client, brochure, query, message):
    response = client.get("/metiers/", query)
    html = page(response)
    alerts = [
        text(item)
        for alert in elements(html, "div", role="alert")
        for item in elements(alert, "li")
    ]
    notices = texts(html, "p", class_="notice")
    # The filter's error follows its label, a link to the field.
    (shown,) = alerts + notices
    assert shown.endswith(message)
    assert response.context["paginator"].count >= 1


@pytest.mark.parametrize("query", [{"famille[]": "x"}, {"niveau": ["2", "3"]}])
def test_unknown_or_repeated_parameters_give_a_normal_page(client, brochure, query):
    response = client.get("/metiers/", query)
    assert elements(page(response), "div", role="alert") == []
    assert response.context["paginator"].count >= 1


def test_an_invalid_level_is_reported_and_ignored(client, brochure):
    response = client.get("/metiers/", {"niveau": "zzz", "famille": "autres-metiers"})
    alert = element(page(response), "div", role="alert")
    assert text(element(alert, "p")) == "Un filtre n’a pas pu être appliqué ; il est ignoré :"
    assert text(element(alert, "a")) == "Accessible avec mon niveau"
    assert response.context["paginator"].count == 5


def test_a_page_past_the_end_shows_the_last_page_with_a_message(client, brochure):
    response = client.get("/metiers/", {"page": "999999"})
    last = response.context["paginator"].num_pages
    notice = element(page(response), "p", class_="notice")
    assert text(notice) == f"La page 999999 n’existe pas : voici la dernière page ({last})."
    assert response.context["page_obj"].number == last


@pytest.mark.parametrize(
    ("query", "shown"),
    [
        ({"page": "99", "niveau": "5"}, "niveau=5&page=2"),
        ({"page": "abc", "niveau": "5"}, "niveau=5"),
    ],
)
def test_a_corrected_page_links_to_the_page_shown_not_the_page_asked(
    client, brochure, query, shown
):
    html = page(client.get("/metiers/", query))
    (link,) = [n for n in elements(html, "link") if dict(n.attributes)["rel"] == "canonical"]
    assert dict(link.attributes)["href"] == f"http://testserver/metiers/?{shown}"
    cards = [h for h in hrefs(element(html, "main")) if h.startswith("/metiers/") and "depuis" in h]
    assert cards
    assert all(h.endswith("?" + urlencode({"depuis": shown})) for h in cards)


def test_the_diploma_list_filters_by_level_category_and_apprenticeship(client, brochure):
    def names(query):
        return {d.slug for d in client.get("/formations/", query).context["diplomas"]}

    state = names({"categorie": "etat"})
    assert state == {"de-infirmier", "de-audioprothesiste", "de-educateur-specialise"}
    assert names({"categorie": "cqp"}) == {
        "cqp-conseiller-mutualiste",
        "cqp-teleconseiller",
        "cqp-assistant-commercial",
        "cqp-specialiste-prestations-sante-prevoyance",
    }
    at_bac_2 = names({"niveau": 2})
    assert {"bts", "dut", "deust", "du"} <= at_bac_2
    assert "master-pro" not in at_bac_2
    assert "du" in names({"niveau": 5})  # a DU spans bac + 2 to bac + 5
    assert "de-audioprothesiste" not in names({"categorie": "etat", "apprentissage": "oui"})
    assert "de-infirmier" in names({"categorie": "etat", "apprentissage": "oui"})


@pytest.mark.parametrize(
    "query", [{"niveau": "x"}, {"categorie": "?"}, {"apprentissage": "peut-être"}, {"page": "0"}]
)
def test_the_diploma_list_survives_bad_parameters(client, brochure, query):
    assert client.get("/formations/", query).status_code == 200


def test_an_invalid_filter_alone_lists_everything_and_offers_a_reset(client, brochure):
    html = page(client.get("/metiers/", {"famille": "inconnue"}))
    assert result_count(html) == "15 métiers au total."
    assert reset_link(html) == "Réinitialiser les filtres"


@pytest.mark.parametrize("address", ["/temoignages/?page=", "/formations/?page="])
def test_an_empty_page_number_is_the_first_page_without_a_notice(client, brochure, address):
    response = client.get(address, follow=True)
    assert texts(page(response), "p", class_="notice") == []
    assert response.context["page_obj"].number == 1
