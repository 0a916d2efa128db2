"""No page grows with the content: with 100 times the brochure's jobs, diplomas and
testimonials, the family and job pages stay small and their query count flat."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from careers.management.commands.build_bench_content import multiply_content
from careers.models import Career, Family

from .html_pages import elements, hrefs, page

pytestmark = pytest.mark.django_db

MAX_BYTES = 30_000
BUDGET = 4


def fetch(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return response, len(queries.captured_queries)


# One test, as building the content takes half a minute; it is rolled back afterwards.
def test_with_100_times_the_content_family_and_job_pages_stay_small(client):
    multiply_content(100)

    family = Family.objects.get(slug="gestion-des-adherents")
    assert family.careers.count() > 100
    response, queries = fetch(client, family.get_absolute_url())
    assert len(response.content) <= MAX_BYTES
    assert queries <= BUDGET
    # A page of jobs, then a link to all of them.
    assert len(elements(page(response), "h3")) <= 24
    assert f"/metiers/?famille={family.slug}" in hrefs(page(response))

    job = Career.objects.get(slug="actuaire")
    response, queries = fetch(client, job.get_absolute_url())
    assert len(response.content) <= MAX_BYTES
    assert queries <= BUDGET
    assert f"/metiers/?famille={job.family.slug}" in hrefs(page(response))
