"""Names, places and figures in the fixtures are exactly the brochure's (tests/brochure_facts.py).

Dated editor notes (`since_2009`) are the one place where a figure the brochure does not give
may appear, and each must say when.
"""

import datetime
import re

import pytest

from tests.brochure_facts import BROCHURE_FIGURES, FAMILIES, FIGURES, JOBS, TESTIMONIALS
from tests.fixture_prose import PROSE_FIELDS, QUOTE_FIELDS, brochure_text, fields_of, texts

# Digits standing alone or after a space ("3e année" counts, "ST2S" does not), with their
# thousands groups however they are spaced: "30 000", "30\u00a0000", "30\u202f000" (the
# brochure itself uses a thin space, "30\u2009000"), but never across a line break.
NUMBER = re.compile(r"(?<!\w)\d+(?:[^\S\n]\d{3})*")
DATED_NOTE = re.compile(r"(?:Depuis|En|Dès|À partir de) (\d{4})\b")


def numbers(text):
    return [re.sub(r"\s", " ", number) for number in NUMBER.findall(text)]


def same_apostrophes(text):
    return text.replace("'", "’")


def one_line(text):
    return " ".join(text.split())


def test_numbers_are_read_whole_whatever_space_separates_the_thousands():
    assert numbers("30\u202f000, 30\u00a0000, 30\u2009000 ou 30 000") == ["30 000"] * 4
    assert numbers("1 450 heures, 10/20, en 3e année, bac ST2S") == ["1 450", "10", "20", "3"]


def test_the_families_have_the_brochures_names():
    assert {f["slug"]: f["name"] for f in fields_of("careers.family")} == FAMILIES


def test_every_job_has_the_brochures_titles_and_family():
    found = {
        job["slug"]: (
            same_apostrophes(job["title_masculine"]),
            same_apostrophes(job["title_feminine"]),
            *job["family"],
        )
        for job in fields_of("careers.career")
    }
    assert found == JOBS


def test_every_testimonial_keeps_the_brochures_name_job_employer_and_place():
    found = {
        t["slug"]: (
            *t["career"],
            t["first_name"],
            same_apostrophes(t["job_title"]),
            t["employer"],
            t["town"],
            t["department"],
        )
        for t in fields_of("careers.testimonial")
    }
    assert found == TESTIMONIALS


def test_the_table_of_testimonials_is_the_brochures_headings():
    brochure = one_line(brochure_text())
    for _, first_name, job, employer, town, department in TESTIMONIALS.values():
        heading = f"{first_name}, {job}, {employer}, {town} ({department})"
        assert heading in brochure, heading


def test_every_figure_of_the_table_is_in_the_brochure():
    in_brochure = set(numbers(brochure_text()))
    for slug, figures in FIGURES.items():
        assert figures <= in_brochure, (slug, figures - in_brochure)


def test_every_item_of_the_fixtures_has_its_figures_in_the_table():
    slugs = {slug for _, slug, _, _ in texts(PROSE_FIELDS, QUOTE_FIELDS)}
    assert slugs <= FIGURES.keys(), slugs - FIGURES.keys()


@pytest.mark.parametrize(
    ("model", "slug", "field", "text"),
    [
        pytest.param(*item, id=f"{item[1]}.{item[2]}")
        for item in texts(PROSE_FIELDS, QUOTE_FIELDS)
        if item[2] != "since_2009"
    ],
)
def test_every_figure_in_the_prose_is_one_the_brochure_gives(model, slug, field, text):
    known = FIGURES.get(slug, set()) | BROCHURE_FIGURES
    unknown = [number for number in numbers(text) if number not in known]
    assert not unknown, f"{model} « {slug} », field {field}: {unknown} not in the brochure"


@pytest.mark.parametrize(
    ("slug", "note"),
    [
        pytest.param(slug, text, id=slug)
        for _, slug, field, text in texts(PROSE_FIELDS)
        if field == "since_2009"
    ],
)
def test_every_note_since_2009_starts_with_its_date(slug, note):
    dated = DATED_NOTE.match(note)
    assert dated, f"{slug}: « {note[:40]}… » does not start with a date"
    # A change may predate the brochure it corrects (the DCG's reform of 2007).
    assert 2000 <= int(dated[1]) <= datetime.date.today().year, slug
