"""The « Ajouter à ma sélection » / « Retirer de ma sélection » button of job and diploma pages.

{% load selection %}{% selection_form career %}
"""

from django import template

from ..store import Selection, kind_of

register = template.Library()


@register.inclusion_tag("selection/form.html", takes_context=True)
def selection_form(context, obj):
    """A POST form that adds `obj` (a published Career or Diploma) to the visitor's selection,
    or removes it if it is there. A visitor with no session has an empty selection: the page
    reads no cookie it does not have and sets none."""
    request = context["request"]
    return {
        "obj": obj,
        "kind": kind_of(obj),
        "selected": obj in Selection.from_session(request.session),
        "next": request.get_full_path(),
    }
