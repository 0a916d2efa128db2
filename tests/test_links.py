"""Every job links to its diplomas, and every diploma links back to its jobs."""

import pytest

from careers.models import Pathway

from .html_pages import elements, hrefs, labelled, page

pytestmark = pytest.mark.django_db


def test_every_job_diploma_link_works_both_ways(client, brochure):
    pages = {}

    def links(url, region):
        if url not in pages:
            pages[url] = page(client.get(url))
        return hrefs(labelled(pages[url], region))

    for pathway in Pathway.objects.select_related("career", "diploma"):
        career, diploma = pathway.career.get_absolute_url(), pathway.diploma.get_absolute_url()
        assert diploma in links(career, "diplomes-titre"), pathway
        assert career in links(diploma, "metiers-titre"), pathway


def test_the_testimonials_page_links_each_person_to_their_job(client, brochure):
    cards = elements(page(client.get("/temoignages/")), "article", class_="testimonial")
    linked = {href for card in cards for href in hrefs(card)}
    expected = {
        pathway.career.get_absolute_url()
        for pathway in Pathway.objects.filter(career__testimonial__isnull=False).select_related(
            "career"
        )
    }
    assert linked == expected
    assert len(cards) == 12
