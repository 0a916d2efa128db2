"""schema.org JSON-LD, read back with extruct as a search engine would, and checked against
what the page itself shows."""

import extruct
import pytest
from django.test import override_settings

from careers.models import Career
from diplomas.models import Diploma

from .helpers import make_career, make_diploma
from .html_pages import element, elements, labelled, page, text

pytestmark = pytest.mark.django_db


def squashed(value):
    """Text without spaces: Django's HTML parser drops some around inline elements."""
    return value.replace(" ", "")


def json_ld(response):
    assert response.status_code == 200
    return extruct.extract(response.content.decode(), syntaxes=["json-ld"])["json-ld"]


def of_type(items, type_):
    (found,) = [item for item in items if item["@type"] == type_]
    return found


def test_a_job_page_carries_its_occupation(client, brochure):
    response = client.get("/metiers/technicien-en-prestations/")
    occupation = of_type(json_ld(response), "Occupation")
    document = page(response)
    h1 = element(document, "h1")
    assert occupation["@context"] == "https://schema.org"
    assert occupation["name"] == "Technicien en prestations"
    assert occupation["alternateName"] == "Technicienne en prestations"
    assert squashed(f"{occupation['name']} / {occupation['alternateName']}") == squashed(text(h1))
    assert occupation["description"] == text(element(document, "p", class_="lead"))
    assert occupation["occupationLocation"] == [{"@type": "Country", "name": "France"}]
    assert occupation["url"] == "http://testserver/metiers/technicien-en-prestations/"
    assert "occupationalCategory" not in occupation  # no ROME code confirmed yet


def test_the_occupation_s_education_requirements_are_the_page_s_access_table(client, brochure):
    response = client.get("/metiers/technicien-en-prestations/")
    occupation = of_type(json_ld(response), "Occupation")
    table = element(labelled(page(response), "acces-legende").children[0], "tbody")
    rows = elements(table, "tr")
    requirements = occupation["educationRequirements"]
    assert len(requirements) == len(rows)
    for requirement, row in zip(requirements, rows, strict=True):
        assert requirement["@type"] == "EducationalOccupationalCredential"
        assert squashed(text(element(row, "th"))).startswith(squashed(requirement["name"]))
        assert squashed(requirement["educationalLevel"]) in squashed(text(elements(row, "td")[0]))
        assert requirement["credentialCategory"]
        assert requirement["url"].startswith("http://testserver/formations/")


def test_an_epicene_job_has_no_alternate_name_and_its_qualifications_show(client, brochure):
    response = client.get("/metiers/actuaire/")
    occupation = of_type(json_ld(response), "Occupation")
    assert "alternateName" not in occupation
    career = Career.objects.get(slug="actuaire")
    expected = career.entry_note or f"Niveau d’accès : {career.level_label}"
    assert occupation["qualifications"] == expected
    assert expected.split(" : ")[0] in text(page(response))


def test_a_known_rome_code_is_the_occupational_category(client, db):
    career = make_career(
        rome_code="M1201",
        rome_code_source="ajout",
        addition_reason="Code ROME de la fiche.",
        addition_source="France Travail, fiche ROME M1201",
        added_by="test",
        added_on="2026-11-30",
    )
    occupation = of_type(json_ld(client.get(career.get_absolute_url())), "Occupation")
    assert occupation["occupationalCategory"] == {
        "@type": "CategoryCode",
        "codeValue": "M1201",
        "inCodeSet": {"@type": "CategoryCodeSet", "name": "ROME 4.0"},
    }


def test_a_diploma_page_carries_its_credential_with_its_rncp_code(client, brochure):
    response = client.get("/formations/de-audioprothesiste/")
    credential = of_type(json_ld(response), "EducationalOccupationalCredential")
    document = page(response)
    assert credential["name"] == text(element(document, "h1"))
    assert credential["educationalLevel"] == "bac + 3 (niveau 6)"
    assert credential["credentialCategory"] == "Diplôme d’État"
    assert credential["identifier"] == {
        "@type": "PropertyValue",
        "propertyID": "RNCP",
        "value": "RNCP36110",
    }
    assert "RNCP36110" in text(document)


def test_every_page_below_the_home_carries_its_breadcrumb_list(client, brochure):
    response = client.get("/metiers/actuaire/")
    crumbs = of_type(json_ld(response), "BreadcrumbList")["itemListElement"]
    visible = [
        text(li) for li in elements(element(page(response), "nav", class_="breadcrumb"), "li")
    ]
    assert [crumb["name"] for crumb in crumbs] == visible
    assert [crumb["position"] for crumb in crumbs] == list(range(1, len(visible) + 1))
    assert crumbs[0]["item"] == "http://testserver/"
    assert crumbs[-1]["item"] == "http://testserver/metiers/actuaire/"


def test_the_home_page_carries_the_website_and_its_search_action(client, brochure):
    website = of_type(json_ld(client.get("/")), "WebSite")
    action = website["potentialAction"]
    assert website["url"] == "http://testserver/"
    assert action["@type"] == "SearchAction"
    template = action["target"]["urlTemplate"]
    assert template == "http://testserver/recherche/?q={search_term_string}"
    assert action["query-input"] == "required name=search_term_string"
    assert client.get(template.replace("{search_term_string}", "actuaire")).status_code == 200


def test_no_text_can_close_the_json_ld_script(client, db):
    attack = "</script><script>alert(1)</script><!--"
    career = make_career(title_masculine=attack, lead=f"Chapô {attack} & fin")
    response = client.get(career.get_absolute_url())
    html = response.content.decode()
    assert "<script>alert(1)" not in html
    assert html.count("</script>") == html.count('<script type="application/ld+json">')
    assert of_type(json_ld(response), "Occupation")["name"] == attack


@override_settings(DEBUG=False)
def test_json_ld_blocks_are_data_the_content_security_policy_allows(client, brochure):
    response = client.get("/metiers/actuaire/")
    policy = response["Content-Security-Policy"]
    assert "'unsafe-inline'" not in policy
    scripts = elements(page(response), "script")
    assert scripts
    assert all(dict(s.attributes).get("type") == "application/ld+json" for s in scripts)


def test_a_diploma_without_a_level_states_none(client, db):
    diploma = make_diploma(level=None, diploma_type="cqp")
    credential = of_type(
        json_ld(client.get(diploma.get_absolute_url())), "EducationalOccupationalCredential"
    )
    assert credential["educationalLevel"] == Diploma.objects.get(pk=diploma.pk).level_label
