"""Levels as pages show them: the brochure's « bac + N » with today's national level,
which links to its dated explanation on the schéma.

    {% load levels %}
    {% level_range career.level_min career.level_max %}
    {% national_levels_note %}
"""

from django import template
from django.utils.html import format_html

from diplomas.levels import (
    NATIONAL_LEVEL,
    NATIONAL_LEVELS_ANCHOR,
    NATIONAL_LEVELS_NOTE,
    NATIONAL_LEVELS_SOURCE,
    NATIONAL_LEVELS_URL,
    Level,
)
from mutuelles_site.reversing import cached_reverse

register = template.Library()


def _level_html(value, national):
    level = Level(value)
    if not national:
        return level.label
    return format_html(
        '{} (<a class="level-note" href="{}#{}">niveau {}</a>)',
        level.label,
        cached_reverse("diplomas:schema"),
        NATIONAL_LEVELS_ANCHOR,
        NATIONAL_LEVEL[level],
    )


@register.simple_tag
def level_range(low, high=None, national=True):
    """The HTML of diplomas.levels.range_label: each national level links to its note.

    Takes two Level values (or None), and `national=False` for a diploma outside the
    national framework (Diploma.in_national_framework); returns safe HTML.
    """
    if low is None:
        return "non précisé"
    if high is None or high == low:
        return _level_html(low, national)
    return format_html("de {} à {}", _level_html(low, national), _level_html(high, national))


@register.inclusion_tag("includes/national_levels_note.html")
def national_levels_note():
    """The dated note on the 2019 national levels, with its source."""
    return {
        "note": NATIONAL_LEVELS_NOTE,
        "source": NATIONAL_LEVELS_SOURCE,
        "url": NATIONAL_LEVELS_URL,
        "anchor": NATIONAL_LEVELS_ANCHOR,
        "schema_url": cached_reverse("diplomas:schema"),
    }
