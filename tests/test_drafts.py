import pytest

from careers.models import Career, Family
from diplomas.models import Diploma

from .helpers import make_career, make_diploma, make_testimonial
from .html_pages import element, elements, hrefs, options, page, text, texts

pytestmark = pytest.mark.django_db


def links_on(client, url):
    return hrefs(page(client.get(url)))


def test_it_hides_an_unpublished_job_everywhere(client, brochure):
    Career.objects.filter(slug="actuaire").update(is_published=False)
    assert client.get("/metiers/actuaire/").status_code == 404
    listed = page(
        client.get("/metiers/?niveau=5&famille=developpement-du-produit-et-etude-du-risque")
    )
    titles = texts(listed, "h2", class_="card-title")
    assert titles and "Actuaire" not in titles
    assert "/metiers/actuaire/" not in links_on(client, "/formations/master-pro/")
    people = texts(page(client.get("/temoignages/")), "h2", class_="card-title")
    assert len(people) == 11
    assert not [person for person in people if person.startswith("Patrice,")]
    assert "/metiers/actuaire/" not in links_on(client, "/metiers/concepteur-technique-de-produit/")


def test_it_hides_an_unpublished_diploma_everywhere(client, brochure):
    Diploma.objects.filter(slug="deust").update(is_published=False)
    assert client.get("/formations/deust/").status_code == 404
    for url in ["/formations/", "/formations/schema/", "/metiers/animateur-prevention/"]:
        links = links_on(client, url)
        assert "/formations/bts/" in links, url  # the page still lists its other diplomas
        assert "/formations/deust/" not in links, url


def test_it_hides_an_unpublished_family_and_its_jobs(client, brochure):
    Family.objects.filter(slug="autres-metiers").update(is_published=False)
    assert client.get("/familles/autres-metiers/").status_code == 404
    assert client.get("/metiers/webmestre/").status_code == 404
    families = options(page(client.get("/metiers/")), "famille")
    assert ("gestion-des-adherents", "Gestion des adhérents") in families
    assert [value for value, _ in families if value == "autres-metiers"] == []


def test_an_unpublished_testimonial_leaves_the_job_page(client, db):
    diploma = make_diploma()
    career = make_career(diplomas=[diploma])
    make_testimonial(career, first_name="Zoé", is_published=False)
    job = page(client.get(career.get_absolute_url()))
    assert elements(job, "section", class_="testimonial") == []
    assert text(element(job, "h1")).startswith(career.title_masculine)
    assert texts(page(client.get("/temoignages/")), "article", class_="testimonial") == []
