"""The schéma des formations as a picture: drawn from the diplomas, the list as its text."""

import pytest
from django.conf import settings

from diplomas.levels import Level
from diplomas.models import Diploma
from diplomas.schema import build_diagram, entries

from .helpers import make_diploma
from .html_pages import element, elements, texts
from .html_pages import page as parse

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("duration", "expected"),
    [
        ("2 ans après le bac", [(Level.BAC, 2)]),
        ("1 an après un bac + 2", [(Level.BAC_2, 1)]),
        ("5 ans après le bac ou 3 ans après un bac + 2", [(Level.BAC, 5), (Level.BAC_2, 3)]),
        ("Variable selon l’université", []),
        ("", []),
    ],
)
def test_the_routes_are_read_from_the_brochures_durations(duration, expected):
    assert entries(duration) == expected


def test_every_diploma_with_a_level_is_drawn_once_and_the_others_are_listed_apart(client, brochure):
    page = parse(client.get("/formations/schema/"))
    svg = element(page, "svg", class_="schema-svg")
    assert dict(svg.attributes)["aria-hidden"] == "true"
    drawn = elements(svg, "g", class_="diploma-box")
    assert len(drawn) == Diploma.objects.published().exclude(level=None).count()
    unlevelled = texts(page, "li")
    assert any(text.startswith("Diplôme de cadre de santé") for text in unlevelled)


def test_an_arrow_leads_to_each_diploma_prepared_after_a_bac_plus_n(brochure):
    diagram = build_diagram(Diploma.objects.published())
    # Licence pro (after a bac + 2), master pro (after a bac + 3), and the engineering or
    # business school (also after a bac + 2), as the brochure's durations say.
    assert len(diagram.arrows) == 3
    boxes = {box.diploma.slug: box for box in diagram.boxes}
    for slug in ["licence-pro", "master-pro", "ecole-ingenieur-commerce"]:
        box = boxes[slug]
        assert any(arrow.x == box.x + box.width // 2 for arrow in diagram.arrows), slug


def test_no_two_boxes_overlap_and_no_arrow_runs_through_a_box(brochure):
    diagram = build_diagram(Diploma.objects.published())
    boxes = diagram.boxes
    for index, a in enumerate(boxes):
        for b in boxes[index + 1 :]:
            apart = (
                a.x + a.width <= b.x
                or b.x + b.width <= a.x
                or a.y + a.height <= b.y
                or b.y + b.height <= a.y
            )
            assert apart, (a.diploma, b.diploma)
    for arrow in diagram.arrows:
        for box in boxes:
            inside_x = box.x < arrow.x < box.x + box.width
            crosses = box.y < arrow.y1 and box.y + box.height > arrow.y2 + 6
            assert not (inside_x and crosses), box.diploma


def test_a_diploma_an_editor_adds_appears_on_its_rung(brochure):
    make_diploma(short_name="BTS nouveau", level=2, duration="2 ans après le bac")
    diagram = build_diagram(Diploma.objects.published())
    (box,) = [box for box in diagram.boxes if box.diploma.short_name == "BTS nouveau"]
    rung_y = {level: y for level, _, _, y in diagram.rungs}[Level.BAC_2]
    assert rung_y < box.y < rung_y + 98
    assert [line for _, line, _ in box.lines] == ["BTS nouveau", "2 ans après le bac"]


def test_the_drawing_scrolls_in_its_own_focusable_region_and_its_text_stays_readable(
    client, brochure
):
    html = parse(client.get("/formations/schema/"))
    region = element(html, "div", class_="schema-scroll")
    attrs = dict(region.attributes)
    assert attrs["tabindex"] == "0" and attrs["role"] == "region" and attrs["aria-label"]
    svg = dict(element(region, "svg").attributes)
    width = build_diagram(Diploma.objects.published()).width
    # The smallest text is 11 units: drawn at least 12 px wide per 11 units.
    assert int(svg["width"]) * 11 >= width * 12
    css = (settings.BASE_DIR / "static" / "css" / "site.css").read_text()
    assert ".schema-scroll { overflow-x: auto;" in css
    assert ".route { font-size: 11px;" in css
