"""/donnees/: CSV and JSON downloads of jobs, diplomas and their links, built from the
database on each request, with the fields, the licence and ONISEP's attribution."""

import csv
import io
import json

import pytest

from careers.models import Career, Pathway
from diplomas.models import Diploma
from diplomas.routes import routes_of
from opendata.exports import DATASETS

from .helpers import make_career, make_diploma
from .html_pages import element, elements, hrefs, page, text

pytestmark = pytest.mark.django_db


def download(client, name):
    response = client.get(f"/donnees/{name}")
    assert response.status_code == 200
    assert response["Content-Disposition"] == f'attachment; filename="{name}"'
    return response


def csv_rows(client, name):
    response = download(client, name)
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    raw = b"".join(response.streaming_content)
    assert raw.startswith("\ufeff".encode())
    return list(csv.reader(io.StringIO(raw.decode("utf-8-sig")), delimiter=";"))


def json_body(client, name):
    return json.loads(download(client, name).content)


def test_the_page_links_every_download_and_documents_every_field(client, brochure):
    document = page(client.get("/donnees/"))
    links = hrefs(element(document, "main"))
    for dataset in DATASETS.values():
        assert f"/donnees/{dataset.slug}.csv" in links
        assert f"/donnees/{dataset.slug}.json" in links
    documented = {text(code) for code in elements(element(document, "main"), "code")}
    for dataset in DATASETS.values():
        assert {column.name for column in dataset.columns} <= documented
    shown = text(element(document, "main"))
    assert "Licence Ouverte 2.0" in shown
    assert "ONISEP, Les métiers des mutuelles, 2009" in shown
    assert "/api/v1/docs/" in links


def test_the_jobs_csv_has_a_header_and_one_row_per_published_job(client, brochure):
    Career.objects.filter(slug="actuaire").update(is_published=False)
    header, *rows = csv_rows(client, "metiers.csv")
    assert header == [column.name for column in DATASETS["metiers"].columns]
    slugs = [row[0] for row in rows]
    assert sorted(slugs) == sorted(Career.objects.published().values_list("slug", flat=True))
    assert "actuaire" not in slugs


def test_the_csv_says_oui_non_and_leaves_unknown_empty(client, brochure):
    header, *rows = csv_rows(client, "formations.csv")
    by_slug = {row[0]: dict(zip(header, row, strict=True)) for row in rows}
    audio = by_slug["de-audioprothesiste"]
    assert audio["apprenticeship"] == ""
    assert audio["apprenticeship_source"] == "non-precise"
    assert audio["rncp_code"] == "RNCP36110"
    assert audio["rncp_code_source"] == "ajout"
    assert {row["apprenticeship"] for row in by_slug.values()} <= {"oui", "non", ""}


def test_the_files_are_never_stale(client, brochure):
    career = Career.objects.get(slug="actuaire")
    career.title_feminine = "Actuaire (nouveau)"
    career.save()
    header, *rows = csv_rows(client, "metiers.csv")
    assert ["Actuaire (nouveau)"] == [
        row[header.index("title_feminine")] for row in rows if row[0] == "actuaire"
    ]


@pytest.mark.parametrize("formula", ["=1+1", "+33 1 23", "-2+3", "@SUM(A1)", '=HYPERLINK("x")'])
def test_no_cell_can_run_as_a_spreadsheet_formula(client, db, formula):
    make_career(title_masculine=formula, lead="Un métier.")
    header, *rows = csv_rows(client, "metiers.csv")
    (row,) = rows
    assert row[header.index("title_masculine")] == "'" + formula
    assert not any(cell.startswith(("=", "+", "-", "@")) for cell in row)


def test_the_links_csv_lists_each_published_job_diploma_link(client, brochure):
    header, *rows = csv_rows(client, "metiers-formations.csv")
    assert header[:2] == ["career_slug", "diploma_slug"]
    assert len(rows) == Pathway.objects.published().count()


def test_each_job_diploma_link_names_its_routes_in_csv_and_json(client, brochure):
    header, *rows = csv_rows(client, "metiers-formations.csv")
    records = json_body(client, "metiers-formations.json")["data"]
    assert "routes" in header
    for row, record in zip(rows, records, strict=True):
        diploma = Diploma.objects.get(slug=record["diploma_slug"])
        expected = [fact.route.value for fact in routes_of(diploma)]
        assert record["routes"] == expected
        assert row[header.index("routes")] == "|".join(expected)
    assert any(len(record["routes"]) > 1 for record in records)


def test_every_page_links_the_open_data_page_and_the_api_docs_in_its_footer(client, brochure):
    for path in ["/", "/metiers/", "/formations/", "/donnees/"]:
        links = hrefs(element(page(client.get(path)), "footer"))
        assert "/donnees/" in links
        assert "/api/v1/docs/" in links


def test_the_json_files_carry_the_licence_the_fields_and_the_data(client, brochure):
    body = json_body(client, "formations.json")
    assert body["meta"]["licence"] == "Licence Ouverte 2.0"
    assert body["meta"]["attribution"] == "ONISEP, Les métiers des mutuelles, 2009"
    assert [field["name"] for field in body["fields"]] == list(body["data"][0])
    assert len(body["data"]) == Diploma.objects.published().count()
    audio = next(d for d in body["data"] if d["slug"] == "de-audioprothesiste")
    assert audio["apprenticeship"] is None
    assert audio["level"] == 3


def test_json_and_csv_hold_the_same_jobs(client, brochure):
    header, *rows = csv_rows(client, "metiers.csv")
    records = json_body(client, "metiers.json")["data"]
    assert [row[0] for row in rows] == [record["slug"] for record in records]


def test_a_new_diploma_is_in_the_next_download(client, db):
    diploma = make_diploma(short_name="Nouveau diplôme")
    assert diploma.slug in [row[0] for row in csv_rows(client, "formations.csv")[1:]]


@pytest.mark.parametrize("name", ["metiers.xlsx", "inconnu.csv", "metiers.csv.json"])
def test_an_unknown_download_is_a_404(client, db, name):
    assert client.get(f"/donnees/{name}").status_code == 404
