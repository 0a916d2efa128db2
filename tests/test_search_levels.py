"""A level typed in any spelling is read as a level: the page lists the jobs open at it and
says how it read the query; the job list's keyword filter reads it the same way."""

import pytest

from careers.models import Career

from .html_pages import element, elements, hrefs, labelled, page, text, texts

pytestmark = pytest.mark.django_db


def results(client, q):
    return page(client.get("/recherche/", {"q": q}))


def level_section(html):
    return labelled(html, "resultats-niveau")


def open_at(level):
    return {c.get_absolute_url() for c in Career.objects.published().accessible_with(level)}


def listed(section):
    return {href for href in hrefs(element(section, "ul"))}


@pytest.mark.parametrize("q", ["bac+2", "bac + 2", "bac 2", "BAC+2", "Bac +2", "niveau 5"])
def test_every_spelling_of_bac_plus_two_lists_the_jobs_open_at_bac_plus_two(client, brochure, q):
    section = level_section(results(client, q))
    heading = text(element(section, "h2"))
    assert heading.startswith("Métiers accessibles avec bac + 2 (niveau 5)")
    assert listed(section) == open_at(2)
    assert "/metiers/?niveau=2" in hrefs(section)


def test_bac_plus_five_and_niveau_five_are_different_levels(client, brochure):
    section = level_section(results(client, "bac+5"))
    # The first ten, and a link to all of them in the job list.
    assert listed(section) <= open_at(5)
    assert f"({len(open_at(5))})" in text(element(section, "h2"))
    assert open_at(5) != open_at(2)
    assert listed(level_section(results(client, "niveau 5"))) == open_at(2)


@pytest.mark.parametrize("q", ["métier avec le bac", "bac", "bac pro", "quel métier après le bac"])
def test_the_bac_alone_lists_only_the_jobs_open_with_the_bac(client, brochure, q):
    html = results(client, q)
    assert listed(level_section(html)) == open_at(0)
    # Nothing else is searched: no job needing bac + 3 or bac + 5, no licence pro.
    assert elements(html, "ol", class_="search-hits") == []


def test_the_page_says_how_it_read_the_query(client, brochure):
    reading = element(results(client, "métier avec le bac"), "div", class_="search-reading")
    items = texts(reading, "li")
    assert items[0] == "niveau d’études : « bac », soit bac (niveau 4) ;"
    assert items[-1] == "mot qui ne fait que préciser la question : « métier »."


def test_bts_is_read_as_a_level_and_still_searched(client, brochure):
    html = results(client, "BTS")
    assert listed(level_section(html)) == open_at(2)
    diplomas = labelled(html, "resultats-formation")
    assert hrefs(elements(diplomas, "h3")[0]) == ["/formations/bts/"]


@pytest.mark.parametrize(
    ("q", "note"),
    [
        (
            "bac+1",
            "Le guide ne distingue pas « bac + 1 » : nous montrons les métiers accessibles "
            "avec bac (niveau 4).",
        ),
        (
            "niveau 3",
            "Aucun métier du guide n’est accessible avec « niveau 3 » : il faut au moins le bac.",
        ),
    ],
)
def test_a_level_the_guide_does_not_have_is_explained(client, brochure, q, note):
    assert note in texts(level_section(results(client, q)), "p")


def test_a_level_with_words_narrows_the_jobs_found_to_that_level(client, brochure):
    html = results(client, "responsable bac+2")
    jobs = set(hrefs(labelled(html, "resultats-metier")))
    found = {href for href in jobs if href.startswith("/metiers/") and href.count("/") == 3}
    assert found and found <= open_at(2)
    everything = set(hrefs(labelled(results(client, "responsable"), "resultats-metier")))
    assert everything - found  # some "responsable" jobs need more than bac + 2


def test_the_job_list_reads_a_level_typed_as_a_keyword(client, brochure):
    typed = client.get("/metiers/", {"q": "bac + 2"}).context["careers"]
    chosen = client.get("/metiers/", {"niveau": "2"}).context["careers"]
    assert {c.pk for c in typed} == {c.pk for c in chosen}
    reading = element(
        page(client.get("/metiers/", {"q": "bac + 2"})), "div", class_="search-reading"
    )
    assert "niveau d’études : « bac + 2 », soit bac + 2 (niveau 5) ;" in texts(reading, "li")
