"""The search page: grouped, ranked results with highlighted excerpts, in French."""

import pytest

from .html_pages import element, elements, hrefs, labelled, page, text, texts

pytestmark = pytest.mark.django_db


def results(client, q, **params):
    return page(client.get("/recherche/", {"q": q, **params}))


def hit_links(html):
    """The result links in page order, group by group."""
    return [href for hit in elements(html, "h3", class_="card-title") for href in hrefs(hit)]


def test_every_page_has_a_labelled_search_form_leading_to_the_search_page(client, brochure):
    for url in ["/", "/metiers/", "/formations/bts/", "/temoignages/"]:
        form = element(page(client.get(url)), "form", class_="site-search")
        attributes = dict(form.attributes)
        assert (attributes["role"], attributes["method"], attributes["action"]) == (
            "search",
            "get",
            "/recherche/",
        ), url
        assert text(element(form, "label", for_="site-search-q")), url
        assert dict(element(form, "input", id="site-search-q").attributes)["name"] == "q", url


def test_it_groups_results_into_jobs_diplomas_and_testimonials(client, brochure):
    html = results(client, "infirmière")
    assert len(elements(html, "h1")) == 1
    groups = [dict(h2.attributes).get("id") for h2 in elements(html, "h2")]
    assert groups == ["resultats-metier", "resultats-formation", "resultats-temoignage"]
    assert "/metiers/infirmier-coordinateur/" in hrefs(labelled(html, "resultats-metier"))
    assert "/formations/de-infirmier/" in hrefs(labelled(html, "resultats-formation"))


def test_it_highlights_the_matched_words_in_the_excerpt(client, brochure):
    html = results(client, "surdité")
    marked = [text(mark) for mark in elements(html, "mark")]
    assert "surdité" in marked
    assert all(
        elements(excerpt, "mark") for excerpt in elements(html, "p", class_="search-excerpt")
    )


def test_a_title_match_ranks_above_a_body_match(client, brochure):
    links = hit_links(results(client, "actuaire"))
    # "Actuaire" is the job's title; the concepteur's text only mentions actuaries.
    assert links.index("/metiers/actuaire/") < links.index(
        "/metiers/concepteur-technique-de-produit/"
    )


def test_it_says_which_word_it_corrected_and_links_to_the_exact_words(client, brochure):
    reading = element(results(client, "actuair"), "div", class_="search-reading")
    assert (
        "« actuair » ne figure pas dans le guide : nous avons cherché « actuaire » à la place ;"
        in texts(reading, "li")
    )
    assert hrefs(reading) == ["?q=actuair&exact=1"]


def test_the_exact_words_are_searched_without_correction(client, brochure):
    html = results(client, "actuair", exact="1")
    assert text(element(html, "p", class_="result-count")) == "0 résultat pour « actuair »."
    assert "« actuair »" in text(element(html, "div", class_="search-reading"))


def test_a_common_french_word_is_never_corrected_into_another(client, brochure):
    # "salaire" is one letter swap from "salarié", which the guide contains: a student
    # asking about pay must not get pages about employees.
    html = results(client, "salaire")
    assert text(element(html, "p", class_="result-count")) == "0 résultat pour « salaire »."
    assert "nous avons cherché" not in text(element(html, "div", class_="search-reading"))


def test_the_job_group_links_to_the_filtered_job_list(client, brochure):
    jobs = labelled(results(client, "opticiens"), "resultats-metier")
    assert hrefs(element(jobs, "p", class_="more")) == ["/metiers/?q=opticiens"]


def test_nothing_found_suggests_close_job_titles_and_the_filters(client, brochure):
    html = results(client, "infirmerie zzzz")
    assert text(element(html, "p", class_="result-count")) == "0 résultat pour « infirmerie zzzz »."
    notice = element(html, "div", class_="notice")
    paragraphs = texts(notice, "p")
    assert paragraphs[0] == "Les métiers dont le nom s’en approche le plus :"
    assert "/metiers/infirmier-coordinateur/" in hrefs(element(notice, "ul"))
    assert hrefs(notice)[-2:] == ["/metiers/", "/formations/"]


@pytest.mark.parametrize(
    ("q", "message"),
    [
        ("", "Saisissez un métier, un diplôme"),
        ("   ", "Saisissez un métier, un diplôme"),
        ("a", "trop courte"),
        ("é" * 500, "trop longue (500 caractères)"),
        ("le la les", "aucun mot utilisable"),
    ],
)
def test_an_unusable_query_gets_a_french_message(client, brochure, q, message):
    html = results(client, q)
    (status,) = elements(html, "p", role="status")
    assert message in text(status)
    assert len(elements(html, "h1")) == 1
    assert elements(html, "section", class_="search-group") == []


def test_the_header_field_keeps_the_query_on_the_search_page(client, brochure):
    field = element(results(client, "opticien"), "input", id="site-search-q")
    assert dict(field.attributes)["value"] == "opticien"
