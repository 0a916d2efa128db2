"""Every public page runs at most 4 queries, whatever the amount of content."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from .helpers import make_career, make_diploma, make_family, make_speciality, make_testimonial

pytestmark = pytest.mark.django_db

BUDGET = 4


def add_content(family, diploma, n):
    make_family()  # one more on the families index
    for _ in range(n):
        other = make_diploma()
        make_speciality(diploma)
        career = make_career(family=family, diplomas=[diploma, other])
        make_testimonial(career)


def queries_for(client, url):
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(ctx.captured_queries)


@pytest.mark.parametrize(
    "url",
    [
        "/",
        "/metiers/",
        "/metiers/?niveau=3&type_diplome=bts&famille={family}&q=M%C3%A9tier",
        "/metiers/?page=2",
        "/metiers/?voie=apprentissage&tri=niveau&famille={family}",
        "/metiers/?tri=titre",
        "/metiers/?formation={diploma}",
        "/metiers/{career}/",
        "/metiers/{career}/?depuis=niveau%3D2%26voie%3Dformation-initiale",
        "/familles/",
        "/familles/{family}/",
        "/temoignages/",
        "/temoignages/?page=2",
        "/formations/",
        "/formations/?niveau=2&categorie=national&apprentissage=non-precise",
        "/formations/?voie=apprentissage",
        "/formations/{diploma}/",
        "/formations/schema/",
        "/recherche/?q=m%C3%A9tiers",
        "/recherche/?q=metiere+famile",
        "/recherche/?q=introuvable",
    ],
)
def test_the_query_count_stays_flat_when_content_doubles(client, url):
    family, diploma = make_family(), make_diploma(diploma_type="bts")
    add_content(family, diploma, 10)
    career = family.careers.first()
    url = url.format(family=family.slug, career=career.slug, diploma=diploma.slug)
    with_10 = queries_for(client, url)
    add_content(family, diploma, 10)
    with_20 = queries_for(client, url)
    assert with_10 == with_20
    assert with_20 <= BUDGET
