"""No page grows with the content: with 100 times the brochure's jobs, diplomas and
testimonials, every public page stays small and within the query budget."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from careers.management.commands.build_bench_content import multiply_content
from careers.models import Career, Family
from diplomas.models import Diploma

from .html_pages import elements, hrefs, labelled, page

pytestmark = pytest.mark.django_db

MAX_BYTES = 30_000
BUDGET = 4


def fetch(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return response, len(queries.captured_queries)


# A page of each kind, and the lists' first, far and filtered pages.
URLS = [
    "/",
    "/metiers/",
    "/metiers/?page=100",
    "/metiers/?niveau=2&famille=gestion-des-adherents",
    "/metiers/?formation=bts",
    "/metiers/actuaire/",
    "/metiers/comparer/?m=actuaire&m=opticien",
    "/familles/",
    "/familles/gestion-des-adherents/",
    "/formations/",
    "/formations/?page=20",
    "/formations/bts/",
    "/formations/schema/",
    "/temoignages/",
    "/temoignages/?page=50",
    "/recherche/?q=actuaire",
]


# One test, as building the content takes half a minute; it is rolled back afterwards.
def test_with_100_times_the_content_every_public_page_stays_small(client):
    multiply_content(100)

    too_big = {}
    for url in URLS:
        response, queries = fetch(client, url)
        if len(response.content) > MAX_BYTES or queries > BUDGET:
            too_big[url] = (len(response.content), queries)
    assert too_big == {}, "(bytes, queries) over the budget"

    family = Family.objects.get(slug="gestion-des-adherents")
    assert family.careers.count() > 100
    response, _ = fetch(client, family.get_absolute_url())
    # A page of jobs, then a link to all of them.
    assert len(elements(page(response), "h3")) <= 24
    assert f"/metiers/?famille={family.slug}" in hrefs(page(response))

    job = Career.objects.get(slug="actuaire")
    response, _ = fetch(client, job.get_absolute_url())
    assert f"/metiers/?famille={job.family.slug}" in hrefs(page(response))

    # The diploma's first jobs, then their total and a link to all of them, which lists them.
    diploma = Diploma.objects.get(slug="bts")
    response, _ = fetch(client, diploma.get_absolute_url())
    jobs = labelled(page(response), "metiers-titre")
    assert f"/metiers/?formation={diploma.slug}" in hrefs(jobs)
    assert len(elements(jobs, "li")) <= 20
    response, _ = fetch(client, f"/metiers/?formation={diploma.slug}")
    assert response.context["paginator"].count > 100

    # The schéma's rungs, too, link to the rest.
    response, _ = fetch(client, "/formations/schema/")
    assert "/formations/?niveau=2" in hrefs(page(response))
