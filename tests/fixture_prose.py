"""The content fixtures read straight from their JSON files: no database, so the tests that
check the text against the brochure stay fast."""

import json
from functools import cache
from pathlib import Path

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
BROCHURE = Path(__file__).resolve().parent / "data" / "les-metiers-des-mutuelles-2009.txt"

# The fields the site writes in its own words from the brochure's facts. A testimonial's
# `quote` is the person's exact words, so it is listed apart.
PROSE_FIELDS = {
    "careers.family": ("intro",),
    "careers.career": ("lead", "body", "entry_note"),
    "careers.testimonial": ("headline", "story"),
    "diplomas.diploma": (
        "summary",
        "admission",
        "programme",
        "after",
        "cqp_objective",
        "cqp_method",
        "cqp_profile",
        "since_2009",
    ),
}
QUOTE_FIELDS = {"careers.testimonial": ("quote",)}


@cache
def fixture_objects():
    objects = []
    for name in ("families", "careers", "diplomas"):
        objects += json.loads((FIXTURES / f"{name}.json").read_text(encoding="utf-8"))
    return tuple(objects)


def fields_of(model):
    """The `fields` of every object of a model, e.g. fields_of("careers.career")."""
    return [obj["fields"] for obj in fixture_objects() if obj["model"] == model]


def texts(*field_maps):
    """(model, slug, field, text) for every non-empty field named in the given maps."""
    for obj in fixture_objects():
        for field_map in field_maps:
            for field in field_map.get(obj["model"], ()):
                text = obj["fields"].get(field)
                if text:
                    yield obj["model"], obj["fields"]["slug"], field, text


@cache
def brochure_text():
    return BROCHURE.read_text(encoding="utf-8")
