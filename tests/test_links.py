"""Every job links to its diplomas, and every diploma links back to its jobs."""

import pytest

from careers.models import Pathway

pytestmark = pytest.mark.django_db


def test_every_job_diploma_link_works_both_ways(client, brochure):
    for pathway in Pathway.objects.select_related("career", "diploma"):
        job_page = client.get(pathway.career.get_absolute_url()).content.decode()
        assert f'href="{pathway.diploma.get_absolute_url()}"' in job_page, pathway
        diploma_page = client.get(pathway.diploma.get_absolute_url()).content.decode()
        assert f'href="{pathway.career.get_absolute_url()}"' in diploma_page, pathway


def test_the_testimonials_page_links_each_person_to_their_job(client, brochure):
    html = client.get("/temoignages/").content.decode()
    for pathway in Pathway.objects.filter(career__testimonial__isnull=False).select_related(
        "career"
    ):
        assert f'href="{pathway.career.get_absolute_url()}"' in html
