"""A diploma's jobs: its page lists the first ones, then links to the job list filtered by
the diploma (`/metiers/?formation=<slug>`), which lists exactly the jobs it leads to."""

import pytest

from careers.models import Pathway
from diplomas.models import Diploma

from .html_pages import element, elements, hrefs, labelled, page, text, texts

pytestmark = pytest.mark.django_db


def jobs_of(slug):
    """The slugs of the published jobs the diploma `slug` leads to, from the rows."""
    rows = Pathway.objects.published().filter(diploma__slug=slug)
    return set(rows.values_list("career__slug", flat=True))


def job_links(html):
    return [href for href in hrefs(labelled(html, "metiers-titre")) if href.count("/") == 3]


def test_a_diploma_page_with_few_jobs_lists_them_all_without_a_link_to_the_list(client, brochure):
    html = page(client.get("/formations/bts/"))
    assert {link.split("/")[2] for link in job_links(html)} == jobs_of("bts")
    assert "/metiers/?formation=bts" not in hrefs(html)


def test_a_diploma_page_with_more_jobs_than_it_shows_states_the_total_and_links_to_the_list(
    client, brochure, monkeypatch
):
    monkeypatch.setattr("diplomas.views.DIPLOMA_PAGE_JOBS", 2)
    total = len(jobs_of("bts"))
    assert total > 2
    html = page(client.get("/formations/bts/"))
    section = labelled(html, "metiers-titre")
    # Each job once, even when it comes through two specialities.
    assert len(job_links(html)) == 2
    (more,) = elements(section, "p", class_="more")
    assert text(more).startswith(f"{total} métiers au total :")
    assert texts(more, "a") == ["voir tous les métiers auxquels cette formation mène"]
    assert hrefs(more) == ["/metiers/?formation=bts"]


def test_the_job_list_filtered_by_a_diploma_lists_exactly_the_jobs_it_leads_to(client, brochure):
    response = client.get("/metiers/", {"formation": "bts"})
    page(response)
    assert response.context["paginator"].count == len(jobs_of("bts"))
    listed = {career.slug for career in response.context["paginator"].object_list}
    assert listed == jobs_of("bts")


def test_the_job_list_says_it_is_limited_to_a_diploma_and_offers_to_remove_it(client, brochure):
    diploma = Diploma.objects.get(slug="bts")
    html = page(client.get("/metiers/", {"formation": "bts", "niveau": "2"}))
    (said,) = elements(html, "p", class_="filter-hidden")
    assert text(said).startswith(
        f"Liste limitée aux métiers accessibles par le diplôme « {diploma.full_name} »."
    )
    assert texts(said, "a") == ["Retirer ce critère"]
    assert hrefs(said) == ["/metiers/?niveau=2"]
    # The form keeps it when it is submitted again.
    form = element(html, "form", class_="filters")
    hidden = [
        dict(field.attributes)
        for field in elements(form, "input")
        if dict(field.attributes).get("type") == "hidden"
    ]
    assert {"type": "hidden", "name": "formation", "value": "bts", "id": "id_formation"} in hidden


def test_the_diploma_criterion_words_the_title_and_the_sentence(client, brochure):
    diploma = Diploma.objects.get(slug="bts")
    html = page(client.get("/metiers/", {"formation": "bts"}))
    title = f"Métiers accessibles par le diplôme « {diploma.full_name} »"
    assert text(element(html, "title")).startswith(title)
    assert texts(html, "p", class_="criteria") == [f"{title}."]


@pytest.mark.parametrize("slug", ["inconnue", "BTS%00", "x" * 300])
def test_an_unknown_diploma_gives_a_french_message_and_the_whole_list(client, brochure, slug):
    response = client.get("/metiers/", {"formation": slug})
    html = page(response)
    (alert,) = elements(html, "div", role="alert")
    (item,) = texts(alert, "li")
    assert item.startswith("Formation : Aucune formation publiée ne porte l’identifiant « ")
    assert response.context["paginator"].count == 15
    # The bad value is not carried again by the form.
    assert "formation" not in [
        dict(field.attributes).get("name") for field in elements(html, "input")
    ]


def test_an_unpublished_diploma_is_unknown_to_the_job_list(client, brochure):
    Diploma.objects.filter(slug="bts").update(is_published=False)
    html = page(client.get("/metiers/", {"formation": "bts"}))
    (alert,) = elements(html, "div", role="alert")
    assert texts(alert, "li") == [
        "Formation : Aucune formation publiée ne porte l’identifiant « bts »."
    ]


def test_a_diploma_slug_in_capitals_has_the_lowercase_canonical_address(client, brochure):
    document = page(client.get("/metiers/", {"formation": "BTS"}))
    canonical = [
        dict(link.attributes)["href"]
        for link in elements(document, "link")
        if dict(link.attributes).get("rel") == "canonical"
    ]
    assert canonical == ["http://testserver/metiers/?formation=bts"]


@pytest.mark.parametrize("name", ["formation", "famille", "niveau", "type_diplome", "voie"])
def test_a_control_character_in_a_filter_never_reaches_the_page(client, brochure, name):
    response = client.get("/metiers/", {name: "a\x00b\x1bc"})
    assert response.status_code == 200
    assert "\x00" not in response.content.decode()
    assert "\x1b" not in response.content.decode()
