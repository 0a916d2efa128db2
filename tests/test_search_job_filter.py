"""The job-list keyword filter and the search page use one engine and never disagree."""

import pytest

from careers.models import Career
from careers.search import filter_careers
from search.engine import search

from .test_search_finds import TABLE

pytestmark = pytest.mark.django_db

QUERIES = sorted({row[0] for row in TABLE}) + ["métier", "mutuelle", "gestion", "zzzz"]


def searched_jobs(q):
    groups = search(q, per_group=1000).groups
    return {hit.url for group in groups if group.kind == "metier" for hit in group.hits}


@pytest.mark.parametrize("q", QUERIES)
def test_the_job_filter_and_the_search_find_the_same_jobs(brochure, q):
    filtered, _query = filter_careers(Career.objects.for_list(), q)
    assert {career.get_absolute_url() for career in filtered} == searched_jobs(q)


@pytest.mark.parametrize("q", ["éducatrices", "opticiens", "mutuelle", "zzzz"])
def test_the_job_list_counts_as_many_jobs_as_the_search_page(client, brochure, q):
    listed = client.get("/metiers/", {"q": q}).context["paginator"].count
    groups = client.get("/recherche/", {"q": q}).context["results"].groups
    assert listed == sum(group.total for group in groups if group.kind == "metier")


def test_the_job_list_finds_educatrice(client, brochure):
    careers = client.get("/metiers/", {"q": "éducatrices"}).context["careers"]
    assert [career.slug for career in careers] == ["educateur-specialise"]
