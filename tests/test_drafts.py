import pytest

from careers.models import Career, Family
from diplomas.models import Diploma

from .helpers import make_career, make_diploma, make_testimonial

pytestmark = pytest.mark.django_db


def test_it_hides_an_unpublished_job_everywhere(client, brochure):
    Career.objects.filter(slug="actuaire").update(is_published=False)
    assert client.get("/metiers/actuaire/").status_code == 404
    assert (
        "Actuaire"
        not in client.get(
            "/metiers/?niveau=5&famille=developpement-du-produit-et-etude-du-risque"
        ).content.decode()
    )
    assert 'href="/metiers/actuaire/"' not in client.get("/formations/master-pro/").content.decode()
    assert "Patrice" not in client.get("/temoignages/").content.decode()
    assert (
        'href="/metiers/actuaire/"'
        not in client.get("/metiers/concepteur-technique-de-produit/").content.decode()
    )


def test_it_hides_an_unpublished_diploma_everywhere(client, brochure):
    Diploma.objects.filter(slug="deust").update(is_published=False)
    assert client.get("/formations/deust/").status_code == 404
    assert 'href="/formations/deust/"' not in client.get("/formations/").content.decode()
    assert 'href="/formations/deust/"' not in client.get("/formations/schema/").content.decode()
    assert (
        'href="/formations/deust/"'
        not in client.get("/metiers/animateur-prevention/").content.decode()
    )


def test_it_hides_an_unpublished_family_and_its_jobs(client, brochure):
    Family.objects.filter(slug="autres-metiers").update(is_published=False)
    assert client.get("/familles/autres-metiers/").status_code == 404
    assert client.get("/metiers/webmestre/").status_code == 404
    html = client.get("/metiers/").content.decode()
    assert "Les autres métiers des mutuelles" not in html  # gone from the family filter too


def test_an_unpublished_testimonial_leaves_the_job_page(client, db):
    diploma = make_diploma()
    career = make_career(diplomas=[diploma])
    make_testimonial(career, first_name="Zoé", is_published=False)
    assert "Zoé" not in client.get(career.get_absolute_url()).content.decode()
    assert "Zoé" not in client.get("/temoignages/").content.decode()
