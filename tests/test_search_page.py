"""The search page: grouped, ranked results with highlighted excerpts, in French."""

import re

import pytest

pytestmark = pytest.mark.django_db


def page(client, q):
    response = client.get("/recherche/", {"q": q})
    assert response.status_code == 200
    return response.content.decode()


def test_every_page_has_a_labelled_search_form_leading_to_the_search_page(client, brochure):
    for url in ["/", "/metiers/", "/formations/bts/", "/temoignages/"]:
        html = client.get(url).content.decode()
        form = re.search(r'<form class="site-search" role="search" method="get"[^>]*>', html)
        assert form and 'action="/recherche/"' in form.group()
        assert '<label for="site-search-q">' in html
        assert 'id="site-search-q" name="q"' in html


def test_it_groups_results_into_jobs_diplomas_and_testimonials(client, brochure):
    html = page(client, "infirmière")
    assert html.count("<h1") == 1
    jobs, diplomas, testimonials = (
        html.index(f'id="resultats-{kind}"') for kind in ["metier", "formation", "temoignage"]
    )
    assert jobs < diplomas < testimonials
    assert 'href="/metiers/infirmier-coordinateur/"' in html
    assert 'href="/formations/de-infirmier/"' in html


def test_it_highlights_the_matched_words_in_the_excerpt(client, brochure):
    html = page(client, "surdité")
    assert "<mark>surdité</mark>" in html


def test_a_title_match_ranks_above_a_body_match(client, brochure):
    html = page(client, "actuaire")
    # "Actuaire" is the job's title; the concepteur's text only mentions actuaries.
    assert html.index('href="/metiers/actuaire/"') < html.index(
        'href="/metiers/concepteur-technique-de-produit/"'
    )


def test_it_says_which_word_it_corrected(client, brochure):
    html = page(client, "actuair")
    assert "« actuair » ne figure pas dans le guide : nous avons cherché « actuaire »" in html


def test_the_job_group_links_to_the_filtered_job_list(client, brochure):
    assert 'href="/metiers/?q=opticiens"' in page(client, "opticiens")


def test_nothing_found_suggests_close_job_titles_and_the_filters(client, brochure):
    html = page(client, "infirmerie zzzz")
    assert "Aucun résultat pour « infirmerie zzzz »" in html
    assert "Les métiers dont le nom s'en approche le plus" in html
    assert 'href="/metiers/infirmier-coordinateur/"' in html
    assert 'href="/metiers/"' in html and 'href="/formations/"' in html


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
    html = page(client, q)
    assert message in html
    assert html.count("<h1") == 1


def test_the_header_field_keeps_the_query_on_the_search_page(client, brochure):
    assert 'value="opticien"' in page(client, "opticien")
