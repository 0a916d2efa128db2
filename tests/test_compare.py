"""Jobs side by side at /metiers/comparer/?m=…&m=…, ticked from the job list."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from careers.models import Career

from .helpers import make_career, make_diploma, make_family, make_testimonial
from .html_pages import element, elements, hrefs, options, page, text, texts

pytestmark = pytest.mark.django_db

URL = "/metiers/comparer/"


def compare(client, *slugs):
    return page(client.get(URL, {"m": list(slugs)}))


def notes(html):
    found = elements(html, "ul", class_="compare-notes")
    return texts(found[0], "li") if found else []


def row(table, header):
    """The cells of the row whose header reads `header`, as text without the job names
    a phone shows in each cell."""
    for tr in elements(element(table, "tbody"), "tr"):
        if text(element(tr, "th")) == header:
            cells = elements(tr, "td")
            for cell in cells:
                cell.children = [c for c in cell.children if not _is_job_name(c)]
            return [text(cell) for cell in cells]
    raise AssertionError(f"no row {header!r}")


def _is_job_name(node):
    return getattr(node, "name", None) == "span" and ("class", "compare-job") in node.attributes


def test_two_jobs_are_compared_in_a_table_with_row_and_column_headers(client, brochure):
    html = compare(client, "actuaire", "opticien")
    table = element(html, "table", class_="compare-table")
    assert text(element(table, "caption")).startswith("2 métiers côte à côte")
    columns = elements(element(table, "thead"), "th", scope="col")
    assert [text(th) for th in columns] == ["Actuaire", "Opticien"]
    assert hrefs(element(table, "thead")) == ["/metiers/actuaire/", "/metiers/opticien/"]
    assert texts(element(table, "tbody"), "th", scope="row") == [
        "Famille",
        "Intitulés",
        "Niveau d’accès",
        "Diplômes et voies d’accès",
        "Témoignage",
        "En bref",
    ]


def test_each_row_gives_each_job_its_own_facts(client, brochure):
    actuaire = Career.objects.for_detail().get(slug="actuaire")
    opticien = Career.objects.for_detail().get(slug="opticien")
    table = element(compare(client, "actuaire", "opticien"), "table")
    assert row(table, "Famille") == [actuaire.family.name, opticien.family.name]
    assert row(table, "Intitulés") == [
        "Actuaire",  # the same word in the feminine
        f"Opticien (au féminin, {opticien.title_feminine})",
    ]
    assert row(table, "Niveau d’accès") == [
        actuaire.level_label[0].upper() + actuaire.level_label[1:],
        opticien.level_label[0].upper() + opticien.level_label[1:],
    ]
    assert row(table, "En bref") == [actuaire.lead, opticien.lead]
    testimonial = actuaire.testimonial
    assert row(table, "Témoignage")[0] == (
        f"{testimonial.first_name}, {testimonial.job_title}, {testimonial.employer}"
    )


def test_each_diploma_is_listed_with_its_level_and_its_routes(client):
    bts = make_diploma(short_name="BTS", diploma_type="bts", apprenticeship=True)
    cqp = make_diploma(short_name="CQP conseiller", diploma_type="cqp", level=None)
    first, second = make_career(diplomas=[bts]), make_career(diplomas=[cqp])
    table = element(compare(client, first.slug, second.slug), "table")
    assert row(table, "Diplômes et voies d’accès") == [
        "BTS, bac + 2 (niveau 5) ; Formation initiale, Apprentissage",
        "CQP conseiller, niveau non précisé ; Contrat de professionnalisation, "
        "Promotion interne (salariés en poste, CQP)",
    ]


def test_a_job_without_testimonial_says_so(client):
    first, second = make_career(), make_career()
    make_testimonial(first, first_name="Léa", employer="MGEN", job_title="actuaire")
    table = element(compare(client, first.slug, second.slug), "table")
    assert row(table, "Témoignage") == ["Léa, actuaire, MGEN", "Pas de témoignage"]


def test_slugs_are_read_in_any_letter_case(client, brochure):
    html = compare(client, "Actuaire", " OPTICIEN ")
    assert texts(element(html, "thead"), "th") == ["Actuaire", "Opticien"]


@pytest.mark.parametrize(
    ("slugs", "note"),
    [
        (
            ["actuaire", "licorne", "opticien"],
            "Aucun métier publié ne porte l’identifiant « licorne »",
        ),
        (["actuaire", "<script>", "opticien"], "« <script> » n’est pas l’identifiant d’un métier"),
        (["actuaire", "opticien", "actuaire"], "« actuaire » est demandé plusieurs fois"),
        (["actuaire", "x" * 300, "opticien"], f"« {'x' * 39}… » n’est pas l’identifiant"),
    ],
    ids=["unknown", "malformed", "duplicated", "overlong"],
)
def test_a_bad_slug_is_left_out_and_named(client, brochure, slugs, note):
    html = compare(client, *slugs)
    (shown,) = notes(html)
    assert shown.startswith(note)
    assert texts(element(html, "thead"), "th") == ["Actuaire", "Opticien"]


def test_an_unpublished_job_is_left_out_and_named(client, brochure):
    Career.objects.filter(slug="webmestre").update(is_published=False)
    html = compare(client, "actuaire", "webmestre", "opticien")
    assert notes(html) == ["Aucun métier publié ne porte l’identifiant « webmestre » : ignoré."]
    assert "Webmestre" not in text(element(html, "table"))


def test_more_than_four_jobs_keeps_the_first_four_and_says_so(client, brochure):
    slugs = ["actuaire", "opticien", "webmestre", "audioprothesiste", "educateur-specialise"]
    html = compare(client, *slugs)
    assert len(elements(element(html, "thead"), "th")) == 4
    (note,) = notes(html)
    assert note.startswith("On compare au plus 4 métiers : les 4 premiers sont gardés ;")
    assert note.endswith("Éducateur spécialisé est laissé de côté.")


@pytest.mark.parametrize("slugs", [[], ["actuaire"], ["licorne", "dragon"], [""]])
def test_fewer_than_two_jobs_explains_what_to_do(client, brochure, slugs):
    response = client.get(URL, {"m": slugs})
    html = page(response)
    assert not elements(html, "table")
    main = text(element(html, "main"))
    assert "Il en faut au moins 2." in main
    assert "cochez de 2 à 4 métiers, puis appuyez sur « Comparer »" in main
    assert "/metiers/" in hrefs(element(html, "main"))


def test_the_job_list_ticks_jobs_into_a_plain_get_form_to_the_comparison(client, brochure):
    html = page(client.get("/metiers/"))
    form = element(html, "form", id="comparer")
    assert dict(form.attributes)["method"] == "get"
    assert dict(form.attributes)["action"] == URL
    assert texts(form, "button") == ["Comparer"]
    boxes = elements(html, "input", type="checkbox", name="m", form="comparer")
    assert len(boxes) == 12
    assert dict(boxes[0].attributes)["value"] == Career.objects.published().first().slug


def test_the_ticked_boxes_submit_the_comparison_address(client, brochure):
    # What the browser sends for two ticked boxes of the form above.
    html = page(client.get(f"{URL}?m=actuaire&m=opticien"))
    assert len(elements(element(html, "thead"), "th")) == 2


def test_a_job_from_another_page_of_the_list_can_be_added_to_the_comparison(client, brochure):
    published = list(Career.objects.published())
    first, last = published[0], published[-1]
    html = compare(client, first.slug, published[1].slug)
    form = element(html, "form", class_="compare-add")
    assert dict(form.attributes)["method"] == "get"
    assert dict(form.attributes)["action"] == URL
    hidden = elements(form, "input", type="hidden", name="m")
    assert [dict(i.attributes)["value"] for i in hidden] == [first.slug, published[1].slug]
    offered = [value for value, _ in options(form, "m")]
    assert last.slug in offered
    assert first.slug not in offered
    assert len(offered) == len(published) - 2
    assert texts(form, "button") == ["Ajouter à la comparaison"]
    # What the browser sends once the last job of the list is chosen.
    html = compare(client, first.slug, published[1].slug, last.slug)
    columns = elements(element(html, "thead"), "th", scope="col")
    assert [text(th) for th in columns] == [c.title_masculine for c in (*published[:2], last)]


def test_four_compared_jobs_offer_no_fifth(client, brochure):
    slugs = Career.objects.published().values_list("slug", flat=True)[:4]
    html = compare(client, *slugs)
    assert not elements(html, "form", class_="compare-add")


def test_the_comparison_runs_at_most_four_queries_whatever_the_number_of_jobs(client):
    family = make_family()
    careers = []
    for _ in range(4):
        career = make_career(family=family, diplomas=[make_diploma(), make_diploma()])
        make_testimonial(career)
        careers.append(career)
    counts = []
    for n in (2, 3, 4):
        with CaptureQueriesContext(connection) as ctx:
            response = client.get(URL, {"m": [c.slug for c in careers[:n]]})
        assert response.status_code == 200
        counts.append(len(ctx.captured_queries))
    # Four jobs fill the comparison: the form to add one more, and its query, go away.
    assert counts[0] == counts[1] <= 4
    assert counts[2] <= counts[1]
