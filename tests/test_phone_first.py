"""On a phone the page's own content comes first: a compact header, folded filters once
used, a family's jobs before its introduction."""

import pytest

from .html_pages import element, elements, text, texts
from .html_pages import page as parse

pytestmark = pytest.mark.django_db


def test_the_filters_stay_open_until_one_is_applied(client, brochure):
    fold = element(parse(client.get("/metiers/")), "details", class_="filters-fold")
    assert "open" in dict(fold.attributes)
    assert texts(fold, "summary") == ["Filtrer la liste"]


def test_the_filters_fold_once_applied_so_the_results_come_first(client, brochure):
    for url, query in [("/metiers/", {"niveau": 2}), ("/formations/", {"categorie": "etat"})]:
        fold = element(parse(client.get(url, query)), "details", class_="filters-fold")
        assert "open" not in dict(fold.attributes)
        assert texts(fold, "summary") == ["Modifier les filtres"]


def test_a_family_page_lists_its_jobs_before_its_introduction(client, brochure):
    main = element(parse(client.get("/familles/prevention-action-sanitaire-et-sociale/")), "main")
    headings = texts(main, "h2")
    assert headings.index("Présentation de la famille") > 0
    assert headings[0].startswith("Les métiers de cette famille")


def test_the_search_box_keeps_its_full_label_for_screen_readers(client, brochure):
    form = element(parse(client.get("/")), "form", role="search")
    assert text(element(form, "label")) == "Rechercher un métier, une formation"
    assert elements(form, "input", id="site-search-q")
