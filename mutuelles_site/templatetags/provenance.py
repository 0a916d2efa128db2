"""Template tags that show where a fact comes from and when a page was last checked.

    {% load provenance %}
    {% source_mark career "level_source" %}   -> a visible « ajout 2026 » link to its note
    {% addition_notes career pathways %}      -> the page's « Ajouts de la rédaction » notes
    {% reviewed career %}                     -> « Contenu vérifié le 29 novembre 2026 »

The rules themselves are in mutuelles_site.provenance.
"""

from django import template
from django.template.loader import render_to_string
from django.utils.html import format_html

from mutuelles_site.provenance import BROCHURE_DATE, Provenance

register = template.Library()


def note_anchor(obj):
    """The id of `obj`'s addition note on a page: "ajout-pathway-12"."""
    return f"ajout-{obj._meta.model_name}-{obj.pk}"


@register.simple_tag
def source_mark(obj, source_field_name):
    """A short visible mark after an added fact, linking to the note that signs it.

    Takes an object with SignedAddition fields and the name of one of its `*_source`
    fields; returns "" for a brochure fact (the page's legend covers those) and for an
    unknown one (the page says « non précisé » in place of the value).
    """
    if getattr(obj, source_field_name) != Provenance.ADDITION:
        return ""
    year = obj.added_on.year if obj.added_on else ""
    return format_html(
        ' <a class="mark mark-added" href="#{}">ajout {}</a>', note_anchor(obj), year
    )


@register.simple_tag
def addition_notes(*groups):
    """The signed notes of every object of `groups` (objects or iterables) that has one.

    Renders includes/addition_notes.html: each note says what was added, by whom, when,
    why and from which public source; nothing when no object has an addition.
    """
    notes, seen = [], set()
    for group in groups:
        objects = group if hasattr(group, "__iter__") else [group]
        for obj in objects:
            if obj is None or not getattr(obj, "additions", None):
                continue
            anchor = note_anchor(obj)
            if anchor in seen:
                continue
            seen.add(anchor)
            facts = [str(obj._meta.get_field(name).verbose_name) for name in obj.additions]
            notes.append({"anchor": anchor, "object": obj, "facts": facts})
    return render_to_string("includes/addition_notes.html", {"notes": notes})


@register.inclusion_tag("includes/reviewed.html")
def reviewed(*groups):
    """When the content of a page was last checked: the oldest check of its objects.

    Takes objects with a `reviewed_on` date, or iterables of them (a list page passes its
    items); a page is only as current as its least recently checked part.
    """
    dates = []
    for group in groups:
        objects = group if hasattr(group, "__iter__") else [group]
        dates += [obj.reviewed_on for obj in objects if obj is not None]
    oldest = min(dates, default=None)
    return {"reviewed_on": oldest, "from_brochure": oldest == BROCHURE_DATE}
