"""Finding one's way back: the families index, breadcrumbs, « Retour aux résultats », the
job list's sort, and one address per list query and per page."""

from urllib.parse import urlencode

import pytest

from careers.models import Family
from mutuelles_site.folding import fold

from .html_pages import element, elements, hrefs, page, text

pytestmark = pytest.mark.django_db


def crumbs(html):
    nav = element(html, "nav", **{"aria-label": "Fil d’Ariane"})
    items = elements(element(nav, "ol"), "li")
    return [text(item) for item in items], items


def card_links(html):
    return [hrefs(card)[0] for card in elements(html, "article", class_="card")]


# The families index.


def test_the_families_index_lists_every_published_family_with_its_job_count(client, brochure):
    html = page(client.get("/familles/"))
    cards = elements(element(html, "ul", class_="family-list"), "li", class_="card")
    assert [text(element(card, "h2")) for card in cards] == [
        family.name for family in Family.objects.published()
    ]
    metas = [text(element(card, "p", class_="card-meta")) for card in cards]
    assert sum(int(meta.split()[0]) for meta in metas) == 15
    assert "/familles/autres-metiers/" in hrefs(html)


def test_the_families_index_gives_the_first_sentence_of_each_introduction(client, brochure):
    html = page(client.get("/familles/"))
    assert "ce sont les « fonctions supports »." in text(html)
    assert "Ces métiers transversaux" not in text(html)


def test_an_unpublished_family_leaves_the_index(client, brochure):
    Family.objects.filter(slug="autres-metiers").update(is_published=False)
    assert "/familles/autres-metiers/" not in hrefs(page(client.get("/familles/")))


# Breadcrumbs.


@pytest.mark.parametrize(
    ("url", "trail"),
    [
        ("/", ["Accueil"]),
        ("/familles/", ["Accueil", "Familles de métiers"]),
        (
            "/familles/autres-metiers/",
            [
                "Accueil",
                "Familles de métiers",
                "Les autres métiers des mutuelles (fonctions supports)",
            ],
        ),
        ("/metiers/", ["Accueil", "Les métiers"]),
        (
            "/metiers/actuaire/",
            [
                "Accueil",
                "Familles de métiers",
                "Développement du produit et étude du risque",
                "Actuaire",
            ],
        ),
        ("/temoignages/", ["Accueil", "Témoignages"]),
        ("/formations/", ["Accueil", "Les formations"]),
        ("/formations/bts/", ["Accueil", "Les formations", "BTS"]),
        ("/formations/schema/", ["Accueil", "Les formations", "Le schéma des formations"]),
        ("/recherche/?q=actuaire", ["Accueil", "Recherche"]),
    ],
)
def test_every_public_page_shows_where_it_sits(client, brochure, url, trail):
    shown, items = crumbs(page(client.get(url)))
    assert shown == trail
    current = element(items[-1], "span")
    assert dict(current.attributes)["aria-current"] == "page"
    assert all(len(elements(item, "a")) == 1 for item in items[:-1])


# Back to the results.


def test_a_job_reached_from_a_filtered_list_leads_back_to_the_same_results(client, brochure):
    query = {"famille": "autres-metiers", "niveau": "2"}
    links = card_links(page(client.get("/metiers/", query)))
    assert links and all(
        link.endswith("?" + urlencode({"depuis": urlencode(query)})) for link in links
    )
    job = page(client.get(links[0]))
    back = element(element(job, "p", class_="back"), "a")
    assert text(back) == "Retour aux résultats"
    assert dict(back.attributes)["href"] == "/metiers/?" + urlencode(query)


def test_a_job_reached_from_the_whole_list_or_elsewhere_has_no_way_back_link(client, brochure):
    assert all("?" not in link for link in card_links(page(client.get("/metiers/"))))
    assert elements(page(client.get("/metiers/actuaire/")), "p", class_="back") == []


@pytest.mark.parametrize(
    "carried",
    ["https://evil.example/", "//evil.example/x", "next=https://evil.example/&niveau=2", "%"],
)
def test_the_way_back_never_leaves_the_job_list(client, brochure, carried):
    job = page(client.get("/metiers/actuaire/", {"depuis": carried}))
    href = dict(element(element(job, "p", class_="back"), "a").attributes)["href"]
    assert href in ("/metiers/", "/metiers/?niveau=2")


def test_the_job_page_stays_one_canonical_page(client, brochure):
    response = client.get("/metiers/actuaire/", {"depuis": "niveau=5"})
    (link,) = [
        node
        for node in elements(page(response), "link")
        if dict(node.attributes)["rel"] == "canonical"
    ]
    assert dict(link.attributes)["href"] == "http://testserver/metiers/actuaire/"


# Sorting the job list.


def titles(client, **query):
    response = client.get("/metiers/", {**query, "page": 1})
    return [career.title_masculine for career in response.context["paginator"].object_list]


def test_the_job_list_sorts_by_title_ignoring_accents(client, brochure):
    sorted_titles = titles(client, tri="titre")
    assert sorted_titles == sorted(sorted_titles, key=fold)
    assert sorted_titles.index("Éducateur spécialisé") < sorted_titles.index(
        "Infirmier coordinateur"
    )


def test_the_job_list_sorts_by_entry_level(client, brochure):
    response = client.get("/metiers/", {"tri": "niveau"})
    levels = [career.level_min for career in response.context["paginator"].object_list]
    assert levels == sorted(levels)
    html = page(response)
    assert text(element(html, "p", class_="result-count")) == "15 métiers au total."


def test_the_job_list_keeps_the_brochures_order_by_default(client, brochure):
    assert titles(client)[0] == "Technicien en prestations"


# One address per query and per page.


@pytest.mark.parametrize(
    ("url", "target"),
    [
        # Empty parameters (the no-JavaScript form submits every select) are dropped.
        ("/metiers/?niveau=&famille=autres-metiers", "/metiers/?famille=autres-metiers"),
        ("/metiers/?niveau=&famille=&type_diplome=&voie=&tri=&q=", "/metiers/"),
        ("/formations/?niveau=&categorie=etat&voie=", "/formations/?categorie=etat"),
        ("/metiers/?type=&niveau=2", "/metiers/?niveau=2"),
        # Slugs retyped in capitals lead to the page's own address.
        ("/metiers/Actuaire/", "/metiers/actuaire/"),
        ("/formations/BTS/", "/formations/bts/"),
        ("/familles/Autres-Metiers/", "/familles/autres-metiers/"),
        ("/metiers/ACTUAIRE/?depuis=niveau%3D5", "/metiers/actuaire/?depuis=niveau%3D5"),
    ],
)
def test_every_list_query_and_page_has_one_address(client, brochure, url, target):
    response = client.get(url)
    assert response.status_code == 301
    assert response["Location"] == target
    assert client.get(target).status_code == 200


def test_a_slug_in_capitals_that_matches_nothing_still_ends_in_a_404(client, brochure):
    response = client.get("/metiers/Astronaute/", follow=True)
    assert response.status_code == 404
