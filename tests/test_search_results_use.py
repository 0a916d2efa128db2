"""Results a reader can use: excerpts from the text the linked page shows, with the words
marked; every group can be opened in full and paged; hits lead to where the words are."""

import re

import pytest

from search import engine, views
from search.engine import search

from .html_pages import element, elements, hrefs, labelled, page, text, texts

pytestmark = pytest.mark.django_db

QUERIES = ["BTS", "surdité", "mutuelle", "Vincennes", "cadre de santé", "apprentissage"]


def squeeze(value):
    # The page's paragraphs are separate elements, the excerpt's are joined by spaces.
    return "".join(value.split())


@pytest.mark.parametrize("q", QUERIES)
def test_every_excerpt_is_text_the_linked_page_shows(client, brochure, q):
    for group in search(q).groups:
        for hit in group.hits:
            shown = squeeze(text(page(client.get(hit.url.partition("#")[0]))))
            excerpt = re.sub(r"<[^>]+>", "", str(hit.excerpt))
            # Each paragraph of the excerpt is a passage of the page (the page may set
            # other content between two paragraphs).
            for piece in re.split(r"\n\s*\n|…", excerpt):
                assert squeeze(piece) in shown, (hit.url, piece)


def test_an_excerpt_never_repeats_the_index_s_hidden_words(brochure):
    # A job's diplomas find it, but are not its prose: "BTS Brevet de technicien supérieur…"
    for group in search("BTS").groups:
        for hit in group.hits:
            assert "BTS Brevet" not in str(hit.excerpt)


def test_a_testimonial_hit_leads_to_the_story_on_its_job_page(client, brochure):
    testimonials = [g for g in search("Saint-Pourçain").groups if g.kind == "temoignage"]
    url = testimonials[0].hits[0].url
    path, _, anchor = url.partition("#")
    assert anchor == "temoignage-titre"
    html = page(client.get(path))
    assert element(html, "h2", id="temoignage-titre")
    assert "Saint-Pourçain" in text(html)


def test_a_group_with_more_hits_links_to_all_of_them(client, brochure):
    html = page(client.get("/recherche/", {"q": "mutuelle"}))
    jobs = labelled(html, "resultats-metier")
    assert len(elements(jobs, "li", class_="card")) == engine.PER_GROUP
    assert "?q=mutuelle&groupe=metier" in hrefs(jobs)
    opened = page(client.get("/recherche/", {"q": "mutuelle", "groupe": "metier"}))
    total = int(re.search(r"\((\d+)\)", text(element(opened, "h2"))).group(1))
    assert len(elements(opened, "li", class_="card")) == total > engine.PER_GROUP


def test_an_opened_group_is_paged(client, brochure, monkeypatch):
    monkeypatch.setattr(engine, "PER_PAGE", 5)
    monkeypatch.setattr(views, "PER_PAGE", 5)
    first = search("mutuelle", kind="metier", page=1).groups[0]
    second_page = page(client.get("/recherche/", {"q": "mutuelle", "groupe": "metier", "page": 2}))
    cards = [text(element(li, "h3")) for li in elements(second_page, "li", class_="card")]
    assert len(cards) == 5 and cards[0] not in [hit.title for hit in first.hits]
    assert texts(second_page, "p", class_="muted")[0] == f"Résultats 6 à 10 sur {first.total}."
    links = hrefs(element(second_page, "nav", class_="pagination"))
    assert links == [
        "?q=mutuelle&groupe=metier&page=1",
        "?q=mutuelle&groupe=metier&page=3",
    ]


@pytest.mark.parametrize(
    "params",
    [{"page": "999"}, {"page": "-1"}, {"page": "x"}, {"page": "9" * 5000}, {"groupe": "zz"}],
    ids=["past-the-end", "negative", "letters", "5000-digits", "unknown-group"],
)
def test_bad_paging_parameters_never_fail(client, brochure, params):
    response = client.get("/recherche/", {"q": "mutuelle", "groupe": "metier", **params})
    assert response.status_code == 200


@pytest.mark.parametrize("q", ["mutuelle", "gestion", "éducatrice", "conseiller", "santé"])
def test_the_job_list_ranks_jobs_as_the_search_page_does(client, brochure, q):
    listed = [c.get_absolute_url() for c in client.get("/metiers/", {"q": q}).context["careers"]]
    searched = [hit.url for hit in search(q, kind="metier").groups[0].hits]
    assert listed == searched[: len(listed)]


def test_the_job_list_shows_a_correction_and_links_to_the_exact_words(client, brochure):
    html = page(client.get("/metiers/", {"q": "actuair"}))
    reading = element(html, "div", class_="search-reading")
    assert (
        "« actuair » ne figure pas dans le guide : nous avons cherché « actuaire » à la place ;"
        in texts(reading, "li")
    )
    assert hrefs(reading) == ["?q=actuair&exact=1"]
    exact = client.get("/metiers/", {"q": "actuair", "exact": "1"})
    assert list(exact.context["careers"]) == []
